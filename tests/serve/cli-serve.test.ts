import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCommandArgs } from '../../src/cli/command-spec.ts';
import { serve } from '../../src/cli/serve.ts';
import { writeTinyModel } from '../support/tiny-model.ts';
import { runCli } from '../cli/helpers.ts';

test('model-ci serve <dir> serves until SIGTERM and exits 0', async () => {
  const root = await mkdtemp(join(tmpdir(), 'model-ci-cli-serve-'));
  try {
    const tiny = await writeTinyModel(join(root, 'm'), 'regression', { withRun: true, name: 'houses' });
    let stderr = '';
    const io = { stdout: () => {}, stderr: (text: string) => void (stderr += text), readStdin: async () => '' };
    const exit = serve.run(parseCommandArgs(serve, [tiny.dir, '--port', '0', '--backend', 'cpu']), io);

    for (let i = 0; i < 3000 && !stderr.includes('serving'); i++) await new Promise((r) => setTimeout(r, 10));
    const url = /at (http:\/\/\S+:predict)/.exec(stderr)?.[1];
    assert.ok(url, `no URL in: ${stderr}`);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/v1\/models\/houses:predict$/);
    const res = await fetch(url, { method: 'POST', body: '{"instances":[{"rooms":6,"zone":"a","age":30}]}' });
    assert.equal(res.status, 200);
    assert.equal(typeof ((await res.json()) as { predictions: unknown[] }).predictions[0], 'number');

    process.emit('SIGTERM', 'SIGTERM');
    assert.equal(await exit, 0);
    assert.match(stderr, /stopped after SIGTERM/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('model-ci serve rejects a bad port and a missing folder argument', async () => {
  const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => '' };
  await assert.rejects(serve.run(parseCommandArgs(serve, ['dir', '--port', 'http']), io), /--port expects an integer from 0 to 65535, got "http"/);
  await assert.rejects(serve.run(parseCommandArgs(serve, []), io), /give the model folder to serve/);
});

test('model-ci serve on a port in use says so and exits 2, without a stack trace', async () => {
  const root = await mkdtemp(join(tmpdir(), 'model-ci-cli-serve-busy-'));
  const taken = createServer();
  try {
    const tiny = await writeTinyModel(join(root, 'm'), 'regression', { withRun: true, name: 'houses' });
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    const result = await runCli(['serve', tiny.dir, '--port', String(port), '--backend', 'cpu']);
    assert.equal(result.code, 2, result.stderr);
    assert.equal(
      result.stderr.trim(),
      `model-ci: cannot listen on 127.0.0.1:${port}: the port is already in use; stop what listens there or pick another port (0 picks a free one)`,
    );
  } finally {
    taken.close();
    await rm(root, { recursive: true, force: true });
  }
});
