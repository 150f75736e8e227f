import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  describeGate,
  formatNumber,
  formatPercent,
  formatSigned
} from "./action-chunk-e5fccb96bd.js";
import {
  escapeCell
} from "./action-chunk-7ba064f90f.js";
import {
  METRICS
} from "./action-chunk-a4e2cf860a.js";

// src/report/interval-format.ts
function intervalDecimals(width) {
  if (!(width > 0) || !Number.isFinite(width)) return 4;
  return Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(width))));
}
function formatAtDecimals(value, decimals) {
  const text = value.toFixed(decimals);
  if (/^-?0(\.0*)?$/.test(text)) return "0";
  return value > 0 ? `+${text}` : text;
}
function formatInterval(interval, mcnemar) {
  const decimals = intervalDecimals(interval.high - interval.low);
  const text = `[${formatAtDecimals(interval.low, decimals)}, ${formatAtDecimals(interval.high, decimals)}]`;
  return mcnemar ? `${text} \xB7 McNemar p = ${formatNumber(Number(mcnemar.p.toPrecision(2)))}` : text;
}
function intervalHeader(rows) {
  const levels = new Set(rows.flatMap((row) => row.interval ? [row.interval.confidence] : []));
  if (levels.size === 0) return void 0;
  return levels.size === 1 ? `\u0394 ${formatNumber([...levels][0] * 100)}% CI` : "\u0394 CI";
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

// src/report/precision.ts
function metricDecimals(metric, testRows) {
  if (!Object.hasOwn(METRICS, metric) || !METRICS[metric].shareOfRows) return void 0;
  if (testRows === void 0 || !Number.isInteger(testRows) || testRows < 1) return void 0;
  return Math.max(2, Math.ceil(Math.log10(testRows)));
}
function metricFormat(metric, ...testRows) {
  const known = testRows.filter((rows) => rows !== void 0);
  const decimals = metricDecimals(metric, known.length > 0 ? Math.min(...known) : void 0);
  return { value: (value) => formatNumber(value, decimals), delta: (value) => formatSigned(value, decimals) };
}

// src/report/metrics-table.ts
var STATUS_TEXT = {
  better: "better",
  worse: "**worse**",
  "within-noise": "within noise",
  "within-tolerance": "within tolerance",
  unchanged: "unchanged",
  new: "new",
  removed: "**removed**"
};
var NOT_APPLICABLE = "\u2014";
function renderMetricsTable(rows, baseLabel, testRows = {}) {
  const intervals = intervalHeader(rows);
  const withInterval = (cells, cell) => intervals ? [...cells.slice(0, 4), cell, ...cells.slice(4)] : cells;
  return table(
    withInterval(["metric", escapeCell(baseLabel), "PR", "\u0394", "\u0394%", "verdict", "gate"], intervals ?? ""),
    rows.map(
      (row) => withInterval(
        [
          `${escapeCell(row.name)} ${row.direction === "higher" ? "\u2191" : "\u2193"}`,
          ...numberCells(row, testRows),
          row.deltaPct === void 0 ? NOT_APPLICABLE : formatPercent(row.deltaPct),
          STATUS_TEXT[row.status],
          gateCell(row)
        ],
        row.interval ? `${formatInterval(row.interval, row.mcnemar)}${intervals === "\u0394 CI" ? ` at ${formatNumber(row.interval.confidence * 100)}%` : ""}` : NOT_APPLICABLE
      )
    ),
    withInterval(["l", "r", "r", "r", "r", "l", "l"], "r")
  );
}
function numberCells(row, testRows) {
  const format = metricFormat(row.name, row.base === void 0 ? void 0 : testRows.base, row.head === void 0 ? void 0 : testRows.head);
  return [
    row.base === void 0 ? NOT_APPLICABLE : format.value(row.base),
    row.head === void 0 ? NOT_APPLICABLE : format.value(row.head),
    row.delta === void 0 ? NOT_APPLICABLE : format.delta(row.delta)
  ];
}
function gateCell(row) {
  if (!row.gate) return "";
  if (row.gatePassed === false) return `\u274C ${escapeCell(row.gateReason ?? "failed")}`;
  const rule = describeGate(row.direction, row.gate);
  if (row.base === void 0 && row.gate.threshold === void 0 && row.gate.beats === void 0) return `not checked (no baseline for ${rule})`;
  return row.gateNote ? `\u2705 ${rule}: ${escapeCell(row.gateNote)}` : `\u2705 ${rule}`;
}

export {
  table,
  renderMetricsTable
};
