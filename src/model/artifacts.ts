/**
 * The artifacts folder: the model in the standard TF.js layers format
 * (model.json + weights.bin, loadable by browsers, tfjs-node and our server)
 * and the JSON files that describe it. tfjs's `file://` handlers exist only in
 * tfjs-node, so saving and loading go through in-memory IO handlers.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../display-path.ts';
import { UserError } from '../errors.ts';
import type { LayersModel, TF } from './engine.ts';
import { ARTIFACT_FILES } from '../domain/run-artifacts.ts';

type ModelArtifacts = import('@tensorflow/tfjs').io.ModelArtifacts;
type ModelJSON = import('@tensorflow/tfjs').io.ModelJSON;

/** Writes model.json and weights.bin into `dir`; returns their bytes for hashing. */
export async function saveModel(tf: TF, model: LayersModel, dir: string): Promise<{ modelJson: Buffer; weights: Buffer }> {
  let saved: { modelJson: Buffer; weights: Buffer } | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = weightBytes(artifacts.weightData);
      const modelJson: ModelJSON = {
        modelTopology: artifacts.modelTopology as ModelJSON['modelTopology'],
        format: 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        weightsManifest: [{ paths: [ARTIFACT_FILES.weights], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
      };
      saved = { modelJson: Buffer.from(JSON.stringify(modelJson)), weights };
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
    }),
  );
  if (!saved) throw new Error('tfjs did not hand the model to the save handler');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ARTIFACT_FILES.modelJson), saved.modelJson);
  await writeFile(join(dir, ARTIFACT_FILES.weights), saved.weights);
  return saved;
}

function weightBytes(data: ModelArtifacts['weightData']): Buffer {
  if (data === undefined) return Buffer.alloc(0);
  const parts = Array.isArray(data) ? data : [data];
  return Buffer.concat(parts.map((part) => Buffer.from(part)));
}

/** `sha256:<hex>` of the parts' bytes in order: the model's hash here, and the inputs' hashes (train/hash.ts). */
export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return `sha256:${hash.digest('hex')}`;
}

/** Hash of what the server needs to reproduce predictions: the network and its preprocessing. */
export function hashModel(files: { modelJson: Uint8Array; weights: Uint8Array; preprocessing: string }): string {
  return sha256(files.modelJson, files.weights, files.preprocessing);
}

/** Pretty JSON with a final newline: these files are read by people and diffed by DVC. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export async function writeJsonArtifact(dir: string, file: string, value: unknown): Promise<string> {
  const text = jsonText(value);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, file), text);
  return text;
}

export async function readJsonArtifact<T>(dir: string, file: string): Promise<T> {
  const path = join(dir, file);
  let text: Buffer;
  try {
    text = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new UserError(`${displayPath(dir)} is not a model folder: ${file} is missing (train one with \`model-ci train\`)`, { file: displayPath(path) });
  }
  try {
    return JSON.parse(text.toString('utf8')) as T;
  } catch (error) {
    throw new UserError(`is not valid JSON (${(error as Error).message})`, { file: displayPath(path) });
  }
}
