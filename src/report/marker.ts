/** The hidden line that identifies a model's sticky comment. */

/**
 * `<!-- model-ci:<name> -->`. The sticky-comment code finds our comment by this exact line, so it
 * must be one line and a model name must not be able to end the comment early (`--`, `>`) or break
 * the line: such characters, and `%` so the encoding stays reversible, are percent-encoded as UTF-8.
 * Ordinary names (`breast-cancer`, `iris_v2`) come out unchanged.
 */
export function commentMarker(name: string): string {
  return `<!-- model-ci:${name.replace(/[%<>!\s\u0000-\u001f\u007f]|-(?=-)/gu, percentEncode)} -->`;
}

/** `<!-- model-ci-drift:<name> -->`, the first line of a model's drift issue, encoded as `commentMarker`. */
export function driftIssueMarker(name: string): string {
  return commentMarker(name).replace('<!-- model-ci:', '<!-- model-ci-drift:');
}

function percentEncode(text: string): string {
  return [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
