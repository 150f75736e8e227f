/**
 * The inputs hash a training run of a config would record, computed without training, so a model already
 * trained from the same data, params, config, trainer and backend is found instead of trained again.
 * It must agree with trainModel's: both hash through `hashInputs` with the same keys (tested).
 */
import { confineInputs } from '../config/confine.ts';
import { loadConfig, loadParams } from '../config/load.ts';
import type { BackendName, ConcreteBackend } from '../domain/config.ts';
import { dataFileKey } from '../data/dataset.ts';
import { VERSION } from '../version.ts';
import { loadEngine } from '../model/engine.ts';
import { hashInputs, sha256File } from './hash.ts';

export interface PlannedInputs {
  inputs: string;
  /** What `requested` resolves to on this runner: part of the hash. */
  backend: ConcreteBackend;
}

export async function plannedInputs(configFile: string, requested: BackendName | undefined, workspace?: string, trackedAt?: string): Promise<PlannedInputs> {
  // The files trainModel would read, checked the same way.
  const config = await confineInputs(await loadConfig(configFile), { trackedAt });
  const params = await loadParams(config.params);
  const { backend } = await loadEngine(requested ?? config.backend, { workspace, training: true });
  const files = [config.data.train, ...(config.data.test ? [config.data.test] : [])];
  const data = Object.fromEntries(await Promise.all(files.map(async (file) => [dataFileKey(config, file), await sha256File(file)] as const)));
  return { inputs: hashInputs({ data, params: params.flat, config, trainerVersion: VERSION, backend }).inputs, backend };
}
