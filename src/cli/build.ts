import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { ARTIFACT_FILES, type RunManifest } from '../domain/run-artifacts.ts';
import { stringOption, type Command } from './command-spec.ts';
import { DEFAULT_BASE_IMAGE } from '../defaults.ts';

export const build: Command = {
  name: 'build',
  summary: 'build the model server image from a trained model folder, against the local Docker engine',
  usage: `--model <dir> --image <name> [--base-image ${DEFAULT_BASE_IMAGE}]`,
  description: [
    'Builds the image a deploy would push: the model server bundle and the model folder on the base',
    'image, model files in the last layer. Tags it sha-<7> of the commit the model was trained from',
    '(or of HEAD). The engine is DOCKER_HOST, else the default socket. Nothing is pushed.',
  ].join('\n'),
  options: {
    model: { type: 'string', short: 'm', value: 'dir', description: 'trained model folder (from `model-ci train`)' },
    image: { type: 'string', value: 'name', description: 'image name without tag, e.g. registry.example/team/churn' },
    'base-image': { type: 'string', value: 'image', description: `base image (default ${DEFAULT_BASE_IMAGE}; Debian/glibc)` },
  },
  examples: ['model-ci build --model .model-ci/breast-cancer --image local/breast-cancer'],
  async run(args, io) {
    const modelDir = stringOption(args, 'model');
    const image = stringOption(args, 'image');
    if (!modelDir || !image) throw new UserError('`model-ci build` needs --model <dir> and --image <name>');
    const [{ serverBundleFiles }, { connectEngine }, { buildModelImage }, { serverDistDir }, { tryGit }] = await Promise.all([
      import('../docker/build-context.ts'),
      import('../docker/connect.ts'),
      import('../docker/build-and-push.ts'),
      import('../docker/server-dist.ts'),
      import('../git/git.ts'),
    ]);
    const manifest = await readManifest(resolve(modelDir));
    const sha = manifest.commit ?? (await tryGit(['rev-parse', 'HEAD'], { cwd: process.cwd() }))?.trim();
    if (!sha) throw new UserError('cannot tell which commit the model is from: run inside the git repository it was trained in', { field: 'commit' });
    const docker = await connectEngine();
    const built = await buildModelImage(docker, {
      modelDir: resolve(modelDir),
      serverFiles: await serverBundleFiles(serverDistDir()),
      baseImage: stringOption(args, 'base-image') ?? DEFAULT_BASE_IMAGE,
      target: { image, sha, ref: '', defaultBranch: 'main', gatesPassed: false },
      labels: {
        model: manifest.name,
        created: new Date().toISOString(),
        metrics: JSON.parse(await readFile(join(modelDir, ARTIFACT_FILES.metrics), 'utf8')) as Record<string, number>,
        hashes: { data: manifest.hashes.data, params: manifest.hashes.params, model: manifest.hashes.model, inputs: manifest.hashes.inputs },
        backend: manifest.backend,
      },
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(`${built.tags.join('\n')}\n`);
    return 0;
  },
};

async function readManifest(modelDir: string): Promise<RunManifest> {
  const file = join(modelDir, ARTIFACT_FILES.run);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RunManifest;
  } catch {
    throw new UserError('not a trained model folder: run.json is missing or unreadable (train it with `model-ci train`)', { file });
  }
}
