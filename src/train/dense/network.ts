/**
 * One training step of a dense network, fused over a float32 heap: forward pass, loss, backward pass
 * and optimizer update, with TensorFlow.js's definitions (tfjs-layers activations and losses, tfjs-core
 * optimizers) so that a step here and a step of `model.fit` agree to float32 rounding. The matrix
 * products run in `Kernels` (WebAssembly SIMD or the scalar reference); the element-wise work
 * (activations, loss, optimizer) is a few percent of the arithmetic and runs here.
 */
import type { Optimizer } from '../../domain/config.ts';
import type { Kernels } from './kernels.ts';

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'selu' | 'linear' | 'softmax';
export type Loss = 'binaryCrossentropy' | 'categoricalCrossentropy' | 'meanSquaredError';

export interface DenseLayerSpec {
  units: number;
  activation: Activation;
  /** Dropout rate applied to this layer's output while training (0: none). */
  dropout: number;
}

export interface NetworkSpec {
  inputSize: number;
  layers: DenseLayerSpec[];
  loss: Loss;
  optimizer: Optimizer;
  learningRate: number;
  /** Rows per step: the buffers are sized for it. */
  batchSize: number;
}

/** Dropout multipliers for one step: `masks(layer, rows, units)` gives rows × units uniform [0, 1) draws. */
export type UniformSource = (layer: number, rows: number, units: number) => Float32Array;

// tfjs's backend epsilon for float32 (Adam, RMSProp and Adagrad use it, and Keras's clip in the losses).
const EPSILON = 1e-7;
const f32 = Math.fround;
const CLIP_LOW = f32(EPSILON);
const CLIP_HIGH = f32(1 - EPSILON);
// tfjs-core selu_util.ts's constants, as the nearest float64.
const SELU_SCALE = 1.0507009873554805;
const SELU_SCALEALPHA = 1.7580993408473768;
const BETA1 = 0.9;
const BETA2 = 0.999;
const RMSPROP_DECAY = 0.9;
const ADAGRAD_INITIAL = 0.1;

interface LayerBuffers {
  inputs: number;
  units: number;
  activation: Activation;
  dropout: number;
  /** Offsets into the heap: kernel (inputs × units), its transpose, bias, and per-batch rows × units buffers. */
  kernel: number;
  transposed: number;
  bias: number;
  gradKernel: number;
  gradBias: number;
  z: number;
  a: number;
  /** After dropout (equals `a` without dropout): what the next layer reads. */
  out: number;
  multiplier: number;
  /** dLoss/dz. */
  dz: number;
  /** dLoss/d(out), written by the next layer's backward product. */
  dout: number;
}

export class DenseNetwork {
  readonly spec: NetworkSpec;
  readonly kernels: Kernels;
  private readonly layers: LayerBuffers[] = [];
  /** Weights, gradients and the optimizer's two slots are four parallel regions of `paramCount` floats. */
  readonly paramCount: number;
  private readonly params: number;
  private readonly grads: number;
  private readonly slot1: number;
  private readonly slot2: number;
  private readonly x: number;
  private readonly y: number;
  private accBeta1 = f32(BETA1);
  private accBeta2 = f32(BETA2);

  constructor(spec: NetworkSpec, kernels: Kernels) {
    this.spec = spec;
    this.kernels = kernels;
    const batch = spec.batchSize;
    // Offsets are in floats, 16-byte aligned; 0 stays unused (the kernels read offset 0 as "no bias").
    let next = 4;
    const take = (floats: number) => {
      const at = next;
      next += Math.ceil(floats / 4) * 4;
      return at;
    };
    const shapes = spec.layers.map((layer, i) => ({ inputs: i === 0 ? spec.inputSize : spec.layers[i - 1].units, ...layer }));
    this.paramCount = shapes.reduce((sum, l) => sum + Math.ceil((l.inputs * l.units) / 4) * 4 + Math.ceil(l.units / 4) * 4, 0);
    this.params = take(this.paramCount);
    this.grads = take(this.paramCount);
    this.slot1 = take(this.paramCount);
    this.slot2 = take(this.paramCount);
    let param = 0;
    for (const l of shapes) {
      const kernel = param;
      param += Math.ceil((l.inputs * l.units) / 4) * 4;
      const bias = param;
      param += Math.ceil(l.units / 4) * 4;
      const a = take(batch * l.units);
      const out = l.dropout > 0 ? take(batch * l.units) : a;
      this.layers.push({
        inputs: l.inputs,
        units: l.units,
        activation: l.activation,
        dropout: l.dropout,
        kernel: this.params + kernel,
        bias: this.params + bias,
        gradKernel: this.grads + kernel,
        gradBias: this.grads + bias,
        transposed: take(l.inputs * l.units),
        z: take(batch * l.units),
        a,
        out,
        multiplier: l.dropout > 0 ? take(batch * l.units) : 0,
        dz: take(batch * l.units),
        dout: take(batch * l.units),
      });
    }
    this.x = take(batch * spec.inputSize);
    this.y = take(batch * this.outputSize);
    kernels.grow(next);
    if (spec.optimizer === 'adagrad') kernels.heap.fill(ADAGRAD_INITIAL, this.slot1, this.slot1 + this.paramCount);
  }

  get outputSize(): number {
    return this.spec.layers[this.spec.layers.length - 1].units;
  }

  /** Sets layer `i`'s kernel (inputs × units, row-major) and bias. */
  setLayerWeights(i: number, kernel: Float32Array, bias: Float32Array): void {
    const l = this.layers[i];
    this.kernels.heap.set(kernel, l.kernel);
    this.kernels.heap.set(bias, l.bias);
    this.transpose(l);
  }

  layerWeights(i: number): { kernel: Float32Array; bias: Float32Array; shape: [number, number] } {
    const l = this.layers[i];
    const heap = this.kernels.heap;
    return {
      kernel: heap.slice(l.kernel, l.kernel + l.inputs * l.units),
      bias: heap.slice(l.bias, l.bias + l.units),
      shape: [l.inputs, l.units],
    };
  }

  /** A copy of every weight (for early stopping's best epoch). */
  snapshot(): Float32Array {
    return this.kernels.heap.slice(this.params, this.params + this.paramCount);
  }

  restore(weights: Float32Array): void {
    this.kernels.heap.set(weights, this.params);
    for (const l of this.layers) this.transpose(l);
  }

  /**
   * Copies `count` rows of the row-major `x` and `y` into the batch: rows[order[from + k]], or
   * rows[from + k] without `order`.
   */
  loadRows(x: Float32Array, y: Float32Array, rows: Uint32Array, order: Uint32Array | undefined, from: number, count: number): void {
    const h = this.kernels.heap;
    const inputs = this.spec.inputSize;
    const outputs = this.outputSize;
    for (let k = 0; k < count; k++) {
      const row = rows[order ? order[from + k] : from + k];
      const xt = this.x + k * inputs;
      const xs = row * inputs;
      for (let c = 0; c < inputs; c++) h[xt + c] = x[xs + c];
      const yt = this.y + k * outputs;
      const ys = row * outputs;
      for (let c = 0; c < outputs; c++) h[yt + c] = y[ys + c];
    }
  }

  /** One optimizer step on the rows loadRows put in the batch; returns the batch's mean loss before the update. */
  step(rows: number, uniform?: UniformSource): number {
    this.forward(rows, uniform);
    const loss = this.lossAndGradient(rows, true);
    this.backward(rows);
    this.update();
    return loss;
  }

  /** The summed (not mean) loss of the rows loadRows put in the batch, without dropout and without training. */
  lossSum(rows: number): number {
    this.forward(rows, undefined);
    return this.lossAndGradient(rows, false) * rows;
  }

  private forward(rows: number, uniform: UniformSource | undefined): void {
    const k = this.kernels;
    let input = this.x;
    this.layers.forEach((l, index) => {
      k.gemm(l.z, input, l.inputs, 1, l.kernel, l.bias, rows, l.inputs, l.units);
      if (l.activation === 'relu') k.relu(l.a, l.z, rows * l.units);
      else activate(k.heap, l.activation, l.z, l.a, rows, l.units);
      if (l.dropout > 0) {
        if (uniform) this.dropout(l, rows, uniform(index, rows, l.units));
        else k.heap.copyWithin(l.out, l.a, l.a + rows * l.units);
      }
      input = l.out;
    });
  }

  /** tf.dropout: multiplier = floor(u + keep) / keep in float32, output = a · multiplier. */
  private dropout(l: LayerBuffers, rows: number, u: Float32Array): void {
    const h = this.kernels.heap;
    const keep = f32(1 - l.dropout);
    const scale = f32(1 / keep);
    for (let i = 0; i < rows * l.units; i++) {
      const m = Math.floor(f32(u[i] + keep)) > 0 ? scale : 0;
      h[l.multiplier + i] = m;
      h[l.out + i] = h[l.a + i] * m;
    }
  }

  /**
   * The mean loss over `rows` (tfjs-layers losses.ts), and when `withGradient` the loss's gradient with
   * respect to the output layer's z, through the same clips tfjs applies (a clipped output passes no gradient).
   */
  private lossAndGradient(rows: number, withGradient: boolean): number {
    const h = this.kernels.heap;
    const last = this.layers[this.layers.length - 1];
    const n = last.units;
    const p = last.a;
    const t = this.y;
    const g = last.dout;
    const scale = 1 / rows;
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * n;
      if (this.spec.loss === 'meanSquaredError') {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          const diff = h[p + o + j] - h[t + o + j];
          sum += diff * diff;
          if (withGradient) h[g + o + j] = (scale * 2 * diff) / n;
        }
        total += sum / n;
      } else if (this.spec.loss === 'binaryCrossentropy') {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          const pj = h[p + o + j];
          const target = h[t + o + j];
          const y = pj < CLIP_LOW ? CLIP_LOW : Math.min(pj, CLIP_HIGH);
          const logit = Math.log(y / (1 - y));
          const e = Math.exp(-Math.abs(logit));
          sum += Math.max(logit, 0) - logit * target + Math.log1p(e);
          if (withGradient) {
            // d/dlogit of relu(l) - l·t + log1p(exp(-|l|)) is sigmoid(l) - t (tfjs's abs has gradient -1 at 0).
            const dLogit = ((logit > 0 ? 1 / (1 + e) : e / (1 + e)) - target) * (scale / n);
            h[g + o + j] = pj >= CLIP_LOW && pj <= CLIP_HIGH ? dLogit / (y * (1 - y)) : 0;
          }
        }
        total += sum / n;
      } else {
        let s = 0;
        for (let j = 0; j < n; j++) s += h[p + o + j];
        let sum = 0;
        let dot = 0;
        for (let j = 0; j < n; j++) {
          const pj = h[p + o + j];
          const q = pj / s;
          const c = q < CLIP_LOW ? CLIP_LOW : Math.min(q, CLIP_HIGH);
          const target = h[t + o + j];
          sum -= target * Math.log(c);
          // dLoss/dq, zero where the clip held q; kept in g until the division's gradient below.
          const dq = q >= CLIP_LOW && q <= CLIP_HIGH ? (-scale * target) / c : 0;
          if (withGradient) h[g + o + j] = dq;
          dot += dq * pj;
        }
        if (withGradient) for (let j = 0; j < n; j++) h[g + o + j] = h[g + o + j] / s - dot / (s * s);
        total += sum;
      }
    }
    if (withGradient) activationGradient(h, last.activation, last.z, last.a, g, last.dz, rows, n);
    return total / rows;
  }

  private backward(rows: number): void {
    const k = this.kernels;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i];
      const input = i === 0 ? this.x : this.layers[i - 1].out;
      // dW = inputᵀ · dz, db = Σ rows of dz.
      k.gemm(l.gradKernel, input, 1, l.inputs, l.dz, 0, l.inputs, rows, l.units);
      k.colSum(l.gradBias, l.dz, rows, l.units);
      if (i === 0) break;
      const below = this.layers[i - 1];
      k.gemm(below.dout, l.dz, l.units, 1, l.transposed, 0, rows, l.units, l.inputs);
      const h = k.heap;
      if (below.dropout > 0) for (let e = 0; e < rows * below.units; e++) h[below.dout + e] *= h[below.multiplier + e];
      if (below.activation === 'relu') k.reluGrad(below.dz, below.z, below.dout, rows * below.units);
      else activationGradient(h, below.activation, below.z, below.a, below.dout, below.dz, rows, below.units);
    }
  }

  /** tfjs-core's optimizers, element by element (train/model.ts builds them with only a learning rate). */
  private update(): void {
    const h = this.kernels.heap;
    const lr = this.spec.learningRate;
    const w = this.params;
    const g = this.grads;
    const s1 = this.slot1;
    const s2 = this.slot2;
    const n = this.paramCount;
    switch (this.spec.optimizer) {
      case 'sgd':
        for (let i = 0; i < n; i++) h[w + i] -= lr * h[g + i];
        break;
      case 'adam': {
        const c1 = f32(1 - this.accBeta1);
        const c2 = f32(1 - this.accBeta2);
        for (let i = 0; i < n; i++) {
          const grad = h[g + i];
          const m = (h[s1 + i] = BETA1 * h[s1 + i] + (1 - BETA1) * grad);
          const v = (h[s2 + i] = BETA2 * h[s2 + i] + (1 - BETA2) * grad * grad);
          h[w + i] -= (lr * (m / c1)) / (Math.sqrt(v / c2) + EPSILON);
        }
        this.accBeta1 = f32(this.accBeta1 * f32(BETA1));
        this.accBeta2 = f32(this.accBeta2 * f32(BETA2));
        break;
      }
      case 'rmsprop':
        for (let i = 0; i < n; i++) {
          const grad = h[g + i];
          const ms = (h[s1 + i] = RMSPROP_DECAY * h[s1 + i] + (1 - RMSPROP_DECAY) * grad * grad);
          h[w + i] -= (grad * lr) / Math.sqrt(ms + EPSILON);
        }
        break;
      case 'adagrad':
        for (let i = 0; i < n; i++) {
          const grad = h[g + i];
          const acc = (h[s1 + i] += grad * grad);
          h[w + i] -= (lr * grad) / Math.sqrt(acc + EPSILON);
        }
        break;
    }
    for (const l of this.layers) this.transpose(l);
  }

  private transpose(l: LayerBuffers): void {
    const h = this.kernels.heap;
    for (let i = 0; i < l.inputs; i++) for (let j = 0; j < l.units; j++) h[l.transposed + j * l.inputs + i] = h[l.kernel + i * l.units + j];
  }
}

/** a = activation(z) over rows × n (tfjs-layers activations.ts, tfjs-core's kernels). */
function activate(h: Float32Array, activation: Activation, z: number, a: number, rows: number, n: number): void {
  const end = rows * n;
  switch (activation) {
    case 'linear':
      h.copyWithin(a, z, z + end);
      return;
    case 'relu':
      for (let i = 0; i < end; i++) h[a + i] = Math.max(h[z + i], 0);
      return;
    case 'sigmoid':
      for (let i = 0; i < end; i++) h[a + i] = 1 / (1 + Math.exp(-h[z + i]));
      return;
    case 'tanh':
      for (let i = 0; i < end; i++) h[a + i] = Math.tanh(h[z + i]);
      return;
    case 'elu':
      for (let i = 0; i < end; i++) h[a + i] = h[z + i] >= 0 ? h[z + i] : Math.expm1(h[z + i]);
      return;
    case 'selu':
      for (let i = 0; i < end; i++) h[a + i] = h[z + i] < 0 ? SELU_SCALEALPHA * Math.expm1(h[z + i]) : SELU_SCALE * h[z + i];
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * n;
        let max = -Infinity;
        for (let j = 0; j < n; j++) max = Math.max(max, h[z + o + j]);
        let sum = 0;
        for (let j = 0; j < n; j++) sum += h[a + o + j] = Math.exp(h[z + o + j] - max);
        for (let j = 0; j < n; j++) h[a + o + j] /= sum;
      }
      return;
  }
}

/** dz = dLoss/da · da/dz, with tfjs's gradients (relu's is 0 at 0; elu's and sigmoid's read the output). */
function activationGradient(h: Float32Array, activation: Activation, z: number, a: number, da: number, dz: number, rows: number, n: number): void {
  const end = rows * n;
  switch (activation) {
    case 'linear':
      h.copyWithin(dz, da, da + end);
      return;
    case 'relu':
      for (let i = 0; i < end; i++) h[dz + i] = h[z + i] > 0 ? h[da + i] : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < end; i++) h[dz + i] = h[da + i] * h[a + i] * (1 - h[a + i]);
      return;
    case 'tanh':
      for (let i = 0; i < end; i++) h[dz + i] = h[da + i] * (1 - h[a + i] * h[a + i]);
      return;
    case 'elu':
      for (let i = 0; i < end; i++) h[dz + i] = h[a + i] >= 0 ? h[da + i] : h[da + i] * (h[a + i] + 1);
      return;
    case 'selu':
      for (let i = 0; i < end; i++) h[dz + i] = h[z + i] > 0 ? h[da + i] * SELU_SCALE : h[da + i] * SELU_SCALEALPHA * Math.exp(h[z + i]);
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * n;
        let dot = 0;
        for (let j = 0; j < n; j++) dot += h[da + o + j] * h[a + o + j];
        for (let j = 0; j < n; j++) h[dz + o + j] = h[a + o + j] * (h[da + o + j] - dot);
      }
      return;
  }
}
