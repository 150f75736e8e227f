import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { writeTinyModel, type TinyModel } from '../support/tiny-model.ts';

const entry = join(import.meta.dirname, '../../src/serve/main.ts');
let root: string;
let tiny: TinyModel;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-serve-main-'));
  tiny = await writeTinyModel(join(root, 'reg'), 'regression', { withRun: true, name: 'houses' });
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the server exited without a log line');
    return JSON.parse(value);
  };
  return { child, next };
}

test('the image entry serves MODEL_DIR, logs start and stop as JSON lines, and exits 0 on SIGTERM', async () => {
  const { child, next } = start({ MODEL_DIR: tiny.dir, BACKEND: 'cpu' });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const started = await next();
  assert.equal(started.event, 'start');
  assert.equal(started.backend, 'cpu');
  assert.equal(started.task, 'regression');
  const url = started.url as string;
  const res = await fetch(`${url}/v1/models/houses:predict`, { method: 'POST', body: '{"instances":[[6.5,"b",40]]}' });
  assert.equal(res.status, 200);
  assert.equal(typeof ((await res.json()) as any).predictions[0], 'number');

  child.kill('SIGTERM');
  const stopped = await next();
  assert.equal(stopped.event, 'stop');
  assert.equal(stopped.signal, 'SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
  // The log is JSON lines on stdout; tfjs's "install our node backend" banner must not reach the container's log.
  assert.equal(stderr, '');
});

test('a bad setting or model folder exits 1 with a message naming it', async () => {
  for (const [env, message] of [
    [{ MODEL_DIR: tiny.dir, BACKEND: 'gpu' }, /^BACKEND: expected one of auto, /],
    [{ MODEL_DIR: tiny.dir, PORT: 'eighty' }, /^PORT: expected an integer/],
    [{ MODEL_DIR: join(root, 'nowhere'), BACKEND: 'cpu' }, /nowhere\/model\.json: model\.json is missing/],
  ] as const) {
    const { child, next } = start(env);
    const line = await next();
    assert.equal(line.event, 'exit');
    assert.match(line.error as string, message);
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
  }
});

test('the image entry on a port in use logs which one, without a stack trace, and exits 1', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = taken.address() as { port: number };
    const { child, next } = start({ MODEL_DIR: tiny.dir, BACKEND: 'cpu', PORT: String(port) });
    const line = await next();
    assert.equal(line.event, 'exit');
    assert.equal(
      line.error,
      `cannot listen on 127.0.0.1:${port}: the port is already in use; stop what listens there or pick another port (0 picks a free one)`,
    );
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
  } finally {
    taken.close();
  }
});
