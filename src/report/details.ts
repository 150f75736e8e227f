/**
 * Long sections fold into `<details>` so the verdict and the metrics table stay on one screen. The tags
 * start their own lines (src/report/truncate.ts closes an open one when a comment is cut, and names the
 * sections it cut by their `<summary>`), with blank lines around the body so GitHub renders its markdown
 * and Mermaid blocks.
 */

/** Sections up to this many lines stay open: folding a one-liner hides more than it saves. */
export const FOLD_AFTER_LINES = 6;

/** `body` folded under `title` (our own plain text, no markup) when it is long; '' stays ''. */
export function foldable(title: string, body: string): string {
  if (body === '' || body.split('\n').length <= FOLD_AFTER_LINES) return body;
  return `<details><summary>${title}</summary>\n\n${body}\n\n</details>`;
}
