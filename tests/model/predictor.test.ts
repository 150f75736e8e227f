import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { encodeInstances, unseenCategoryMessage } from '../../src/data/encode.ts';
import { UserError } from '../../src/errors.ts';
import { createPredictor, loadModel, type ClassPrediction } from '../../src/model/predictor.ts';
import { saveLayersModel, writeTinyModel, type TinyModel, type TinyVariant } from '../support/tiny-model.ts';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-serve-model-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

function reference(tiny: TinyModel, instances: unknown[]): Float32Array {
  const x = tf.tensor2d(encodeInstances(tiny.preprocessing, instances), [instances.length, tiny.preprocessing.inputSize]);
  const y = tiny.model.predict(x) as tf.Tensor;
  const out = y.dataSync() as Float32Array;
  x.dispose();
  y.dispose();
  return out;
}

const rows: Record<TinyVariant, unknown[]> = {
  binary: [[14.2, 20.1, 'east', 820], { worst_area: 1500, clinic: 'west', mean_texture: 25, mean_radius: 19.9 }, [8, 10, 'north', 200]],
  multiclass: [[5.1, 3.5, 1.4, 0.2], { sepal_length: 6.7, sepal_width: 3.0, petal_length: 5.2, petal_width: 2.3 }, [5.9, 2.8, 4.3, 1.3]],
  regression: [[6.5, 'b', 40], { rooms: 4.1, zone: 'a', age: 98 }, [8.0, 'c', 10]],
};

describe('loadModel + createPredictor', () => {
  for (const variant of ['binary', 'multiclass', 'regression'] as const) {
    test(`${variant}: one batched prediction per request equals model.predict on the encoded rows`, async () => {
      const tiny = await writeTinyModel(join(root, variant), variant, { hiddenUnits: [6, 4], activation: 'relu' });
      const loaded = await loadModel(tiny.dir, { backend: 'cpu' });
      assert.equal(loaded.backend, 'cpu');
      assert.ok(loaded.densePlan, 'a Dense chain gets the plain-JS forward pass');
      const predictions = createPredictor(loaded).predict(rows[variant]);
      const expected = reference(tiny, rows[variant]);
      assert.equal(predictions.length, 3);
      // The dense plan sums in doubles, TF.js in float32: equal to float32 precision.
      const near = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
      if (variant === 'regression') {
        const { mean, std } = tiny.preprocessing.targetScale!;
        predictions.forEach((p, i) => {
          near(p as number, expected[i] * std + mean);
        });
      } else if (variant === 'binary') {
        predictions.forEach((p, i) => {
          const { label, probabilities } = p as ClassPrediction;
          near(probabilities[0], 1 - expected[i]);
          near(probabilities[1], expected[i]);
          assert.equal(label, expected[i] >= 0.5 ? 'malignant' : 'benign');
        });
      } else {
        predictions.forEach((p, i) => {
          const { label, probabilities } = p as ClassPrediction;
          const row = Array.from(expected.subarray(i * 3, i * 3 + 3));
          probabilities.forEach((q, k) => {
            near(q, row[k]);
          });
          assert.equal(label, tiny.preprocessing.classes![row.indexOf(Math.max(...row))]);
        });
      }
      // Different rows give different answers: the weights and preprocessing were really applied.
      assert.notDeepEqual(predictions[0], predictions[1]);
      loaded.model.dispose();
    });
  }

  test('every activation the trainer offers gets a dense plan that matches TF.js', async () => {
    for (const activation of ['relu', 'tanh', 'sigmoid', 'elu', 'selu', 'linear'] as const) {
      const tiny = await writeTinyModel(join(root, `act-${activation}`), 'multiclass', { hiddenUnits: [7, 5], activation });
      // loadModel keeps a plan only when it reproduces TF.js on its probe batch.
      assert.ok((await loadModel(tiny.dir, { backend: 'cpu' })).densePlan, activation);
    }
  });

  test('batches too big for the dense plan run in TF.js, exactly as model.predict', async () => {
    const tiny = await writeTinyModel(join(root, 'big'), 'binary', { hiddenUnits: [6, 4] });
    const loaded = await loadModel(tiny.dir, { backend: 'cpu' });
    const instances = Array.from({ length: 1100 }, (_, i) => [i / 50, 20 - i / 100, ['east', 'west', 'north'][i % 3], 100 + i]);
    assert.ok(instances.length * loaded.densePlan!.macsPerRow > 1 << 16);
    const predictions = createPredictor(loaded).predict(instances) as ClassPrediction[];
    const expected = reference(tiny, instances);
    predictions.forEach((p, i) => {
      assert.equal(p.probabilities[1], expected[i]);
    });
  });

  test('a model with other layers has no dense plan and predicts through TF.js', async () => {
    const dir = join(root, 'batchnorm');
    const tiny = await writeTinyModel(dir, 'multiclass');
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 5, activation: 'relu', inputShape: [4], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        tf.layers.batchNormalization({
          movingMeanInitializer: tf.initializers.constant({ value: 0.2 }),
          movingVarianceInitializer: tf.initializers.constant({ value: 2 }),
        }),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    await saveLayersModel(model, dir);
    const loaded = await loadModel(dir, { backend: 'cpu' });
    assert.equal(loaded.densePlan, undefined);
    const predictions = createPredictor(loaded).predict(rows.multiclass) as ClassPrediction[];
    const expected = reference({ ...tiny, model }, rows.multiclass);
    predictions.forEach((p, i) => {
      assert.deepEqual(p.probabilities, Array.from(expected.subarray(i * 3, i * 3 + 3)));
    });
  });

  test('the wasm backend agrees with cpu to 1e-5', async () => {
    const tiny = await writeTinyModel(join(root, 'wasm'), 'multiclass', { hiddenUnits: [8] });
    const cpu = createPredictor(await loadModel(tiny.dir, { backend: 'cpu' })).predict(rows.multiclass) as ClassPrediction[];
    const wasmModel = await loadModel(tiny.dir, { backend: 'wasm' });
    assert.equal(wasmModel.backend, 'wasm');
    const wasm = createPredictor(wasmModel).predict(rows.multiclass) as ClassPrediction[];
    wasm.forEach((p, i) => {
      assert.equal(p.label, cpu[i].label);
      p.probabilities.forEach((q, k) => {
        assert.ok(Math.abs(q - cpu[i].probabilities[k]) < 1e-5, `${q} vs ${cpu[i].probabilities[k]}`);
      });
    });
    await tf.setBackend('cpu');
  });

  test('version and hashes come from run.json when present, else from the files', async () => {
    const withRun = await loadModel((await writeTinyModel(join(root, 'with-run'), 'binary', { withRun: true })).dir, { backend: 'cpu' });
    assert.equal(withRun.modelHash, withRun.run!.hashes.model);
    assert.equal(withRun.version, 'abcdef012345');
    const bare = await loadModel((await writeTinyModel(join(root, 'bare'), 'binary')).dir, { backend: 'cpu' });
    assert.match(bare.modelHash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(bare.version, bare.modelHash.slice(7, 19));
    assert.equal(bare.run, undefined);
  });

  test('bad instances are UserErrors naming instance and feature', async () => {
    const tiny = await writeTinyModel(join(root, 'errors'), 'binary');
    const predictor = createPredictor(await loadModel(tiny.dir, { backend: 'cpu' }));
    const cases: [unknown[], RegExp][] = [
      [
        [
          [1, 2, 'east', 3],
          [1, 'x', 'east', 3],
        ],
        /^instances\[1\]\.mean_texture: expected a finite number/,
      ],
      [[[1, 2, 'east', [[[5]]]]], /^instances\[0\]\.worst_area: expected a single value, got an array/],
      [[{ mean_radius: 1, mean_texture: 2, clinic: 'east', worst_area: { deep: 1 } }], /^instances\[0\]\.worst_area: expected a single value, got an object/],
      [[[1e40, 2, 'east', 3]], /^instances\[0\]\.mean_radius: expected a number within float32 range/],
      [[[1, 2, 3]], /^instances\[0\]: expected 4 values in feature order/],
      [[{ radius: 1 }], /^instances\[0\]: unknown feature "radius"/],
    ];
    for (const [instances, message] of cases) {
      assert.throws(
        () => predictor.predict(instances),
        (error: unknown) => error instanceof UserError && message.test(error.describe()),
        `${JSON.stringify(instances)} should fail with ${message}`,
      );
    }
  });
});

describe('categories not seen in training are refused', () => {
  test('one-hot and index features: the error names the feature, the value (escaped, cut short) and the known categories', async () => {
    const binary = createPredictor(await loadModel((await writeTinyModel(join(root, 'unseen-onehot'), 'binary')).dir, { backend: 'cpu' }));
    const regression = createPredictor(await loadModel((await writeTinyModel(join(root, 'unseen-index'), 'regression')).dir, { backend: 'cpu' }));
    const cases: [typeof binary, unknown[], RegExp][] = [
      [
        binary,
        [[1, 2, 'south', 3]],
        /^instances\[0\]\.clinic: category "south" of feature "clinic" was not seen in training, so the model cannot predict it; known categories \(3\): "east", "north", "west"$/,
      ],
      [regression, [{ rooms: 4, zone: 'z', age: 9 }], /^instances\[0\]\.zone: category "z" of feature "zone" was not seen in training.*"a", "b", "c"$/],
      // A number is matched by its text, so 7 is the unseen category "7".
      [regression, [[4, 7, 9]], /^instances\[0\]\.zone: category "7" /],
    ];
    for (const [predictor, instances, message] of cases) {
      assert.throws(
        () => predictor.predict(instances),
        (error: unknown) => error instanceof UserError && message.test(error.describe()),
        `${JSON.stringify(instances)} should fail with ${message}`,
      );
    }
    // A hostile value comes back escaped and bounded, never raw.
    const hostile = `\u202e${'x'.repeat(5000)}\n<script>`;
    const error = (() => {
      try {
        binary.predict([[1, 2, hostile, 3]]);
      } catch (caught) {
        return caught as UserError;
      }
      assert.fail('an unseen category must be refused');
    })();
    assert.match(error.message, /category "\\u202exxx/);
    assert.ok(!error.message.includes('\u202e') && !error.message.includes('<script>') && error.message.length < 400, error.message);
  });

  test('the list of known categories is bounded', () => {
    const feature = { name: 'city', kind: 'categorical' as const, encoding: 'one-hot' as const, categories: Array.from({ length: 500 }, (_, i) => `c${i}`) };
    const message = unseenCategoryMessage(feature, 'nowhere');
    assert.match(message, /known categories \(500\): "c0", "c1", .*"c19" and 480 more$/);
    assert.ok(!message.includes('"c20"'));
  });
});

describe('loadModel: broken folders name the file', () => {
  async function broken(name: string, damage: (dir: string) => Promise<void>): Promise<UserError> {
    const tiny = await writeTinyModel(join(root, name), 'binary');
    await damage(tiny.dir);
    const error = await loadModel(tiny.dir, { backend: 'cpu' }).then(
      () => assert.fail('expected the load to fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    return error;
  }

  test('missing weights.bin', async () => {
    const error = await broken('no-weights', (dir) => rm(join(dir, 'weights.bin')));
    assert.match(error.location.file!, /weights\.bin$/);
    assert.match(error.message, /weights\.bin is missing/);
  });

  test('missing preprocessing.json', async () => {
    const error = await broken('no-pre', (dir) => rm(join(dir, 'preprocessing.json')));
    assert.match(error.location.file!, /preprocessing\.json$/);
  });

  test('model.json that is not JSON', async () => {
    const error = await broken('bad-json', (dir) => writeFile(join(dir, 'model.json'), '{"modelTopology": '));
    assert.match(error.location.file!, /model\.json$/);
    assert.match(error.message, /not valid JSON/);
  });

  test('truncated weights.bin', async () => {
    const error = await broken('short-weights', async (dir) => {
      const bytes = await readFile(join(dir, 'weights.bin'));
      await writeFile(join(dir, 'weights.bin'), bytes.subarray(0, bytes.length - 4));
    });
    assert.match(error.location.file!, /weights\.bin$/);
    assert.match(error.message, /bytes but model\.json's weightsManifest describes/);
  });

  test('a weight path that leaves the folder', async () => {
    const error = await broken('escape', async (dir) => {
      const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
      json.weightsManifest[0].paths = ['../../etc/passwd'];
      await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    });
    assert.match(error.message, /outside the model folder/);
  });

  test('preprocessing.json from another run (input width differs)', async () => {
    const error = await broken('skew', async (dir) => {
      const pre = JSON.parse(await readFile(join(dir, 'preprocessing.json'), 'utf8'));
      pre.features.push({ name: 'extra', kind: 'numeric', mean: 0, std: 1 });
      pre.inputSize += 1;
      await writeFile(join(dir, 'preprocessing.json'), JSON.stringify(pre));
    });
    assert.match(error.location.file!, /model\.json$/);
    assert.match(error.message, /encodes 7 values per row/);
  });

  test('preprocessing.json with a bad field', async () => {
    const error = await broken('bad-std', async (dir) => {
      const pre = JSON.parse(await readFile(join(dir, 'preprocessing.json'), 'utf8'));
      pre.features[1].std = 0;
      await writeFile(join(dir, 'preprocessing.json'), JSON.stringify(pre));
    });
    assert.equal(error.location.field, 'features[1].std');
    assert.match(error.describe(), /preprocessing\.json: features\[1\]\.std: expected a positive number/);
  });

  test('a topology tfjs cannot build', async () => {
    const error = await broken('bad-topology', async (dir) => {
      const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
      json.modelTopology.config.layers[0].class_name = 'NoSuchLayer';
      await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    });
    assert.match(error.location.file!, /model\.json$/);
    assert.match(error.message, /not a loadable TF\.js layers model/);
  });
});
