import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  runLinks
} from "./action-chunk-948fca9dba.js";
import {
  codeBlock,
  escapeInline
} from "./action-chunk-7ba064f90f.js";
import {
  commentMarker
} from "./action-chunk-983340aefc.js";

// src/report/error-report.ts
function renderErrorReport({ model, title, problems, links = {} }) {
  const items = problems.map((problem) => {
    const [first, ...rest] = problem.message.replace(/\r\n?/g, "\n").split("\n");
    const where = location(problem);
    const line = `- ${where ? `**${where}**: ` : ""}${escapeInline(first)}`;
    const detail = rest.join("\n").trimEnd();
    return detail ? `${line}

${codeBlock(detail, "  ")}` : line;
  });
  const footer = runLinks(links);
  return [
    commentMarker(model),
    `### model-ci \xB7 ${escapeInline(model)} \u2014 \u274C no report`,
    `**${escapeInline(title)}**`,
    items.length > 0 ? items.join("\n") : "- no details were given",
    "Fix the problems above and push again; this comment will be replaced by the report.",
    ...footer.length > 0 ? [`<sub>${footer.join(" \xB7 ")}</sub>`] : []
  ].join("\n\n") + "\n";
}
function location({ file, line, field }) {
  const place = file ? escapeInline(line ? `${file}:${line}` : file) : "";
  const key = field ? escapeInline(field) : "";
  return place && key ? `${place} (${key})` : place || key;
}

export {
  renderErrorReport
};
