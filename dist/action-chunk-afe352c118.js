import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  decideVerdict,
  formatNumber,
  nearlyEqual
} from "./action-chunk-e5fccb96bd.js";
import {
  cellText,
  compareLabels,
  lineOfRow
} from "./action-chunk-e5a79ce89a.js";

// src/compare/beats-gate.ts
function applyBeatsGates(comparison, references) {
  const rows = comparison.rows.map((row) => beatsRow(row, references));
  const others = comparison.failedGates.filter((failed) => !comparison.rows.some((row) => row.name === failed.name));
  const failedGates = [...rows.filter((row) => row.gatePassed === false), ...others];
  const verdict = failedGates.length > 0 ? "gate-failed" : decideVerdict(rows, comparison.baseline.kind !== "none");
  return { ...comparison, rows, failedGates, verdict };
}
function beatsRow(row, references) {
  const beats = row.gate?.beats;
  if (!beats || row.head === void 0) return row;
  const reasons = [];
  for (const name of beats) {
    const value = references.find((reference) => reference.name === name)?.metrics[row.name];
    if (value === void 0) reasons.push(`the ${name} reference has no ${row.name} on these test rows, so it cannot be beaten`);
    else if (!beatsReference(row.direction, row.head, value))
      reasons.push(`${formatNumber(row.head)} does not beat the ${name} reference's ${formatNumber(value)}`);
  }
  if (reasons.length === 0) return row;
  const gateReason = [row.gatePassed === false ? row.gateReason : void 0, ...reasons].filter(Boolean).join("; ");
  return { ...row, gatePassed: false, gateReason };
}
function beatsReference(direction, head, reference) {
  if (nearlyEqual(head, reference)) return false;
  return direction === "higher" ? head > reference : head < reference;
}

// src/changes/data-diff.ts
var PSI_MODERATE = 0.1;
var PSI_MAJOR = 0.25;
var SHOWN = 10;
var PSI_FLOOR = 1e-4;
var DECILES = 10;
var MAX_CATEGORY_BINS = 50;
function diffData(input) {
  const { base, head, target } = input;
  const headNames = new Set(head.columns.map((c) => c.name));
  const baseNames = new Set(base.columns.map((c) => c.name));
  const shared = base.columns.filter((c) => headNames.has(c.name)).map((c) => c.name);
  const retyped = shared.map((name) => ({ column: name, base: columnOf(base, name).kind, head: columnOf(head, name).kind })).filter((change) => change.base !== change.head);
  const rows = diffRows(
    base,
    head,
    shared.filter((name) => !retyped.some((change) => change.column === name))
  );
  const diff = {
    file: input.file,
    baseRows: base.rowCount,
    headRows: head.rowCount,
    columnsAdded: head.columns.map((c) => c.name).filter((name) => !baseNames.has(name)),
    columnsRemoved: base.columns.map((c) => c.name).filter((name) => !headNames.has(name)),
    columnsRetyped: retyped,
    ...rows,
    shift: shared.filter((name) => name !== target && !retyped.some((change) => change.column === name)).map((name) => shiftOf(columnOf(base, name), columnOf(head, name))).sort((a, b) => b.psi - a.psi || (a.column < b.column ? -1 : 1)).slice(0, SHOWN * 2)
  };
  if (input.task !== "regression" && baseNames.has(target) && headNames.has(target)) {
    const labels = labelBalance(columnOf(base, target), columnOf(head, target));
    diff.labels = labels.slice(0, SHOWN * 2);
    if (labels.length > SHOWN * 2) diff.moreLabels = labels.length - SHOWN * 2;
  }
  return diff;
}
function columnOf(table, name) {
  return table.columns.find((c) => c.name === name);
}
function project(table, names) {
  return { ...table, columns: names.map((name) => columnOf(table, name)) };
}
function diffRows(base, head, shared) {
  const baseKeys = contentKeys(project(base, shared));
  const headKeys = contentKeys(project(head, shared));
  const queues = /* @__PURE__ */ new Map();
  headKeys.forEach((key, j) => {
    const queue = queues.get(key);
    if (queue) queue.push(j);
    else queues.set(key, [j]);
  });
  const taken = /* @__PURE__ */ new Map();
  const baseMatch = new Int32Array(base.rowCount).fill(-1);
  const headMatched = new Uint8Array(head.rowCount);
  baseKeys.forEach((key, i) => {
    const queue = queues.get(key);
    const next = taken.get(key) ?? 0;
    if (!queue || next >= queue.length) return;
    baseMatch[i] = queue[next];
    headMatched[queue[next]] = 1;
    taken.set(key, next + 1);
  });
  const removedBy = /* @__PURE__ */ new Map();
  let anchor = -1;
  for (let i = 0; i < base.rowCount; i++) {
    if (baseMatch[i] >= 0) anchor = baseMatch[i];
    else pushTo(removedBy, anchor, i);
  }
  const addedBy = /* @__PURE__ */ new Map();
  anchor = -1;
  for (let j = 0; j < head.rowCount; j++) {
    if (headMatched[j]) anchor = j;
    else pushTo(addedBy, anchor, j);
  }
  const modifiedPairs = [];
  const removed = [];
  const added = [];
  for (const [key, rows] of removedBy) {
    const partners = addedBy.get(key) ?? [];
    rows.forEach((i, n) => {
      if (n < partners.length) modifiedPairs.push([i, partners[n]]);
      else removed.push(i);
    });
  }
  for (const [key, rows] of addedBy) {
    const paired = removedBy.get(key)?.length ?? 0;
    added.push(...rows.slice(paired));
  }
  removed.sort((a, b) => a - b);
  added.sort((a, b) => a - b);
  modifiedPairs.sort((a, b) => a[1] - b[1]);
  const unchanged = baseMatch.reduce((count, j) => count + (j >= 0 ? 1 : 0), 0);
  return {
    unchangedRows: unchanged,
    addedRows: added.length,
    removedRows: removed.length,
    modifiedRows: modifiedPairs.length,
    addedLines: added.slice(0, SHOWN).map((j) => lineOfRow(head, j)),
    removedLines: removed.slice(0, SHOWN).map((i) => lineOfRow(base, i)),
    modified: modifiedPairs.slice(0, SHOWN).map(([i, j]) => ({
      baseLine: lineOfRow(base, i),
      headLine: lineOfRow(head, j),
      columns: shared.filter((name) => cellText(columnOf(base, name), i) !== cellText(columnOf(head, name), j)).slice(0, SHOWN)
    }))
  };
}
function contentKeys(table) {
  const rows = table.rowCount;
  const lo = new Int32Array(rows).fill(625341585);
  const hi = new Int32Array(rows).fill(1799596469);
  const mix = (r, word) => {
    lo[r] = lane(lo[r], word, 3432918353);
    hi[r] = lane(hi[r], word, 461845907);
  };
  for (const col of table.columns) {
    if (col.kind === "categorical") {
      const codeLo = Int32Array.from(col.dictionary, (text) => textHash(text, 2166136261));
      const codeHi = Int32Array.from(col.dictionary, (text) => textHash(text, 1013904242));
      for (let r = 0; r < rows; r++) {
        lo[r] = lane(lo[r], codeLo[col.codes[r]], 3432918353);
        hi[r] = lane(hi[r], codeHi[col.codes[r]], 461845907);
      }
    } else if (col.values instanceof Float64Array) {
      const words = new Int32Array(col.values.buffer, col.values.byteOffset, rows * 2);
      for (let r = 0; r < rows; r++) {
        mix(r, words[2 * r]);
        mix(r, words[2 * r + 1]);
      }
    } else {
      const words = new Int32Array(col.values.buffer, col.values.byteOffset, rows);
      for (let r = 0; r < rows; r++) mix(r, words[r]);
    }
  }
  const keys = new Float64Array(rows);
  for (let r = 0; r < rows; r++) keys[r] = (finish(hi[r]) >>> 11) * 2 ** 32 + (finish(lo[r]) >>> 0);
  return keys;
}
function lane(h, word, c) {
  let k = Math.imul(word, c);
  k = k << 15 | k >>> 17;
  k = Math.imul(k, 461845907);
  h ^= k;
  h = h << 13 | h >>> 19;
  return Math.imul(h, 5) + 3864292196 | 0;
}
function finish(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return h ^ h >>> 16;
}
function textHash(text, seed) {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = lane(h, text.charCodeAt(i), 16777619);
  return finish(h ^ text.length);
}
function pushTo(groups, key, value) {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}
function labelBalance(base, head) {
  const counts = /* @__PURE__ */ new Map();
  const count = (col, side, rows) => {
    for (let row = 0; row < rows; row++) {
      const label = cellText(col, row);
      const entry = counts.get(label) ?? { label, base: 0, head: 0 };
      entry[side]++;
      counts.set(label, entry);
    }
  };
  count(base, "base", lengthOf(base));
  count(head, "head", lengthOf(head));
  return [...counts.values()].sort((a, b) => compareLabels(a.label, b.label));
}
function lengthOf(col) {
  return col.kind === "numeric" ? col.values.length : col.codes.length;
}
function shiftOf(base, head) {
  if (base.kind === "numeric" && head.kind === "numeric") return { column: base.name, kind: "numeric", psi: numericPsi(base.values, head.values) };
  return { column: base.name, kind: "categorical", psi: categoricalPsi(base, head) };
}
function numericPsi(base, head) {
  if (base.length === 0 || head.length === 0) return 0;
  const values = base instanceof Float64Array ? base.slice() : Float64Array.from({ length: base.length }, (_, i) => base[i]);
  const edges = [];
  let from = 0;
  for (let q = 1; q < DECILES; q++) {
    const position = Math.min(values.length - 1, Math.floor(q * values.length / DECILES));
    const edge = select(values, from, values.length - 1, position);
    from = position;
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  const bounds = Float64Array.from(edges);
  return psi(binCounts(base, bounds), base.length, binCounts(head, bounds), head.length);
}
function binCounts(values, edges) {
  const counts = new Float64Array(edges.length + 1);
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (edges[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}
function select(values, lo, hi, k) {
  while (hi > lo) {
    const mid = lo + hi >> 1;
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}
function categoricalPsi(base, head) {
  const baseCounts = /* @__PURE__ */ new Map();
  for (let row = 0; row < lengthOf(base); row++) {
    const value = cellText(base, row);
    baseCounts.set(value, (baseCounts.get(value) ?? 0) + 1);
  }
  const bins = [...baseCounts.entries()].sort((a, b2) => b2[1] - a[1] || (a[0] < b2[0] ? -1 : 1)).slice(0, MAX_CATEGORY_BINS).map(([value]) => value);
  const binOf = new Map(bins.map((value, i) => [value, i]));
  const other = bins.length;
  const b = new Float64Array(bins.length + 1);
  const h = new Float64Array(bins.length + 1);
  for (let row = 0; row < lengthOf(base); row++) b[binOf.get(cellText(base, row)) ?? other]++;
  for (let row = 0; row < lengthOf(head); row++) h[binOf.get(cellText(head, row)) ?? other]++;
  return psi(b, lengthOf(base), h, lengthOf(head));
}
function psi(baseCounts, baseTotal, headCounts, headTotal) {
  let sum = 0;
  for (let k = 0; k < baseCounts.length; k++) {
    if (baseCounts[k] === 0 && headCounts[k] === 0) continue;
    const p = Math.max(baseCounts[k] / baseTotal, PSI_FLOOR);
    const q = Math.max(headCounts[k] / headTotal, PSI_FLOOR);
    sum += (q - p) * Math.log(q / p);
  }
  return sum;
}

export {
  applyBeatsGates,
  beatsReference,
  PSI_MODERATE,
  PSI_MAJOR,
  diffData
};
