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
var EXCERPT_CHARS = 40;
var UNSEEN = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function excerpt(text, max = EXCERPT_CHARS) {
  return JSON.stringify(shorten(text, max)).slice(1, -1).replace(UNSEEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function shorten(text, max = EXCERPT_CHARS) {
  const chars = Array.from(text.slice(0, 2 * max));
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}\u2026` : text;
}
function quote(text) {
  return `"${excerpt(text)}"`;
}
function showName(name) {
  return /^[^\u0000-\u001f`"\\]{1,40}$/.test(name) && excerpt(name) === name ? `\`${name}\`` : quote(name);
}

export {
  UserError,
  isUserError,
  fileErrorReason,
  excerpt,
  shorten,
  quote,
  showName
};
