/**
 * `model-ci predict` vs a numpy forward pass of the same weights (issue 10).
 *
 *   node_modules/.bin/node bench/predict/run.ts [--rows 50000,200000,800000] [--backend auto]
 *
 * Writes a 30-feature CSV per row count and a breast-cancer-sized network (30 → 16 → 8 → 1, ReLU,
 * sigmoid) as a standard model folder; runs `model-ci predict --format csv --out` and
 * bench/predict/numpy_forward.py (np.loadtxt, float32 forward pass, np.savetxt) on it, each as its
 * own process under /usr/bin/time -v (wall time and peak RSS of the whole process, start-up
 * included); checks both wrote the same labels and probabilities to 1e-5; prints rows/s and peak
 * memory side by side. The numpy peer runs with one OpenBLAS thread, as model-ci runs on one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FeatureSpec } from '../../src/data/preprocessing.ts';
import { createRng } from '../../src/data/random.ts';
import { writeTinyModel } from '../../tests/support/tiny-model.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000,200000,800000' },
    backend: { type: 'string', default: 'auto' },
  },
});
const here = import.meta.dirname;
const cli = join(here, '../../src/cli.ts');

try {
  execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
} catch {
  console.error('python3-numpy is not installed: apt-get install -y python3-numpy');
  process.exit(2);
}

const features: FeatureSpec[] = Array.from({ length: 30 }, (_, i) => ({ name: `feature_${i}`, kind: 'numeric', mean: 10 + i, std: 1 + i / 10 }));

interface Measured {
  seconds: number;
  peakMiB: number;
}

/** Wall time and peak RSS of one process, from GNU time. */
function timed(command: string, argv: string[], env: NodeJS.ProcessEnv): Measured {
  const run = spawnSync('/usr/bin/time', ['-v', command, ...argv], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed:\n${run.stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  if (!wall || !rss) throw new Error(`no figures from /usr/bin/time:\n${run.stderr}`);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), peakMiB: Number(rss[1]) / 1024 };
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const random = createRng(rows);
  const handle = await open(file, 'w');
  await handle.write(`${features.map((f) => f.name).join(',')},diagnosis\n`);
  let text = '';
  for (let r = 0; r < rows; r++) {
    for (const f of features) text += `${f.kind === 'numeric' ? (f.mean + (random() * 4 - 2) * f.std).toFixed(4) : 0},`;
    text += `${r % 2}\n`;
    if (text.length > 1 << 20) {
      await handle.write(text);
      text = '';
    }
  }
  await handle.write(text);
  await handle.close();
}

async function compare(a: string, b: string): Promise<number> {
  const [x, y] = await Promise.all([readFile(a, 'utf8'), readFile(b, 'utf8')]);
  const xs = x.trimEnd().split('\n');
  const ys = y.trimEnd().split('\n');
  if (xs.length !== ys.length) throw new Error(`${xs.length} vs ${ys.length} lines`);
  if (xs[0] !== ys[0]) throw new Error(`headers differ: ${xs[0]} / ${ys[0]}`);
  let worst = 0;
  for (let i = 1; i < xs.length; i++) {
    const [la, ...pa] = xs[i].split(',');
    const [lb, ...pb] = ys[i].split(',');
    worst = Math.max(worst, ...pa.map((p, k) => Math.abs(Number(p) - Number(pb[k]))));
    // A probability within float error of 0.5 may round either way.
    if (la !== lb && Math.abs(Number(pa[1]) - 0.5) > 1e-5) throw new Error(`line ${i + 1}: label ${la} vs ${lb}`);
  }
  return worst;
}

const work = await mkdtemp(join(tmpdir(), 'model-ci-bench-predict-'));
try {
  const model = await writeTinyModel(join(work, 'model'), 'binary', { features, hiddenUnits: [16, 8], activation: 'relu', seed: 3 });
  const peerEnv: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  delete peerEnv.OPENBLAS_CORETYPE;
  delete peerEnv.OPENBLAS_L2_SIZE;
  const table: string[][] = [['rows', 'tool', 'seconds', 'rows/s', 'peak RSS MiB', 'rows/s ratio', 'memory ratio']];
  for (const rows of args.rows.split(',').map(Number)) {
    const csv = join(work, `rows-${rows}.csv`);
    await writeCsv(csv, rows);
    const ours = join(work, `ours-${rows}.csv`);
    const theirs = join(work, `numpy-${rows}.csv`);
    const m = timed(
      process.execPath,
      [cli, 'predict', '--model', model.dir, '--csv', csv, '--format', 'csv', '--out', ours, '--backend', args.backend],
      process.env,
    );
    const n = timed('python3', [join(here, 'numpy_forward.py'), model.dir, csv, theirs], peerEnv);
    const worst = await compare(ours, theirs);
    if (worst > 1e-5) throw new Error(`the two disagree by ${worst} at ${rows} rows`);
    table.push(
      [
        String(rows),
        'model-ci predict',
        m.seconds.toFixed(2),
        (rows / m.seconds).toFixed(0),
        m.peakMiB.toFixed(0),
        `${(n.seconds / m.seconds).toFixed(2)}×`,
        `${(m.peakMiB / n.peakMiB).toFixed(2)}×`,
      ],
      [String(rows), 'numpy', n.seconds.toFixed(2), (rows / n.seconds).toFixed(0), n.peakMiB.toFixed(0), '1×', '1×'],
    );
    await rm(csv);
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log(`\n${process.version}, numpy ${execFileSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).trim()}`);
  console.log('goal: rows/s ratio ≥ 1.0× and memory ratio ≤ 1.0× at 200k rows; peak memory flat from 50k to 800k');
} finally {
  await rm(work, { recursive: true, force: true });
}
