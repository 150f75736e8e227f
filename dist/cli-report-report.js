import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  describeGate
} from "./cli-chunk-4ce564b355.js";
import {
  formatNumber,
  formatPercent,
  formatSigned
} from "./cli-chunk-1d7994cc6d.js";
import {
  shorten
} from "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

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

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table2.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table2[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table2[rowIndex].length;
    }
    while (++columnIndex2 < table2[rowIndex].length) {
      const cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/markdown-table.ts
function table(header, rows, align) {
  return markdownTable([header, ...rows], { alignDelimiters: false, ...align ? { align } : {} });
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

// src/report/marker.ts
function commentMarker(name) {
  return `<!-- model-ci:${name.replace(/[%<>!\s\u0000-\u001f\u007f]|-(?=-)/gu, percentEncode)} -->`;
}
function percentEncode(text) {
  return [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

// src/report/metrics-table.ts
var STATUS_TEXT = {
  better: "better",
  worse: "**worse**",
  "within-tolerance": "within tolerance",
  unchanged: "unchanged",
  new: "new",
  removed: "**removed**"
};
var NOT_APPLICABLE = "\u2014";
function renderMetricsTable(rows, baseLabel) {
  return table(
    ["metric", escapeCell(baseLabel), "PR", "\u0394", "\u0394%", "verdict", "gate"],
    rows.map((row) => [
      `${escapeCell(row.name)} ${row.direction === "higher" ? "\u2191" : "\u2193"}`,
      row.base === void 0 ? NOT_APPLICABLE : formatNumber(row.base),
      row.head === void 0 ? NOT_APPLICABLE : formatNumber(row.head),
      row.delta === void 0 ? NOT_APPLICABLE : formatSigned(row.delta),
      row.deltaPct === void 0 ? NOT_APPLICABLE : formatPercent(row.deltaPct),
      STATUS_TEXT[row.status],
      gateCell(row)
    ]),
    ["l", "r", "r", "r", "r", "l", "l"]
  );
}
function gateCell(row) {
  if (!row.gate) return "";
  if (row.gatePassed === false) return `\u274C ${escapeCell(row.gateReason ?? "failed")}`;
  const rule = describeGate(row.direction, row.gate);
  if (row.base === void 0 && row.gate.threshold === void 0) return `not checked (no baseline for ${rule})`;
  return `\u2705 ${rule}`;
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
  VERDICT_TEXT,
  commitUrl,
  renderReport,
  runLinks
};
