/** Pure: the baseline record of a training run at a commit, with the image it shipped in when there is one. */
import type { TrainRun } from '../train/pipeline.ts';
import { VERSION } from '../version.ts';
import { RECORD_SCHEMA, type BaselineRecord, type ImageRecord } from './record.ts';

export function recordFromRun(run: TrainRun, commit: string, extra: { image?: ImageRecord; runUrl?: string; createdAt?: string } = {}): BaselineRecord {
  return {
    schema: RECORD_SCHEMA,
    modelCiVersion: VERSION,
    model: run.config.name,
    commit,
    createdAt: extra.createdAt ?? new Date().toISOString(),
    backend: run.engine.backend,
    metrics: run.metrics,
    params: run.params.flat,
    data: run.manifest.data,
    inputsHash: run.manifest.hashes.inputs,
    modelHash: run.manifest.hashes.model,
    history: run.history,
    evaluation: run.evaluation,
    trainingMs: run.manifest.trainingMs,
    ...(extra.image ? { image: extra.image } : {}),
    ...(extra.runUrl ? { runUrl: extra.runUrl } : {}),
  };
}
