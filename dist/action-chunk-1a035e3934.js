import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  renderMetricsTable,
  table
} from "./action-chunk-d99e2d5373.js";
import {
  commentMarker
} from "./action-chunk-983340aefc.js";
import {
  escapeCell,
  escapeInline,
  link
} from "./action-chunk-7ba064f90f.js";
import {
  shorten
} from "./action-chunk-55db69e02f.js";

// src/report/confusion.ts
var MAX_MATRIX_CLASSES = 20;
function renderConfusionMatrix(head, base, baseLabel) {
  if (!head?.classes || !head.confusionMatrix) return "";
  const { classes, confusionMatrix: matrix } = head;
  if (matrix.length !== classes.length || matrix.some((row) => row.length !== classes.length)) {
    throw new Error(`confusion matrix is not ${classes.length}\xD7${classes.length} like its classes`);
  }
  if (classes.length > MAX_MATRIX_CLASSES) {
    return `**Confusion matrix**: ${classes.length} classes, too many to show here (limit ${MAX_MATRIX_CLASSES}).`;
  }
  const previous = comparableMatrix(base, classes);
  const rows = matrix.map((counts, actual) => [
    `**${escapeCell(classes[actual])}**`,
    ...counts.map((count, predicted) => {
      const delta = previous ? count - previous[actual][predicted] : 0;
      const text = delta === 0 ? String(count) : `${count} (${delta > 0 ? "+" : ""}${delta})`;
      return actual === predicted ? `**${text}**` : text;
    })
  ]);
  const caption = previous ? `**Confusion matrix** (PR, ${head.testRows} test rows; changes against ${escapeInline(baseLabel)} in parentheses)` : `**Confusion matrix** (PR, ${head.testRows} test rows)`;
  return [caption, "", table(["actual \u2193 / predicted \u2192", ...classes.map(escapeCell)], rows, ["l", ...classes.map(() => "r")])].join("\n");
}
function comparableMatrix(base, classes) {
  const sameClasses = base?.classes?.length === classes.length && base.classes.every((label, i) => label === classes[i]) && base.confusionMatrix;
  if (!sameClasses) return void 0;
  const matrix = base.confusionMatrix;
  return matrix.length === classes.length && matrix.every((row) => row.length === classes.length) ? matrix : void 0;
}

// src/report/curves.ts
var MAX_CHART_POINTS = 50;
function renderLearningCurves({ base, head, baseLabel }) {
  const notes = [];
  const series = [];
  const side = (history, name, colors) => {
    if (!history) return;
    series.push(finiteSeries({ label: `${name} train`, color: colors[0], swatch: colors[1], values: history.loss }, notes));
    if (history.val_loss) {
      series.push(finiteSeries({ label: `${name} validation`, color: colors[2], swatch: colors[3], values: history.val_loss }, notes));
    }
    if (history.stoppedEarlyAt !== void 0) {
      const kept = history.bestEpoch ?? history.stoppedEarlyAt;
      notes.push(`${name} stopped early after epoch ${history.stoppedEarlyAt + 1}: the weights of epoch ${kept + 1} were kept.`);
    }
  };
  side(base, escapeInline(baseLabel), ["#2f80ed", "\u{1F7E6}", "#27ae60", "\u{1F7E9}"]);
  side(head, "PR", ["#f2994a", "\u{1F7E7}", "#eb5757", "\u{1F7E5}"]);
  const charts = groupByLength(series.filter((s) => s.values.length >= 2)).map(renderChart);
  if (charts.length === 0 && notes.length === 0) return "";
  return ["**Learning curves** (loss per epoch)", ...charts, ...notes.map((note) => `> ${note}`)].join("\n\n");
}
function finiteSeries(series, notes) {
  const bad = series.values.findIndex((value) => !Number.isFinite(value));
  if (bad === -1) return series;
  notes.push(`${series.label} loss is ${series.values[bad]} from epoch ${bad + 1}: training diverged there.`);
  return { ...series, values: series.values.slice(0, bad) };
}
function groupByLength(series) {
  const groups = /* @__PURE__ */ new Map();
  for (const s of series) groups.set(s.values.length, [...groups.get(s.values.length) ?? [], s]);
  return [...groups.values()];
}
function renderChart(group) {
  const epochs = group[0].values.length;
  const picked = sampleIndices(epochs, MAX_CHART_POINTS);
  const sampled = group.map((s) => picked.map((i) => s.values[i]));
  const all = sampled.flat();
  const low = roundBound(Math.min(...all), Math.floor);
  let high = roundBound(Math.max(...all), Math.ceil);
  if (low === high) high = low + (Math.abs(low) || 1) * 0.1;
  const palette = JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: group.map((s) => s.color).join(", ") } } });
  return [
    "```mermaid",
    `%%{init: ${palette}}%%`,
    "xychart-beta",
    '    title "Loss per epoch"',
    `    x-axis "epoch" [${picked.map((i) => i + 1).join(", ")}]`,
    `    y-axis "loss" ${chartNumber(low)} --> ${chartNumber(high)}`,
    ...sampled.map((values) => `    line [${values.map(chartNumber).join(", ")}]`),
    "```",
    group.map((s) => `${s.swatch} ${s.label}`).join(" \xB7 ")
  ].join("\n");
}
function sampleIndices(length, count) {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round(i * (length - 1) / (count - 1)));
}
function roundBound(value, round) {
  if (value === 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  return round(value / step) * step;
}
function chartNumber(value) {
  if (value === 0) return "0";
  if (Math.abs(value) >= 1e21) return BigInt(Math.round(value)).toString();
  const decimals = Math.min(100, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value)))));
  const text = value.toFixed(decimals);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

// src/report/format.ts
function shortSha(sha) {
  return /^[0-9a-f]{7,64}$/i.test(sha) ? `\`${sha.slice(0, 7)}\`` : escapeInline(sha);
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const seconds = ms / 1e3;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const wholeSeconds = Math.round(seconds);
  if (wholeSeconds < 3600) return `${Math.floor(wholeSeconds / 60)} min ${String(wholeSeconds % 60).padStart(2, "0")} s`;
  const minutes = Math.round(wholeSeconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
function formatScalar(value) {
  if (value === void 0) return "\u2014";
  if (typeof value !== "string") return escapeCell(String(value));
  const ambiguous = value === "" || value !== value.trim() || /^(true|false|null|[-+]?(\d|\.\d))/i.test(value);
  return escapeCell(ambiguous ? JSON.stringify(value) : value);
}
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

// src/report/inputs-tables.ts
function renderConfigDiff(review, baseLabel) {
  if (!review) return "";
  const file = escapeInline(review.file);
  const note = review.note ? ` ${escapeInline(capitalize(review.note))}.` : "";
  if (review.changes.length === 0) return note ? `**Config** (${file}):${note}` : "";
  const judged = review.changes.some((change) => change.afterMerge) ? ` Gates, metrics and the split are ${escapeInline(baseLabel)}'s: this PR's changes to them apply after merge.` : "";
  return [
    `**Config** (${file}, ${plural(review.changes.length, "key")} changed)${note}${judged}`,
    "",
    table(
      ["key", escapeCell(baseLabel), "PR", ""],
      review.changes.map((change) => [
        escapeCell(shorten2(change.key)),
        formatScalar(shorten2(change.base)),
        formatScalar(shorten2(change.head)),
        change.afterMerge ? "**applies after merge**" : "applies now"
      ])
    )
  ].join("\n");
}
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function renderParamsDiff(changes, baseLabel, configChanged = false) {
  if (changes.length === 0) return configChanged ? "No params changed (model-ci.yml did: see **Config**)." : "No params changed.";
  return [
    `**Params** (${plural(changes.length, "key")} changed)`,
    "",
    table(
      ["param", escapeCell(baseLabel), "PR"],
      changes.map((change) => [escapeCell(shorten2(change.key)), formatScalar(shorten2(change.base)), formatScalar(shorten2(change.head))])
    )
  ].join("\n");
}
var MAX_SHOWN = 60;
function shorten2(value) {
  return typeof value === "string" ? shorten(value, MAX_SHOWN) : value;
}
function renderDataDiff(changes, baseLabel) {
  const changed = changes.filter((change) => change.change !== "unchanged");
  if (changed.length === 0) return "No data files changed.";
  return [
    `**Data** (${plural(changed.length, "file")} changed)`,
    "",
    table(
      ["file", "change", `rows (${escapeCell(baseLabel)} \u2192 PR)`, "content hash"],
      changes.map((change) => [
        escapeCell(change.file),
        change.change === "unchanged" ? change.change : `**${change.change}**`,
        transition(change.baseRows, change.headRows, String),
        transition(change.baseHash, change.headHash, shortHash)
      ]),
      ["l", "l", "r", "l"]
    )
  ].join("\n");
}
function transition(before, after, show) {
  const text = (value) => value === void 0 ? "\u2014" : show(value);
  return before === after ? text(after) : `${text(before)} \u2192 ${text(after)}`;
}
function shortHash(hash) {
  const hex = hash.replace(/^sha256:/, "");
  return /^[0-9a-f]+$/i.test(hex) ? `\`${hex.slice(0, 8)}\`` : escapeCell(hash);
}

// src/report/report.ts
var VERDICT_TEXT = {
  better: "\u2705 better",
  worse: "\u26A0\uFE0F worse",
  mixed: "\u2195\uFE0F mixed",
  unchanged: "\u2796 unchanged",
  "gate-failed": "\u274C gate failed",
  "no-baseline": "\u{1F195} no baseline"
};
function renderReport(input) {
  const { comparison, head, base, links = {} } = input;
  const baseRef = input.baseRef ?? "main";
  const hasBaseline = comparison.baseline.kind !== "none";
  const configChanged = (comparison.config?.changes.length ?? 0) > 0;
  const sections = [
    commentMarker(comparison.model),
    `### model-ci \xB7 ${escapeInline(comparison.model)} \u2014 ${VERDICT_TEXT[comparison.verdict]}${configChanged ? " \xB7 config changed" : ""}`,
    "",
    commitsLine(comparison, baseRef, links.repository),
    baselineLine(comparison.baseline, baseRef, links.repository),
    failedGatesBlock(comparison),
    backendMismatch(base?.backend, head.backend, baseRef),
    renderMetricsTable(comparison.rows, baseRef),
    renderConfigDiff(comparison.config, baseRef),
    hasBaseline ? [renderParamsDiff(comparison.params, baseRef, configChanged), renderDataDiff(comparison.data, baseRef)].join("\n\n") : `No baseline to compare params and data against.`,
    renderLearningCurves({ base: base?.history, head: head.history, baseLabel: baseRef }),
    renderConfusionMatrix(head.evaluation, base?.evaluation, baseRef),
    footer(input)
  ];
  return `${sections.filter((section) => section !== "").join("\n\n")}
`;
}
function commitsLine(comparison, baseRef, repository) {
  const commit = (sha) => sha ? link(shortSha(sha), commitUrl(repository, sha)) : "unknown commit";
  const head = `PR ${commit(comparison.headCommit)}`;
  if (comparison.baseline.kind === "none") return `Model trained at ${head}.`;
  return `Compared ${escapeInline(baseRef)} ${commit(comparison.baseline.commit)} \u2192 ${head}.`;
}
function baselineLine(baseline, baseRef, repository) {
  const ref = escapeInline(baseRef);
  const commit = baseline.commit ? link(shortSha(baseline.commit), commitUrl(repository, baseline.commit)) : "unknown commit";
  switch (baseline.kind) {
    case "record":
      return `Baseline: the record of ${ref}@${commit}.`;
    case "ancestor":
      return `Baseline: nearest ancestor with a record, ${commit}, ${plural(baseline.behind ?? 0, "commit")} behind the PR's base.`;
    case "trained":
      return `Baseline: trained from the base commit ${commit} in this run (it had no record).`;
    case "none":
      return `No baseline: ${ref} has no recorded model yet, so every metric is new and only gate thresholds are checked.`;
  }
}
function failedGatesBlock(comparison) {
  if (comparison.failedGates.length === 0) return "";
  return [
    `**${plural(comparison.failedGates.length, "gate")} failed:**`,
    ...comparison.failedGates.map((row) => `- ${escapeInline(row.name)}: ${escapeInline(row.gateReason ?? "failed")}`)
  ].join("\n");
}
function backendMismatch(baseBackend, headBackend, baseRef) {
  if (!baseBackend || baseBackend === headBackend) return "";
  return `> [!NOTE]
> ${escapeInline(baseRef)}'s baseline was trained on ${escapeInline(baseBackend)} and this run on ${escapeInline(
    headBackend
  )}: small differences can come from the backend alone.`;
}
function footer({ head, links = {} }) {
  const notices = (head.backendNotices ?? []).map((notice) => `> [!WARNING]
> ${escapeInline(notice)}`);
  const facts = [
    `backend ${escapeInline(head.backend)}`,
    head.runner && `runner ${escapeInline(head.runner)}`,
    head.trainingMs !== void 0 && `trained in ${formatDuration(head.trainingMs)}`,
    head.seed !== void 0 && `seed ${head.seed}`,
    ...runLinks(links)
  ].filter((fact) => typeof fact === "string" && fact !== "");
  return [...notices, `<sub>${facts.join(" \xB7 ")}</sub>`].join("\n\n");
}
function runLinks(links) {
  return [links.run && link("workflow run", links.run), links.summary && link("job summary", links.summary)].filter(
    (text) => typeof text === "string"
  );
}
function commitUrl(repository, sha) {
  if (!repository || !/^[0-9a-f]{7,64}$/i.test(sha)) return void 0;
  return `${repository.replace(/\/+$/, "")}/commit/${sha}`;
}

export {
  formatScalar,
  VERDICT_TEXT,
  renderReport,
  runLinks,
  commitUrl
};
