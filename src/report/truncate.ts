/** Fitting a report into one GitHub comment. */
import { link, safeUrl } from './escape.ts';

/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65536;
/** Room kept below the limit for what the posting code adds and for counting differences. */
const MARGIN = 1000;

/**
 * The report cut at a line boundary below `limit - 1000` characters, with any open code fence
 * and `<details>` closed, and a closing note that names the folded sections it left out or cut
 * short and points to the job summary. The first line (the sticky-comment marker) always survives.
 * Length counts UTF-16 units, never fewer than GitHub's count of characters.
 */
export function truncateReport(markdown: string, limit = COMMENT_LIMIT, summaryUrl?: string): string {
  const target = limit - MARGIN;
  if (markdown.length <= target) return markdown;
  const where = safeUrl(summaryUrl) ? `${link('The full report is in the job summary', summaryUrl)}.` : 'The full report is in the job summary of this run.';
  const markerEnd = markdown.indexOf('\n') + 1 || markdown.length;
  let budget = target - 1;
  for (;;) {
    let cut = markdown.lastIndexOf('\n', budget - 1) + 1;
    if (cut <= markerEnd) cut = Math.max(markerEnd, safeCut(markdown, budget));
    const kept = markdown.slice(0, cut);
    const open = openBlocks(kept);
    const note = `> [!WARNING]\n> This report was cut to fit GitHub's comment size limit.${whatWasCut(open.details, markdown.slice(cut))} ${where}\n`;
    const result = `${kept}${kept.endsWith('\n') ? '' : '\n'}${open.closers}\n${note}`;
    // The closers and the note add to the kept part; cut earlier by that much and try again.
    if (result.length <= target || cut <= markerEnd) return result;
    budget -= result.length - target;
  }
}

/** Our folds start a line with `<details><summary>title</summary>`: text from outside cannot, its `<` is escaped. */
const FOLD = /^<details><summary>(.*?)<\/summary>/;

/** ` Cut short: A. Left out: B, C.` from the folds still open at the cut and those after it. */
function whatWasCut(open: readonly string[], rest: string): string {
  const left = rest
    .split('\n')
    .map((line) => FOLD.exec(line)?.[1])
    .filter((title): title is string => title !== undefined);
  const parts = [open.length > 0 && ` Cut short: ${open.join(', ')}.`, left.length > 0 && ` Left out: ${left.join(', ')}.`];
  return parts.filter((part): part is string => typeof part === 'string').join('');
}

/** A cut that does not split a surrogate pair, for a report with no line break to cut at. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** The lines that close whatever fence and `<details>` blocks are still open at the end of `text`, and the titles of those folds. */
function openBlocks(text: string): { closers: string; details: string[] } {
  let fence: { char: string; length: number; indent: string } | undefined;
  const details: string[] = [];
  for (const line of text.split('\n')) {
    const marker = /^( {0,3})(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (marker && marker[2][0] === fence.char && marker[2].length >= fence.length && line.trim() === marker[2]) fence = undefined;
    } else if (marker) {
      fence = { char: marker[2][0], length: marker[2].length, indent: marker[1] };
    } else if (/^<details[\s>]/.test(line)) {
      // Only our own tags start a line: `<` in text from outside is escaped.
      details.push(FOLD.exec(line)?.[1] ?? 'a folded section');
    } else if (/^<\/details>/.test(line) && details.length > 0) {
      details.pop();
    }
  }
  const lines: string[] = [];
  if (fence) lines.push(fence.indent + fence.char.repeat(fence.length));
  for (let i = 0; i < details.length; i++) lines.push('</details>');
  return { closers: lines.map((line) => `${line}\n`).join(''), details };
}
