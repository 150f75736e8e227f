/**
 * Training throughput side by side: model-ci's dense engine against PyTorch and scikit-learn's
 * MLPClassifier on the same network (30→32→16→1, ReLU, sigmoid + cross-entropy, Adam 1e-3, batch 256,
 * 2 epochs) over the same 144k encoded rows of the 200k×30 synthetic table (bench/big-table.ts: 80%
 * train split, 10% of it held out for validation), with one thread each and with two.
 *
 * Run: node_modules/.bin/node bench/train-peers.ts [repeats]
 * Peers: Debian's python3-torch and python3-sklearn (`apt-get install python3-torch python3-sklearn`);
 * the bench says which are missing. Each peer runs in its own process with OMP/OpenBLAS/MKL threads set,
 * and OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE removed from its environment so OpenBLAS picks its own kernel
 * (printed). model-ci's figure is fitDense: the training loop with its seeded shuffle and per-epoch
 * validation loss, which the peers do not compute.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, loadParams } from '../src/config/load.ts';
import { loadEngine } from '../src/model/engine.ts';
import { fitDense } from '../src/train/dense/fit.ts';
import { splitValidation } from '../src/train/fit.ts';
import { buildModel, networkShape } from '../src/train/model.ts';
import { prepareData } from '../src/train/pipeline.ts';
import { BIG_FEATURES, BIG_ROWS, writeBigTable } from './big-table.ts';

const PYTHON = '/usr/bin/python3';
const PEERS = ['torch', 'sklearn'] as const;
const repeats = Number(process.argv[2] ?? 3);

interface Rate {
  wall: number;
  cpu: number;
  note: string;
}

function peerEnv(threads: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads) };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

function peerAvailable(peer: (typeof PEERS)[number]): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import ${peer}, threadpoolctl, numpy`], { stdio: 'ignore' });
    return true;
  } catch {
    console.log(`${peer} is not installed for ${PYTHON}: apt-get install python3-${peer === 'torch' ? 'torch' : 'sklearn'} (skipped)`);
    return false;
  }
}

function runPeer(peer: string, folder: string, threads: number): Rate & { blas: string[]; rows: number } {
  const out = execFileSync(PYTHON, [join(import.meta.dirname, 'train-peers.py'), peer, folder, String(BIG_FEATURES), String(threads), String(repeats)], {
    env: peerEnv(threads),
    encoding: 'utf8',
  });
  const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { rows: number; wall: number; cpu: number; version: string; blas: string[] };
  const samples = result.rows * 2;
  return { wall: samples / result.wall, cpu: samples / result.cpu, note: result.version, blas: result.blas, rows: result.rows };
}

const fmt = (value: number) => Math.round(value).toLocaleString('en-US').padStart(10);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-peers-'));
  try {
    await mkdir(join(dir, 'data'));
    const configFile = await writeBigTable(dir);
    const config = await loadConfig(configFile);
    const params = await loadParams(config.params);
    const { preprocessing, trainData } = await prepareData(config);
    const split = splitValidation(trainData.rows, params.train.validationSplit, params.train.seed);
    // The peers get exactly the rows model-ci trains on (its validation rows left out).
    const x = new Float32Array(split.train.length * BIG_FEATURES);
    const y = new Float32Array(split.train.length);
    split.train.forEach((row, i) => {
      x.set(trainData.x.subarray(row * BIG_FEATURES, (row + 1) * BIG_FEATURES), i * BIG_FEATURES);
      y[i] = trainData.y[row];
    });
    await writeFile(join(dir, 'x.f32'), x);
    await writeFile(join(dir, 'y.f32'), y);
    const samples = split.train.length * params.train.epochs;
    console.log(
      `${BIG_ROWS / 1000}k×${BIG_FEATURES} table: ${split.train.length} rows trained per epoch, ${params.train.epochs} epochs, batch ${params.train.batchSize}, ` +
        `hidden ${JSON.stringify(params.model.hiddenUnits)} ${params.model.activation}, ${params.train.optimizer} ${params.train.learningRate}; best of ${repeats}`,
    );
    console.log(
      `machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores, load average ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim()}`,
    );

    const { tf } = await loadEngine('cpu');
    const ours = async (): Promise<Rate> => {
      let best = { wall: 0, cpu: 0 };
      for (let i = 0; i < repeats + 1; i++) {
        const model = buildModel(tf, networkShape(preprocessing), params);
        const wall = performance.now();
        const cpu = process.cpuUsage();
        await fitDense(tf, model, trainData, params);
        const used = process.cpuUsage(cpu);
        model.dispose();
        // The first run compiles the kernels (from source here; dist/ ships them compiled): not counted.
        if (i === 0) continue;
        best = {
          wall: Math.max(best.wall, samples / ((performance.now() - wall) / 1000)),
          cpu: Math.max(best.cpu, samples / ((used.user + used.system) / 1e6)),
        };
      }
      return { ...best, note: 'model-ci dense engine (WebAssembly SIMD, one thread)' };
    };

    const peers = PEERS.filter(peerAvailable);
    for (const threads of [1, 2]) {
      console.log(`\n${threads} thread${threads > 1 ? 's' : ''} each${threads > 1 ? ' (the dense engine uses one: no data-parallel training yet)' : ''}:`);
      console.log(`  ${'engine'.padEnd(58)} ${'samples/s'.padStart(10)} ${'per CPU-s'.padStart(10)}`);
      const results: [string, Rate][] = [['model-ci', await ours()]];
      for (const peer of peers) {
        const result = runPeer(peer, dir, threads);
        if (result.rows !== split.train.length) throw new Error(`${peer} read ${result.rows} rows`);
        results.push([peer, result]);
        console.log(`  (${peer}: ${result.note}; BLAS: ${result.blas.join('; ') || 'none reported'})`);
      }
      for (const [name, rate] of results) console.log(`  ${`${name}: ${rate.note}`.slice(0, 58).padEnd(58)} ${fmt(rate.wall)} ${fmt(rate.cpu)}`);
      const [, mine] = results[0];
      const fastest = results.slice(1).sort((a, b) => b[1].wall - a[1].wall)[0];
      if (fastest) {
        console.log(
          `  model-ci / fastest peer (${fastest[0]}): ${(mine.wall / fastest[1].wall).toFixed(2)}× wall, ${(mine.cpu / fastest[1].cpu).toFixed(2)}× per CPU-second (goal ≥ 1.0×)`,
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
