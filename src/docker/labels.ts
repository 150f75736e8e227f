/**
 * Image labels: the OCI annotations docker/metadata-action writes, plus ours under `dev.model-ci.*`
 * so an image alone says which data, params and weights it serves and how well it scored
 * (`docker image inspect` → commit → dataset → model → metrics).
 */
import { VERSION } from '../version.ts';

export interface LabelInput {
  /** Model name (config `name`): the image title. */
  model: string;
  description?: string;
  /** Repository URL, e.g. `https://github.com/acme/churn`. */
  source?: string;
  /** Project home page; defaults to `source`. */
  url?: string;
  /** Commit SHA the image was built from. */
  revision: string;
  /** Build time (ISO 8601). */
  created: string;
  /** From `imageVersion()`: release version, branch, or `sha-<7>`. */
  version: string;
  /** SPDX license expression of the repository, when known. */
  licenses?: string;
  metrics: Record<string, number>;
  hashes: { data: string; params: string; model: string; inputs?: string };
  /** TF.js backend that trained the model. */
  backend: string;
}

export const LABEL_PREFIX = 'dev.model-ci';

export function computeLabels(input: LabelInput): Record<string, string> {
  const labels: Record<string, string | undefined> = {
    'org.opencontainers.image.title': input.model,
    'org.opencontainers.image.description': input.description,
    'org.opencontainers.image.source': input.source,
    'org.opencontainers.image.url': input.url ?? input.source,
    'org.opencontainers.image.revision': input.revision,
    'org.opencontainers.image.created': input.created,
    'org.opencontainers.image.version': input.version,
    'org.opencontainers.image.licenses': input.licenses,
    [`${LABEL_PREFIX}.model`]: input.model,
    [`${LABEL_PREFIX}.metrics`]: compactJson(input.metrics),
    [`${LABEL_PREFIX}.data-hash`]: input.hashes.data,
    [`${LABEL_PREFIX}.params-hash`]: input.hashes.params,
    [`${LABEL_PREFIX}.model-hash`]: input.hashes.model,
    [`${LABEL_PREFIX}.inputs-hash`]: input.hashes.inputs,
    [`${LABEL_PREFIX}.backend`]: input.backend,
    [`${LABEL_PREFIX}.version`]: VERSION,
  };
  return Object.fromEntries(Object.entries(labels).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/** Reads the metrics back from an image's labels (rollback, `model-ci` inspection). */
export function metricsFromLabels(labels: Record<string, string> | null | undefined): Record<string, number> | undefined {
  const text = labels?.[`${LABEL_PREFIX}.metrics`];
  if (text === undefined) return undefined;
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

/** Sorted keys so equal metrics give byte-equal labels (and so equal image configs). */
function compactJson(metrics: Record<string, number>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(metrics)
        .sort()
        .map((k) => [k, metrics[k]]),
    ),
  );
}
