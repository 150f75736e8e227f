/**
 * From a trained model folder to a verified image in a registry:
 * render → context → build → tag → push → verify. Each step either completes or throws; the
 * result is returned only when the registry serves every tag at the pushed digest, so a caller
 * that records the result after this returns never records a half-done deploy.
 */
import type Docker from 'dockerode';
import { buildImage } from './build.ts';
import { buildContext, type ContextFile } from './build-context.ts';
import { renderDockerfile } from './dockerfile.ts';
import { computeLabels, type LabelInput } from './labels.ts';
import { pushImage, type RegistryAuth } from './push.ts';
import { parseImageName } from './reference.ts';
import { computeTags, imageVersion, type TagInput } from './tags.ts';

export interface ModelImageInput {
  modelDir: string;
  /** The server bundle (see `serverBundleFiles`). */
  serverFiles: ContextFile[];
  baseImage: string;
  port?: number;
  /** Image name and the git facts that decide its tags. */
  target: TagInput;
  /** Label facts; `revision` and `version` come from `target`. */
  labels: Omit<LabelInput, 'revision' | 'version'>;
  buildTimeoutMs?: number;
  noCache?: boolean;
  log?: (line: string) => void;
}

export interface BuiltImage {
  /** Image name, lowercased, without tag. */
  image: string;
  /** Full references, `latest` (when earned) last. */
  tags: string[];
  imageId: string;
  version: string;
  labels: Record<string, string>;
}

export interface DeployInput extends ModelImageInput {
  auth: RegistryAuth;
  retries?: number;
  pushTimeoutMs?: number;
}

export interface DeployResult extends BuiltImage {
  /** Manifest digest read back from the registry. */
  digest: string;
  layersPushed: number;
  bytesPushed: number;
}

/** Builds and tags the model image in the local engine (`model-ci build`; the first half of a deploy). */
export async function buildModelImage(docker: Docker, input: ModelImageInput): Promise<BuiltImage> {
  const log = input.log ?? (() => {});
  const tags = computeTags(input.target);
  const image = parseImageName(input.target.image.toLowerCase()).name;
  const version = imageVersion(input.target);
  const labels = computeLabels({ ...input.labels, revision: input.target.sha, version });
  // The context reads and checks the model folder, so a broken model fails here, before the engine sees anything.
  const context = await buildContext({
    dockerfile: renderDockerfile({ baseImage: input.baseImage, port: input.port, labels }),
    serverFiles: input.serverFiles,
    modelDir: input.modelDir,
  });
  log(`building ${image} (${tags.map((t) => t.slice(image.length + 1)).join(', ')}) from ${input.baseImage}`);
  const { imageId } = await buildImage(docker, { context, tags, timeoutMs: input.buildTimeoutMs, noCache: input.noCache, log });
  return { image, tags, imageId, version, labels };
}

export async function deployImage(docker: Docker, input: DeployInput): Promise<DeployResult> {
  const built = await buildModelImage(docker, input);
  const pushed = await pushImage(docker, {
    tags: built.tags,
    auth: input.auth,
    retries: input.retries,
    timeoutMs: input.pushTimeoutMs,
    log: input.log,
  });
  return { ...built, ...pushed };
}
