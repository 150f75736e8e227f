/**
 * Where the native backends come from. A native addon and libtensorflow cannot ship inside dist/, so
 * @tensorflow/tfjs-node(-gpu) is resolved from the user's workspace, else from the runner's tool cache,
 * where model-ci installs it once when asked to. On self-hosted GPU runners the tool cache persists
 * between jobs (mount it on a volume for ephemeral runners), so the download happens once per version.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The native package's version: the tfjs-core it registers on must match the bundled one. */
export const NATIVE_VERSION = '4.22.0';

export interface NativeOptions {
  /** Install the package into the tool cache when neither the workspace nor the cache has it. */
  install?: boolean;
  /** Tool cache root; default RUNNER_TOOL_CACHE. */
  toolCache?: string;
  /** What `npm install` installs; default `<package>@NATIVE_VERSION` (a tarball path in tests). */
  source?: string;
  npm?: string;
  log?: (line: string) => void;
}

/** `<tool cache>/model-ci/<package>/<version>`, or undefined outside a runner. */
export function toolCacheFolder(packageName: string, toolCache = process.env.RUNNER_TOOL_CACHE): string | undefined {
  return toolCache ? join(toolCache, 'model-ci', packageName.replace('/', '+'), NATIVE_VERSION) : undefined;
}

/**
 * A folder whose node_modules holds `packageName`: the workspace, else the tool cache (installing it
 * there first when `install`); undefined when neither has it.
 */
export async function nativeFolder(packageName: string, workspace: string, options: NativeOptions = {}): Promise<string | undefined> {
  const has = (folder: string) => existsSync(join(folder, 'node_modules', packageName, 'package.json'));
  if (has(workspace)) return workspace;
  const folder = toolCacheFolder(packageName, options.toolCache);
  if (!folder) return undefined;
  if (has(folder)) {
    options.log?.(`${packageName} ${NATIVE_VERSION} found in the tool cache (${folder})`);
    return folder;
  }
  if (!options.install) return undefined;
  options.log?.(`installing ${packageName} ${NATIVE_VERSION} into the tool cache (${folder}); its install script downloads libtensorflow`);
  await mkdir(folder, { recursive: true });
  // npm 11 runs a dependency's install script only when approved: this package's script is the point.
  await writeFile(join(folder, 'package.json'), `${JSON.stringify({ name: 'model-ci-native-backend', private: true, allowScripts: { [packageName]: true } }, null, 2)}\n`);
  await promisify(execFile)(options.npm ?? 'npm', ['install', '--no-audit', '--no-fund', '--no-save', options.source ?? `${packageName}@${NATIVE_VERSION}`], {
    cwd: folder,
    timeout: 10 * 60_000,
    maxBuffer: 16 << 20,
  });
  return folder;
}

/**
 * The CUDA and cuDNN versions on this machine, for the report of a tensorflow-gpu run (tfjs-node-gpu 4.x
 * needs CUDA 11.2 and cuDNN 8.1). Read from the files the NVIDIA packages install; absent ones are left out.
 */
export async function gpuLibraryVersions(root = '/'): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  const cuda = await readFile(join(root, 'usr/local/cuda/version.json'), 'utf8').then((text) => (JSON.parse(text) as { cuda?: { version?: string } }).cuda?.version, () => undefined);
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
