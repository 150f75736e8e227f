/**
 * `model-ci monitor` against a real `model-ci serve` process fed shifted data: it must name the
 * drifted features and not the others. And its bad input: a URL that does not answer, an answer that
 * is not Prometheus text, a server of another model, a model trained before drift bins.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { monitorDrift } from '../../src/flow/monitor-drift.ts';
import { populationStabilityIndex } from '../../src/monitor/drift.ts';
import type { TrainRun } from '../../src/train/pipeline.ts';
import { ROOT, runCli } from '../cli/helpers.ts';
import { writeTinyModel } from '../support/tiny-model.ts';
import { HOSTILE_FEATURE, lcg, syntheticRows, trainSyntheticModel } from '../support/trained-model.ts';

let root: string;
let run: TrainRun;
const processes: ChildProcess[] = [];

/** `model-ci serve` as a user runs it; resolves with its URL once it serves. */
async function serveProcess(modelDir: string, name?: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'src', 'cli.ts'), 'serve', modelDir, '--port', '0', '--backend', 'cpu', ...(name ? ['--name', name] : [])],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  processes.push(child);
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      const match = / at (http:\/\/[^/\s]+)\//.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

async function feed(url: string, name: string, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) {
    const res = await fetch(`${url}/v1/models/${name}:predict`, { method: 'POST', body: JSON.stringify({ instances: rows.slice(i, i + 50) }) });
    assert.equal(res.status, 200, await res.text());
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let shiftedUrl: string;
let steadyUrl: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-monitor-'));
  run = await trainSyntheticModel(join(root, 'trained'), 'synthetic');
  [shiftedUrl, steadyUrl] = await Promise.all([serveProcess(run.out), serveProcess(run.out)]);
  // Shifted: older people, and the third feature squeezed into its top tenth; income and city as in training.
  const random = lcg(99);
  const shifted = syntheticRows(400, 5).map((row) => ({ ...row, age: row.age + 25, [HOSTILE_FEATURE]: 0.9 + random() / 10 }));
  await Promise.all([feed(shiftedUrl, 'synthetic', shifted), feed(steadyUrl, 'synthetic', syntheticRows(400, 6))]);
});
after(async () => {
  for (const child of processes) child.kill('SIGTERM');
  await rm(root, { recursive: true, force: true });
});

describe('model-ci monitor', () => {
  test('names the drifted features and not the others, and exits 3', async () => {
    const result = await runCli(['monitor', '--url', shiftedUrl, '--name', 'synthetic']);
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stdout, /^drift of synthetic \(version [0-9a-f]{12}\): 2 of 4 features drifted; max PSI \d+\.\d{3}/);
    const status = Object.fromEntries(
      result.stdout
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => [line.trim().split(/\s{2,}/)[0], line.trim().split(/\s{2,}/)[3]]),
    );
    assert.equal(status.age, 'DRIFT');
    assert.equal(status[HOSTILE_FEATURE], 'DRIFT');
    assert.notEqual(status.income, 'DRIFT');
    assert.notEqual(status.city, 'DRIFT');
    assert.match(result.stderr, /drift: 2 features at PSI ≥ 0\.25/);

    const report = await monitorDrift({ source: { kind: 'server', url: shiftedUrl }, expected: { name: 'synthetic' } });
    assert.deepEqual(report.drifted.sort(), [HOSTILE_FEATURE, 'age'].sort());
    const age = report.features.find((f) => f.name === 'age')!;
    assert.equal(age.inputs, 400);
    assert.ok(age.outOfRange > 100, `ages above the training maximum: ${age.outOfRange}`);
  });

  test('a server fed data like training reports no drift and exits 0', async () => {
    const result = await runCli(['monitor', '--url', `${steadyUrl}/metrics`]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /no feature drifted \(4 checked\)/);
    // The threshold is configurable: at 0 every judged feature is drift.
    const strict = await runCli(['monitor', '--url', steadyUrl, '--threshold', '0', '--moderate', '0']);
    assert.equal(strict.code, 3);
    assert.match(strict.stdout, /4 of 4 features drifted/);
  });

  test('a CSV of logged inputs gives the same verdict as the server that received them', async () => {
    const shifted = syntheticRows(300, 8).map((row) => ({ ...row, income: row.income * 3 }));
    const csv = join(root, 'requests.csv');
    const quoteCell = (v: string | number) => (typeof v === 'string' && /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
    const lines = [['age', 'income', HOSTILE_FEATURE, 'city'].map(quoteCell).join(',')];
    for (const row of shifted) lines.push([row.age, row.income, row[HOSTILE_FEATURE], row.city].map(quoteCell).join(','));
    await writeFile(csv, `${lines.join('\n')}\n`);
    const result = await runCli(['monitor', '--csv', csv, '--model', run.out, '--markdown']);
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stdout, /\| income \| 300 \| \d+\.\d{3} \| DRIFT \|/);
    assert.match(result.stdout, /\| age \| 300 \| \d+\.\d{3} \| stable \|/);
    // The hostile name is escaped for markdown.
    assert.ok(result.stdout.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  test('bad input: no answer, not Prometheus text, another model, a model without drift bins, a bad threshold', async () => {
    const port = await closedPort();
    const refused = await runCli(['monitor', '--url', `http://127.0.0.1:${port}`]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, new RegExp(`http://127\\.0\\.0\\.1:${port}/metrics: cannot read the model server's metrics: connection refused`));
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');

    const page = await runCli(['monitor', '--url', `${steadyUrl}/healthz`]);
    assert.equal(page.code, 2);
    assert.match(page.stderr, /is not Prometheus text exposition format: line 1 "ok" is neither a comment nor/);
    const notFound = await runCli(['monitor', '--url', `${steadyUrl}/nothing`]);
    assert.match(notFound.stderr, /answered HTTP 404/);

    const other = await runCli(['monitor', '--url', steadyUrl, '--name', 'iris']);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /comes from a server of model "synthetic" version "[0-9a-f]{12}", not of "iris"/);

    const tiny = await writeTinyModel(join(root, 'old'), 'binary', { withRun: true });
    const oldUrl = await serveProcess(tiny.dir);
    const old = await runCli(['monitor', '--url', oldUrl]);
    assert.equal(old.code, 2);
    assert.match(old.stderr, /cannot compute drift for model "tiny-binary" .*no drift bins .*retrain and redeploy/);

    const threshold = await runCli(['monitor', '--url', steadyUrl, '--threshold', 'high']);
    assert.equal(threshold.code, 2);
    assert.match(threshold.stderr, /--threshold expects a number ≥ 0, got "high"/);
  });

  test('PSI is 0 for the training distribution and grows with the shift', () => {
    assert.equal(populationStabilityIndex([0.25, 0.25, 0.5], [25, 25, 50]), 0);
    const small = populationStabilityIndex([0.5, 0.5], [55, 45]);
    const large = populationStabilityIndex([0.5, 0.5], [90, 10]);
    assert.ok(small > 0 && small < 0.1 && large > 0.25, `${small} ${large}`);
    // Unseen categories are a bin training never filled.
    assert.ok(populationStabilityIndex([0.5, 0.5], [25, 25], 50) > 0.25);
  });
});
