/**
 * What the report's "baselines any model must beat" and "what changed in the data" sections cost a PR run
 * (see bench/RESULTS.md):
 *   - the reference models (majority, prior, logistic regression) fitted and scored, on breast cancer and
 *     on a synthetic 200k-row × 30-feature table (and least squares on a regression version of it);
 *   - the data diff (two CSV parses, row keys, matching, label balance, PSI) of each file against a
 *     modified copy (rows added, removed and edited; one feature shifted);
 *   - for scale, one whole `trainModel` of breast cancer on cpu (what the PR run pays anyway).
 * Median of 3 (5 on breast cancer).
 *
 * Run: node_modules/.bin/node bench/report-sections.ts
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffData } from '../src/changes/data-diff.ts';
import { loadConfig } from '../src/config/load.ts';
import { readCsv } from '../src/data/csv.ts';
import { createRng } from '../src/data/random.ts';
import { fitReferences } from '../src/reference/reference-models.ts';
import { prepareData, trainModel } from '../src/train/pipeline.ts';

const ROWS = 200_000;
const FEATURES = 30;
const CANCER = join(import.meta.dirname, '..', 'fixtures', 'breast-cancer', 'model-ci.yml');

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

async function timed(repeats: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function writeTable(dir: string, task: 'binary-classification' | 'regression'): Promise<string> {
  const random = createRng(7);
  const weights = Array.from({ length: FEATURES }, () => random() * 2 - 1);
  await mkdir(join(dir, 'data'), { recursive: true });
  const out = createWriteStream(join(dir, 'data', 'big.csv'));
  out.write(`${Array.from({ length: FEATURES }, (_, i) => `f${i}`).join(',')},target\n`);
  for (let r = 0; r < ROWS; r++) {
    const values = weights.map(() => random() * 4 - 2);
    const score = values.reduce((sum, v, i) => sum + v * weights[i], 0) + (random() - 0.5);
    const target = task === 'regression' ? score.toFixed(4) : score > 0 ? '1' : '0';
    if (!out.write(`${values.map((v) => v.toFixed(4)).join(',')},${target}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const split = task === 'regression' ? '{ test: 0.2, seed: 1 }' : '{ test: 0.2, seed: 1, stratify: true }';
  await writeFile(
    join(dir, 'model-ci.yml'),
    `name: big\ntask: ${task}\ndata:\n  train: data/big.csv\n  target: target\n  split: ${split}\nparams: params.yaml\n`,
  );
  await writeFile(join(dir, 'params.yaml'), 'model: { hidden_units: [8] }\ntrain: { epochs: 1 }\n');
  return join(dir, 'model-ci.yml');
}

/** The PR's version of a CSV: every 10th row dropped, every 10th (offset 5) edited, 5% new rows, feature 0 shifted on the new rows. */
async function modifiedCopy(file: string, out: string): Promise<void> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/).filter((line) => line !== '');
  const [header, ...rows] = lines;
  const kept = rows.filter((_, i) => i % 10 !== 0).map((line, i) => (i % 10 === 5 ? line.replace(/^[^,]+/, '9.9999') : line));
  const added = rows.slice(0, Math.floor(rows.length / 20)).map((line) => line.replace(/^[^,]+/, (v) => String(Number(v) + 3)));
  await writeFile(out, `${[header, ...kept, ...added].join('\n')}\n`);
}

async function referencesCost(config: string, repeats: number) {
  const { preprocessing, trainData, testData } = await prepareData(await loadConfig(config));
  let iterations: number | undefined;
  const ms = await timed(repeats, () => {
    iterations = fitReferences(preprocessing, trainData, testData, 0).linearIterations;
  });
  return { ms, iterations, train: trainData.rows, test: testData.rows };
}

async function diffCost(config: string, repeats: number, scratch: string) {
  const loaded = await loadConfig(config);
  const categorical = loaded.task === 'regression' ? [] : [loaded.data.target];
  const head = join(scratch, `head-${loaded.name}.csv`);
  await modifiedCopy(loaded.data.train, head);
  let summary = '';
  const ms = await timed(repeats, async () => {
    const [base, pr] = await Promise.all([readCsv(loaded.data.train, { categorical }), readCsv(head, { categorical })]);
    const diff = diffData({ file: 'x', base, head: pr, target: loaded.data.target, task: loaded.task });
    summary = `+${diff.addedRows} −${diff.removedRows} ~${diff.modifiedRows}, top PSI ${diff.shift[0]?.column} ${diff.shift[0]?.psi.toFixed(3)}`;
  });
  return { ms, summary };
}

const scratch = await mkdtemp(join(tmpdir(), 'bench-report-sections-'));
try {
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  const train = await timed(3, () => trainModel(CANCER, { out: join(scratch, 'cancer'), backend: 'cpu' }));
  const cancerRefs = await referencesCost(CANCER, 5);
  const cancerDiff = await diffCost(CANCER, 5, scratch);
  console.log(`breast cancer: whole trainModel (cpu) ${f(train)}`);
  console.log(`  references: ${f(cancerRefs.ms)} (${cancerRefs.train} train / ${cancerRefs.test} test rows, L-BFGS ${cancerRefs.iterations} iterations)`);
  console.log(`  data diff:  ${f(cancerDiff.ms)} (${cancerDiff.summary})`);
  for (const task of ['binary-classification', 'regression'] as const) {
    const dir = join(scratch, task);
    const config = await writeTable(dir, task);
    const refs = await referencesCost(config, 3);
    console.log(`synthetic ${ROWS / 1000}k×${FEATURES} ${task}: references ${f(refs.ms)}${refs.iterations ? ` (L-BFGS ${refs.iterations} iterations)` : ''}`);
    if (task === 'binary-classification') {
      const diff = await diffCost(config, 3, scratch);
      console.log(`  data diff: ${f(diff.ms)} (${diff.summary})`);
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
