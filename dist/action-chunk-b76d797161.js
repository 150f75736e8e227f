import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  link,
  safeUrl
} from "./action-chunk-7ba064f90f.js";

// src/report/truncate.ts
var COMMENT_LIMIT = 65536;
var MARGIN = 1e3;
function truncateReport(markdown, limit = COMMENT_LIMIT, summaryUrl) {
  const target = limit - MARGIN;
  if (markdown.length <= target) return markdown;
  const where = safeUrl(summaryUrl) ? `${link("The full report is in the job summary", summaryUrl)}.` : "The full report is in the job summary of this run.";
  const markerEnd = markdown.indexOf("\n") + 1 || markdown.length;
  let budget = target - 1;
  for (; ; ) {
    let cut = markdown.lastIndexOf("\n", budget - 1) + 1;
    if (cut <= markerEnd) cut = Math.max(markerEnd, safeCut(markdown, budget));
    const kept = markdown.slice(0, cut);
    const open = openBlocks(kept);
    const note = `> [!WARNING]
> This report was cut to fit GitHub's comment size limit.${whatWasCut(open.details, markdown.slice(cut))} ${where}
`;
    const result = `${kept}${kept.endsWith("\n") ? "" : "\n"}${open.closers}
${note}`;
    if (result.length <= target || cut <= markerEnd) return result;
    budget -= result.length - target;
  }
}
var FOLD = /^<details><summary>(.*?)<\/summary>/;
function whatWasCut(open, rest) {
  const left = rest.split("\n").map((line) => FOLD.exec(line)?.[1]).filter((title) => title !== void 0);
  const parts = [open.length > 0 && ` Cut short: ${open.join(", ")}.`, left.length > 0 && ` Left out: ${left.join(", ")}.`];
  return parts.filter((part) => typeof part === "string").join("");
}
function safeCut(text, at) {
  const code = text.charCodeAt(at - 1);
  return code >= 55296 && code <= 56319 ? at - 1 : at;
}
function openBlocks(text) {
  let fence;
  const details = [];
  for (const line of text.split("\n")) {
    const marker = /^( {0,3})(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (marker && marker[2][0] === fence.char && marker[2].length >= fence.length && line.trim() === marker[2]) fence = void 0;
    } else if (marker) {
      fence = { char: marker[2][0], length: marker[2].length, indent: marker[1] };
    } else if (/^<details[\s>]/.test(line)) {
      details.push(FOLD.exec(line)?.[1] ?? "a folded section");
    } else if (/^<\/details>/.test(line) && details.length > 0) {
      details.pop();
    }
  }
  const lines = [];
  if (fence) lines.push(fence.indent + fence.char.repeat(fence.length));
  for (let i = 0; i < details.length; i++) lines.push("</details>");
  return { closers: lines.map((line) => `${line}
`).join(""), details };
}

export {
  COMMENT_LIMIT,
  truncateReport
};
