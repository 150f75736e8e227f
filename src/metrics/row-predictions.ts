/**
 * A network's raw output, decoded row by row into the task's units: the one place the output layout
 * (sigmoid probability of classes[1], softmax rows, standardised regression) is read. `evaluate.ts` scores
 * through it, and the paired comparison decodes both models through it, each with its own preprocessing.
 */
import type { Preprocessing } from '../data/preprocessing.ts';
import type { PairedPredictions, RowPredictions } from '../domain/paired-predictions.ts';

/** Predictions in the model's own class order (`pre.classes`). */
export function decodeOutputs(pre: Preprocessing, output: Float32Array): RowPredictions {
  if (pre.task === 'regression') return { value: toTargetUnits(pre, output) };
  if (pre.task === 'binary-classification') {
    const rows = output.length;
    const label = new Int32Array(rows);
    const probabilities = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      const p = output[r];
      label[r] = p >= 0.5 ? 1 : 0;
      probabilities[r * 2] = 1 - p;
      probabilities[r * 2 + 1] = p;
    }
    return { label, probabilities };
  }
  const k = pre.classes!.length;
  const rows = output.length / k;
  const label = new Int32Array(rows);
  for (let r = 0; r < rows; r++) label[r] = argmax(output, r * k, k);
  return { label, probabilities: Float32Array.from(output) };
}

/** The encoded targets (`EncodedData.y`) as class indices into `pre.classes`, or values in target units. */
export function decodeTargets(pre: Preprocessing, y: Float32Array): Int32Array | Float64Array {
  if (pre.task === 'regression') return toTargetUnits(pre, y);
  if (pre.task === 'binary-classification') return Int32Array.from(y, (v) => (v >= 0.5 ? 1 : 0));
  const k = pre.classes!.length;
  const rows = y.length / k;
  const label = new Int32Array(rows);
  for (let r = 0; r < rows; r++) label[r] = argmax(y, r * k, k);
  return label;
}

/**
 * Classification predictions moved from the class order `from` into `to` (which holds every class of
 * `from`): a class of `to` the model never saw gets probability 0.
 */
export function inClassOrder(predictions: RowPredictions, from: readonly string[], to: readonly string[]): RowPredictions {
  const { label, probabilities } = predictions;
  if (!label || !probabilities) return predictions;
  const target = Int32Array.from(from, (name) => to.indexOf(name));
  if (target.some((index) => index < 0)) throw new Error('inClassOrder: a class of the model is missing from the target order');
  const rows = label.length;
  const k = from.length;
  const width = to.length;
  const moved = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < k; j++) moved[r * width + target[j]] = probabilities[r * k + j];
  return { label: Int32Array.from(label, (j) => target[j]), probabilities: moved };
}

/** Standardised regression outputs back in the target's units. */
export function toTargetUnits(pre: Preprocessing, standardised: Float32Array): Float64Array {
  const { mean, std } = pre.targetScale!;
  return Float64Array.from(standardised, (z) => z * std + mean);
}

/** Index of the largest of `values[offset … offset+k)`; the first wins a tie, as argmax does in numpy and tfjs. */
export function argmax(values: Float32Array, offset: number, k: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}

export interface ScoredModel {
  pre: Preprocessing;
  /** The network's raw output on the paired rows. */
  output: Float32Array;
}

/**
 * Main's and the PR's outputs on the same rows as one `PairedPredictions`: the classes in the PR's order
 * with main's extra ones appended, the truth as the PR's encoding has it (`headTargets`: its `EncodedData.y`).
 */
export function pairPredictions(input: {
  base: ScoredModel;
  head: ScoredModel;
  headTargets: Float32Array;
  file: string;
  lines: Uint32Array;
  isNew: Uint8Array;
}): PairedPredictions {
  const { base, head } = input;
  const truth = decodeTargets(head.pre, input.headTargets);
  const common = { task: head.pre.task, rows: truth.length, truth, file: input.file, lines: input.lines, isNew: input.isNew };
  if (head.pre.task === 'regression') return { ...common, base: decodeOutputs(base.pre, base.output), head: decodeOutputs(head.pre, head.output) };
  const headClasses = head.pre.classes!;
  const baseClasses = base.pre.classes!;
  const classes = [...headClasses, ...baseClasses.filter((name) => !headClasses.includes(name))];
  return {
    ...common,
    classes,
    base: inClassOrder(decodeOutputs(base.pre, base.output), baseClasses, classes),
    head: inClassOrder(decodeOutputs(head.pre, head.output), headClasses, classes),
  };
}

/**
 * Why main's model cannot be scored on the PR's rows, or null when it can: another task or target,
 * input columns the PR's data no longer has, or a class among the rows main's model was never trained on.
 */
export function pairingProblem(base: Preprocessing, head: Preprocessing, columns: readonly string[], truthClasses: readonly string[]): string | null {
  if (base.task !== head.task) return `main's model is a ${base.task} model and the PR's a ${head.task} model`;
  if (base.target !== head.target) return `main's model predicts \`${base.target}\` and the PR's \`${head.target}\``;
  const missing = base.features.map((f) => f.name).filter((name) => !columns.includes(name));
  if (missing.length > 0) return `main's model reads ${listNames(missing, 'column')} that the PR's data no longer has`;
  const unknown = truthClasses.filter((name) => !(base.classes ?? []).includes(name));
  if (base.task !== 'regression' && unknown.length > 0)
    return `the PR's test rows hold ${listNames(unknown, 'class', 'classes')} that main's model was never trained on`;
  return null;
}

/** Inputs the PR's model reads and main's does not: worth a word beside the counts. */
export function addedInputs(base: Preprocessing, head: Preprocessing): string[] {
  const known = new Set(base.features.map((f) => f.name));
  return head.features.map((f) => f.name).filter((name) => !known.has(name));
}

export function listNames(names: readonly string[], one: string, many = `${one}s`): string {
  const shown = names.slice(0, 5).map((name) => `\`${name.replace(/[`\n\r]/g, ' ').slice(0, 40)}\``);
  return `${names.length === 1 ? one : many} ${shown.join(', ')}${names.length > 5 ? `, … (${names.length} in all)` : ''}`;
}
