/**
 * The dense network built from params: its shape, seeds, optimizer and loss.
 * Every random draw is seeded so that the same params give the same weights.
 */
import type { Params, Task } from '../domain/config.ts';
import type { Preprocessing } from '../data/preprocessing.ts';
import type { LayersModel, Sequential, TF } from '../model/engine.ts';

export interface NetworkShape {
  inputSize: number;
  outputSize: number;
  task: Task;
}

export function networkShape(pre: Preprocessing): NetworkShape {
  const outputSize = pre.task === 'multiclass-classification' ? (pre.classes?.length ?? 0) : 1;
  return { inputSize: pre.inputSize, outputSize, task: pre.task };
}

const OUTPUT_ACTIVATION: Record<Task, 'sigmoid' | 'softmax' | 'linear'> = {
  'binary-classification': 'sigmoid',
  'multiclass-classification': 'softmax',
  regression: 'linear',
};

const LOSS: Record<Task, string> = {
  'binary-classification': 'binaryCrossentropy',
  'multiclass-classification': 'categoricalCrossentropy',
  regression: 'meanSquaredError',
};

/**
 * A seed for the `index`-th random stream of a run, never 0: tfjs's normal
 * generators read seed 0 as "unseeded" (`seed || Math.random()`).
 * splitmix32-style mixing so neighbouring indices give unrelated streams.
 */
export function deriveSeed(seed: number, index: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 1) + 1;
}

/** Layer names are fixed so model.json is byte-identical between runs (tfjs's defaults count up per process). */
export function buildModel(tf: TF, shape: NetworkShape, params: Params): Sequential {
  const { hiddenUnits, activation, dropout } = params.model;
  const seed = params.train.seed;
  let stream = 0;
  const model = tf.sequential({ name: 'model_ci' });
  hiddenUnits.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        name: `hidden_${i + 1}`,
        units,
        activation,
        ...(i === 0 ? { inputShape: [shape.inputSize] } : {}),
        kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, stream++) }),
        biasInitializer: 'zeros',
      }),
    );
    if (dropout > 0) model.add(tf.layers.dropout({ name: `dropout_${i + 1}`, rate: dropout, seed: deriveSeed(seed, stream++) }));
  });
  model.add(
    tf.layers.dense({
      name: 'output',
      units: shape.outputSize,
      activation: OUTPUT_ACTIVATION[shape.task],
      ...(hiddenUnits.length === 0 ? { inputShape: [shape.inputSize] } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, stream++) }),
      biasInitializer: 'zeros',
    }),
  );
  compileModel(tf, model, shape.task, params);
  return model;
}

function compileModel(tf: TF, model: LayersModel, task: Task, params: Params): void {
  const { optimizer, learningRate } = params.train;
  const optimizers = {
    adam: () => tf.train.adam(learningRate),
    sgd: () => tf.train.sgd(learningRate),
    rmsprop: () => tf.train.rmsprop(learningRate),
    adagrad: () => tf.train.adagrad(learningRate),
  };
  model.compile({ optimizer: optimizers[optimizer](), loss: LOSS[task] });
}
