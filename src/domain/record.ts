/**
 * The baseline record: what main's model at one commit was. One per (model, commit);
 * PRs compare against it and the deploy fills in the image.
 */
import type { Scalar } from './config.ts';
import type { DataFileStats, Evaluation, History, Metrics } from './run-artifacts.ts';

export const RECORD_SCHEMA = 1;

/** A full commit SHA: 40 hex digits, 64 in a SHA-256 repository. */
export const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** How many of main's records the store's `recent` lists and a report's trend charts at most: enough for a trend, few enough to read. */
export const MAX_RECENT_RECORDS = 20;
/**
 * A model name, as `model-ci.yml` may give it: it names the Docker image, the serving URL and a folder on
 * the baselines branch, so exactly what Docker repository names and URL path segments accept.
 */
export const MODEL_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** The model-ci version that wrote a record: semver, with a bounded pre-release or build suffix. */
export const MODEL_CI_VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]{1,60})?$/;

export interface ImageRecord {
  /** Repository without tag, e.g. `ghcr.io/acme/churn`. */
  name: string;
  /** `sha256:…` read back from the registry after the push. */
  digest: string;
  tags: string[];
}

/** `sha256:<64 hex>`: a model's content hash (`hashModel`), which also names its folder on the baselines branch. */
export const MODEL_HASH = /^sha256:[0-9a-f]{64}$/;

/**
 * The model files (model.json, weights.bin, preprocessing.json) stored beside the record on the baselines
 * branch, content-addressed: `models/<hex of hash>/<file>`, so two records of one model share them. The
 * path is derived from the hash, never read from the record.
 */
export interface StoredModel {
  /** Equal to the record's `modelHash`; checked against the files when they are read. */
  hash: string;
  /** The three files' bytes together. */
  bytes: number;
}

export interface BaselineRecord {
  schema: number;
  modelCiVersion: string;
  model: string;
  commit: string;
  createdAt: string;
  backend: string;
  metrics: Metrics;
  params: Record<string, Scalar>;
  data: Record<string, DataFileStats>;
  inputsHash: string;
  modelHash: string;
  history?: History;
  evaluation?: Evaluation;
  trainingMs?: number;
  image?: ImageRecord;
  /** Link to the workflow run that wrote it. */
  runUrl?: string;
  /** Set by rollback: this record re-points `latest` to an earlier digest. */
  rollbackOf?: string;
  /** Set when this commit's inputs equalled that commit's: its model and image were reused, not retrained. */
  reusedFrom?: string;
  /** Main's model files on the baselines branch, so a PR can score main's model on its own test rows. */
  storedModel?: StoredModel;
}
