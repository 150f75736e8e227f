/**
 * Training benchmark, printed in one run (see bench/RESULTS.md):
 *   - samples/s on breast cancer and on a synthetic 200k-row × 30-feature table, for each
 *     backend that loads here, our loop (seeded shuffle, validation split, early-stopping
 *     bookkeeping) against a plain `model.fit` of the same network on the same backend;
 *   - which backend `auto` picks;
 *   - peak memory of a whole `trainModel` run on the 200k table, against its float32 matrix,
 *     and of its data step alone (CSV → split → preprocessing → matrices).
 *
 * Run: node_modules/.bin/node bench/train.ts
 * (`--memory <config> <backend>` and `--memory-data <config>` are the child processes that
 * measure one run, or its data step, in a fresh heap.)
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, loadParams } from '../src/config/load.ts';
import type { ConcreteBackend, Params } from '../src/domain/config.ts';
import type { EncodedData } from '../src/data/fit-preprocessing.ts';
import { loadEngine, type TF } from '../src/model/engine.ts';
import { fitModel } from '../src/train/fit.ts';
import { buildModel, networkShape } from '../src/train/model.ts';
import { prepareData, trainModel } from '../src/train/pipeline.ts';
import { BIG_FEATURES, BIG_ROWS, writeBigTable } from './big-table.ts';

const BACKENDS: ConcreteBackend[] = ['cpu', 'wasm'];

interface Workload {
  name: string;
  shape: ReturnType<typeof networkShape>;
  data: EncodedData;
  params: Params;
  /** Alternating ours/plain pairs; the median ratio damps noise from other processes. */
  repeats: number;
}

async function encoded(configFile: string): Promise<{ shape: Workload['shape']; data: EncodedData; params: Params }> {
  const config = await loadConfig(configFile);
  const params = await loadParams(config.params);
  const { preprocessing, trainData } = await prepareData(config);
  return { shape: networkShape(preprocessing), data: trainData, params };
}

/** Same epochs for both loops: early stopping would make them train different amounts. */
function fixedEpochs(params: Params, epochs: number, batchSize = params.train.batchSize): Params {
  return { ...params, train: { ...params.train, epochs, batchSize, earlyStopping: undefined } };
}

/** Samples per second of wall time and of this process's CPU time (other engineers share the 2 cores). */
interface Rate {
  wall: number;
  cpu: number;
}

async function timed(w: Workload, train: () => Promise<unknown>): Promise<Rate> {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  await train();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: samples(w) / ((performance.now() - wallStart) / 1000), cpu: samples(w) / ((cpu.user + cpu.system) / 1e6) };
}

async function ours(tf: TF, w: Workload): Promise<Rate> {
  const model = buildModel(tf, w.shape, w.params);
  const rate = await timed(w, () => fitModel(tf, model, w.data, w.params));
  model.dispose();
  return rate;
}

async function plain(tf: TF, w: Workload): Promise<Rate> {
  const model = buildModel(tf, w.shape, w.params);
  const inputSize = w.data.x.length / w.data.rows;
  const rate = await timed(w, async () => {
    // Tensors made inside the timed region, as fitModel makes its own.
    const x = tf.tensor2d(w.data.x, [w.data.rows, inputSize]);
    const y = tf.tensor2d(w.data.y, [w.data.rows, w.data.outputSize]);
    await model.fit(x, y, {
      epochs: w.params.train.epochs,
      batchSize: w.params.train.batchSize,
      validationSplit: w.params.train.validationSplit,
      shuffle: true,
      verbose: 0,
    });
    tf.dispose([x, y]);
  });
  model.dispose();
  return rate;
}

function samples(w: Workload): number {
  const validation = Math.round(w.data.rows * w.params.train.validationSplit);
  return (w.data.rows - validation) * w.params.train.epochs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Child process: one trainModel run, sampling memory; prints JSON. */
async function measureMemory(configFile: string, backend: ConcreteBackend): Promise<void> {
  const out = await mkdtemp(join(tmpdir(), 'bench-train-out-'));
  await loadEngine(backend); // tfjs itself is not the table's memory
  globalThis.gc?.();
  const base = process.memoryUsage();
  // High-water marks: maxRSS catches the peak between samples (e.g. inside a synchronous encode loop).
  const baseRss = process.resourceUsage().maxRSS * 1024;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  };
  // The first epoch line splits the run: reading + encoding the data (and one epoch) before, training after.
  // heapUsed and arrayBuffers count garbage V8 has not collected yet, so also measure what is
  // live (after a full gc) at the end of every epoch: the steady footprint of training.
  let loadingPeakHeap = 0;
  let loadingPeakRss = 0;
  let liveAtEpochEnd = 0;
  const log = (line: string) => {
    if (!line.startsWith('epoch')) return;
    if (!loadingPeakHeap) {
      sample();
      [loadingPeakHeap, loadingPeakRss, peakHeap] = [peakHeap, process.resourceUsage().maxRSS * 1024, 0];
    }
    globalThis.gc?.();
    const m = process.memoryUsage();
    liveAtEpochEnd = Math.max(liveAtEpochEnd, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const run = await trainModel(configFile, { out, backend, log });
  sample();
  clearInterval(timer);
  const matrixBytes = run.manifest.trainRows * run.preprocessing.inputSize * 4 + run.manifest.testRows * run.preprocessing.inputSize * 4;
  process.stdout.write(
    JSON.stringify({
      matrixBytes,
      rssBase: baseRss,
      rssPeak: process.resourceUsage().maxRSS * 1024,
      rssPeakLoading: loadingPeakRss,
      heapBase: base.heapUsed + base.arrayBuffers,
      heapPeakLoading: loadingPeakHeap,
      heapPeakTraining: peakHeap,
      liveAtEpochEnd,
      accuracy: run.metrics.accuracy,
      trainMs: run.durations.trainMs,
    }),
  );
  await rm(out, { recursive: true, force: true });
}

/**
 * Child process: the data step of a run alone (`prepareData`, as trainModel calls it), in a fresh
 * heap; prints JSON. Encoding is synchronous, so no timer fires inside it: the sample taken just
 * after it returns still counts the tables (garbage, not yet collected) and the matrices together.
 */
async function measureDataMemory(configFile: string): Promise<void> {
  const config = await loadConfig(configFile);
  await loadEngine('cpu'); // the same baseline as the whole-run measurement
  globalThis.gc?.();
  const base = process.memoryUsage();
  const baseRss = process.resourceUsage().maxRSS * 1024;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const { trainData, testData } = await prepareData(config);
  sample();
  clearInterval(timer);
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  // What training starts with: the tables must be collectable by now, leaving the matrices.
  // V8 frees array buffers' memory on a background thread after a gc: give it a moment, then gc again.
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  globalThis.gc?.();
  const live = process.memoryUsage();
  process.stdout.write(
    JSON.stringify({
      matrixBytes: trainData.x.byteLength + testData.x.byteLength,
      heapPeak: peakHeap - base.heapUsed - base.arrayBuffers,
      rssPeak: rssPeak - baseRss,
      liveAfter: live.heapUsed + live.arrayBuffers - base.heapUsed - base.arrayBuffers,
    }),
  );
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')}`;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-train-'));
  try {
    await mkdir(join(dir, 'data'));
    const started = performance.now();
    const bigConfig = await writeBigTable(dir);
    console.log(`synthetic table: ${BIG_ROWS} rows × ${BIG_FEATURES} features written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const cancer = await encoded(join(import.meta.dirname, '..', 'fixtures', 'breast-cancer', 'model-ci.yml'));
    const big = await encoded(bigConfig);
    const workloads: Workload[] = [
      { name: 'breast-cancer', ...cancer, params: fixedEpochs(cancer.params, 40), repeats: 3 },
      { name: `synthetic ${BIG_ROWS / 1000}k×${BIG_FEATURES}`, ...big, params: fixedEpochs(big.params, 2), repeats: 2 },
    ];

    console.log('\nsamples/s, median of alternating runs; ratio = ours / plain model.fit (goal ≥ 0.95),');
    console.log("by wall time and by this process's CPU time (the CPU figure ignores other processes on the box)");
    console.log('workload              backend  ours/s     plain/s    ratio(wall)  ours/cpu-s  plain/cpu-s  ratio(cpu)');
    const fastest: Record<string, { backend: string; rate: number }> = {};
    for (const backend of BACKENDS) {
      const { tf } = await loadEngine(backend);
      for (const w of workloads) {
        await ours(tf, { ...w, params: fixedEpochs(w.params, 1) }); // warm-up: kernels, wasm compile
        const oursRates: Rate[] = [];
        const plainRates: Rate[] = [];
        for (let i = 0; i < w.repeats; i++) {
          oursRates.push(await ours(tf, w));
          plainRates.push(await plain(tf, w));
        }
        const o = { wall: median(oursRates.map((r) => r.wall)), cpu: median(oursRates.map((r) => r.cpu)) };
        const p = { wall: median(plainRates.map((r) => r.wall)), cpu: median(plainRates.map((r) => r.cpu)) };
        if (!fastest[w.name] || o.cpu > fastest[w.name].rate) fastest[w.name] = { backend, rate: o.cpu };
        console.log(
          `${w.name.padEnd(22)}${backend.padEnd(9)}${rate(o.wall).padEnd(11)}${rate(p.wall).padEnd(11)}${(o.wall / p.wall).toFixed(3).padEnd(13)}` +
            `${rate(o.cpu).padEnd(12)}${rate(p.cpu).padEnd(13)}${(o.cpu / p.cpu).toFixed(3)}`,
        );
      }
    }
    const auto = await loadEngine('auto');
    console.log(
      `\nauto picks: ${auto.backend}; fastest by CPU time: ${Object.entries(fastest)
        .map(([name, f]) => `${name} → ${f.backend} (${rate(f.rate)}/s)`)
        .join(', ')}`,
    );

    // The same run twice: as Node starts by default, and with V8's young generation capped (1 MB
    // semi-spaces), which shows how much of the peak is the runtime's nursery rather than our data.
    const runs = ([[], ['--max-semi-space-size=1']] as const).map((flags) => {
      const child = execFileSync(process.execPath, ['--expose-gc', ...flags, import.meta.filename, '--memory', bigConfig, 'cpu'], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      return { flags, memory: JSON.parse(child) as Record<string, number> };
    });
    const matrixBytes = runs[0].memory.matrixBytes;
    const times = (bytes: number) => `${mb(bytes).padStart(9)} = ${(bytes / matrixBytes).toFixed(2)}×`;
    console.log(`\npeak memory growth, one trainModel run on the ${BIG_ROWS / 1000}k table (cpu; float32 matrices ${mb(matrixBytes)}; goal < 3×):`);
    for (const { flags, memory } of runs) {
      console.log(`  node ${['--expose-gc', ...flags].join(' ')}:`);
      console.log('                                  reading+encoding data, 1st epoch   later epochs');
      console.log(
        `  heapUsed+arrayBuffers (sampled)  ${times(memory.heapPeakLoading - memory.heapBase).padEnd(35)}${times(memory.heapPeakTraining - memory.heapBase)}`,
      );
      console.log(
        `  rss (maxRSS high-water mark)     ${times(memory.rssPeakLoading - memory.rssBase).padEnd(35)}${times(memory.rssPeak - memory.rssBase)} (whole run)`,
      );
      console.log(`  live after gc at epoch ends      ${''.padEnd(35)}${times(memory.liveAtEpochEnd - memory.heapBase)}`);
      console.log(`  (test accuracy ${memory.accuracy.toFixed(4)}; training took ${(memory.trainMs / 1000).toFixed(1)} s)`);
    }

    const dataChild = execFileSync(process.execPath, ['--expose-gc', import.meta.filename, '--memory-data', bigConfig], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const data = JSON.parse(dataChild) as Record<string, number>;
    console.log('\nthe data step alone (prepareData: CSV → split → preprocessing → float32 matrices), fresh process:');
    console.log(`  heapUsed+arrayBuffers (sampled)  ${times(data.heapPeak)}`);
    console.log(`  rss (maxRSS high-water mark)     ${times(data.rssPeak)}`);
    console.log(`  live after gc, data prepared     ${times(data.liveAfter)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--memory') await measureMemory(process.argv[3], process.argv[4] as ConcreteBackend);
else if (process.argv[2] === '--memory-data') await measureDataMemory(process.argv[3]);
else await main();
