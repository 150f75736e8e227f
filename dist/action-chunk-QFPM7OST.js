import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/errors.ts
var UserError = class extends Error {
  location;
  name = "UserError";
  constructor(message, location = {}) {
    super(message);
    this.location = location;
  }
  /** `file:line: field: message`, omitting what is unknown. */
  describe() {
    const { file, line, column, field } = this.location;
    const position = line ? column ? `:${line}:${column}` : `:${line}` : "";
    const where = [file && `${file}${position}`, field && !this.message.includes(field) ? field : void 0].filter(Boolean).join(": ");
    return where ? `${where}: ${this.message}` : this.message;
  }
};
function isUserError(error) {
  return error instanceof UserError;
}
function fileErrorReason(error) {
  const code = error.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}

export {
  UserError,
  isUserError,
  fileErrorReason
};
