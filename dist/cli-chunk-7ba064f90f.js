import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/report/escape.ts
var INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
var MARKDOWN_PUNCTUATION = /[\\`*_[\]~$]/g;
function escapeInline(text) {
  return text.replace(/\r\n?|[\n\u2028\u2029\t]/g, " ").replace(INVISIBLE, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(MARKDOWN_PUNCTUATION, "\\$&").replace(/@/g, "@&#8203;");
}
function escapeCell(text) {
  return escapeInline(text).replace(/\|/g, "\\|");
}
function safeUrl(url) {
  if (!url || !URL.canParse(url)) return void 0;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
}
function link(text, url) {
  const href = safeUrl(url);
  return href ? `[${text}](${href})` : text;
}

export {
  escapeInline,
  escapeCell,
  link
};
