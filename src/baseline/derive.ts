/**
 * Pure: every baseline record model-ci writes, derived in one place. A deploy that trains records its run;
 * a deploy whose inputs are unchanged records the previous model again; a rollback records an earlier
 * model for the current commit. The last two carry a record over to another commit: what described the
 * old write (its run link, why it was written) is dropped, and each says what it is instead.
 */
import type { TrainRun } from '../train/pipeline.ts';
import { VERSION } from '../version.ts';
import { RECORD_SCHEMA, type BaselineRecord, type ImageRecord, type StoredModel } from '../domain/record.ts';

export function recordFromRun(
  run: TrainRun,
  commit: string,
  extra: { image?: ImageRecord; runUrl?: string; createdAt?: string; storedModel?: StoredModel } = {},
): BaselineRecord {
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
    ...(extra.storedModel ? { storedModel: extra.storedModel } : {}),
  };
}

export interface CarryOver {
  /** The commit the record is written for. */
  commit: string;
  /** The image that serves it now (its tags moved for `commit`). */
  image: ImageRecord;
  runUrl?: string;
  createdAt?: string;
}

/** Deploy, inputs unchanged since `previous`: its model and image are recorded again for `to.commit`. */
export function reusedRecord(previous: BaselineRecord, to: CarryOver): BaselineRecord {
  return { ...carriedOver(previous, to), reusedFrom: previous.commit };
}

/** Rollback: the model recorded at `target.commit` is what serves again, recorded for `to.commit`. */
export function rolledBackRecord(target: BaselineRecord, to: CarryOver): BaselineRecord {
  return { ...carriedOver(target, to), rollbackOf: target.commit };
}

function carriedOver(record: BaselineRecord, to: CarryOver): BaselineRecord {
  const { rollbackOf: _rollbackOf, reusedFrom: _reusedFrom, runUrl: _runUrl, ...model } = record;
  return {
    ...model,
    commit: to.commit,
    createdAt: to.createdAt ?? new Date().toISOString(),
    image: to.image,
    ...(to.runUrl ? { runUrl: to.runUrl } : {}),
  };
}
