/** The server's fast path answers the same bytes as the precise path, and leaves every mistake to it. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { encodeChecked, createJsonPredictor, createPredictor, loadModel } from '../../src/model/predictor.ts';
import { fastEncoder } from '../../src/model/request-encode.ts';
import { UserError } from '../../src/errors.ts';
import { writeTinyModel } from '../support/tiny-model.ts';

const root = await mkdtemp(join(tmpdir(), 'model-ci-request-encode-'));
after(() => rm(root, { recursive: true, force: true }));

test('well-formed rows: fast encoding equals the precise one, and the body equals JSON.stringify of the predictions', async () => {
  for (const variant of ['binary', 'regression'] as const) {
    const tiny = await writeTinyModel(join(root, variant), variant, { hiddenUnits: [6] });
    const loaded = await loadModel(tiny.dir, { backend: 'cpu' });
    const good =
      variant === 'binary'
        ? [[14.2, 20.1, 'east', 820], { worst_area: 1500, clinic: 'west', mean_texture: 25, mean_radius: 19.9 }, [8, 10, 'north', -3e5]]
        : [[6.5, 'b', 40], { rooms: 4.1, zone: 'a', age: 98 }, [8.0, 'c', 10]];
    const fast = fastEncoder(loaded.preprocessing)(good);
    assert.ok(fast, 'the fast path takes well-formed rows');
    assert.deepEqual(fast, encodeChecked(loaded.preprocessing, good));
    const body = createJsonPredictor(loaded)(good, 'instances', 'predictions');
    assert.equal(body, JSON.stringify({ predictions: createPredictor(loaded).predict(good) }));
    assert.equal(createJsonPredictor(loaded)(good, 'inputs', 'outputs'), JSON.stringify({ outputs: createPredictor(loaded).predict(good, 'inputs') }));
    loaded.model.dispose();
  }
});

test('anything unusual goes to the precise path, whose message names the row and feature', async () => {
  const tiny = await writeTinyModel(join(root, 'precise'), 'binary', { hiddenUnits: [3] });
  const loaded = await loadModel(tiny.dir, { backend: 'cpu' });
  const fast = fastEncoder(loaded.preprocessing);
  const good = [14.2, 20.1, 'east', 820];
  const cases: [unknown, string][] = [
    [[14.2, 20.1, 'east'], 'instances[1]: expected 4 values in feature order'],
    [[14.2, '20', 'east', 820], 'instances[1].mean_texture: expected a finite number, got the string "20"'],
    [[14.2, 2e39, 'east', 820], 'instances[1].mean_texture: expected a number within float32 range'],
    [[14.2, 20, ['east'], 820], 'instances[1].clinic: expected a single value, got an array'],
    [{ mean_radius: 1, mean_texture: 2, clinic: 'east', worst_area: 3, extra: 1 }, 'instances[1]: unknown feature "extra"'],
    [{ mean_radius: 1, mean_texture: 2, clinic: 'east' }, 'instances[1]: missing feature worst_area'],
    ['row', 'instances[1]: expected an array of 4 values or an object keyed by feature name'],
  ];
  for (const [bad, message] of cases) {
    assert.equal(fast([good, bad]), undefined, message);
    assert.throws(
      () => createJsonPredictor(loaded)([good, bad], 'instances', 'predictions'),
      (error: unknown) => error instanceof UserError && error.describe().startsWith(message),
      message,
    );
  }
  // A category training never saw is the precise path's to decide, never the fast path's.
  assert.equal(fast([[14.2, 20.1, 'south', 820]]), undefined);
  loaded.model.dispose();
});
