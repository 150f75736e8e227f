/**
 * Model server vs Flask + gunicorn on the same weights (issue 4, benchmark 3).
 *
 *   node_modules/.bin/node bench/serve/run.ts [--duration 10] [--connections 10] [--backend auto]
 *
 * Builds a breast-cancer-sized network (30 features, hidden [16, 8], sigmoid output), serves it
 * with src/serve/main.ts (one Node process) and bench/serve/flask_server.py (gunicorn -w 1),
 * checks both answer the same probabilities to 1e-5, then drives each with wrk (one load
 * generator, 127.0.0.1 only) for 1-row and 64-row requests and prints a table side by side.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FeatureSpec } from '../../src/data/preprocessing.ts';
import { writeTinyModel } from '../../tests/support/tiny-model.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    backend: { type: 'string', default: 'auto' },
  },
});
const NAME = 'breast-cancer';
const here = import.meta.dirname;

for (const tool of ['wrk', 'gunicorn']) {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
  } catch {
    console.error(`${tool} is not installed: apt-get install -y wrk gunicorn python3-flask python3-numpy`);
    process.exit(2);
  }
}

/** A small seeded PRNG so request bodies are the same every run. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(42);
const features: FeatureSpec[] = Array.from({ length: 30 }, (_, i) => ({ name: `feature_${i}`, kind: 'numeric', mean: 10 + i, std: 1 + i / 10 }));
const row = () => features.map((f) => (f.kind === 'numeric' ? Number((f.mean + (random() * 4 - 2) * f.std).toFixed(4)) : 0));

const work = await mkdtemp(join(tmpdir(), 'model-ci-bench-serve-'));
const children: ChildProcess[] = [];
try {
  const model = await writeTinyModel(join(work, 'model'), 'binary', { features, hiddenUnits: [16, 8], activation: 'relu', seed: 3, withRun: true, name: NAME });

  const nodePort = 18511;
  const flaskPort = 18512;
  children.push(
    spawn(process.execPath, [join(here, '../../src/serve/main.ts')], {
      env: { ...process.env, MODEL_DIR: model.dir, PORT: String(nodePort), HOST: '127.0.0.1', BACKEND: args.backend },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
    spawn('gunicorn', ['-w', '1', '-b', `127.0.0.1:${flaskPort}`, '--chdir', here, 'flask_server:app'], {
      env: { ...process.env, MODEL_DIR: model.dir, MODEL_NAME: NAME },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const servers = { node: `http://127.0.0.1:${nodePort}`, flask: `http://127.0.0.1:${flaskPort}` };
  await Promise.all(Object.values(servers).map(waitHealthy));

  const bodies = { '1 row': JSON.stringify({ instances: [row()] }), '64 rows': JSON.stringify({ instances: Array.from({ length: 64 }, row) }) };
  const [fromNode, fromFlask] = await Promise.all(Object.values(servers).map((url) => predict(url, bodies['64 rows'])));
  const worst = Math.max(...fromNode.map((p, i) => Math.max(...p.probabilities.map((q, k) => Math.abs(q - fromFlask[i].probabilities[k])))));
  const labelsAgree = fromNode.every((p, i) => p.label === fromFlask[i].label);
  console.log(`same predictions: max |Δp| = ${worst.toExponential(2)} over 64 rows, labels ${labelsAgree ? 'agree' : 'DIFFER'}`);
  if (worst > 1e-5 || !labelsAgree) throw new Error('the two servers disagree; the comparison would be meaningless');
  const backend = ((await (await fetch(`${servers.node}/v1/models/${NAME}/metadata`)).json()) as { metadata: { servingBackend: string } }).metadata
    .servingBackend;

  const results: string[][] = [];
  for (const [caseName, body] of Object.entries(bodies)) {
    const script = join(work, `${caseName.replace(' ', '-')}.lua`);
    await writeFile(script, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`);
    const measured: Record<string, WrkResult> = {};
    for (const [server, url] of Object.entries(servers)) {
      wrk(url, script, 2); // warm-up: JIT, connection setup
      measured[server] = wrk(url, script, Number(args.duration));
    }
    const { node, flask } = measured;
    results.push(
      [
        caseName,
        'model-ci (node, 1 process)',
        fmt(node.rps, 0),
        ms(node.p50),
        ms(node.p99),
        `${(node.rps / flask.rps).toFixed(1)}×`,
        `${(node.p99 / flask.p99).toFixed(2)}×`,
      ],
      [caseName, 'flask + gunicorn -w 1', fmt(flask.rps, 0), ms(flask.p50), ms(flask.p99), '1×', '1×'],
    );
  }
  console.log(`\nwrk -t1 -c${args.connections} -d${args.duration}s, node backend ${backend}, ${process.version}\n`);
  const header = ['request', 'server', 'requests/s', 'p50 ms', 'p99 ms', 'throughput ratio', 'p99 ratio'];
  printTable([header, ...results]);
  console.log('\ngoal: throughput ratio ≥ 3×, p99 ratio ≤ 0.5×');
} finally {
  for (const child of children) child.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
}

function wrk(url: string, script: string, seconds: number): WrkResult {
  const out = execFileSync('wrk', ['-t1', `-c${args.connections}`, `-d${seconds}s`, '--latency', '-s', script, `${url}/v1/models/${NAME}:predict`], {
    encoding: 'utf8',
  });
  if (/Non-2xx or 3xx responses|Socket errors/.test(out)) throw new Error(`errors during the run:\n${out}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const percentile = (p: number) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
    if (!match) throw new Error(`no ${p}% latency in wrk output:\n${out}`);
    return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's'];
  };
  return { rps, p50: percentile(50), p99: percentile(99) };
}

async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy in 30 s`);
}

async function predict(url: string, body: string): Promise<{ label: string; probabilities: number[] }[]> {
  const res = await fetch(`${url}/v1/models/${NAME}:predict`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { predictions: { label: string; probabilities: number[] }[] }).predictions;
}

function fmt(n: number, digits: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function ms(n: number): string {
  return fmt(n, 2);
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows.slice(1)) console.log(line(r));
}
