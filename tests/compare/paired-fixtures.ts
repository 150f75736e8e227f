/** Hand-built `PairedPredictions` for the tests of the paired statistics: seeded, small, every task. */
import { createRng } from '../../src/data/random.ts';
import type { Task } from '../../src/domain/config.ts';
import type { PairedPredictions } from '../../src/domain/paired-predictions.ts';

/**
 * `rows` rows where main's model is right with probability `baseSkill` and the PR's with `headSkill`,
 * correlated as two models of the same data are (the PR's keeps main's answer on most rows).
 */
export function pairedCase(
  task: Task,
  rows: number,
  options: { seed?: number; baseSkill?: number; headSkill?: number; classes?: number } = {},
): PairedPredictions {
  const random = createRng(options.seed ?? 1);
  const lines = Uint32Array.from({ length: rows }, (_, i) => 2 + ((i * 7) % rows));
  const isNew = Uint8Array.from({ length: rows }, (_, i) => (i % 10 === 0 ? 1 : 0));
  if (task === 'regression') {
    const truth = Float64Array.from({ length: rows }, () => Math.round(random() * 1000) / 10);
    const base = Float64Array.from(truth, (y) => y + Math.round((random() - 0.5) * 200) / 10);
    const head = Float64Array.from(base, (y, i) => (random() < 0.7 ? y : y + Math.round((random() - 0.5) * 100) / 10 + (truth[i] - y) * 0.3));
    return { task, rows, truth, base: { value: base }, head: { value: head }, file: 'data/train.csv', lines, isNew };
  }
  const k = task === 'binary-classification' ? 2 : (options.classes ?? 3);
  const classes = Array.from({ length: k }, (_, j) => `class ${j}`);
  const truth = Int32Array.from({ length: rows }, () => Math.floor(random() * k));
  const baseRight = Array.from({ length: rows }, () => random() < (options.baseSkill ?? 0.8));
  const headRight = baseRight.map((right) => (random() < 0.85 ? right : random() < (options.headSkill ?? 0.8)));
  const side = (right: boolean[]) => {
    const label = Int32Array.from(truth, (y, i) => (right[i] ? y : (y + 1 + Math.floor(random() * (k - 1))) % k));
    const probabilities = new Float32Array(rows * k);
    for (let r = 0; r < rows; r++) {
      // Probabilities in [0.05, 0.95]: no clipping, so scikit-learn's log loss agrees exactly.
      const top = 0.5 + random() * 0.4;
      for (let j = 0; j < k; j++) probabilities[r * k + j] = j === label[r] ? top : (1 - top) / (k - 1);
    }
    return { label, probabilities };
  };
  return { task, classes, rows, truth, base: side(baseRight), head: side(headRight), file: 'data/train.csv', lines, isNew };
}
