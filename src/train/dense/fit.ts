/**
 * Training on model-ci's dense engine: the loop of train/fit.ts (same validation split, same per-epoch
 * shuffle, same batches, same per-batch dropout seeds, same early stopping with the best weights kept)
 * around DenseNetwork's fused steps instead of `model.fit`. The TF.js model supplies the initial weights
 * (its seeded initialisers, so both engines start from the same numbers) and receives the trained ones,
 * so saving, predicting and model.json stay TensorFlow.js's.
 */
import type { Params } from '../../domain/config.ts';
import type { History } from '../../domain/run-artifacts.ts';
import { seededShuffle } from '../../data/random.ts';
import { UserError } from '../../errors.ts';
import type { LayersModel, TF } from '../../model/engine.ts';
import { DROPOUT_STREAM, EPOCH_STREAM, formatEpoch, MAX_LOGGED_EPOCHS, round, splitValidation, type FitOptions, type TrainingData } from '../fit.ts';
import { deriveSeed } from '../model.ts';
import type { Kernels } from './kernels.ts';
import { type Activation, DenseNetwork, type Loss, type NetworkSpec } from './network.ts';
import { wasmKernels } from './wasm.ts';

const ACTIVATIONS: readonly string[] = ['relu', 'tanh', 'sigmoid', 'elu', 'selu', 'linear', 'softmax'];
const LOSSES: Record<string, Loss> = {
  binaryCrossentropy: 'binaryCrossentropy',
  categoricalCrossentropy: 'categoricalCrossentropy',
  meanSquaredError: 'meanSquaredError',
};

/**
 * The engine's description of `model`, or why the engine does not cover it: a Sequential chain of Dense
 * layers (with bias and a supported activation), each optionally followed by a Dropout, compiled with one
 * of the supported losses.
 */
export function networkSpec(model: LayersModel, params: Params): NetworkSpec | { uncovered: string } {
  if (model.getClassName() !== 'Sequential') return { uncovered: `the model is a ${model.getClassName()}, not a Sequential` };
  const layers: NetworkSpec['layers'] = [];
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    const config = layer.getConfig() as { units?: number; activation?: string; useBias?: boolean; rate?: number; noiseShape?: unknown };
    if (kind === 'Dense') {
      if (!ACTIVATIONS.includes(String(config.activation))) return { uncovered: `layer ${layer.name} has the activation ${config.activation}` };
      if (!config.useBias) return { uncovered: `layer ${layer.name} has no bias` };
      layers.push({ units: config.units as number, activation: config.activation as Activation, dropout: 0 });
    } else if (kind === 'Dropout' && layers.length > 0 && layers[layers.length - 1].dropout === 0 && config.noiseShape == null) {
      layers[layers.length - 1].dropout = config.rate as number;
    } else {
      return { uncovered: `layer ${layer.name} is a ${kind}` };
    }
  }
  const loss = LOSSES[String(model.loss)];
  if (!loss) return { uncovered: `the loss is ${String(model.loss)}` };
  if (layers.length === 0 || layers[layers.length - 1].dropout > 0) return { uncovered: 'the model does not end in a Dense layer' };
  const inputShape = model.inputs[0].shape;
  return {
    inputSize: inputShape[inputShape.length - 1] as number,
    layers,
    loss,
    optimizer: params.train.optimizer,
    learningRate: params.train.learningRate,
    batchSize: params.train.batchSize,
  };
}

export interface DenseFitOptions extends FitOptions {
  /** The kernels to run on; default the WebAssembly SIMD ones. */
  kernels?: Kernels;
}

/** Trains `model` (built by train/model.ts) on the dense engine and puts the trained weights into it. */
export async function fitDense(tf: TF, model: LayersModel, data: TrainingData, params: Params, opts: DenseFitOptions = {}): Promise<History> {
  const spec = networkSpec(model, params);
  if ('uncovered' in spec) throw new Error(`the dense engine does not cover this model: ${spec.uncovered}`);
  const network = new DenseNetwork(spec, opts.kernels ?? (await wasmKernels()));
  const initial = model.getWeights();
  for (let i = 0; i < spec.layers.length; i++)
    network.setLayerWeights(i, initial[2 * i].dataSync() as Float32Array, initial[2 * i + 1].dataSync() as Float32Array);

  const { epochs, batchSize, seed, validationSplit, earlyStopping } = params.train;
  const split = splitValidation(data.rows, validationSplit, seed);
  const dropoutLayers = spec.layers.flatMap((layer, i) => (layer.dropout > 0 ? [i] : []));
  let step = 0;

  const validationLoss = () => {
    let sum = 0;
    for (let from = 0; from < split.validation.length; from += batchSize) {
      const count = Math.min(batchSize, split.validation.length - from);
      network.loadRows(data.x, data.y, split.validation, undefined, from, count);
      sum += network.lossSum(count);
    }
    return sum / split.validation.length;
  };

  const history: History = { epochs: 0, loss: [], ...(split.validation.length > 0 ? { val_loss: [] } : {}) };
  let best = { value: Infinity, epoch: -1, weights: undefined as Float32Array | undefined, waited: 0 };
  const logEvery = Math.ceil(epochs / MAX_LOGGED_EPOCHS);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const started = performance.now();
    const order = seededShuffle(split.train.length, deriveSeed(seed, EPOCH_STREAM + epoch));
    let lossSum = 0;
    for (let from = 0; from < order.length; from += batchSize) {
      const count = Math.min(batchSize, order.length - from);
      network.loadRows(data.x, data.y, split.train, order, from, count);
      // The seeds fit.ts gives each Dropout layer on this batch, drawn by tfjs's own seeded generator.
      const batchSeed = dropoutLayers.length > 0 ? deriveSeed(seed, DROPOUT_STREAM + step++) : 0;
      const uniform = (layer: number, rows: number, units: number) => {
        const draws = tf.randomUniform([rows, units], 0, 1, 'float32', deriveSeed(batchSeed, dropoutLayers.indexOf(layer)));
        try {
          return draws.dataSync() as Float32Array;
        } finally {
          draws.dispose();
        }
      };
      lossSum += network.step(count, uniform) * count;
    }
    const loss = lossSum / order.length;
    const valLoss = split.validation.length > 0 ? validationLoss() : undefined;
    history.loss.push(loss);
    if (valLoss !== undefined) history.val_loss?.push(valLoss);
    history.epochs = epoch + 1;
    if (!Number.isFinite(loss)) {
      throw new UserError(`training diverged: loss is ${loss} at epoch ${epoch + 1}; lower the learning rate`, { field: 'train.learning_rate' });
    }
    let stop = false;
    if (earlyStopping) {
      const value = valLoss ?? loss;
      if (value < best.value - earlyStopping.minDelta) best = { value, epoch, weights: network.snapshot(), waited: 0 };
      else stop = ++best.waited >= earlyStopping.patience;
    }
    if (opts.log && (epoch === 0 || epoch === epochs - 1 || stop || (epoch + 1) % logEvery === 0)) {
      opts.log(formatEpoch(epoch, epochs, loss, valLoss, performance.now() - started));
    }
    if (stop) break;
  }
  if (earlyStopping) {
    if (best.weights) network.restore(best.weights);
    history.bestEpoch = best.epoch;
    if (history.epochs < epochs) history.stoppedEarlyAt = history.epochs - 1;
    if (opts.log && best.epoch !== history.epochs - 1) {
      opts.log(`early stopping: kept the weights of epoch ${best.epoch + 1} (best ${valLossName(history)} ${round(best.value)})`);
    }
  }
  const trained = spec.layers.flatMap((_, i) => {
    const { kernel, bias, shape } = network.layerWeights(i);
    return [tf.tensor2d(kernel, shape), tf.tensor1d(bias)];
  });
  try {
    model.setWeights(trained);
  } finally {
    tf.dispose(trained);
  }
  return history;
}

function valLossName(history: History): string {
  return history.val_loss ? 'val_loss' : 'loss';
}
