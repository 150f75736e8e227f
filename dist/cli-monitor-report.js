import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  escapeCell
} from "./cli-chunk-7ba064f90f.js";
import "./cli-chunk-e3b0c44298.js";

// src/monitor/report.ts
var STATUS = { stable: "stable", moderate: "moderate shift", drift: "DRIFT", "too-few-inputs": "too few inputs" };
function psi(value) {
  return value.toFixed(3);
}
function headline(report) {
  const model = report.model ? `${report.model.name} (version ${report.model.version})` : "the model";
  const verdict = report.drifted.length > 0 ? `${report.drifted.length} of ${report.features.length} features drifted` : `no feature drifted (${report.features.length} checked)`;
  return `drift of ${model}: ${verdict}; max PSI ${psi(report.maxPsi)} (drift at \u2265 ${report.thresholds.drift}, moderate at \u2265 ${report.thresholds.moderate})`;
}
function driftText(report) {
  const clean = (text) => text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
  const rows = [["feature", "inputs", "PSI", "status", "out of range", "unseen"]];
  for (const f of [...report.features, ...report.prediction ? [report.prediction] : []]) {
    rows.push([clean(f.name), String(f.inputs), psi(f.psi), STATUS[f.status], String(f.outOfRange), String(f.unseen)]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const table = rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c])).join("  ")}`.trimEnd()).join("\n");
  return `${headline(report)}
${table}
`;
}
function driftMarkdown(report) {
  const lines = [
    `### ${report.drifted.length > 0 ? "\u26A0\uFE0F" : "\u2705"} ${escapeCell(headline(report))}`,
    "",
    `Inputs counted by the model server (source: ${escapeCell(report.source)}) against the training split's drift bins (population stability index).`,
    "",
    "| feature | inputs | PSI | status | out of training range | unseen categories |",
    "| --- | ---: | ---: | --- | ---: | ---: |"
  ];
  for (const f of [...report.features, ...report.prediction ? [report.prediction] : []]) {
    lines.push(`| ${escapeCell(f.name)} | ${f.inputs} | ${psi(f.psi)} | ${STATUS[f.status]} | ${f.outOfRange} | ${f.unseen} |`);
  }
  lines.push("", "Retrain on recent data and redeploy when features drift; the counts are cumulative since the server started.");
  return `${lines.join("\n")}
`;
}
export {
  driftMarkdown,
  driftText
};
