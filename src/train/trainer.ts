/**
 * Which engine trains a built model: the dense engine when the engine asked for it and it covers the
 * network, else TensorFlow.js's `model.fit` on the engine's TF.js backend, with a notice that names
 * why (the notice reaches the log and the report, and `engine.backend` then records what really trained).
 */
import type { Params } from '../domain/config.ts';
import type { History } from '../domain/run-artifacts.ts';
import type { Engine, LayersModel } from '../model/engine.ts';
import { fitDense, networkSpec } from './dense/fit.ts';
import { type FitOptions, fitModel, type TrainingData } from './fit.ts';

export async function fitOnEngine(engine: Engine, model: LayersModel, data: TrainingData, params: Params, opts: FitOptions = {}): Promise<History> {
  if (engine.backend === 'dense') {
    const spec = networkSpec(model, params);
    if (!('uncovered' in spec)) return fitDense(engine.tf, model, data, params, opts);
    const notice = `the dense engine does not cover this model (${spec.uncovered}); trained on TensorFlow.js ${engine.tfjsBackend} instead`;
    opts.log?.(`notice: ${notice}`);
    engine.notices.push(notice);
    engine.backend = engine.tfjsBackend;
  }
  return fitModel(engine.tf, model, data, params, opts);
}
