/**
 * The two linear models model-ci fits itself, on the encoded features the network gets, in doubles over
 * typed arrays with a fixed loop order: the same inputs give the same coefficients bit for bit.
 *
 * - Least squares: the normal equations (XᵀX + εI) β = Xᵀy solved by Cholesky. ε is tiny (1e-9 of the
 *   mean diagonal, never on the intercept): it only makes a constant (all-zero after standardising) or
 *   duplicated input solvable, its coefficient then 0 or shared.
 * - Logistic regression: scikit-learn's default objective, Σ log-loss + ½‖W‖² (C = 1, intercept not
 *   penalised), binary with one sigmoid output, multiclass multinomial (softmax over k outputs), minimised
 *   by L-BFGS (10 corrections, Armijo backtracking). The objective is strictly convex, so the minimum is
 *   unique and the solver's path does not matter beyond the stopping rule.
 */

/** Row-major coefficients: `outputs × (inputs + 1)`, the intercept last in each row. */
export interface LinearCoefficients {
  inputs: number;
  outputs: number;
  weights: Float64Array;
}

/** Row r's linear scores into `out[0 … outputs)`. */
export function linearScores(model: LinearCoefficients, x: Float32Array, r: number, out: Float64Array): void {
  const { inputs: d, outputs, weights } = model;
  const stride = d + 1;
  const offset = r * d;
  for (let c = 0; c < outputs; c++) {
    const w = c * stride;
    let s = weights[w + d];
    for (let j = 0; j < d; j++) s += weights[w + j] * x[offset + j];
    out[c] = s;
  }
}

/** Least squares of `y` (one value per row) on `x` (rows × d, row-major) with an intercept. */
export function fitLeastSquares(x: Float32Array, y: ArrayLike<number>, rows: number, d: number): LinearCoefficients {
  const p = d + 1;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  const row = new Float64Array(p);
  row[d] = 1;
  for (let r = 0; r < rows; r++) {
    const offset = r * d;
    for (let j = 0; j < d; j++) row[j] = x[offset + j];
    const target = y[r];
    for (let i = 0; i < p; i++) {
      const v = row[i];
      if (v === 0) continue;
      b[i] += v * target;
      const line = i * p;
      for (let j = i; j < p; j++) a[line + j] += v * row[j];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) a[i * p + j] = a[j * p + i];
  let trace = 0;
  for (let i = 0; i < d; i++) trace += a[i * p + i];
  const ridge = d > 0 ? 1e-9 * Math.max(trace / d, 1) : 0;
  for (let i = 0; i < d; i++) a[i * p + i] += ridge;
  return { inputs: d, outputs: 1, weights: choleskySolve(a, b, p) };
}

/** Solves A β = b for symmetric positive definite A (p × p, overwritten). */
function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j];
    for (let k = 0; k < j; k++) diagonal -= a[j * p + k] ** 2;
    // Only the intercept's pivot can reach 0 here (no rows): a degenerate fit predicts 0.
    const pivot = Math.sqrt(Math.max(diagonal, 1e-300));
    a[j * p + j] = pivot;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = s / pivot;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i * p + k] * z[k];
    z[i] = s / a[i * p + i];
  }
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= a[k * p + i] * beta[k];
    beta[i] = s / a[i * p + i];
  }
  return beta;
}

export interface LogisticOptions {
  /** Inverse regularisation strength, scikit-learn's `C`. */
  c?: number;
  maxIterations?: number;
  /** Stop when every gradient component is at most this times the row count. */
  gradientTolerance?: number;
}

export interface LogisticFit extends LinearCoefficients {
  iterations: number;
  /** Largest gradient component of the objective at the solution, for tests and notes. */
  gradientMax: number;
}

/**
 * `labels`: class index per row. `classCount` 2 fits one sigmoid output (the score of class 1), more fit
 * a softmax output per class.
 */
export function fitLogistic(x: Float32Array, labels: Int32Array, rows: number, d: number, classCount: number, options: LogisticOptions = {}): LogisticFit {
  const outputs = classCount === 2 ? 1 : classCount;
  const stride = d + 1;
  const size = outputs * stride;
  const lambda = 1 / (options.c ?? 1);
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = (options.gradientTolerance ?? 1e-8) * Math.max(rows, 1);
  const scores = new Float64Array(outputs);

  // Objective and gradient at w (gradient written into g).
  const evaluate = (w: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    const model = { inputs: d, outputs, weights: w };
    for (let r = 0; r < rows; r++) {
      linearScores(model, x, r, scores);
      const offset = r * d;
      if (outputs === 1) {
        const s = scores[0];
        const y = labels[r] === 1 ? 1 : 0;
        // log(1 + e^s) − y·s, without overflow either way.
        loss += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - y * s;
        const residual = sigmoid(s) - y;
        for (let j = 0; j < d; j++) g[j] += residual * x[offset + j];
        g[d] += residual;
        continue;
      }
      let max = -Infinity;
      for (let c = 0; c < outputs; c++) if (scores[c] > max) max = scores[c];
      let sum = 0;
      for (let c = 0; c < outputs; c++) sum += Math.exp(scores[c] - max);
      const logSum = max + Math.log(sum);
      loss += logSum - scores[labels[r]];
      for (let c = 0; c < outputs; c++) {
        const residual = Math.exp(scores[c] - logSum) - (labels[r] === c ? 1 : 0);
        const base = c * stride;
        for (let j = 0; j < d; j++) g[base + j] += residual * x[offset + j];
        g[base + d] += residual;
      }
    }
    for (let c = 0; c < outputs; c++) {
      for (let j = 0; j < d; j++) {
        const i = c * stride + j;
        loss += 0.5 * lambda * w[i] * w[i];
        g[i] += lambda * w[i];
      }
    }
    return loss;
  };

  const w = new Float64Array(size);
  const g = new Float64Array(size);
  let f = evaluate(w, g);
  const memory = 10;
  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];
  const direction = new Float64Array(size);
  const alpha = new Float64Array(memory);
  const wNext = new Float64Array(size);
  const gNext = new Float64Array(size);
  let iterations = 0;
  while (iterations < maxIterations && maxAbs(g) > tolerance) {
    // Two-loop recursion: direction = −H·g.
    for (let i = 0; i < size; i++) direction[i] = -g[i];
    for (let k = sHistory.length - 1; k >= 0; k--) {
      alpha[k] = rhoHistory[k] * dot(sHistory[k], direction);
      axpy(-alpha[k], yHistory[k], direction);
    }
    const last = sHistory.length - 1;
    const gamma = last >= 0 ? dot(sHistory[last], yHistory[last]) / dot(yHistory[last], yHistory[last]) : 1 / Math.max(norm(g), 1e-12);
    for (let i = 0; i < size; i++) direction[i] *= gamma;
    for (let k = 0; k < sHistory.length; k++) {
      const beta = rhoHistory[k] * dot(yHistory[k], direction);
      axpy(alpha[k] - beta, sHistory[k], direction);
    }
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction (rounding): restart from steepest descent.
      sHistory.length = yHistory.length = rhoHistory.length = 0;
      for (let i = 0; i < size; i++) direction[i] = -g[i] / Math.max(norm(g), 1e-12);
      slope = dot(g, direction);
    }
    let step = 1;
    let fNext = f;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < size; i++) wNext[i] = w[i] + step * direction[i];
      fNext = evaluate(wNext, gNext);
      if (fNext <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    iterations++;
    if (!accepted) break;
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      s[i] = wNext[i] - w[i];
      y[i] = gNext[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * dot(y, y)) {
      if (sHistory.length === memory) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
      sHistory.push(s);
      yHistory.push(y);
      rhoHistory.push(1 / sy);
    }
    w.set(wNext);
    g.set(gNext);
    const progress = f - fNext;
    f = fNext;
    if (progress <= 1e-15 * Math.max(Math.abs(f), 1)) break;
  }
  return { inputs: d, outputs, weights: w, iterations, gradientMax: maxAbs(g) };
}

export function sigmoid(s: number): number {
  return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(scale: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += scale * x[i];
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}
