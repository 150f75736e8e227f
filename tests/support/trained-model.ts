/**
 * A model trained for real on a small synthetic table (a few epochs on cpu), for tests of what the
 * server does with a trained model's preprocessing.json: the page's form, drift bins and counters.
 * Column names and categories are hostile on purpose: they are PR data and must stay text.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trainModel, type TrainRun } from '../../src/train/pipeline.ts';

export const HOSTILE_FEATURE = '<img src=x onerror=alert(1)>';
export const HOSTILE_CATEGORY = '"><script>alert(2)</script>';
export const CITIES = ['lyon', 'oslo', 'porto', HOSTILE_CATEGORY];

/** Deterministic pseudo-random numbers in [0, 1) (a linear congruential generator). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SyntheticRow {
  age: number;
  income: number;
  [HOSTILE_FEATURE]: number;
  city: string;
}

/** Rows as the training data draws them: age ~ U(20, 70), income ~ U(1000, 5000), the third ~ U(0, 1), cities evenly. */
export function syntheticRows(count: number, seed: number): SyntheticRow[] {
  const random = lcg(seed);
  return Array.from({ length: count }, () => ({
    age: Math.round(20 + 50 * random()),
    income: Math.round(1000 + 4000 * random()),
    [HOSTILE_FEATURE]: Number(random().toFixed(3)),
    city: CITIES[Math.floor(random() * CITIES.length)],
  }));
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function trainSyntheticModel(dir: string, name = 'synthetic'): Promise<TrainRun> {
  await mkdir(join(dir, 'data'), { recursive: true });
  const rows = syntheticRows(400, 11);
  const lines = [['age', 'income', HOSTILE_FEATURE, 'city', 'label'].map(csvCell).join(',')];
  for (const row of rows) {
    const label = row.age / 70 + row[HOSTILE_FEATURE] + (row.city === 'oslo' ? 0.5 : 0) > 1.2 ? 'yes' : 'no';
    lines.push([String(row.age), String(row.income), String(row[HOSTILE_FEATURE]), csvCell(row.city), label].join(','));
  }
  await writeFile(join(dir, 'data', 'train.csv'), `${lines.join('\n')}\n`);
  await writeFile(
    join(dir, 'model-ci.yml'),
    `name: ${name}\ntask: binary-classification\ndata:\n  train: data/train.csv\n  split: { test: 0.2, seed: 1 }\n  target: label\nparams: params.yaml\nbackend: cpu\nmetrics:\n  - accuracy\n`,
  );
  await writeFile(
    join(dir, 'params.yaml'),
    'model:\n  hidden_units: [8]\n  activation: relu\n  dropout: 0\ntrain:\n  epochs: 5\n  batch_size: 32\n  learning_rate: 0.01\n  optimizer: adam\n  seed: 3\n  validation_split: 0\n',
  );
  return trainModel(join(dir, 'model-ci.yml'), { out: join(dir, 'model'), backend: 'cpu' });
}
