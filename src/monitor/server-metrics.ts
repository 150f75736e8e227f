/**
 * A model server's /metrics samples → what drift is computed from (pure): which model answered, and
 * per feature the training shares and the counted inputs. Refuses metrics that are not a model-ci
 * server's, a server of another model, and a model whose preprocessing.json predates drift bins.
 */
import { quote, UserError } from '../errors.ts';
import { DRIFT_CATEGORY_BINS } from '../data/preprocessing.ts';
import { DRIFT_METRICS } from '../serve/drift-counters.ts';
import type { FeatureObservation } from './drift.ts';
import type { Sample } from './prometheus-text.ts';

export interface ServedModel {
  name: string;
  version: string;
  task: string;
}

export interface DriftObservation {
  model?: ServedModel;
  features: FeatureObservation[];
  /** Predictions per class (or target bin) against the training labels; absent from a file of inputs. */
  predictions?: { reference: number[]; counts: number[]; labels: string[] };
}

export interface ExpectedModel {
  /** The model the server must serve (model_ci_model_info's name). */
  name?: string;
  version?: string;
}

export function observationFromMetrics(samples: readonly Sample[], source: string, expected: ExpectedModel = {}): DriftObservation {
  const info = samples.find((s) => s.name === 'model_ci_model_info' && s.value === 1);
  if (!info)
    throw new UserError("holds no model_ci_model_info sample: it is not a model-ci model server's /metrics (or the model is still loading)", { file: source });
  const model: ServedModel = { name: info.labels.name ?? '', version: info.labels.version ?? '', task: info.labels.task ?? '' };
  const served = `model ${quote(model.name)} version ${quote(model.version)}`;
  if (expected.name !== undefined && model.name !== expected.name) {
    throw new UserError(`comes from a server of ${served}, not of ${quote(expected.name)}: point the monitor at ${quote(expected.name)}'s server`, {
      file: source,
    });
  }
  if (expected.version !== undefined && model.version !== expected.version) {
    throw new UserError(`comes from a server of ${served}, not version ${quote(expected.version)}`, { file: source });
  }
  return { model, ...countsFromMetrics(samples, source, served) };
}

/** The drift counts in `samples` (a server's, or counted from a file of inputs), for `what` ("model \"x\" version …"). */
export function countsFromMetrics(samples: readonly Sample[], source: string, what: string): Omit<DriftObservation, 'model'> {
  const available = samples.find((s) => s.name === DRIFT_METRICS.available);
  if (available?.value !== 1) {
    throw new UserError(
      `cannot compute drift for ${what}: its preprocessing.json has no drift bins (it was trained before model-ci fitted them); retrain and redeploy to monitor it`,
      { file: source },
    );
  }
  const byFeature = new Map<string, FeatureObservation>();
  const feature = (name: string) => {
    let f = byFeature.get(name);
    if (!f) {
      f = { name, reference: [], counts: [], outOfRange: 0, unseen: 0 };
      byFeature.set(name, f);
    }
    return f;
  };
  const binOf = (sample: Sample) => {
    const bin = Number(sample.labels.bin);
    if (!Number.isInteger(bin) || bin < 0 || bin >= DRIFT_CATEGORY_BINS) {
      throw new UserError(`has ${sample.name} with bin ${quote(sample.labels.bin ?? '')}, not a bin number below ${DRIFT_CATEGORY_BINS}`, { file: source });
    }
    return bin;
  };
  const predictions = { reference: [] as number[], counts: [] as number[], labels: [] as string[] };
  for (const sample of samples) {
    switch (sample.name) {
      case DRIFT_METRICS.referenceShare:
        feature(sample.labels.feature ?? '').reference[binOf(sample)] = sample.value;
        break;
      case DRIFT_METRICS.inputs:
        feature(sample.labels.feature ?? '').counts[binOf(sample)] = sample.value;
        break;
      case DRIFT_METRICS.outOfRange:
        feature(sample.labels.feature ?? '').outOfRange += sample.value;
        break;
      case DRIFT_METRICS.unseen:
        feature(sample.labels.feature ?? '').unseen += sample.value;
        break;
      case DRIFT_METRICS.predictionReferenceShare:
        predictions.reference[binOf(sample)] = sample.value;
        predictions.labels[binOf(sample)] = sample.labels.class ?? `bin ${sample.labels.bin}`;
        break;
      case DRIFT_METRICS.predictions:
        predictions.counts[binOf(sample)] = sample.value;
        break;
    }
  }
  const features = [...byFeature.values()];
  for (const f of features) {
    if (f.reference.length !== f.counts.length || f.reference.some((r) => r === undefined) || f.counts.some((c) => c === undefined)) {
      throw new UserError(`has drift bins of feature ${quote(f.name)} that do not match its training shares`, { file: source });
    }
  }
  return { features, predictions: predictions.reference.length > 0 ? predictions : undefined };
}
