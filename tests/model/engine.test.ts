import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { loadEngine } from '../../src/model/engine.ts';

let workspace: string;
let empty: string;

before(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'engine-broken-'));
  const pkg = join(workspace, 'node_modules', '@tensorflow', 'tfjs-node');
  await mkdir(pkg, { recursive: true });
  await writeFile(join(workspace, 'package.json'), '{"name":"ws","private":true}');
  await writeFile(join(pkg, 'package.json'), '{"name":"@tensorflow/tfjs-node","main":"index.js"}');
  await writeFile(join(pkg, 'index.js'), "throw new Error('libtensorflow.so.2: cannot open shared object file');\n");
  empty = await mkdtemp(join(tmpdir(), 'engine-empty-'));
});

after(async () => {
  await rm(workspace, { recursive: true, force: true });
  await rm(empty, { recursive: true, force: true });
});

test('a tfjs-node that throws on load falls back to the next backend, naming the module and the error', async () => {
  const logged: string[] = [];
  const engine = await loadEngine('tensorflow', { workspace, log: (m) => logged.push(m) });
  assert.equal(engine.backend, 'wasm');
  assert.equal(engine.notices.length, 1);
  assert.match(engine.notices[0], /backend tensorflow could not be loaded, using wasm instead/);
  assert.match(engine.notices[0], /@tensorflow\/tfjs-node failed to load from .*engine-broken-/);
  assert.match(engine.notices[0], /libtensorflow\.so\.2: cannot open shared object file$/);
  assert.deepEqual(logged, [`notice: ${engine.notices[0]}`]);
});

test('auto skips native backends that are not installed and says so in the log, not the report', async () => {
  const logged: string[] = [];
  const engine = await loadEngine('auto', { workspace: empty, log: (line) => logged.push(line) });
  assert.equal(engine.backend, 'wasm');
  assert.deepEqual(logged, [`notice: backend auto chose wasm: @tensorflow/tfjs-node-gpu and @tensorflow/tfjs-node are not installed in ${empty}`]);
  assert.deepEqual(engine.notices, [], 'an absent optional package is the expected case, not a warning');
});

test('an explicitly requested native backend that is not installed says how to install it', async () => {
  const engine = await loadEngine('tensorflow-gpu', { workspace: empty });
  assert.equal(engine.backend, 'wasm');
  assert.deepEqual(engine.notices, [
    `backend tensorflow-gpu could not be loaded, using wasm instead: @tensorflow/tfjs-node-gpu and @tensorflow/tfjs-node are not installed in ${empty} (to use it: npm install @tensorflow/tfjs-node-gpu)`,
  ]);
});

test('the wasm backend loads and computes', async () => {
  const { tf, backend, versions, notices } = await loadEngine('wasm', { workspace: empty });
  assert.equal(backend, 'wasm');
  assert.equal(tf.getBackend(), 'wasm');
  assert.deepEqual(notices, []);
  assert.equal(versions['tfjs-backend-wasm'], tf.version['tfjs-core']);
  const product = tf.tidy(() =>
    tf
      .matMul(
        tf.tensor2d([
          [1, 2],
          [3, 4],
        ]),
        tf.tensor2d([[5], [6]]),
      )
      .arraySync(),
  );
  assert.deepEqual(product, [[17], [39]]);
});

test('the cpu backend loads, computes and keeps tfjs quiet about node backends', async () => {
  const { tf, backend, versions } = await loadEngine('cpu', { workspace: empty });
  assert.equal(backend, 'cpu');
  assert.equal(tf.getBackend(), 'cpu');
  assert.equal(versions['tfjs-core'], '4.22.0');
  assert.equal(tf.env().getBool('PROD'), true);
  const sum = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).arraySync());
  assert.deepEqual(sum, [4, 6]);
});

test('an unknown backend is a user error listing the valid ones', async () => {
  await assert.rejects(loadEngine('gpu' as never), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, /unknown backend "gpu"; expected one of auto, dense, tensorflow-gpu, tensorflow, wasm, cpu/);
    return true;
  });
});
