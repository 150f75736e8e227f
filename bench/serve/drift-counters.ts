/**
 * What the drift counters cost the predict path (issue 11: under 5% of throughput).
 *
 *   node_modules/.bin/node bench/serve/drift-counters.ts [--duration 5] [--rounds 4] [--connections 10]
 *
 * Serves the same 30-feature network (breast-cancer-sized, as bench/serve/run.ts) twice with
 * src/serve/main.ts: once with drift bins in preprocessing.json (every request is counted into
 * 10 bins per feature), once without (a model trained before drift bins: nothing is counted). wrk
 * drives them in alternating rounds, so load from other processes hits both alike; the table gives
 * the median round of each and the ratio, for 1-row and 64-row requests.
 *
 * On a shared machine wrk's figures swing by 2× between rounds; the second table is steadier: the CPU
 * time (process.cpuUsage, not the wall clock) of parsing, predicting and serialising the same requests
 * in this process, with and without counting. It leaves out node:http's own cost per request, so its
 * ratio overstates what the counters cost a served request.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { numericBins } from '../../src/data/drift-bins.ts';
import { createPredictor, loadModel } from '../../src/model/predictor.ts';
import { registerDriftCounters } from '../../src/serve/drift-counters.ts';
import { Registry } from '../../src/serve/prometheus.ts';
import { parsePredictRequest } from '../../src/serve/request.ts';
import { waitHealthy } from './wrk.ts';
import type { FeatureSpec } from '../../src/data/preprocessing.ts';
import { writeTinyModel } from '../../tests/support/tiny-model.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '4' },
    connections: { type: 'string', default: '10' },
  },
});
const NAME = 'breast-cancer';

let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const plain: FeatureSpec[] = Array.from({ length: 30 }, (_, i) => ({ name: `feature_${i}`, kind: 'numeric', mean: 10 + i, std: 1 + i / 10 }));
const draw = (f: FeatureSpec) => (f.kind === 'numeric' ? Number((f.mean + (random() * 4 - 2) * f.std).toFixed(4)) : 0);
// Bins as training fits them, from 1000 draws per feature.
const binned: FeatureSpec[] = plain.map((f) => {
  const values = Array.from({ length: 1000 }, () => draw(f));
  return { ...f, min: Math.min(...values), max: Math.max(...values), drift: numericBins(values) } as FeatureSpec;
});
const row = () => plain.map(draw);

const work = await mkdtemp(join(tmpdir(), 'model-ci-bench-drift-'));
const children: ChildProcess[] = [];
try {
  const servers: Record<string, string> = {};
  const modelDirs: Record<string, string> = {};
  let port = 18521;
  for (const [variant, features] of [
    ['without counters', plain],
    ['with counters', binned],
  ] as const) {
    const model = await writeTinyModel(join(work, variant.replace(' ', '-')), 'binary', {
      features,
      hiddenUnits: [16, 8],
      activation: 'relu',
      seed: 3,
      withRun: true,
      name: NAME,
    });
    children.push(
      spawn(process.execPath, [join(import.meta.dirname, '../../src/serve/main.ts')], {
        env: { ...process.env, MODEL_DIR: model.dir, PORT: String(port), HOST: '127.0.0.1', BACKEND: 'auto' },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
    servers[variant] = `http://127.0.0.1:${port++}`;
    modelDirs[variant] = model.dir;
  }
  await Promise.all(Object.values(servers).map(waitHealthy));
  const counted = await (await fetch(`${servers['with counters']}/metrics`)).text();
  if (!/model_ci_drift_bins_available 1/.test(counted)) throw new Error('the counted server has no drift bins');

  const bodies = { '1 row': JSON.stringify({ instances: [row()] }), '64 rows': JSON.stringify({ instances: Array.from({ length: 64 }, row) }) };
  const lines: string[] = [];
  for (const [caseName, body] of Object.entries(bodies)) {
    const script = join(work, `${caseName.replace(' ', '-')}.lua`);
    await writeFile(script, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`);
    const rounds: Record<string, number[]> = { 'without counters': [], 'with counters': [] };
    for (const url of Object.values(servers)) wrk(url, script, 2);
    for (let r = 0; r < Number(args.rounds); r++) {
      // Alternate which goes first, so a drift in background load does not favour one.
      const order = r % 2 === 0 ? Object.keys(servers) : Object.keys(servers).reverse();
      for (const variant of order) rounds[variant].push(wrk(servers[variant], script, Number(args.duration)));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const without = median(rounds['without counters']);
    const withCounters = median(rounds['with counters']);
    lines.push(
      `${caseName.padEnd(8)} without ${without.toFixed(0).padStart(6)} req/s  with ${withCounters.toFixed(0).padStart(6)} req/s  cost ${(100 * (1 - withCounters / without)).toFixed(1)}%   rounds: ${rounds['without counters'].map((x) => x.toFixed(0)).join(' ')} | ${rounds['with counters'].map((x) => x.toFixed(0)).join(' ')}`,
    );
  }
  console.log(`wrk -t1 -c${args.connections} -d${args.duration}s × ${args.rounds} alternating rounds, median round, ${process.version}`);
  for (const line of lines) console.log(line);
  for (const line of await cpuTimes(modelDirs['with counters'], bodies)) console.log(line);
  console.log('goal: cost < 5%');
} finally {
  for (const child of children) child.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}

/** CPU time per request of parse + predict + serialise, without and with counting, median of 5 alternating runs. */
async function cpuTimes(modelDir: string, bodies: Record<string, string>): Promise<string[]> {
  const loaded = await loadModel(modelDir, { backend: 'cpu' });
  const predictor = createPredictor(loaded);
  const counters = registerDriftCounters(new Registry(), loaded.preprocessing);
  const lines = ['CPU time in process (parse + predict + serialise), median of 5 alternating runs:'];
  for (const [caseName, text] of Object.entries(bodies)) {
    const body = Buffer.from(text);
    const requests = caseName === '1 row' ? 20_000 : 2_000;
    const run = (count: boolean) => {
      const start = process.cpuUsage();
      for (let i = 0; i < requests; i++) {
        const request = parsePredictRequest(body, 1024);
        if (count) counters.observeInputs(request.rows);
        const predictions = predictor.predict(request.rows);
        if (count) counters.observePredictions(predictions);
        JSON.stringify({ predictions });
      }
      const used = process.cpuUsage(start);
      return (used.user + used.system) / requests;
    };
    run(true);
    run(false);
    const without: number[] = [];
    const withCounters: number[] = [];
    for (let k = 0; k < 5; k++) {
      without.push(run(false));
      withCounters.push(run(true));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
    lines.push(
      `${caseName.padEnd(8)} without ${median(without).toFixed(1)} µs  with ${median(withCounters).toFixed(1)} µs  cost ${(100 * (median(withCounters) / median(without) - 1)).toFixed(1)}%`,
    );
  }
  loaded.model.dispose();
  return lines;
}

function wrk(url: string, script: string, seconds: number): number {
  const out = execFileSync('wrk', ['-t1', `-c${args.connections}`, `-d${seconds}s`, '-s', script, `${url}/v1/models/${NAME}:predict`], { encoding: 'utf8' });
  if (/Non-2xx or 3xx responses|Socket errors/.test(out)) throw new Error(`errors during the run:\n${out}`);
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
}
