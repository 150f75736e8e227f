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
    const where = [file && `${file}${position}`, field && !this.message.includes(field) ? field : undefined]
      .filter(Boolean)
      .join(': ');
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
