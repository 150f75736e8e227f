/**
 * Pure: finds a `/model-ci <command> [flags]` line in a comment. Anything else in the comment is prose
 * and ignored; a line that starts with `/model-ci` but does not parse is answered, not ignored, so a
 * typo gets a reply instead of silence.
 */
import { didYouMean } from '../config/suggest.ts';
import { BACKENDS, type BackendName } from '../domain/config.ts';
import { escapeInline } from '../report/escape.ts';

export const COMMANDS = ['retrain', 'report', 'help'] as const;
export type BotCommandName = (typeof COMMANDS)[number];

export type ParsedComment = { kind: 'none' } | { kind: 'command'; name: BotCommandName; backend?: BackendName } | { kind: 'invalid'; message: string };

const PREFIX = '/model-ci';
const FLAGS: Record<BotCommandName, readonly string[]> = { retrain: ['--backend'], report: [], help: [] };

export function parseComment(body: string): ParsedComment {
  for (const line of plainTextLines(body)) {
    if (line === PREFIX || line.startsWith(`${PREFIX} `) || line.startsWith(`${PREFIX}\t`)) return parseLine(line.slice(PREFIX.length).trim());
  }
  return { kind: 'none' };
}

/**
 * The trimmed lines of a comment that render as plain text a person wrote as such. Quoted replies
 * (`> /model-ci retrain`, and the lazy lines that continue a quoted paragraph), code (fenced with
 * backticks or tildes, or indented) and HTML comments are someone citing or hiding a command, not
 * giving one. Close to CommonMark, and stricter where it differs: any line indented 4+ columns is
 * skipped (CommonMark would make it a paragraph continuation after text), and an unclosed `<!--`
 * hides the rest of the comment.
 */
function* plainTextLines(body: string): Generator<string> {
  let fence: { char: string; length: number } | undefined;
  let inHtmlComment = false;
  let inQuotedParagraph = false;
  for (const raw of body.split(/\r\n?|\n/)) {
    if (inHtmlComment) {
      // The closing line is skipped whole: what follows `-->` there still belongs to the HTML block.
      if (raw.includes('-->')) inHtmlComment = false;
      continue;
    }
    const indent = indentColumns(raw);
    const text = raw.trimStart();
    if (fence) {
      const closing = /^(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (indent < 4 && closing && closing[1][0] === fence.char && closing[1].length >= fence.length) fence = undefined;
      continue;
    }
    const opening = indent < 4 ? /^(`{3,}|~{3,})(.*)$/.exec(text) : null;
    // A backtick fence's info string cannot hold a backtick (that line is inline code instead).
    if (opening && !(opening[1][0] === '`' && opening[2].includes('`'))) {
      fence = { char: opening[1][0], length: opening[1].length };
      inQuotedParagraph = false;
      continue;
    }
    if (text === '') {
      inQuotedParagraph = false;
      continue;
    }
    const visible = text.replace(/<!--[\s\S]*?-->/g, '');
    const open = visible.indexOf('<!--');
    if (open >= 0) inHtmlComment = true;
    if (indent < 4 && text.startsWith('>')) {
      inQuotedParagraph = text.slice(1).trim() !== '';
      continue;
    }
    // A line after a quoted paragraph, without `>`, continues that paragraph inside the quote.
    if (inQuotedParagraph || indent >= 4) continue;
    yield (open >= 0 ? visible.slice(0, open) : visible).trim();
  }
}

/** Leading whitespace in columns, tabs advancing to the next multiple of 4 as CommonMark counts them. */
function indentColumns(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

function parseLine(rest: string): ParsedComment {
  const [name = '', ...args] = rest.split(/\s+/).filter(Boolean);
  if (name === '') return { kind: 'command', name: 'help' };
  if (!(COMMANDS as readonly string[]).includes(name)) {
    return { kind: 'invalid', message: `unknown command “${quote(name)}”${didYouMean(name, COMMANDS)}; commands: ${COMMANDS.join(', ')}` };
  }
  const command = name as BotCommandName;
  let backend: BackendName | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    if (!FLAGS[command].includes(flag)) {
      const allowed = FLAGS[command].length > 0 ? `; \`${command}\` takes ${FLAGS[command].join(', ')}` : `; \`${command}\` takes no flags`;
      return { kind: 'invalid', message: `unknown flag “${quote(args[i])}” for \`${command}\`${allowed}` };
    }
    const value = inline ?? args[++i];
    if (value === undefined) return { kind: 'invalid', message: `\`--backend\` needs a value: one of ${BACKENDS.join(', ')}` };
    if (!(BACKENDS as readonly string[]).includes(value)) {
      return { kind: 'invalid', message: `unknown backend “${quote(value)}”${didYouMean(value, BACKENDS)}; backends: ${BACKENDS.join(', ')}` };
    }
    backend = value as BackendName;
  }
  return { kind: 'command', name: command, ...(backend ? { backend } : {}) };
}

// The comment's author wrote this text: escaped, so a reply cannot be made to ping or inject markup.
const quote = (text: string) => escapeInline(text.length > 40 ? `${text.slice(0, 40)}…` : text);

export const HELP_TEXT = [
  'model-ci commands (from people with write access to this repository):',
  '',
  "- `/model-ci retrain [--backend auto|dense|tensorflow-gpu|tensorflow|wasm|cpu]`: retrain the PR's head and update the report (refused when the head was pushed after your comment: look, then ask again)",
  '- `/model-ci report`: post the current report again at the bottom of the conversation',
  '- `/model-ci help`: this message',
].join('\n');
