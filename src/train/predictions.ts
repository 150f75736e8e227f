/** Pure: the network's raw output → predictions a person (or a client) can read. */
import type { Preprocessing } from '../data/preprocessing.ts';

export type Prediction =
  /** Classification: the most likely class and every class's probability. */
  | { label: string; probabilities: Record<string, number> }
  /** Regression: the target in its own units (the network predicts it standardised). */
  | { value: number };

/**
 * `output` is rows × outputSize as the network returns it: a sigmoid probability
 * of the second class (binary), softmax probabilities (multiclass), or a
 * standardised value (regression).
 */
export function decodePredictions(pre: Preprocessing, output: Float32Array): Prediction[] {
  if (pre.task === 'regression') {
    const { mean, std } = pre.targetScale ?? { mean: 0, std: 1 };
    return Array.from(output, (v) => ({ value: v * std + mean }));
  }
  const classes = pre.classes ?? [];
  if (pre.task === 'binary-classification') {
    return Array.from(output, (p) => ({
      label: p >= 0.5 ? classes[1] : classes[0],
      probabilities: { [classes[0]]: 1 - p, [classes[1]]: p },
    }));
  }
  const k = classes.length;
  const predictions: Prediction[] = [];
  for (let row = 0; row * k < output.length; row++) {
    const probabilities: Record<string, number> = {};
    let best = 0;
    for (let c = 0; c < k; c++) {
      probabilities[classes[c]] = output[row * k + c];
      if (output[row * k + c] > output[row * k + best]) best = c;
    }
    predictions.push({ label: classes[best], probabilities });
  }
  return predictions;
}
