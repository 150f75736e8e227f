/**
 * The server's happy path for encoding a request: rows that are arrays (or objects) of exactly the
 * features, numbers finite after standardisation and categories seen in training, written straight into a
 * Float32Array with no string built per cell. Anything else returns undefined and goes to the
 * precise path (`encodeChecked`), which finds the first mistake and names it, so every message stays
 * exactly what it was.
 */
import { featureWidth, type Preprocessing } from '../data/preprocessing.ts';

type Slot = { numeric: true; mean: number; std: number; offset: number } | { numeric: false; oneHot: boolean; index: Map<string, number>; offset: number };

export type FastEncoder = (instances: readonly unknown[]) => Float32Array | undefined;

export function fastEncoder(pre: Preprocessing): FastEncoder {
  const names = pre.features.map((f) => f.name);
  let offset = 0;
  const slots: Slot[] = pre.features.map((f) => {
    const at = offset;
    offset += featureWidth(f);
    return f.kind === 'numeric'
      ? { numeric: true, mean: f.mean, std: f.std, offset: at }
      : { numeric: false, oneHot: f.encoding === 'one-hot', index: new Map(f.categories.map((c, i) => [c, i])), offset: at };
  });
  const width = slots.length;
  const { inputSize } = pre;
  // Objects whose keys are exactly the features, whatever their order: an own key outside them would be an unknown feature.
  const known = new Set(names);
  return (instances) => {
    const rows = instances.length;
    const out = new Float32Array(rows * inputSize);
    for (let i = 0; i < rows; i++) {
      const instance = instances[i];
      const base = i * inputSize;
      let values: readonly unknown[] | undefined;
      let record: Record<string, unknown> | undefined;
      if (Array.isArray(instance)) {
        if (instance.length !== width) return undefined;
        values = instance;
      } else if (instance !== null && typeof instance === 'object') {
        record = instance as Record<string, unknown>;
        let keys = 0;
        for (const key in record) {
          if (!Object.hasOwn(record, key)) continue;
          if (!known.has(key)) return undefined;
          keys++;
        }
        if (keys !== width) return undefined;
      } else {
        return undefined;
      }
      for (let j = 0; j < width; j++) {
        const value = values ? values[j] : (record as Record<string, unknown>)[names[j]];
        const slot = slots[j];
        if (slot.numeric) {
          if (typeof value !== 'number') return undefined;
          const encoded = Math.fround((value - slot.mean) / slot.std);
          // Infinity, NaN and values beyond float32 once standardised: the precise path says which.
          if (encoded - encoded !== 0) return undefined;
          out[base + slot.offset] = encoded;
        } else {
          if (typeof value !== 'string') return undefined;
          // A category training never saw is the precise path's to decide (encode it, or refuse it).
          const code = slot.index.get(value);
          if (code === undefined) return undefined;
          if (slot.oneHot) out[base + slot.offset + code] = 1;
          else out[base + slot.offset] = code;
        }
      }
    }
    return out;
  };
}
