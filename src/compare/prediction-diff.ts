/**
 * What changed in the predictions: main's and the PR's models on the same rows, row by row. A metric
 * that barely moves can hide many rows fixed and as many broken; this says which, by CSV line, so a
 * reviewer can open them. Pure.
 */
import type { PairedPredictions } from '../domain/paired-predictions.ts';
import { classScores, confusionMatrix } from '../metrics/classification.ts';
import { quantile } from './paired-bootstrap.ts';

/** Rows listed by line (broken, fixed, moved most): enough to open and look at, few enough to read. */
export const SHOWN_ROWS = 10;
/** The quantiles of the change in a regression's prediction. */
export const CHANGE_QUANTILES = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1] as const;

export interface ClassChange {
  label: string;
  /** Test rows of this class. */
  support: number;
  precision: { base: number; head: number };
  recall: { base: number; head: number };
}

export interface ClassPredictionChanges {
  /** Rows whose predicted class differs. */
  changed: number;
  /** Base wrong, PR right. */
  fixed: number;
  /** Base right, PR wrong. */
  broken: number;
  /** The first `SHOWN_ROWS` broken and fixed rows, by CSV line, ascending. */
  brokenLines: number[];
  fixedLines: number[];
  /** Multiclass: per-class precision and recall of both models (binary's are the metrics themselves). */
  perClass?: ClassChange[];
}

export interface MovedRow {
  line: number;
  truth: number;
  base: number;
  head: number;
}

export interface ValuePredictionChanges {
  /** Rows whose prediction differs at all. */
  changed: number;
  /** Quantiles of head − base over all rows, at `CHANGE_QUANTILES`. */
  quantiles: { q: number; change: number }[];
  /** The `SHOWN_ROWS` rows whose prediction moved most (largest |head − base|; the earlier line first on a tie). */
  moved: MovedRow[];
}

export interface PredictionDiff {
  /** The CSV file of the rows, relative to the config's folder (PR data: escape it). */
  file: string;
  rows: number;
  /** Rows main's data did not have. */
  newRows: number;
  classification?: ClassPredictionChanges;
  regression?: ValuePredictionChanges;
}

export function diffPredictions(paired: PairedPredictions): PredictionDiff {
  let newRows = 0;
  for (let i = 0; i < paired.rows; i++) newRows += paired.isNew[i];
  const diff: PredictionDiff = { file: paired.file, rows: paired.rows, newRows };
  if (paired.task === 'regression') diff.regression = valueChanges(paired);
  else diff.classification = classChanges(paired);
  return diff;
}

function classChanges(paired: PairedPredictions): ClassPredictionChanges {
  const truth = paired.truth as Int32Array;
  const base = paired.base.label as Int32Array;
  const head = paired.head.label as Int32Array;
  const changes: ClassPredictionChanges = { changed: 0, fixed: 0, broken: 0, brokenLines: [], fixedLines: [] };
  for (let i = 0; i < paired.rows; i++) {
    if (base[i] === head[i]) continue;
    changes.changed++;
    if (head[i] === truth[i]) {
      changes.fixed++;
      changes.fixedLines.push(paired.lines[i]);
    } else if (base[i] === truth[i]) {
      changes.broken++;
      changes.brokenLines.push(paired.lines[i]);
    }
  }
  // Rows come in test-split order, not line order: sort before keeping the first few.
  changes.brokenLines = firstLines(changes.brokenLines);
  changes.fixedLines = firstLines(changes.fixedLines);
  const classes = paired.classes as string[];
  if (paired.task === 'multiclass-classification') {
    const baseMatrix = confusionMatrix(truth, base, classes.length);
    const headMatrix = confusionMatrix(truth, head, classes.length);
    changes.perClass = classes.map((label, k) => {
      const [b, h] = [classScores(baseMatrix, k), classScores(headMatrix, k)];
      return {
        label,
        support: headMatrix[k].reduce((sum, count) => sum + count, 0),
        precision: { base: b.precision, head: h.precision },
        recall: { base: b.recall, head: h.recall },
      };
    });
  }
  return changes;
}

function firstLines(lines: number[]): number[] {
  return lines.sort((a, b) => a - b).slice(0, SHOWN_ROWS);
}

function valueChanges(paired: PairedPredictions): ValuePredictionChanges {
  const base = paired.base.value as Float64Array;
  const head = paired.head.value as Float64Array;
  const change = Float64Array.from(head, (value, i) => value - base[i]);
  let changed = 0;
  for (const delta of change) if (delta !== 0) changed++;
  const sorted = change.slice().sort();
  const order = Uint32Array.from({ length: paired.rows }, (_, i) => i).sort(
    (a, b) => Math.abs(change[b]) - Math.abs(change[a]) || paired.lines[a] - paired.lines[b],
  );
  const moved: MovedRow[] = [];
  for (const i of order.subarray(0, SHOWN_ROWS)) {
    if (change[i] === 0) break;
    moved.push({ line: paired.lines[i], truth: paired.truth[i], base: base[i], head: head[i] });
  }
  return { changed, quantiles: CHANGE_QUANTILES.map((q) => ({ q, change: quantile(sorted, q) })), moved };
}
