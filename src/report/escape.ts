/**
 * Everything in a report that came from outside (metric and param names, values, file names,
 * class labels, notices, error messages) goes through here. A PR author controls those strings,
 * and the comment is posted with the bot's token: they must not close our HTML, open links,
 * render images, ping people or teams, or break a table.
 */

/** Controls and bidirectional overrides ("Trojan Source") would make text read differently than it is. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Characters CommonMark/GFM give meaning inside a line: code spans, emphasis, links, strikethrough, math. */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]~$]/g;

/**
 * Text placed inside a line we start ourselves (after a bullet, in bold, after a label).
 * Line breaks become spaces so the text cannot start a block of its own.
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/\r\n?|[\n\u2028\u2029\t]/g, ' ')
      .replace(INVISIBLE, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN_PUNCTUATION, '\\$&')
      // A zero-width space after `@` is what keeps `@user` and `@org/team` from being notified.
      .replace(/@/g, '@&#8203;')
  );
}

/** Text inside a markdown table cell: inline escaping plus the column separator. */
export function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/**
 * An http(s) URL safe to put in `[text](url)`, or undefined: other schemes (`javascript:`) are
 * dropped, and parentheses are encoded so an unbalanced `)` cannot end the link early.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `[text](url)` when the URL is safe, else the text alone. `text` must already be markdown. */
export function link(text: string, url: string | undefined): string {
  const href = safeUrl(url);
  return href ? `[${text}](${href})` : text;
}

/**
 * `<!--` with a zero-width space after `<`: shown the same, but never an HTML comment, so text from
 * outside cannot carry a sticky-comment marker (`<!-- model-ci:<name> -->`) into a report. Inline
 * text needs no such step: `escapeInline` already turns `<` into `&lt;`.
 */
function breakHtmlComments(text: string): string {
  return text.replace(/<!--/g, '<\u200B!--');
}

/**
 * A fenced code block holding `text` verbatim: inside a fence nothing renders as HTML or markdown
 * and nobody is pinged, so multi-line messages keep their layout. The fence is longer than any
 * backtick run in the text, so the text cannot close it.
 */
export function codeBlock(text: string, indent = ''): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const body = breakHtmlComments(text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '\uFFFD')).split('\n');
  return [fence, ...body, fence].map((line) => indent + line).join('\n');
}
