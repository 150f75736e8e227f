/**
 * Content hashes (`sha256:<hex>`) that decide whether a model must be trained
 * again: equal inputs hash ⇒ same data, params, config, trainer and backend.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { relative, sep } from 'node:path';
import type { ConcreteBackend, ModelCiConfig } from '../domain/config.ts';
import { sha256 } from '../model/artifacts.ts';

/** Streams the file so a large CSV is never held twice. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

/** JSON with object keys sorted at every level, so equal values give equal text whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function hashJson(value: unknown): string {
  return sha256(stableJson(value));
}

/**
 * The config as it bears on the model, without where the checkout happens to
 * live: absolute paths become paths relative to the config's folder.
 */
export function portableConfig(config: ModelCiConfig): Omit<ModelCiConfig, 'root' | 'watch' | 'sweep'> {
  const rel = (file: string) => relative(config.root, file).split(sep).join('/');
  // `watch` decides when to retrain and `sweep` what else to try, not what this run trains: neither may
  // make a model look new.
  const { root: _root, watch: _watch, sweep: _sweep, ...rest } = config;
  return {
    ...rest,
    file: rel(config.file),
    params: rel(config.params),
    data: { ...config.data, train: rel(config.data.train), ...(config.data.test ? { test: rel(config.data.test) } : {}) },
  };
}

export interface InputHashes {
  inputs: string;
  data: string;
  params: string;
  config: string;
  trainer: string;
}

export function hashInputs(parts: {
  /** Data file hashes keyed by path relative to the config's folder. */
  data: Record<string, string>;
  params: Record<string, unknown>;
  config: ModelCiConfig;
  trainerVersion: string;
  backend: ConcreteBackend;
}): InputHashes {
  const hashes = {
    data: hashJson(parts.data),
    params: hashJson(parts.params),
    config: hashJson(portableConfig(parts.config)),
    trainer: sha256(`model-ci@${parts.trainerVersion}`),
  };
  return { ...hashes, inputs: hashJson({ ...hashes, backend: parts.backend }) };
}
