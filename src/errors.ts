/**
 * A mistake the user can fix: bad config, bad data, bad request, bad input.
 * Entry points print `message` (and the location) without a stack trace and
 * exit non-zero; any other error is a bug in model-ci and keeps its stack.
 */
export interface ErrorLocation {
  /** File the mistake is in, as the user would type it (relative where possible). */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** 1-based column on that line, when the mistake is a character (a YAML syntax error). */
  column?: number;
  /** Column name, config key path (`train.epochs`) or request field. */
  field?: string;
}

export class UserError extends Error {
  readonly location: ErrorLocation;
  override readonly name = 'UserError';

  constructor(message: string, location: ErrorLocation = {}) {
    super(message);
    this.location = location;
  }

  /** `file:line: field: message`, omitting what is unknown. */
  describe(): string {
    const { file, line, column, field } = this.location;
    const position = line ? (column ? `:${line}:${column}` : `:${line}`) : '';
    const where = [file && `${file}${position}`, field && !this.message.includes(field) ? field : undefined].filter(Boolean).join(': ');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** Why a file could not be read, in words (`no such file`), for a UserError naming the file. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** How many characters of user text a message quotes at most. */
export const EXCERPT_CHARS = 40;

// JSON.stringify escapes C0 controls; these read differently than they are too (DEL, C1, bidi overrides).
const UNSEEN = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * User text (a cell, a column name, a YAML string) as a message shows it: control characters
 * escaped, cut to a short excerpt. Messages reach logs and public PR comments, and a file that is
 * not what it should be (a secrets file named as a CSV) must not be echoed there.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  return JSON.stringify(shorten(text, max))
    .slice(1, -1)
    .replace(UNSEEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** At most `max` characters of `text`, cut with an ellipsis; not escaped (for a renderer that escapes). */
export function shorten(text: string, max = EXCERPT_CHARS): string {
  const chars = Array.from(text.slice(0, 2 * max));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** `excerpt` in double quotes: `"oops"`. */
export function quote(text: string): string {
  return `"${excerpt(text)}"`;
}

/** A name (column, key) in backticks when it is short and plain, else quoted as an excerpt. */
export function showName(name: string): string {
  return /^[^\u0000-\u001f`"\\]{1,40}$/.test(name) && excerpt(name) === name ? `\`${name}\`` : quote(name);
}
