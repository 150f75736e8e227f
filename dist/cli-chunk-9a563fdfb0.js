import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  VERSION
} from "./cli-chunk-413a98cce8.js";
import {
  RECORD_SCHEMA
} from "./cli-chunk-4fcbb936ca.js";

// src/baseline/derive.ts
function recordFromRun(run, commit, extra = {}) {
  return {
    schema: RECORD_SCHEMA,
    modelCiVersion: VERSION,
    model: run.config.name,
    commit,
    createdAt: extra.createdAt ?? (/* @__PURE__ */ new Date()).toISOString(),
    backend: run.engine.backend,
    metrics: run.metrics,
    params: run.params.flat,
    data: run.manifest.data,
    inputsHash: run.manifest.hashes.inputs,
    modelHash: run.manifest.hashes.model,
    history: run.history,
    evaluation: run.evaluation,
    trainingMs: run.manifest.trainingMs,
    ...extra.image ? { image: extra.image } : {},
    ...extra.runUrl ? { runUrl: extra.runUrl } : {},
    ...extra.storedModel ? { storedModel: extra.storedModel } : {}
  };
}
function reusedRecord(previous, to) {
  return { ...carriedOver(previous, to), reusedFrom: previous.commit };
}
function rolledBackRecord(target, to) {
  return { ...carriedOver(target, to), rollbackOf: target.commit };
}
function carriedOver(record, to) {
  const { rollbackOf: _rollbackOf, reusedFrom: _reusedFrom, runUrl: _runUrl, ...model } = record;
  return {
    ...model,
    commit: to.commit,
    createdAt: to.createdAt ?? (/* @__PURE__ */ new Date()).toISOString(),
    image: to.image,
    ...to.runUrl ? { runUrl: to.runUrl } : {}
  };
}

export {
  recordFromRun,
  reusedRecord,
  rolledBackRecord
};
