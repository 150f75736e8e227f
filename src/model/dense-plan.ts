/**
 * A plain-JavaScript forward pass for the models model-ci trains: a Sequential chain of Dense
 * layers (Dropout is the identity at inference). For these small networks TF.js spends far more
 * time per op in its engine (scopes, kernel lookup, tensor bookkeeping: ~20 µs an op) than in
 * arithmetic (a 30-16-8-1 net is ~600 multiply-adds a row), so small requests run here and
 * anything else — other layers, big batches — runs in TF.js. loadModel only uses a plan after
 * checking it against TF.js on a probe batch.
 */
import type * as tfjs from '@tensorflow/tfjs';

export interface DensePlan {
  inputSize: number;
  outputWidth: number;
  /** Multiply-adds per row: the cost model for choosing between this and TF.js. */
  macsPerRow: number;
  /**
   * Row-major `rows × inputSize` in, row-major `rows × outputWidth` out. The output is a view of a
   * buffer the plan reuses: read it before the next run.
   */
  run(input: Float32Array, rows: number): Float32Array;
}

interface DenseLayer {
  inputs: number;
  units: number;
  /** Row-major `inputs × units`, as Keras stores a Dense kernel. */
  kernel: Float32Array;
  bias?: Float32Array;
  activation: (row: Float32Array, offset: number, width: number) => void;
}

// The float64 nearest to SELU's constants (tfjs's own, printed to more digits than a double holds).
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/** In-place activations with TF.js's definitions (tfjs-layers activations.ts). */
const ACTIVATIONS: Record<string, DenseLayer['activation']> = {
  linear: () => {},
  relu: (v, o, n) => {
    for (let i = o; i < o + n; i++) if (v[i] < 0) v[i] = 0;
  },
  sigmoid: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = 1 / (1 + Math.exp(-v[i]));
  },
  tanh: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = Math.tanh(v[i]);
  },
  elu: (v, o, n) => {
    for (let i = o; i < o + n; i++) if (v[i] < 0) v[i] = Math.expm1(v[i]);
  },
  selu: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = SELU_SCALE * (v[i] > 0 ? v[i] : SELU_ALPHA * Math.expm1(v[i]));
  },
  softmax: (v, o, n) => {
    let max = -Infinity;
    for (let i = o; i < o + n; i++) if (v[i] > max) max = v[i];
    let sum = 0;
    for (let i = o; i < o + n; i++) sum += v[i] = Math.exp(v[i] - max);
    for (let i = o; i < o + n; i++) v[i] /= sum;
  },
};

/** A plan for `model`, or undefined when it holds anything but Dense and Dropout layers. */
export function compileDensePlan(model: tfjs.LayersModel): DensePlan | undefined {
  if (model.getClassName() !== 'Sequential') return undefined;
  const layers: DenseLayer[] = [];
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    if (kind === 'Dropout' || kind === 'InputLayer') continue;
    if (kind !== 'Dense') return undefined;
    const config = layer.getConfig() as { units: number; activation: string; useBias: boolean };
    const activation = ACTIVATIONS[config.activation];
    const weights = layer.getWeights();
    if (!activation || weights.length !== (config.useBias ? 2 : 1) || weights[0].rank !== 2) return undefined;
    const [inputs, units] = weights[0].shape as [number, number];
    layers.push({
      inputs,
      units,
      kernel: weights[0].dataSync() as Float32Array,
      bias: config.useBias ? (weights[1].dataSync() as Float32Array) : undefined,
      activation,
    });
  }
  return planOf(layers);
}

interface SavedLayer {
  class_name?: unknown;
  config?: { name?: unknown; units?: unknown; activation?: unknown; use_bias?: unknown; dtype?: unknown };
}

interface SavedWeight {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

/**
 * A plan read straight from a saved model (model.json's topology, its weight specs and weights.bin),
 * without loading TF.js: batch prediction then starts in milliseconds and holds no engine. Undefined
 * unless the model is a Sequential chain of Dense (and Dropout) layers with float32 weights, every
 * weight used exactly once; anything else goes to TF.js. tests/model/dense-plan.test.ts checks these
 * plans against TF.js for every activation.
 */
export function densePlanFromFiles(topology: object, specs: readonly SavedWeight[], weightData: ArrayBuffer): DensePlan | undefined {
  const { class_name: kind, config } = topology as { class_name?: unknown; config?: { layers?: unknown } };
  if (kind !== 'Sequential' || !Array.isArray(config?.layers)) return undefined;
  const offsets = new Map<string, { spec: SavedWeight; offset: number }>();
  let offset = 0;
  for (const spec of specs) {
    if (spec.dtype !== 'float32' || spec.quantization !== undefined) return undefined;
    offsets.set(spec.name, { spec, offset });
    offset += 4 * spec.shape.reduce((a, b) => a * b, 1);
  }
  const read = (name: string, shape: number[]): Float32Array | undefined => {
    const found = offsets.get(name);
    if (!found || found.spec.shape.length !== shape.length || found.spec.shape.some((n, i) => n !== shape[i])) return undefined;
    offsets.delete(name);
    return new Float32Array(weightData.slice(found.offset, found.offset + 4 * shape.reduce((a, b) => a * b, 1)));
  };
  const layers: DenseLayer[] = [];
  for (const layer of config.layers as SavedLayer[]) {
    if (layer.class_name === 'Dropout' || layer.class_name === 'InputLayer') continue;
    const c = layer.config;
    if (layer.class_name !== 'Dense' || !c || typeof c.name !== 'string' || typeof c.activation !== 'string' || !Object.hasOwn(ACTIVATIONS, c.activation)) {
      return undefined;
    }
    if (!Number.isInteger(c.units) || typeof c.use_bias !== 'boolean' || (c.dtype !== undefined && c.dtype !== 'float32')) return undefined;
    const units = c.units as number;
    const kernelSpec = offsets.get(`${c.name}/kernel`)?.spec;
    const inputs = kernelSpec?.shape[0] ?? 0;
    const kernel = read(`${c.name}/kernel`, [inputs, units]);
    const bias = c.use_bias ? read(`${c.name}/bias`, [units]) : undefined;
    if (!kernel || (c.use_bias && !bias)) return undefined;
    layers.push({ inputs, units, kernel, bias, activation: ACTIVATIONS[c.activation] });
  }
  // A weight no Dense layer took belongs to something this plan does not compute.
  return offsets.size === 0 && offset === weightData.byteLength ? planOf(layers) : undefined;
}

function planOf(keras: DenseLayer[]): DensePlan | undefined {
  if (keras.length === 0 || keras.some((l, i) => i > 0 && l.inputs !== keras[i - 1].units)) return undefined;
  // Each unit's weights made contiguous (units × inputs): the same products summed in the same order, read in a line.
  const layers = keras.map((l) => ({ ...l, kernel: transposed(l.kernel, l.inputs, l.units) }));
  let capacity = -1;
  let buffers: Float32Array[] = [];
  return {
    inputSize: layers[0].inputs,
    outputWidth: layers[layers.length - 1].units,
    macsPerRow: layers.reduce((sum, l) => sum + l.inputs * l.units, 0),
    run: (input, rows) => {
      // One buffer per layer, kept and grown to the largest batch seen: a request allocates nothing here.
      if (rows > capacity) {
        capacity = rows;
        buffers = layers.map((l) => new Float32Array(rows * l.units));
      }
      let x = input;
      for (let l = 0; l < layers.length; l++) x = dense(layers[l], x, rows, buffers[l]);
      return x.subarray(0, rows * layers[layers.length - 1].units);
    },
  };
}

function transposed(kernel: Float32Array, inputs: number, units: number): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let i = 0; i < inputs; i++) for (let u = 0; u < units; u++) out[u * inputs + i] = kernel[i * units + u];
  return out;
}

/** `kernel` is units × inputs here (transposed from Keras's layout by planOf). */
function dense({ inputs, units, kernel, bias, activation }: DenseLayer, x: Float32Array, rows: number, out: Float32Array): Float32Array {
  // Float32 storage between layers, as TF.js keeps activations; each sum accumulates in a double.
  for (let r = 0; r < rows; r++) {
    const xo = r * inputs;
    const oo = r * units;
    for (let u = 0; u < units; u++) {
      let sum = bias ? bias[u] : 0;
      const ko = u * inputs;
      for (let i = 0; i < inputs; i++) sum += x[xo + i] * kernel[ko + i];
      out[oo + u] = sum;
    }
    activation(out, oo, units);
  }
  return out;
}
