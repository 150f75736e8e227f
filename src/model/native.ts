/**
 * Where the native backends come from. A native addon and libtensorflow cannot ship inside dist/, so
 * @tensorflow/tfjs-node(-gpu) is resolved from the user's workspace, else from the runner's tool cache,
 * where model-ci installs it once when asked to. On self-hosted GPU runners the tool cache persists
 * between jobs (mount it on a volume for ephemeral runners), so the download happens once per version.
 *
 * Threat model. Every job on a runner can write its tool cache, so a PR job can plant a package there
 * (or rewrite a tree model-ci installed, and its manifest too) for a later job to load. Nothing stored in
 * that cache can vouch for itself; the only roots of trust are model-ci's own bundle (downloaded fresh
 * for every job) and the npm registry. Hence:
 * - model-ci installs only a tarball whose npm `dist.integrity` equals the one pinned below, and writes a
 *   manifest with that integrity and a SHA-256 over the installed tree. A tree without a manifest, or
 *   that no longer matches it, is refused before anything in it is imported (and reinstalled when asked).
 *   This stops planted and partly overwritten trees; a job that rewrites tree AND manifest defeats it,
 *   which is why it is all the shared cache is trusted for:
 * - a job that holds secrets (deploy, command, rollback, pull_request_target) never loads from the shared
 *   cache nor from the workspace (a PR's checkout): it installs into its own RUNNER_TEMP, which the runner
 *   empties for every job, and loads only a tree whose hash it recorded itself, in this process. That costs
 *   one download per such job (deploys are rare) and leaves nothing a PR job could have written.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

/** The native package's version: the tfjs-core it registers on must match the bundled one. */
export const NATIVE_VERSION = '4.22.0';

/** npm's published `dist.integrity` of each package at NATIVE_VERSION (`npm view <package>@4.22.0 dist.integrity`). */
export const NATIVE_INTEGRITY: Record<string, string> = {
  '@tensorflow/tfjs-node': 'sha512-uHrXeUlfgkMxTZqHkESSV7zSdKdV0LlsBeblqkuKU9nnfxB1pC6DtoyYVaLxznzZy7WQSegjcohxxCjAf6Dc7w==',
  '@tensorflow/tfjs-node-gpu': 'sha512-p//NN6DGiN4hInUmIkRffaFVMcdTREUMjPyjW04J7OXvB2zBlQimj61eFKSgRrH3f5TnOfKzb0n56he/B6a4bw==',
};

const MANIFEST = 'model-ci-manifest.json';

interface Manifest {
  package: string;
  version: string;
  integrity: string;
  /** SHA-256 over the folder's sorted relative paths and contents (the manifest aside). */
  tree: string;
}

export interface NativeOptions {
  /** Install the package when no verified copy is there. */
  install?: boolean;
  /** Tool cache root; default RUNNER_TOOL_CACHE. */
  toolCache?: string;
  /** This job holds secrets: neither the workspace nor the shared tool cache; default: what the action said. */
  secrets?: boolean;
  /** The job's own temporary folder, for a job that holds secrets; default RUNNER_TEMP. */
  runnerTemp?: string;
  /** What `npm install` installs; default `<package>@NATIVE_VERSION` (a tarball path in tests). */
  source?: string;
  npm?: string;
  log?: (line: string) => void;
}

/** A native package that is present but may not be loaded; the engine reports it as a fallback notice. */
export class NativeRefused extends Error {
  readonly folder: string;
  constructor(message: string, folder: string) {
    super(message);
    this.folder = folder;
  }
}

let jobHoldsSecrets = false;

/**
 * Said once by the action's entry point, before any mode runs, for a job with deploy credentials or a
 * write token beside PR-controlled files. Process-wide because every path to the engine (training,
 * evaluation, serving) must obey it, and the action is one process per job.
 */
export function markJobHoldsSecrets(): void {
  jobHoldsSecrets = true;
}

/** Trees this process installed and hashed itself: the only ones a job that holds secrets loads. */
const installedHere = new Map<string, string>();

/** `<tool cache>/model-ci/<package>/<version>`, or undefined outside a runner. */
export function toolCacheFolder(packageName: string, toolCache = process.env.RUNNER_TOOL_CACHE): string | undefined {
  return toolCache ? join(toolCache, 'model-ci', packageName.replace('/', '+'), NATIVE_VERSION) : undefined;
}

/**
 * A folder whose node_modules holds a `packageName` that may be loaded: the workspace (not in a job that
 * holds secrets), else a verified install (installing it first when `install`); undefined when there is
 * none. Throws NativeRefused for a tree that is there but fails verification and is not reinstalled.
 */
export async function nativeFolder(packageName: string, workspace: string, options: NativeOptions = {}): Promise<string | undefined> {
  const secrets = options.secrets ?? jobHoldsSecrets;
  if (has(workspace, packageName)) {
    if (!secrets) return workspace;
    options.log?.(`not loading ${packageName} from the workspace: this job holds secrets and the workspace may hold a pull request's files`);
  }
  const folder = secrets ? jobFolder(packageName, options.runnerTemp) : toolCacheFolder(packageName, options.toolCache);
  if (!folder) return undefined;
  if (has(folder, packageName)) {
    const refusal = secrets ? await unlessInstalledHere(folder) : await unlessManifestMatches(folder, packageName);
    if (!refusal) {
      options.log?.(`${packageName} ${NATIVE_VERSION} verified in ${folder}`);
      return folder;
    }
    if (!options.install) throw new NativeRefused(`refused: ${refusal}`, folder);
    options.log?.(`notice: refusing ${packageName} in ${folder}: ${refusal}; reinstalling it`);
  }
  if (!options.install) return undefined;
  await install(packageName, folder, options);
  return folder;
}

function has(folder: string, packageName: string): boolean {
  return existsSync(join(folder, 'node_modules', packageName, 'package.json'));
}

/** `<RUNNER_TEMP>/model-ci-native/<package>`: emptied by the runner for every job. */
function jobFolder(packageName: string, runnerTemp = process.env.RUNNER_TEMP): string | undefined {
  return runnerTemp ? join(runnerTemp, 'model-ci-native', packageName.replace('/', '+'), NATIVE_VERSION) : undefined;
}

async function unlessInstalledHere(folder: string): Promise<string | undefined> {
  const recorded = installedHere.get(folder);
  if (!recorded) return 'this job holds secrets and did not install it itself';
  return (await treeHash(folder)) === recorded ? undefined : 'its files changed since this job installed them';
}

async function unlessManifestMatches(folder: string, packageName: string): Promise<string | undefined> {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as Partial<Manifest>;
  } catch {
    return `it has no readable ${MANIFEST}: model-ci did not install it`;
  }
  if (manifest.package !== packageName || manifest.version !== NATIVE_VERSION || manifest.integrity !== NATIVE_INTEGRITY[packageName]) {
    return `its manifest is not for the ${packageName} ${NATIVE_VERSION} tarball model-ci pins`;
  }
  return (await treeHash(folder)) === manifest.tree ? undefined : 'its files do not match the hash recorded when model-ci installed it';
}

async function install(packageName: string, folder: string, options: NativeOptions): Promise<void> {
  const run = (args: string[], cwd: string) =>
    promisify(execFile)(options.npm ?? 'npm', args, { cwd, timeout: 10 * 60_000, maxBuffer: 16 << 20 }).then((out) => out.stdout);
  options.log?.(`installing ${packageName} ${NATIVE_VERSION} into ${folder}; its install script downloads libtensorflow`);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const staging = await mkdtemp(join(options.runnerTemp ?? process.env.RUNNER_TEMP ?? tmpdir(), 'model-ci-pack-'));
  try {
    // Fetch the tarball first and check it against the pinned integrity; then install that very file.
    const [packed] = JSON.parse(
      await run(['pack', '--json', '--pack-destination', staging, options.source ?? `${packageName}@${NATIVE_VERSION}`], staging),
    ) as Array<{
      integrity: string;
      filename: string;
    }>;
    const expected = NATIVE_INTEGRITY[packageName];
    if (!expected || packed?.integrity !== expected) {
      throw new Error(
        `the ${packageName} tarball's integrity ${packed?.integrity ?? '(none)'} is not the ${expected ?? '(none pinned)'} model-ci pins for ${NATIVE_VERSION}; not installed`,
      );
    }
    // npm 11 runs a dependency's install script only when approved: this package's script is the point.
    await writeFile(
      join(folder, 'package.json'),
      `${JSON.stringify({ name: 'model-ci-native-backend', private: true, allowScripts: { [packageName]: true } }, null, 2)}\n`,
    );
    await run(['install', '--no-audit', '--no-fund', '--no-save', join(staging, packed.filename.replace(/^.*[\\/]/, ''))], folder);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const tree = await treeHash(folder);
  const manifest: Manifest = { package: packageName, version: NATIVE_VERSION, integrity: NATIVE_INTEGRITY[packageName], tree };
  await writeFile(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  installedHere.set(folder, tree);
}

/**
 * SHA-256 over every entry under `folder` (the manifest aside) in sorted order: its relative path, its
 * kind, and its contents (files: bytes, including .node addons and libtensorflow; symlinks: target).
 */
export async function treeHash(folder: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const name = relative(folder, path);
      if (name === MANIFEST) continue;
      if (entry.isSymbolicLink()) {
        hash.update(`link\0${name}\0${await readlink(path)}\0`);
      } else if (entry.isDirectory()) {
        hash.update(`dir\0${name}\0`);
        await walk(path);
      } else if (entry.isFile()) {
        hash.update(`file\0${name}\0`);
        const content = createHash('sha256');
        for await (const chunk of createReadStream(path)) content.update(chunk as Buffer);
        hash.update(`${content.digest('hex')}\0`);
      } else {
        hash.update(`other\0${name}\0`);
      }
    }
  };
  await walk(folder);
  return hash.digest('hex');
}

/**
 * The CUDA and cuDNN versions on this machine, for the report of a tensorflow-gpu run (tfjs-node-gpu 4.x
 * needs CUDA 11.2 and cuDNN 8.1). Read from the files the NVIDIA packages install; absent ones are left out.
 */
export async function gpuLibraryVersions(root = '/'): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  const cuda = await readFile(join(root, 'usr/local/cuda/version.json'), 'utf8').then(
    (text) => (JSON.parse(text) as { cuda?: { version?: string } }).cuda?.version,
    () => undefined,
  );
  if (cuda) versions.cuda = cuda;
  for (const header of ['usr/include/cudnn_version.h', 'usr/include/x86_64-linux-gnu/cudnn_version_v8.h', 'usr/local/cuda/include/cudnn_version.h']) {
    const text = await readFile(join(root, header), 'utf8').catch(() => undefined);
    const part = (name: string) => (text ? new RegExp(`#define\\s+CUDNN_${name}\\s+(\\d+)`).exec(text)?.[1] : undefined);
    const [major, minor, patch] = [part('MAJOR'), part('MINOR'), part('PATCHLEVEL')];
    if (major && minor) {
      versions.cudnn = [major, minor, patch].filter(Boolean).join('.');
      break;
    }
  }
  return versions;
}
