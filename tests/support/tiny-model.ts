/**
 * Writes a small but real TF.js model folder — model.json + weights.bin in the standard
 * layers format, a hand-written preprocessing.json, metrics.json and optionally run.json —
 * so serving tests load exactly what the trainer writes, without training anything.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureSpec, Preprocessing } from '../../src/data/preprocessing.ts';
import { featureWidth } from '../../src/data/preprocessing.ts';
import type { RunManifest } from '../../src/domain/run-artifacts.ts';

export type TinyVariant = 'binary' | 'multiclass' | 'regression';

export interface TinyModelOptions {
  /** Override the variant's features (e.g. 30 numeric columns for the benchmark). */
  features?: FeatureSpec[];
  hiddenUnits?: number[];
  activation?: 'relu' | 'tanh' | 'sigmoid' | 'linear' | 'elu' | 'selu';
  seed?: number;
  /** Write run.json too (the server reads commit and hashes from it). */
  withRun?: boolean;
  name?: string;
}

export interface TinyModel {
  dir: string;
  preprocessing: Preprocessing;
  metrics: Record<string, number>;
  run?: RunManifest;
  /** The in-memory model the files were saved from: reference predictions for tests. */
  model: tf.LayersModel;
}

const numeric = (name: string, mean: number, std: number): FeatureSpec => ({ name, kind: 'numeric', mean, std });

/** Hand-written preprocessing per variant: the shapes the trainer produces for these tasks. */
export function tinyPreprocessing(variant: TinyVariant, features?: FeatureSpec[]): Preprocessing {
  const byVariant: Record<TinyVariant, () => Omit<Preprocessing, 'inputSize'>> = {
    binary: () => ({
      version: 1,
      task: 'binary-classification',
      target: 'diagnosis',
      features: features ?? [
        numeric('mean_radius', 14.1, 3.5),
        numeric('mean_texture', 19.3, 4.3),
        { name: 'clinic', kind: 'categorical', encoding: 'one-hot', categories: ['east', 'north', 'west'] },
        numeric('worst_area', 880, 569),
      ],
      classes: ['benign', 'malignant'],
    }),
    multiclass: () => ({
      version: 1,
      task: 'multiclass-classification',
      target: 'species',
      features: features ?? [
        numeric('sepal_length', 5.8, 0.83),
        numeric('sepal_width', 3.05, 0.43),
        numeric('petal_length', 3.76, 1.76),
        numeric('petal_width', 1.2, 0.76),
      ],
      classes: ['setosa', 'versicolor', 'virginica'],
    }),
    regression: () => ({
      version: 1,
      task: 'regression',
      target: 'price',
      features: features ?? [
        numeric('rooms', 6.3, 0.7),
        { name: 'zone', kind: 'categorical', encoding: 'index', categories: ['a', 'b', 'c'] },
        numeric('age', 68.6, 28.1),
      ],
      targetScale: { mean: 22.5, std: 9.2 },
    }),
  };
  const pre = byVariant[variant]();
  return { ...pre, inputSize: pre.features.reduce((sum, f) => sum + featureWidth(f), 0) };
}

export function buildTinyNetwork(pre: Preprocessing, hiddenUnits: number[], activation: string, seed: number): tf.LayersModel {
  const model = tf.sequential();
  hiddenUnits.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: activation as 'relu',
        inputShape: i === 0 ? [pre.inputSize] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        // Non-zero biases so a wrong bias load would change predictions.
        biasInitializer: tf.initializers.randomNormal({ stddev: 0.3, seed: seed + 100 + i }),
      }),
    );
  });
  const classes = pre.classes?.length ?? 0;
  const [units, activationOut] =
    pre.task === 'multiclass-classification' ? [classes, 'softmax'] : pre.task === 'binary-classification' ? [1, 'sigmoid'] : [1, 'linear'];
  model.add(
    tf.layers.dense({
      units,
      activation: activationOut as 'softmax',
      inputShape: hiddenUnits.length === 0 ? [pre.inputSize] : undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 50 }),
      biasInitializer: tf.initializers.randomNormal({ stddev: 0.3, seed: seed + 150 }),
    }),
  );
  return model;
}

/** Saves `model` in the standard layers format (model.json + weights.bin), as the trainer does. */
export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
      await writeFile(join(dir, 'weights.bin'), new Uint8Array(weightData));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
}

export async function writeTinyModel(dir: string, variant: TinyVariant, options: TinyModelOptions = {}): Promise<TinyModel> {
  await tf.setBackend('cpu');
  await mkdir(dir, { recursive: true });
  const preprocessing = tinyPreprocessing(variant, options.features);
  const model = buildTinyNetwork(preprocessing, options.hiddenUnits ?? [5], options.activation ?? 'tanh', options.seed ?? 7);
  await saveLayersModel(model, dir);
  await writeFile(join(dir, 'preprocessing.json'), JSON.stringify(preprocessing, null, 2));
  const metrics: Record<string, number> = variant === 'regression' ? { rmse: 3.1, mae: 2.2 } : { accuracy: 0.93, f1: 0.91 };
  await writeFile(join(dir, 'metrics.json'), JSON.stringify(metrics));
  let run: RunManifest | undefined;
  if (options.withRun) {
    run = {
      schema: 1,
      modelCiVersion: '0.1.0',
      name: options.name ?? `tiny-${variant}`,
      task: preprocessing.task,
      backend: 'cpu',
      backendVersions: { tfjs: tf.version.tfjs },
      seed: options.seed ?? 7,
      startedAt: '2025-01-02T03:04:05.000Z',
      trainingMs: 1234,
      trainRows: 400,
      testRows: 100,
      data: { 'data/train.csv': { hash: `sha256:${'d'.repeat(64)}`, rows: 500 } },
      params: { 'train.epochs': 10 },
      hashes: {
        inputs: `sha256:${'1'.repeat(64)}`,
        data: `sha256:${'d'.repeat(64)}`,
        params: `sha256:${'e'.repeat(64)}`,
        config: `sha256:${'c'.repeat(64)}`,
        trainer: `sha256:${'f'.repeat(64)}`,
        model: `sha256:${'abcdef012345'.padEnd(64, '0')}`,
      },
      commit: '0123456789abcdef0123456789abcdef01234567',
    };
    await writeFile(join(dir, 'run.json'), JSON.stringify(run, null, 2));
  }
  return { dir, preprocessing, metrics, run, model };
}
