/**
 * The synthetic 200k-row × 30-feature binary table the training benchmarks share (bench/train.ts,
 * bench/train-peers.ts), with its model-ci.yml and params.yaml (30→32→16→1, ReLU, Adam 1e-3, batch 256,
 * 2 epochs, validation split 0.1: 144k rows trained per epoch).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng } from '../src/data/random.ts';

export const BIG_ROWS = 200_000;
export const BIG_FEATURES = 30;

/** Writes `dir`/data/big.csv (dir/data must exist), model-ci.yml and params.yaml; returns the config's path. */
export async function writeBigTable(dir: string): Promise<string> {
  const random = createRng(2024);
  const weights = Array.from({ length: BIG_FEATURES }, () => random() * 2 - 1);
  const out = createWriteStream(join(dir, 'data', 'big.csv'));
  out.write(`${Array.from({ length: BIG_FEATURES }, (_, i) => `f${i}`).join(',')},target\n`);
  for (let r = 0; r < BIG_ROWS; r++) {
    const values = weights.map(() => random() * 4 - 2);
    const score = values.reduce((sum, v, i) => sum + v * weights[i], 0) + (random() - 0.5);
    if (!out.write(`${values.map((v) => v.toFixed(4)).join(',')},${score > 0 ? 1 : 0}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  await writeFile(
    join(dir, 'model-ci.yml'),
    [
      'name: big',
      'task: binary-classification',
      'data:',
      '  train: data/big.csv',
      '  target: target',
      '  split: { test: 0.2, seed: 1 }',
      'params: params.yaml',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'params.yaml'),
    [
      'model: { hidden_units: [32, 16], activation: relu, dropout: 0 }',
      'train: { epochs: 2, batch_size: 256, learning_rate: 0.001, optimizer: adam, seed: 1, validation_split: 0.1 }',
      '',
    ].join('\n'),
  );
  return join(dir, 'model-ci.yml');
}
