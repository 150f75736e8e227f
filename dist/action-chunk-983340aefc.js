import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/report/marker.ts
function commentMarker(name) {
  return `<!-- model-ci:${name.replace(/[%<>!\s\u0000-\u001f\u007f]|-(?=-)/gu, percentEncode)} -->`;
}
function driftIssueMarker(name) {
  return commentMarker(name).replace("<!-- model-ci:", "<!-- model-ci-drift:");
}
function percentEncode(text) {
  return [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

export {
  commentMarker,
  driftIssueMarker
};
