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
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyModel } from '../../tests/support/tiny-model.ts';
import { benchArgs, benchFeatures, fmt, ms, printTable, requireTools, waitHealthy, wrk, type WrkResult } from './wrk.ts';

const args = benchArgs();
const NAME = 'breast-cancer';
const here = import.meta.dirname;
requireTools('wrk', 'gunicorn');

const { features, row } = benchFeatures();

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
      wrk(`${url}/v1/models/${NAME}:predict`, script, 2, args.connections); // warm-up: JIT, connection setup
      measured[server] = wrk(`${url}/v1/models/${NAME}:predict`, script, args.duration, args.connections);
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

async function predict(url: string, body: string): Promise<{ label: string; probabilities: number[] }[]> {
  const res = await fetch(`${url}/v1/models/${NAME}:predict`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { predictions: { label: string; probabilities: number[] }[] }).predictions;
}
