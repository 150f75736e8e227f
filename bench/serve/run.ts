/**
 * Model server vs a bare node:http server sending the same bytes (issue 10), and vs Flask + gunicorn
 * on the same weights (issue 4, benchmark 3; skipped with a notice when gunicorn is not installed).
 *
 *   node_modules/.bin/node bench/serve/run.ts [--duration 10] [--connections 10] [--backend auto]
 *
 * Builds a breast-cancer-sized network (30 features, hidden [16, 8], sigmoid output), serves it
 * with src/serve/main.ts (one Node process), bench/serve/bare.ts (node:http answering the model
 * server's own response bytes, recorded first) and bench/serve/flask_server.py (gunicorn -w 1),
 * checks Flask answers the same probabilities to 1e-5, then drives each with wrk (one load
 * generator, 127.0.0.1 only) for 1-row and 64-row requests and prints a table side by side.
 * Goals: model-ci ≥ 0.8× bare on 1-row requests and ≥ 0.5× on 64-row ones.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyModel } from '../../tests/support/tiny-model.ts';
import { benchArgs, benchFeatures, fmt, ms, printTable, hasTool, requireTools, waitHealthy, wrk, type WrkResult } from './wrk.ts';

const args = benchArgs();
const NAME = 'breast-cancer';
const here = import.meta.dirname;
requireTools('wrk');

const { features, row } = benchFeatures();
// Flask + gunicorn is the Python peer when installed; without it the comparison is with bare Node only.
const withFlask = hasTool('gunicorn');
if (!withFlask) console.error('gunicorn is not installed (apt-get install -y gunicorn python3-flask python3-numpy): comparing with bare Node only');

const work = await mkdtemp(join(tmpdir(), 'model-ci-bench-serve-'));
const children: ChildProcess[] = [];
try {
  const model = await writeTinyModel(join(work, 'model'), 'binary', { features, hiddenUnits: [16, 8], activation: 'relu', seed: 3, withRun: true, name: NAME });

  const nodePort = 18511;
  const flaskPort = 18512;
  const barePort = 18513;
  children.push(
    spawn(process.execPath, [join(here, '../../src/serve/main.ts')], {
      env: { ...process.env, MODEL_DIR: model.dir, PORT: String(nodePort), HOST: '127.0.0.1', BACKEND: args.backend },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  if (withFlask) {
    children.push(
      spawn('gunicorn', ['-w', '1', '-b', `127.0.0.1:${flaskPort}`, '--chdir', here, 'flask_server:app'], {
        env: { ...process.env, MODEL_DIR: model.dir, MODEL_NAME: NAME },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
  }
  const node = `http://127.0.0.1:${nodePort}`;
  await waitHealthy(node);

  const bodies = { '1 row': JSON.stringify({ instances: [row()] }), '64 rows': JSON.stringify({ instances: Array.from({ length: 64 }, row) }) };
  // The bare server answers exactly the bytes model-ci answers.
  const responses: Record<string, string> = {};
  for (const body of Object.values(bodies)) {
    const res = await fetch(`${node}/v1/models/${NAME}:predict`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    responses[body] = await res.text();
  }
  const responsesFile = join(work, 'responses.json');
  await writeFile(responsesFile, JSON.stringify(responses));
  children.push(
    spawn(process.execPath, [join(here, 'bare.ts')], {
      env: { ...process.env, RESPONSES: responsesFile, PORT: String(barePort) },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const servers: Record<string, string> = { node, bare: `http://127.0.0.1:${barePort}` };
  if (withFlask) servers.flask = `http://127.0.0.1:${flaskPort}`;
  await Promise.all(Object.values(servers).map(waitHealthy));

  if (withFlask) {
    const [fromNode, fromFlask] = await Promise.all([servers.node, servers.flask].map((url) => predict(url, bodies['64 rows'])));
    const worst = Math.max(...fromNode.map((p, i) => Math.max(...p.probabilities.map((q, k) => Math.abs(q - fromFlask[i].probabilities[k])))));
    const labelsAgree = fromNode.every((p, i) => p.label === fromFlask[i].label);
    console.log(`same predictions: max |Δp| = ${worst.toExponential(2)} over 64 rows, labels ${labelsAgree ? 'agree' : 'DIFFER'}`);
    if (worst > 1e-5 || !labelsAgree) throw new Error('the two servers disagree; the comparison would be meaningless');
  }
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
    const ours = measured.node;
    const bare = measured.bare;
    const vsBare = (m: WrkResult) => `${(m.rps / bare.rps).toFixed(2)}×`;
    const vsFlask = (m: WrkResult) => (measured.flask ? `${(m.rps / measured.flask.rps).toFixed(1)}×` : '–');
    const p99VsFlask = (m: WrkResult) => (measured.flask ? `${(m.p99 / measured.flask.p99).toFixed(2)}×` : '–');
    for (const [label, m] of [
      ['model-ci (node, 1 process)', ours],
      ['bare node:http, same bytes', bare],
      ...(measured.flask ? [['flask + gunicorn -w 1', measured.flask] as const] : []),
    ] as const) {
      results.push([caseName, label, fmt(m.rps, 0), ms(m.p50), ms(m.p99), vsBare(m), vsFlask(m), p99VsFlask(m)]);
    }
  }
  console.log(`\nwrk -t1 -c${args.connections} -d${args.duration}s, node backend ${backend}, ${process.version}\n`);
  const header = ['request', 'server', 'requests/s', 'p50 ms', 'p99 ms', 'vs bare', 'vs flask', 'p99 vs flask'];
  printTable([header, ...results]);
  console.log('\ngoals: model-ci vs bare ≥ 0.8× (1 row) and ≥ 0.5× (64 rows); vs flask ≥ 3× throughput, p99 ≤ 0.5×');
} finally {
  for (const child of children) child.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}

async function predict(url: string, body: string): Promise<{ label: string; probabilities: number[] }[]> {
  const res = await fetch(`${url}/v1/models/${NAME}:predict`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { predictions: { label: string; probabilities: number[] }[] }).predictions;
}
