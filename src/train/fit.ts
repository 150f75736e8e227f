/**
 * The training loop around `model.fit`: our own seeded shuffle per epoch
 * (fit's own shuffle uses Math.random), a deterministic validation split, and
 * early stopping that restores the best weights (tfjs's EarlyStopping callback
 * only stops, it keeps the last weights).
 */
import type { Params } from '../domain/config.ts';
import { seededShuffle } from '../data/random.ts';
import { UserError } from '../errors.ts';
import type { LayersModel, Tensor, TF } from '../model/engine.ts';
import { deriveSeed } from './model.ts';
import type { History } from '../domain/run-artifacts.ts';

/** Encoded training rows: `x` is rows × inputSize, `y` rows × outputSize, both row-major. */
export interface TrainingData {
  rows: number;
  x: Float32Array;
  y: Float32Array;
  outputSize: number;
}

export interface FitOptions {
  log?: (line: string) => void;
  /** The size of the buffers each epoch is fed to model.fit through; the default keeps them a few MB. */
  sliceBytes?: number;
}

// Seed streams 0..999 belong to layers (model.ts); these offsets keep the loop's streams apart from them.
const VALIDATION_STREAM = 1000;
export const EPOCH_STREAM = 2000;
export const DROPOUT_STREAM = 1_000_000;
/** The size of the buffers an epoch's rows are fed to model.fit through (rounded to whole batches). */
const SLICE_BYTES = 4 << 20;
/** More epochs than this are logged every n-th epoch so the log stays readable. */
export const MAX_LOGGED_EPOCHS = 50;

/** Indices of the validation rows and of the rows left to train on, from a seeded permutation. */
export function splitValidation(rows: number, fraction: number, seed: number): { train: Uint32Array; validation: Uint32Array } {
  if (fraction <= 0) return { train: Uint32Array.from({ length: rows }, (_, i) => i), validation: new Uint32Array(0) };
  const count = Math.round(rows * fraction);
  if (count < 1 || count >= rows) {
    throw new UserError(
      `a validation split of ${fraction} of ${rows} training rows leaves ${count < 1 ? 'no validation rows' : 'no rows to train on'}; ` +
        'use a larger training set or another fraction (0 disables validation)',
      { field: 'train.validation_split' },
    );
  }
  const order = seededShuffle(rows, deriveSeed(seed, VALIDATION_STREAM));
  // Sorted so that each part keeps the file's row order before the per-epoch shuffle.
  return { validation: order.slice(0, count).sort(), train: order.slice(count).sort() };
}

export async function fitModel(tf: TF, model: LayersModel, data: TrainingData, params: Params, opts: FitOptions = {}): Promise<History> {
  const { epochs, batchSize, seed, validationSplit, earlyStopping } = params.train;
  const inputSize = data.x.length / data.rows;
  const split = splitValidation(data.rows, validationSplit, seed);
  const validation = split.validation.length > 0 ? rowsToTensors(tf, data, split.validation, inputSize) : undefined;
  // Each epoch's order is fed to model.fit a slice at a time through one pair of buffers, allocated
  // once: copying rows in JS is ~10× faster than tf.gather on the cpu and wasm backends, and the buffers
  // stay a few MB instead of a second copy of the training rows. A slice is whole batches, so the
  // batches, their order and their dropout seeds are those of one fit over the epoch.
  const sliceRows = Math.min(split.train.length, batchSize * Math.max(1, Math.floor((opts.sliceBytes ?? SLICE_BYTES) / (inputSize * 4 * batchSize))));
  const sliceX = new Float32Array(sliceRows * inputSize);
  const sliceY = new Float32Array(sliceRows * data.outputSize);
  const dropout = dropoutSeeds(model);
  let step = 0;
  const callbacks = dropout.layers.length > 0 ? [{ onBatchBegin: async () => dropout.reseed(deriveSeed(seed, DROPOUT_STREAM + step++)) }] : [];

  const history: History = { epochs: 0, loss: [], ...(validation ? { val_loss: [] } : {}) };
  const stopper = earlyStopping ? new BestWeights(earlyStopping.patience, earlyStopping.minDelta) : undefined;
  const logEvery = Math.ceil(epochs / MAX_LOGGED_EPOCHS);
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const started = performance.now();
      const order = seededShuffle(split.train.length, deriveSeed(seed, EPOCH_STREAM + epoch));
      let lossSum = 0;
      let valLoss: number | undefined;
      for (let from = 0; from < order.length; from += sliceRows) {
        const rows = order.subarray(from, from + sliceRows).map((i) => split.train[i]);
        const last = from + sliceRows >= order.length;
        const into: [Float32Array, Float32Array] = [sliceX.subarray(0, rows.length * inputSize), sliceY.subarray(0, rows.length * data.outputSize)];
        const [xs, ys] = rowsToTensors(tf, data, rows, inputSize, into);
        try {
          const result = await model.fit(xs, ys, {
            epochs: 1,
            batchSize,
            shuffle: false,
            verbose: 0,
            // Once per epoch, after its last slice, as one fit over the epoch would.
            validationData: validation && last ? [validation[0], validation[1]] : undefined,
            callbacks,
          });
          const logs = result.history as Record<string, number[]>;
          // fit's loss is the mean over the slice's rows; weighted by them, the mean over the epoch's.
          lossSum += logs.loss[0] * rows.length;
          if (last) valLoss = logs.val_loss?.[0];
        } finally {
          tf.dispose([xs, ys]);
        }
      }
      const loss = lossSum / order.length;
      history.loss.push(loss);
      if (valLoss !== undefined) history.val_loss?.push(valLoss);
      history.epochs = epoch + 1;
      if (!Number.isFinite(loss)) {
        throw new UserError(`training diverged: loss is ${loss} at epoch ${epoch + 1}; lower the learning rate`, { field: 'train.learning_rate' });
      }
      const stop = stopper?.update(tf, model, epoch, valLoss ?? loss) ?? false;
      if (opts.log && (epoch === 0 || epoch === epochs - 1 || stop || (epoch + 1) % logEvery === 0)) {
        opts.log(formatEpoch(epoch, epochs, loss, valLoss, performance.now() - started));
      }
      if (stop) break;
    }
    if (stopper) {
      const best = stopper.restore(model);
      history.bestEpoch = best;
      // It was the kept epoch (bestEpoch) before: a history said it stopped where it had only peaked.
      if (history.epochs < epochs) history.stoppedEarlyAt = history.epochs - 1;
      if (opts.log && best !== history.epochs - 1) {
        opts.log(`early stopping: kept the weights of epoch ${best + 1} (best ${validation ? 'val_loss' : 'loss'} ${round(stopper.best)})`);
      }
    }
  } finally {
    dropout.restore();
    stopper?.dispose(tf);
    tf.dispose(validation ?? []);
  }
  return history;
}

/** x and y tensors of `rows` (in that order), written into `into` when given. */
function rowsToTensors(tf: TF, data: TrainingData, rows: Uint32Array, inputSize: number, into?: [Float32Array, Float32Array]): [Tensor, Tensor] {
  const out = data.outputSize;
  const x = into?.[0] ?? new Float32Array(rows.length * inputSize);
  const y = into?.[1] ?? new Float32Array(rows.length * out);
  for (let i = 0; i < rows.length; i++) {
    const from = rows[i];
    for (let c = 0; c < inputSize; c++) x[i * inputSize + c] = data.x[from * inputSize + c];
    for (let c = 0; c < out; c++) y[i * out + c] = data.y[from * out + c];
  }
  return [tf.tensor2d(x, [rows.length, inputSize]), tf.tensor2d(y, [rows.length, out])];
}

/**
 * A seeded Dropout layer draws the same mask on every batch (tfjs seeds a fresh
 * generator per call), so the loop gives each batch its own seed, and puts the
 * configured seeds back afterwards so model.json stays as built.
 */
function dropoutSeeds(model: LayersModel) {
  const layers = model.layers.filter((layer) => layer.getClassName() === 'Dropout') as unknown as { seed?: number }[];
  const original = layers.map((layer) => layer.seed);
  return {
    layers,
    reseed(seed: number) {
      layers.forEach((layer, i) => {
        layer.seed = deriveSeed(seed, i);
      });
    },
    restore() {
      layers.forEach((layer, i) => {
        layer.seed = original[i];
      });
    },
  };
}

/** Early stopping state: the best monitored value, a copy of its weights, and epochs since it improved. */
class BestWeights {
  best = Infinity;
  bestEpoch = -1;
  private weights: Tensor[] = [];
  private waited = 0;
  private readonly patience: number;
  private readonly minDelta: number;

  constructor(patience: number, minDelta: number) {
    this.patience = patience;
    this.minDelta = minDelta;
  }

  /** Records this epoch; true when training should stop. */
  update(tf: TF, model: LayersModel, epoch: number, value: number): boolean {
    if (value < this.best - this.minDelta) {
      this.best = value;
      this.bestEpoch = epoch;
      this.waited = 0;
      tf.dispose(this.weights);
      this.weights = model.getWeights().map((w) => w.clone());
      return false;
    }
    this.waited++;
    return this.waited >= this.patience;
  }

  /** Puts the best weights back; returns the epoch they came from. */
  restore(model: LayersModel): number {
    if (this.weights.length > 0) model.setWeights(this.weights);
    return this.bestEpoch;
  }

  dispose(tf: TF): void {
    tf.dispose(this.weights);
    this.weights = [];
  }
}

export function formatEpoch(epoch: number, epochs: number, loss: number, valLoss: number | undefined, ms: number): string {
  const width = String(epochs).length;
  const parts = [`epoch ${String(epoch + 1).padStart(width)}/${epochs}`, `loss ${round(loss)}`];
  if (valLoss !== undefined) parts.push(`val_loss ${round(valLoss)}`);
  parts.push(`${Math.round(ms)} ms`);
  return parts.join('  ');
}

export function round(value: number): string {
  return value.toFixed(4);
}

/** Runs the network on `x` (rows × inputSize) and returns its raw output, rows × outputSize. */
export async function predictRows(tf: TF, model: LayersModel, x: Float32Array, rows: number, batchSize = 1024): Promise<Float32Array> {
  if (rows === 0) return new Float32Array(0);
  const input = tf.tensor2d(x, [rows, x.length / rows]);
  const output = model.predict(input, { batchSize }) as Tensor;
  try {
    return (await output.data()) as Float32Array;
  } finally {
    tf.dispose([input, output]);
  }
}
