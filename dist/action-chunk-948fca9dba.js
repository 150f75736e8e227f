import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  renderMetricsTable,
  table
} from "./action-chunk-6fa89fedaf.js";
import {
  PSI_MAJOR,
  PSI_MODERATE,
  beatsReference
} from "./action-chunk-afe352c118.js";
import {
  formatNumber,
  formatSigned
} from "./action-chunk-e5fccb96bd.js";
import {
  escapeCell,
  escapeInline,
  link
} from "./action-chunk-7ba064f90f.js";
import {
  commentMarker
} from "./action-chunk-983340aefc.js";
import {
  shorten
} from "./action-chunk-55db69e02f.js";

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

// src/report/paired-line.ts
function renderPairedLine(paired, baseRef) {
  if (!paired) return "";
  const ref = escapeInline(baseRef);
  if (paired.unavailable !== void 0) {
    return `> [!WARNING]
> Not on the same rows: ${escapeInline(paired.unavailable)}. ${ref}'s column is measured on ${ref}'s own test rows.`;
  }
  const file = paired.file ? ` of ${escapeInline(paired.file)}` : "";
  const parts = [
    `Both models scored on the same ${plural(paired.rows, "test row")}${file}, ${paired.newRows} of them new (not in ${ref}'s data).`,
    paired.seenInTraining > 0 ? `${plural(paired.seenInTraining, "row was", "rows were")} in ${ref}'s training split (the split changed), which flatters ${ref}.` : "",
    paired.note ? `Note: ${escapeInline(paired.note)}.` : "",
    paired.recorded && Object.keys(paired.recorded).length > 0 ? `(${ref}'s record, on its own test rows: ${Object.entries(paired.recorded).slice(0, 6).map(([name2, value]) => `${escapeInline(name2)} ${Number(value.toPrecision(4))}`).join(", ")}.)` : ""
  ];
  return parts.filter(Boolean).join(" ");
}

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
  const rows2 = matrix.map((counts, actual) => [
    `**${escapeCell(classes[actual])}**`,
    ...counts.map((count, predicted) => {
      const delta = previous ? count - previous[actual][predicted] : 0;
      const text = delta === 0 ? String(count) : `${count} (${delta > 0 ? "+" : ""}${delta})`;
      return actual === predicted ? `**${text}**` : text;
    })
  ]);
  const caption = previous ? `**Confusion matrix** (PR, ${head.testRows} test rows; changes against ${escapeInline(baseLabel)} in parentheses)` : `**Confusion matrix** (PR, ${head.testRows} test rows)`;
  return [caption, "", table(["actual \u2193 / predicted \u2192", ...classes.map(escapeCell)], rows2, ["l", ...classes.map(() => "r")])].join("\n");
}
function comparableMatrix(base, classes) {
  const sameClasses = base?.classes?.length === classes.length && base.classes.every((label, i) => label === classes[i]) && base.confusionMatrix;
  if (!sameClasses) return void 0;
  const matrix = base.confusionMatrix;
  return matrix.length === classes.length && matrix.every((row) => row.length === classes.length) ? matrix : void 0;
}

// src/report/data-changes.ts
var MOST_ROWS = 0.5;
var NAME_CHARS = 60;
function renderDataChanges(changes, evaluation) {
  const parts = [
    absentClasses(evaluation),
    ...(changes?.diffs ?? []).filter(changed).map(renderDiff),
    ...(changes?.notes ?? []).map((note) => `Data: ${escapeInline(note)}.`)
  ];
  return parts.filter((part) => part !== "").join("\n\n");
}
function changed(diff) {
  return diff.addedRows + diff.removedRows + diff.modifiedRows + diff.columnsAdded.length + diff.columnsRemoved.length + diff.columnsRetyped.length > 0;
}
function absentClasses(evaluation) {
  const { classes, confusionMatrix } = evaluation ?? {};
  if (!classes || !confusionMatrix) return "";
  const absent = classes.filter((_, k) => (confusionMatrix[k] ?? []).every((count) => count === 0));
  if (absent.length === 0) return "";
  const named = absent.slice(0, 10).map(name);
  return `> [!WARNING]
> ${absent.length === 1 ? "Class" : "Classes"} ${named.join(", ")}${absent.length > 10 ? `, \u2026 (${absent.length} in all)` : ""} ${absent.length === 1 ? "has" : "have"} no rows in this PR's test split: ${absent.length === 1 ? "its" : "their"} recall is not measured and the macro averages leave ${absent.length === 1 ? "it" : "them"} out. More data or a larger \`data.split.test\` fixes it.`;
}
function renderDiff(diff) {
  const removedShare = diff.baseRows > 0 ? diff.removedRows / diff.baseRows : 0;
  const flagged = diff.shift.filter((shift2) => shift2.psi > PSI_MAJOR);
  const summary = [
    `Data changes in ${escapeInline(diff.file)}: ${diff.baseRows} \u2192 ${diff.headRows} rows (+${diff.addedRows}, \u2212${diff.removedRows}, ${diff.modifiedRows} modified)`,
    removedShare > MOST_ROWS && `\u26A0\uFE0F removes ${percent(removedShare)} of main's rows`,
    diff.columnsAdded.length > 0 && `${plural(diff.columnsAdded.length, "column")} added`,
    diff.columnsRemoved.length > 0 && `${plural(diff.columnsRemoved.length, "column")} removed`,
    diff.columnsRetyped.length > 0 && `${plural(diff.columnsRetyped.length, "column")} retyped`,
    flagged.length > 0 && `\u26A0\uFE0F shift in ${names(
      flagged.map((shift2) => shift2.column),
      3
    )}`
  ].filter((part) => typeof part === "string");
  const open = removedShare > MOST_ROWS || diff.columnsAdded.length + diff.columnsRemoved.length + diff.columnsRetyped.length > 0;
  return [
    `<details${open ? " open" : ""}><summary>${summary.join(" \xB7 ")}</summary>`,
    "",
    ...[schema(diff), rows(diff), labels(diff), shift(diff)].filter((part) => part !== "").flatMap((part) => [part, ""]),
    "</details>"
  ].join("\n");
}
function schema(diff) {
  const lines = [
    diff.columnsAdded.length > 0 && `- added: ${names(diff.columnsAdded)}`,
    diff.columnsRemoved.length > 0 && `- removed: ${names(diff.columnsRemoved)}`,
    diff.columnsRetyped.length > 0 && `- retyped: ${diff.columnsRetyped.slice(0, 10).map((change) => `${name(change.column)} (${kindText(change.base)} \u2192 ${kindText(change.head)})`).join(", ")}${diff.columnsRetyped.length > 10 ? ", \u2026" : ""}`
  ].filter((line) => typeof line === "string");
  if (lines.length === 0) return "";
  return ["**Columns** \u2014 rows below are compared on the columns both sides share; main's model and this PR's do not read the same inputs.", ...lines].join(
    "\n"
  );
}
function rows(diff) {
  const lines = [
    `**Rows** by content: ${diff.unchangedRows} unchanged, ${diff.addedRows} added, ${diff.removedRows} removed, ${diff.modifiedRows} modified (a removed and an added row between the same unchanged neighbours).`
  ];
  if (diff.addedRows > 0) lines.push(`- added: PR ${lineList(diff.addedLines, diff.addedRows)}`);
  if (diff.removedRows > 0) lines.push(`- removed: ${escapeInline("main's")} ${lineList(diff.removedLines, diff.removedRows)}`);
  if (diff.modifiedRows > 0) {
    const shown = diff.modified.map((row) => `line ${row.baseLine} \u2192 ${row.headLine}${row.columns.length > 0 ? ` (${names(row.columns, 3)})` : ""}`);
    lines.push(`- modified: ${shown.join("; ")}${diff.modifiedRows > shown.length ? `; and ${diff.modifiedRows - shown.length} more` : ""}`);
  }
  return lines.join("\n");
}
function lineList(lines, total) {
  const shown = `line${total === 1 ? "" : "s"} ${lines.join(", ")}`;
  return total > lines.length ? `${shown}, and ${total - lines.length} more` : shown;
}
function labels(diff) {
  if (!diff.labels || diff.labels.length === 0) return "";
  const share = (count, total) => total === 0 ? "\u2014" : `${count} (${percent(count / total)})`;
  const rowsOf = diff.labels.map((label) => [escapeCell(shorten(label.label, NAME_CHARS)), share(label.base, diff.baseRows), share(label.head, diff.headRows)]);
  const more = diff.moreLabels ? `

${plural(diff.moreLabels, "more class", "more classes")} not shown.` : "";
  return `**Label balance**

${table(["class", "main", "PR"], rowsOf, ["l", "r", "r"])}${more}`;
}
function shift(diff) {
  const shown = diff.shift.filter((entry) => entry.psi > PSI_MODERATE / 10).slice(0, 10);
  const intro = `**Distribution shift** \u2014 population stability index over bins of main's data (deciles; categories), under ${PSI_MODERATE} no real change, ${PSI_MODERATE}\u2013${PSI_MAJOR} moderate, over ${PSI_MAJOR} major.`;
  if (shown.length === 0) return `${intro} Every shared feature is under ${PSI_MODERATE / 10}.`;
  return `${intro}

${table(
    ["feature", "PSI", ""],
    shown.map((entry) => [
      escapeCell(shorten(entry.column, NAME_CHARS)),
      entry.psi.toFixed(3),
      entry.psi > PSI_MAJOR ? "\u26A0\uFE0F major" : entry.psi > PSI_MODERATE ? "moderate" : ""
    ]),
    ["l", "r", "l"]
  )}`;
}
function name(text) {
  return escapeInline(shorten(text, NAME_CHARS));
}
function names(list, max = 10) {
  const shown = list.slice(0, max).map(name);
  return list.length > max ? `${shown.join(", ")}, \u2026 (${list.length} in all)` : shown.join(", ");
}
function kindText(kind) {
  return kind === "numeric" ? "numbers" : "text";
}
function percent(share) {
  return `${+(share * 100).toFixed(1)}%`;
}

// src/report/mermaid.ts
var MAX_LABEL_LENGTH = 60;
var UNSAFE = /[^A-Za-z0-9 ._+\-/(),']/g;
function mermaidText(text) {
  const safe = text.replace(UNSAFE, "_").replace(/ +/g, " ").trim();
  const cut = safe.length > MAX_LABEL_LENGTH ? `${safe.slice(0, MAX_LABEL_LENGTH - 3)}...` : safe;
  return cut === "" ? "_" : cut;
}
var COLOR = /^#[0-9a-f]{6}$/i;
function xyChartBlock({ title, xTitle, categories, yTitle, lines }) {
  if (lines.length === 0) throw new Error("a chart needs at least one line");
  for (const line of lines) {
    if (line.values.length !== categories.length) throw new Error(`a line has ${line.values.length} points for ${categories.length} categories`);
    if (!COLOR.test(line.color)) throw new Error(`${JSON.stringify(line.color)} is not a #rrggbb colour`);
    if (!line.values.every(Number.isFinite)) throw new Error("a chart line holds a non-finite value");
  }
  const all = lines.flatMap((line) => line.values);
  const low = roundBound(Math.min(...all), Math.floor);
  let high = roundBound(Math.max(...all), Math.ceil);
  if (low === high) high = low + (Math.abs(low) || 1) * 0.1;
  const palette = JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: lines.map((line) => line.color).join(", ") } } });
  return [
    "```mermaid",
    `%%{init: ${palette}}%%`,
    "xychart-beta",
    `    title "${mermaidText(title)}"`,
    `    x-axis "${mermaidText(xTitle)}" [${categories.map((category) => `"${mermaidText(category)}"`).join(", ")}]`,
    `    y-axis "${mermaidText(yTitle)}" ${chartNumber(low)} --> ${chartNumber(high)}`,
    ...lines.map((line) => `    line [${line.values.map(chartNumber).join(", ")}]`),
    "```"
  ].join("\n");
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
function sampleIndices(length, count) {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round(i * (length - 1) / (count - 1)));
}

// src/report/curves.ts
var MAX_CHART_POINTS = 50;
function renderLearningCurves({ base, head, baseLabel }) {
  const notes = [];
  const series = [];
  const side = (history, name2, colors) => {
    if (!history) return;
    series.push(finiteSeries({ label: `${name2} train`, color: colors[0], swatch: colors[1], values: history.loss }, notes));
    if (history.val_loss) {
      series.push(finiteSeries({ label: `${name2} validation`, color: colors[2], swatch: colors[3], values: history.val_loss }, notes));
    }
    if (history.stoppedEarlyAt !== void 0) {
      const kept = history.bestEpoch ?? history.stoppedEarlyAt;
      notes.push(`${name2} stopped early after epoch ${history.stoppedEarlyAt + 1}: the weights of epoch ${kept + 1} were kept.`);
    }
  };
  side(base, escapeInline(baseLabel), ["#2f80ed", "\u{1F7E6}", "#27ae60", "\u{1F7E9}"]);
  side(head, "PR", ["#f2994a", "\u{1F7E7}", "#eb5757", "\u{1F7E5}"]);
  const drawable = series.filter((s) => s.values.length >= 2);
  const charts = drawable.length > 0 ? [renderChart(drawable, notes)] : [];
  if (charts.length === 0 && notes.length === 0) return "";
  return ["**Learning curves** (loss per epoch)", ...charts, ...notes.map((note) => `> ${note}`)].join("\n\n");
}
function finiteSeries(series, notes) {
  const bad = series.values.findIndex((value) => !Number.isFinite(value));
  if (bad === -1) return series;
  notes.push(`${series.label} loss is ${series.values[bad]} from epoch ${bad + 1}: training diverged there.`);
  return { ...series, values: series.values.slice(0, bad) };
}
function renderChart(series, notes) {
  const epochs = Math.max(...series.map((s) => s.values.length));
  const picked = sampleIndices(epochs, MAX_CHART_POINTS);
  for (const s of series) {
    if (s.values.length < epochs) notes.push(`${s.label} has ${s.values.length} epochs: its line is held at its last loss after epoch ${s.values.length}.`);
  }
  const chart = xyChartBlock({
    title: "Loss per epoch",
    xTitle: "epoch",
    categories: picked.map((i) => String(i + 1)),
    yTitle: "loss",
    lines: series.map((s) => ({ color: s.color, values: picked.map((i) => s.values[Math.min(i, s.values.length - 1)]) }))
  });
  return [chart, series.map((s) => `${s.swatch} ${s.label}`).join(" \xB7 ")].join("\n");
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
  const changed2 = changes.filter((change) => change.change !== "unchanged");
  if (changed2.length === 0) return "No data files changed.";
  return [
    `**Data** (${plural(changed2.length, "file")} changed)`,
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

// src/report/details.ts
var FOLD_AFTER_LINES = 6;
function foldable(title, body) {
  if (body === "" || body.split("\n").length <= FOLD_AFTER_LINES) return body;
  return `<details><summary>${title}</summary>

${body}

</details>`;
}

// src/report/prediction-changes.ts
var OPEN_TABLE_ROWS = 5;
function renderPredictionChanges(comparison, baseLabel) {
  const { predictions, noise } = comparison;
  if (!predictions) return "";
  const base = escapeInline(baseLabel);
  const file = escapeInline(predictions.file);
  const lead = [
    `**What changed in the predictions** \u2014 ${base}'s model and this PR's on the same ${plural(predictions.rows, "test row")} of ${file}`,
    predictions.newRows > 0 ? ` (${predictions.newRows} of them not in ${base}'s data)` : "",
    ".",
    noise ? ` Intervals: ${formatNumber(noise.resamples)} paired bootstrap resamples of these rows (seed ${noise.seed}); a change whose interval contains 0 is *within noise*.` : ""
  ].join("");
  const body = predictions.classification ? classChanges(predictions.classification, predictions, base) : predictions.regression ? valueChanges(predictions.regression, base) : [];
  return [lead, ...body].join("\n\n");
}
function classChanges(changes, predictions, base) {
  const sideways = changes.changed - changes.fixed - changes.broken;
  const parts = [
    changes.changed === 0 ? `No row changed its predicted class.` : `${plural(changes.changed, "row")} changed ${changes.changed === 1 ? "its" : "their"} predicted class: **${changes.fixed} fixed** (${base} wrong, PR right), **${changes.broken} broken** (${base} right, PR wrong)${sideways > 0 ? `, ${sideways} from one wrong class to another` : ""}.`
  ];
  if (changes.brokenLines.length > 0) parts.push(`Broken rows, by line: ${lineList2(changes.brokenLines, changes.broken)}.`);
  if (changes.fixedLines.length > 0) parts.push(`Fixed rows, by line: ${lineList2(changes.fixedLines, changes.fixed)}.`);
  if (changes.perClass) {
    const rows2 = changes.perClass.map((c) => [
      escapeCell(c.label),
      String(c.support),
      `${formatNumber(c.precision.base)} \u2192 ${formatNumber(c.precision.head)}`,
      formatSigned(c.precision.head - c.precision.base),
      `${formatNumber(c.recall.base)} \u2192 ${formatNumber(c.recall.head)}`,
      formatSigned(c.recall.head - c.recall.base)
    ]);
    const perClass = table(["class", "rows", `precision ${base} \u2192 PR`, "\u0394", `recall ${base} \u2192 PR`, "\u0394"], rows2, ["l", "r", "r", "r", "r", "r"]);
    parts.push(fold(`Per-class precision and recall (${predictions.rows} rows)`, perClass, rows2.length));
  }
  return parts;
}
function valueChanges(changes, base) {
  if (changes.changed === 0) return ["No row changed its prediction."];
  const quantiles = table(
    changes.quantiles.map(({ q }) => q === 0 ? "min" : q === 1 ? "max" : q === 0.5 ? "median" : `${formatNumber(q * 100)}%`),
    [changes.quantiles.map(({ change }) => formatSigned(change))],
    changes.quantiles.map(() => "r")
  );
  const moved = table(
    ["line", "actual", base, "PR", "change"],
    changes.moved.map((row) => [String(row.line), formatNumber(row.truth), formatNumber(row.base), formatNumber(row.head), formatSigned(row.head - row.base)]),
    ["r", "r", "r", "r", "r"]
  );
  return [
    `${plural(changes.changed, "row")} changed ${changes.changed === 1 ? "its" : "their"} prediction. Change (PR \u2212 ${base}) over all rows:`,
    quantiles,
    fold(`The ${plural(changes.moved.length, "row")} that moved most`, moved, changes.moved.length)
  ];
}
function lineList2(lines, total) {
  const more = total - lines.length;
  return `${lines.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
function fold(title, markdown, rows2) {
  if (rows2 <= OPEN_TABLE_ROWS) return `${title}:

${markdown}`;
  return `<details><summary>${title}</summary>

${markdown}

</details>`;
}

// src/report/trend.ts
var MAX_TREND_CHARTS = 6;
var MAIN_COLOR = "#2f80ed";
var PR_COLOR = "#f2994a";
function renderTrend(rows2, trend, baseLabel) {
  if (!trend || trend.length === 0) return "";
  const oldestFirst = [...trend].reverse();
  const gated = rows2.filter((row) => row.gate && row.head !== void 0 && Number.isFinite(row.head));
  const charts = [];
  for (const row of gated.slice(0, MAX_TREND_CHARTS)) {
    const points = oldestFirst.filter((point) => Number.isFinite(point.metrics[row.name]));
    if (points.length === 0) continue;
    const head = row.head;
    charts.push(
      xyChartBlock({
        title: `${row.name} (${row.direction === "higher" ? "higher" : "lower"} is better)`,
        xTitle: `last ${points.length} records of ${baseLabel}, then this PR`,
        categories: [...points.map((point) => point.commit.slice(0, 7)), "PR"],
        yTitle: row.name,
        lines: [
          { color: MAIN_COLOR, values: [...points.map((point) => point.metrics[row.name]), head] },
          { color: PR_COLOR, values: Array.from({ length: points.length + 1 }, () => head) }
        ]
      })
    );
  }
  if (charts.length === 0) return "";
  const ref = escapeInline(baseLabel);
  const left = gated.length - MAX_TREND_CHARTS;
  return [
    ...charts,
    `\u{1F7E6} ${ref}'s records, oldest first, ending at this PR \xB7 \u{1F7E7} this PR's value`,
    ...left > 0 ? [`> ${left} more gated metrics are not charted (limit ${MAX_TREND_CHARTS}); the table above has them all.`] : []
  ].join("\n\n");
}

// src/report/references-table.ts
var DESCRIPTIONS = {
  majority: "always the most frequent training class (probabilities: the training class shares)",
  prior: "a class drawn per row with the training class shares, seeded",
  mean: "always the training mean",
  linear: "logistic regression (multinomial for multiclass; least squares for regression) on the same encoded inputs, fitted by model-ci"
};
function renderReferences(references, rows2) {
  if (!references || references.results.length === 0) return "";
  const shown = rows2.filter((row) => row.head !== void 0 && references.results.some((result) => row.name in result.metrics));
  if (shown.length === 0) return "";
  const notBeaten = /* @__PURE__ */ new Map();
  const cells = shown.map((row) => [
    `${escapeCell(row.name)} ${row.direction === "higher" ? "\u2191" : "\u2193"}`,
    formatNumber(row.head),
    ...references.results.map((result) => {
      const value = result.metrics[row.name];
      if (value === void 0) return "\u2014";
      if (beatsReference(row.direction, row.head, value)) return formatNumber(value);
      notBeaten.set(result.name, [...notBeaten.get(result.name) ?? [], row.name]);
      return `**${formatNumber(value)}** \u26A0\uFE0F`;
    })
  ]);
  const beaten = references.results.map((result) => result.name).filter((name2) => !notBeaten.has(name2));
  const misses = [...notBeaten].map(([name2, metrics]) => `not ${name2} (${metrics.map(escapeInline).join(", ")})`);
  const summary = `Reference models: the PR beats ${beaten.length > 0 ? beaten.join(", ") : "none of them"}${misses.length > 0 ? `; ${misses.join("; ")}` : ""}`;
  return [
    `<details${misses.length > 0 ? " open" : ""}><summary>${summary}</summary>`,
    "",
    `Every model scored on the same ${plural(references.testRows, "test row")}; \u26A0\uFE0F marks a reference the PR does not beat. A gate can require it: \`gate: { beats: [majority, linear] }\`.`,
    "",
    table(["metric", "PR", ...references.results.map((result) => result.name)], cells, ["l", "r", ...references.results.map(() => "r")]),
    "",
    ...references.results.map((result) => `- **${result.name}**: ${DESCRIPTIONS[result.name]}`),
    ...(references.notes ?? []).map((note) => `- ${escapeInline(note)}`),
    "",
    "</details>"
  ].join("\n");
}

// src/report/report.ts
var VERDICT_TEXT = {
  better: "\u2705 better",
  worse: "\u26A0\uFE0F worse",
  mixed: "\u2195\uFE0F mixed",
  "within-noise": "\u3030\uFE0F within noise",
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
    renderPairedLine(comparison.paired, baseRef),
    failedGatesBlock(comparison),
    backendMismatch(base?.backend, head.backend, baseRef),
    renderMetricsTable(comparison.rows, baseRef, { base: base?.evaluation?.testRows, head: head.evaluation?.testRows }),
    renderReferences(input.references, comparison.rows),
    renderConfigDiff(comparison.config, baseRef),
    hasBaseline ? foldable("Params and data", [renderParamsDiff(comparison.params, baseRef, configChanged), renderDataDiff(comparison.data, baseRef)].join("\n\n")) : `No baseline to compare params and data against.`,
    renderDataChanges(input.dataChanges, head.evaluation),
    renderPredictionChanges(comparison, baseRef),
    foldable(`Where ${escapeInline(baseRef)} has been`, renderTrend(comparison.rows, input.trend, baseRef)),
    foldable("Learning curves", renderLearningCurves({ base: base?.history, head: head.history, baseLabel: baseRef })),
    foldable("Confusion matrix", renderConfusionMatrix(head.evaluation, base?.evaluation, baseRef)),
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
