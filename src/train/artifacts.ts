/**
 * The artifacts folder: the model in the standard TF.js layers format
 * (model.json + weights.bin, loadable by browsers, tfjs-node and our server)
 * and the JSON files that describe it. tfjs's `file://` handlers exist only in
 * tfjs-node, so saving and loading go through in-memory IO handlers.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { displayPath } from '../config/display-path.ts';
import type { Preprocessing } from '../data/preprocessing.ts';
import { UserError } from '../errors.ts';
import type { TF } from './engine.ts';
import { sha256 } from './hash.ts';
import { ARTIFACT_FILES, type RunManifest } from './types.ts';

type LayersModel = import('@tensorflow/tfjs').LayersModel;
type ModelArtifacts = import('@tensorflow/tfjs').io.ModelArtifacts;
type ModelJSON = import('@tensorflow/tfjs').io.ModelJSON;
type WeightsManifestConfig = import('@tensorflow/tfjs').io.WeightsManifestConfig;
type WeightsManifestEntry = import('@tensorflow/tfjs').io.WeightsManifestEntry;

export interface LoadedModel {
  model: LayersModel;
  preprocessing: Preprocessing;
  /** run.json, when the folder was written by `model-ci train`. */
  manifest?: RunManifest;
}

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
  const text = await readArtifact(dir, file);
  try {
    return JSON.parse(text.toString('utf8')) as T;
  } catch (error) {
    throw new UserError(`is not valid JSON (${(error as Error).message})`, { file: displayPath(path) });
  }
}

async function readArtifact(dir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`${displayPath(dir)} is not a model folder: ${file} is missing (train one with \`model-ci train\`)`, {
        file: displayPath(join(dir, file)),
      });
    }
    throw error;
  }
}

/** Loads a folder written by `model-ci train` (or any layers-format model with a preprocessing.json beside it). */
export async function loadModelArtifacts(dir: string, tf: TF): Promise<LoadedModel> {
  const modelJson = await readJsonArtifact<ModelJSON>(dir, ARTIFACT_FILES.modelJson);
  const where = { file: displayPath(join(dir, ARTIFACT_FILES.modelJson)) };
  if (modelJson === null || typeof modelJson !== 'object' || !modelJson.modelTopology || !Array.isArray(modelJson.weightsManifest)) {
    throw new UserError('is not a TF.js layers model: expected modelTopology and weightsManifest', where);
  }
  const preprocessing = await readJsonArtifact<Preprocessing>(dir, ARTIFACT_FILES.preprocessing);
  const manifest = await readJsonArtifact<RunManifest>(dir, ARTIFACT_FILES.run).catch((error: unknown) => {
    // run.json only describes the run; a model folder without it still predicts.
    if (error instanceof UserError && error.message.includes('is missing')) return undefined;
    throw error;
  });

  const loadWeights = async (groups: WeightsManifestConfig): Promise<[WeightsManifestEntry[], ArrayBuffer]> => {
    const specs = groups.flatMap((group) => group.weights);
    const buffers = await Promise.all(groups.flatMap((group) => group.paths.map((path) => readArtifact(dir, insideFolder(dir, path)))));
    const joined = Buffer.concat(buffers);
    return [specs, joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer];
  };
  const artifacts = await tf.io.getModelArtifactsForJSON(modelJson, loadWeights);
  try {
    const model = await tf.loadLayersModel({ load: async () => artifacts });
    return { model, preprocessing, ...(manifest ? { manifest } : {}) };
  } catch (error) {
    throw new UserError(`could not be loaded as a TF.js model: ${(error as Error).message}`, where);
  }
}

/** A weights path from model.json, refused when it would read outside the model folder. */
function insideFolder(dir: string, path: string): string {
  const root = resolve(dir);
  const target = resolve(root, path);
  if (!target.startsWith(root + sep)) {
    throw new UserError(`weightsManifest path ${JSON.stringify(path)} points outside the model folder`, {
      file: displayPath(join(dir, ARTIFACT_FILES.modelJson)),
    });
  }
  return target.slice(root.length + 1);
}
