/**
 * What changed in a data file between main and the PR, from the two parsed tables (pure):
 *
 * - **Schema**: columns added, removed, and retyped (numbers on one side, text on the other).
 * - **Rows**, by content: a 53-bit hash of the cells of the columns both sides share with the same type
 *   (so adding or retyping a column does not make every row "modified"; the schema says what changed),
 *   numbers by their value's bits, text by its characters. Two different rows share a hash with a chance
 *   of about n²/2⁵⁴ (5·10⁻⁵ for a million rows): then one row would read as unchanged. It is not the
 *   split's row key: this one only has to agree within one run, and costs no number-to-text conversion.
 *   Equal rows are matched first, in file order (the i-th copy of a row in main
 *   with the i-th copy in the PR). An unmatched row of main is *removed*, of the PR *added* — except that
 *   a removed and an added row between the same matched neighbours pair up, in order, as one *modified*
 *   row: an edit in place, as a line diff shows it. Moving rows around changes nothing.
 * - **Label balance** of the target before and after (classification).
 * - **Distribution shift** per shared feature: the population stability index
 *   PSI = Σ (pᵢ − qᵢ)·ln(pᵢ / qᵢ) over bins fitted on main's data (numbers: main's deciles; categories:
 *   main's values, the rest in one "other" bin), shares floored at 0.0001 so an empty bin stays finite.
 *   The usual reading, from credit-scorecard practice (Siddiqi, *Credit Risk Scorecards*, Wiley 2006;
 *   Yurdakul, *Statistical Properties of the Population Stability Index*, 2018): under 0.1 no real
 *   change, 0.1–0.25 a moderate shift, over 0.25 a major one. Features above `PSI_MAJOR` are flagged.
 *
 * Missing values need no count: model-ci's CSV reader refuses an empty cell (naming its line), so a file
 * that parsed has none. Lists are bounded (`SHOWN`); counts cover the rest.
 */
import type { Task } from '../domain/config.ts';
import { compareLabels } from '../data/fit-preprocessing.ts';
import { cellText, lineOfRow, type Column, type Table } from '../data/table.ts';

export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;
/** Rows, columns and classes named in full; the rest are counted. */
export const SHOWN = 10;
const PSI_FLOOR = 1e-4;
const DECILES = 10;
/** Categories of a column given a bin of their own; rarer ones share "other". */
const MAX_CATEGORY_BINS = 50;

export interface ModifiedRow {
  baseLine: number;
  headLine: number;
  /** Shared columns whose cell differs (at most SHOWN). */
  columns: string[];
}

export interface ColumnShift {
  column: string;
  kind: 'numeric' | 'categorical';
  psi: number;
}

export interface LabelCount {
  label: string;
  base: number;
  head: number;
}

export interface DataDiff {
  /** The file, relative to the config's folder. */
  file: string;
  baseRows: number;
  headRows: number;
  columnsAdded: string[];
  columnsRemoved: string[];
  columnsRetyped: { column: string; base: Column['kind']; head: Column['kind'] }[];
  unchangedRows: number;
  addedRows: number;
  removedRows: number;
  modifiedRows: number;
  /** First SHOWN lines of each kind: added rows' lines in the PR's file, removed rows' in main's. */
  addedLines: number[];
  removedLines: number[];
  modified: ModifiedRow[];
  /** Classification: every class of either side, up to SHOWN × 2, by label order. */
  labels?: LabelCount[];
  /** Classes beyond those listed. */
  moreLabels?: number;
  /** Every shared feature's PSI, largest first (at most SHOWN × 2). */
  shift: ColumnShift[];
}

export interface DataDiffInput {
  file: string;
  base: Table;
  head: Table;
  target: string;
  task: Task;
}

export function diffData(input: DataDiffInput): DataDiff {
  const { base, head, target } = input;
  const headNames = new Set(head.columns.map((c) => c.name));
  const baseNames = new Set(base.columns.map((c) => c.name));
  const shared = base.columns.filter((c) => headNames.has(c.name)).map((c) => c.name);
  const retyped = shared
    .map((name) => ({ column: name, base: columnOf(base, name).kind, head: columnOf(head, name).kind }))
    .filter((change) => change.base !== change.head);
  const rows = diffRows(
    base,
    head,
    shared.filter((name) => !retyped.some((change) => change.column === name)),
  );
  const diff: DataDiff = {
    file: input.file,
    baseRows: base.rowCount,
    headRows: head.rowCount,
    columnsAdded: head.columns.map((c) => c.name).filter((name) => !baseNames.has(name)),
    columnsRemoved: base.columns.map((c) => c.name).filter((name) => !headNames.has(name)),
    columnsRetyped: retyped,
    ...rows,
    shift: shared
      .filter((name) => name !== target && !retyped.some((change) => change.column === name))
      .map((name) => shiftOf(columnOf(base, name), columnOf(head, name)))
      .sort((a, b) => b.psi - a.psi || (a.column < b.column ? -1 : 1))
      .slice(0, SHOWN * 2),
  };
  if (input.task !== 'regression' && baseNames.has(target) && headNames.has(target)) {
    const labels = labelBalance(columnOf(base, target), columnOf(head, target));
    diff.labels = labels.slice(0, SHOWN * 2);
    if (labels.length > SHOWN * 2) diff.moreLabels = labels.length - SHOWN * 2;
  }
  return diff;
}

function columnOf(table: Table, name: string): Column {
  return table.columns.find((c) => c.name === name)!;
}

function project(table: Table, names: readonly string[]): Table {
  return { ...table, columns: names.map((name) => columnOf(table, name)) };
}

type RowCounts = Pick<DataDiff, 'unchangedRows' | 'addedRows' | 'removedRows' | 'modifiedRows' | 'addedLines' | 'removedLines' | 'modified'>;

function diffRows(base: Table, head: Table, shared: readonly string[]): RowCounts {
  const baseKeys = contentKeys(project(base, shared));
  const headKeys = contentKeys(project(head, shared));
  // The i-th copy of a row in main matches the i-th copy in the PR.
  const queues = new Map<number, number[]>();
  headKeys.forEach((key, j) => {
    const queue = queues.get(key);
    if (queue) queue.push(j);
    else queues.set(key, [j]);
  });
  const taken = new Map<number, number>();
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
  // Unmatched rows, grouped by the PR row of their nearest matched predecessor (-1: none).
  const removedBy = new Map<number, number[]>();
  let anchor = -1;
  for (let i = 0; i < base.rowCount; i++) {
    if (baseMatch[i] >= 0) anchor = baseMatch[i];
    else pushTo(removedBy, anchor, i);
  }
  const addedBy = new Map<number, number[]>();
  anchor = -1;
  for (let j = 0; j < head.rowCount; j++) {
    if (headMatched[j]) anchor = j;
    else pushTo(addedBy, anchor, j);
  }
  const modifiedPairs: [number, number][] = [];
  const removed: number[] = [];
  const added: number[] = [];
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
      columns: shared.filter((name) => cellText(columnOf(base, name), i) !== cellText(columnOf(head, name), j)).slice(0, SHOWN),
    })),
  };
}

/** Per row, a 53-bit hash of its cells (two murmur3-style 32-bit lanes). */
function contentKeys(table: Table): Float64Array {
  const rows = table.rowCount;
  const lo = new Int32Array(rows).fill(0x2545f491);
  const hi = new Int32Array(rows).fill(0x6b43a9b5);
  const mix = (r: number, word: number) => {
    lo[r] = lane(lo[r], word, 0xcc9e2d51);
    hi[r] = lane(hi[r], word, 0x1b873593);
  };
  for (const col of table.columns) {
    if (col.kind === 'categorical') {
      // Two independent 32-bit hashes per distinct text: a column of many distinct ids must not collide.
      const codeLo = Int32Array.from(col.dictionary, (text) => textHash(text, 0x811c9dc5));
      const codeHi = Int32Array.from(col.dictionary, (text) => textHash(text, 0x3c6ef372));
      for (let r = 0; r < rows; r++) {
        lo[r] = lane(lo[r], codeLo[col.codes[r]], 0xcc9e2d51);
        hi[r] = lane(hi[r], codeHi[col.codes[r]], 0x1b873593);
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

function lane(h: number, word: number, c: number): number {
  let k = Math.imul(word, c);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function textHash(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = lane(h, text.charCodeAt(i), 0x01000193);
  return finish(h ^ text.length);
}

function pushTo(groups: Map<number, number[]>, key: number, value: number): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

function labelBalance(base: Column, head: Column): LabelCount[] {
  const counts = new Map<string, LabelCount>();
  const count = (col: Column, side: 'base' | 'head', rows: number) => {
    for (let row = 0; row < rows; row++) {
      const label = cellText(col, row);
      const entry = counts.get(label) ?? { label, base: 0, head: 0 };
      entry[side]++;
      counts.set(label, entry);
    }
  };
  count(base, 'base', lengthOf(base));
  count(head, 'head', lengthOf(head));
  return [...counts.values()].sort((a, b) => compareLabels(a.label, b.label));
}

function lengthOf(col: Column): number {
  return col.kind === 'numeric' ? col.values.length : col.codes.length;
}

/** Both columns share a kind here (retyped columns are left out). */
function shiftOf(base: Column, head: Column): ColumnShift {
  if (base.kind === 'numeric' && head.kind === 'numeric') return { column: base.name, kind: 'numeric', psi: numericPsi(base.values, head.values) };
  return { column: base.name, kind: 'categorical', psi: categoricalPsi(base, head) };
}

/** Bins at main's deciles (repeated edges merged), each bin (lower, upper]. */
export function numericPsi(base: ArrayLike<number>, head: ArrayLike<number>): number {
  if (base.length === 0 || head.length === 0) return 0;
  // The decile values by selection, not a full sort: the same edges in O(n) per decile.
  const values = base instanceof Float64Array ? base.slice() : Float64Array.from({ length: base.length }, (_, i) => base[i]);
  const edges: number[] = [];
  let from = 0;
  for (let q = 1; q < DECILES; q++) {
    const position = Math.min(values.length - 1, Math.floor((q * values.length) / DECILES));
    const edge = select(values, from, values.length - 1, position);
    from = position;
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  const bounds = Float64Array.from(edges);
  return psi(binCounts(base, bounds), base.length, binCounts(head, bounds), head.length);
}

/** Counts per bin (previous edge, edge], the last bin above every edge. */
function binCounts(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    // The first edge ≥ value.
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/**
 * The value that would sit at `k` if `values[lo … hi]` were sorted, with smaller values moved before it
 * and larger after (Hoare's selection, median-of-three pivot): later calls with a larger `k` start at `k`.
 */
function select(values: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    // The median of the three: the largest of the pairwise minima.
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

function categoricalPsi(base: Column, head: Column): number {
  const baseCounts = new Map<string, number>();
  for (let row = 0; row < lengthOf(base); row++) {
    const value = cellText(base, row);
    baseCounts.set(value, (baseCounts.get(value) ?? 0) + 1);
  }
  const bins = [...baseCounts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_CATEGORY_BINS)
    .map(([value]) => value);
  const binOf = new Map(bins.map((value, i) => [value, i]));
  const other = bins.length;
  const b = new Float64Array(bins.length + 1);
  const h = new Float64Array(bins.length + 1);
  for (let row = 0; row < lengthOf(base); row++) b[binOf.get(cellText(base, row)) ?? other]++;
  for (let row = 0; row < lengthOf(head); row++) h[binOf.get(cellText(head, row)) ?? other]++;
  return psi(b, lengthOf(base), h, lengthOf(head));
}

function psi(baseCounts: Float64Array, baseTotal: number, headCounts: Float64Array, headTotal: number): number {
  let sum = 0;
  for (let k = 0; k < baseCounts.length; k++) {
    if (baseCounts[k] === 0 && headCounts[k] === 0) continue;
    const p = Math.max(baseCounts[k] / baseTotal, PSI_FLOOR);
    const q = Math.max(headCounts[k] / headTotal, PSI_FLOOR);
    sum += (q - p) * Math.log(q / p);
  }
  return sum;
}
