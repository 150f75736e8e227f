/**
 * What changed in a data file between main and the PR, from the two parsed tables (pure):
 *
 * - **Schema**: columns added, removed, and retyped (numbers on one side, text on the other).
 * - **Rows**, by content (`rowKey` over the columns both sides share, so adding a column does not make
 *   every row "modified"). Equal rows are matched first, in file order (the i-th copy of a row in main
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
import { rowKey } from '../data/row-key.ts';
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
  const rows = diffRows(base, head, shared);
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
  const baseKeys = keysOf(project(base, shared));
  const headKeys = keysOf(project(head, shared));
  // The i-th copy of a row in main matches the i-th copy in the PR.
  const queues = new Map<string, number[]>();
  headKeys.forEach((key, j) => {
    const queue = queues.get(key);
    if (queue) queue.push(j);
    else queues.set(key, [j]);
  });
  const taken = new Map<string, number>();
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

function keysOf(table: Table): string[] {
  return Array.from({ length: table.rowCount }, (_, row) => rowKey(table, row));
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
  const sorted = Float64Array.from(base).sort();
  const edges: number[] = [];
  for (let q = 1; q < DECILES; q++) {
    const edge = sorted[Math.min(sorted.length - 1, Math.floor((q * sorted.length) / DECILES))];
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  const binOf = (value: number) => {
    let lo = 0;
    let hi = edges.length;
    // The first edge ≥ value: bins are (previous edge, edge].
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const baseCounts = new Float64Array(edges.length + 1);
  const headCounts = new Float64Array(edges.length + 1);
  for (let i = 0; i < base.length; i++) baseCounts[binOf(base[i])]++;
  for (let i = 0; i < head.length; i++) headCounts[binOf(head[i])]++;
  return psi(baseCounts, base.length, headCounts, head.length);
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
