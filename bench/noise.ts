/**
 * Cost of the paired statistics of a PR report (issue 9): the bootstrap intervals of every metric
 * (B = BOOTSTRAP_RESAMPLES) and the prediction diff, on synthetic paired predictions the size of
 * breast cancer's test split (114 rows) and of a 50k-row test split, binary, multiclass and regression.
 * Two models that agree on most rows, like main and a PR.
 *
 * Also, in fresh processes (as a PR run pays it: once, before the JIT has warmed up), the extra time of
 * `compareRuns` + `renderReport` with paired predictions over without, on 114 rows.
 *
 * Run: node_modules/.bin/node bench/noise.ts   (`--cold` is the child process of one cold measurement)
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { compareRuns } from '../src/compare/compare.ts';
import { pairedBootstrap } from '../src/compare/paired-bootstrap.ts';
import { diffPredictions } from '../src/compare/prediction-diff.ts';
import { createRng } from '../src/data/random.ts';
import type { Task } from '../src/domain/config.ts';
import type { PairedPredictions } from '../src/domain/paired-predictions.ts';
import { renderReport } from '../src/report/report.ts';

function synthetic(task: Task, rows: number, seed: number): PairedPredictions {
  const random = createRng(seed);
  const lines = Uint32Array.from({ length: rows }, (_, i) => i + 2);
  const isNew = new Uint8Array(rows);
  if (task === 'regression') {
    const truth = Float64Array.from({ length: rows }, () => random() * 100);
    const base = Float64Array.from(truth, (y) => y + (random() - 0.5) * 20);
    const head = Float64Array.from(base, (y) => y + (random() - 0.5) * 4);
    return { task, rows, truth, base: { value: base }, head: { value: head }, file: 'data.csv', lines, isNew };
  }
  const k = task === 'binary-classification' ? 2 : 5;
  const classes = Array.from({ length: k }, (_, j) => `c${j}`);
  const truth = Int32Array.from({ length: rows }, () => Math.floor(random() * k));
  const side = (skill: number) => {
    const probabilities = new Float32Array(rows * k);
    const label = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      let total = 0;
      for (let j = 0; j < k; j++) {
        const p = random() + (j === truth[r] ? skill : 0);
        probabilities[r * k + j] = p;
        total += p;
      }
      let best = 0;
      for (let j = 0; j < k; j++) {
        probabilities[r * k + j] /= total;
        if (probabilities[r * k + j] > probabilities[r * k + best]) best = j;
      }
      label[r] = best;
    }
    return { label, probabilities };
  };
  return { task, classes, rows, truth, base: side(0.8), head: side(0.85), file: 'data.csv', lines, isNew };
}

function time(run: () => unknown, repeat: number): number {
  run(); // warm-up: JIT
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  return (performance.now() - start) / repeat;
}

/**
 * One cold compare + render without paired predictions, then one with: the extra milliseconds of wall and
 * of CPU time (the figure to trust on a shared machine, where wall time moves with the other jobs).
 */
function coldExtra(): [number, number] {
  const paired = synthetic('binary-classification', 114, 7);
  const input = {
    model: 'bench',
    metrics: [{ name: 'accuracy', direction: 'higher' as const, gate: { tolerance: 0.01, confidence: 0.95 } }],
    base: { metrics: { accuracy: 0.95 }, params: {}, data: {} },
    head: { metrics: { accuracy: 0.96 }, params: {}, data: {} },
    baseline: { kind: 'record' as const },
  };
  renderReport({ comparison: compareRuns(input), head: { backend: 'cpu' } });
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  let cpu = process.cpuUsage();
  let start = performance.now();
  renderReport({ comparison: compareRuns(input), head: { backend: 'cpu' } });
  const plain = [performance.now() - start, cpuMs(process.cpuUsage(cpu))];
  cpu = process.cpuUsage();
  start = performance.now();
  renderReport({ comparison: compareRuns({ ...input, paired }), head: { backend: 'cpu' } });
  return [performance.now() - start - plain[0], cpuMs(process.cpuUsage(cpu)) - plain[1]];
}

if (process.argv.includes('--cold')) {
  console.log(JSON.stringify(coldExtra()));
} else {
  const tasks: Task[] = ['binary-classification', 'multiclass-classification', 'regression'];
  console.log('Warm (after one warm-up call), per call:');
  console.log('| task | rows | bootstrap (all metrics, B=2000) | prediction diff |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const task of tasks) {
    for (const rows of [114, 5_000, 50_000]) {
      const paired = synthetic(task, rows, 7);
      const repeat = rows <= 114 ? 20 : rows <= 5000 ? 3 : 1;
      const bootstrap = time(() => pairedBootstrap(paired), repeat);
      const diff = time(() => diffPredictions(paired), repeat);
      console.log(`| ${task} | ${rows} | ${bootstrap.toFixed(1)} ms | ${diff.toFixed(2)} ms |`);
    }
  }
  const cold = Array.from(
    { length: 5 },
    () => JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--cold'], { encoding: 'utf8' })) as number[],
  );
  const median = (values: number[]) => values.sort((a, b) => a - b)[2].toFixed(0);
  console.log(
    `Cold, binary, 114 rows, 5 fresh processes: compare + render with paired predictions adds a median ${median(cold.map(([wall]) => wall))} ms wall, ${median(cold.map(([, cpu]) => cpu))} ms CPU`,
  );
}
