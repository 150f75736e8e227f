/**
 * The engine loader: the only place that knows TensorFlow.js backends exist.
 * Model code receives `engine.tf` and never imports a backend, because
 * @tensorflow/tfjs-node(-gpu) registers its backend on its own copy of
 * tfjs-core: the namespace it exports is the one that trains on it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BACKENDS, type BackendName, type ConcreteBackend, type TfjsBackend } from '../domain/config.ts';
import { UserError } from '../errors.ts';
import { gpuLibraryVersions, nativeFolder } from './native.ts';

export type TF = typeof import('@tensorflow/tfjs');
// tfjs's types by name, for modules that receive `tf` and must not import a backend themselves.
export type LayersModel = import('@tensorflow/tfjs').LayersModel;
export type Sequential = import('@tensorflow/tfjs').Sequential;
export type Tensor = import('@tensorflow/tfjs').Tensor;

export interface Engine {
  tf: TF;
  /** What trains: `dense` (model-ci's engine) or the TensorFlow.js backend itself. */
  backend: ConcreteBackend;
  /** The TensorFlow.js backend `tf` runs on: it builds, saves and predicts. */
  tfjsBackend: TfjsBackend;
  /** tfjs packages (and native library) that computed the model, for run.json. */
  versions: Record<string, string>;
  /** Why the engine is not the one asked for; every fallback is announced here. */
  notices: string[];
}

export interface EngineOptions {
  /** Folder whose node_modules may hold @tensorflow/tfjs-node(-gpu); default GITHUB_WORKSPACE, else the current folder. */
  workspace?: string;
  log?: (message: string) => void;
  /** This job holds secrets: native packages only from a tree it installed itself; default: what the action said. */
  secrets?: boolean;
  /**
   * The engine will train: `auto` and `dense` then give the dense engine (with the fastest TF.js backend
   * beside it). Prediction never runs on it, so without this `dense` reads as `auto`.
   */
  training?: boolean;
}

/**
 * Preference order for `auto`, fastest first. wasm comes before cpu because it
 * measured faster here (bench/train.ts on the 2-core box, samples per CPU-second,
 * see bench/RESULTS.md): about even on the breast-cancer net (8.7k vs 8.5k/s),
 * ~1.8× on a 30-feature 200k-row table (45k vs 25k/s). The native backends,
 * when installed, come first (and cannot be measured here).
 */
export const BACKEND_ORDER: readonly TfjsBackend[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

export const NATIVE_PACKAGES: Partial<Record<TfjsBackend, string>> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
};

/**
 * Loads the requested backend, or the next one in BACKEND_ORDER that loads.
 * `auto` tries them all from the fastest; an explicit request that fails falls
 * back with a notice naming the module and the error.
 */
export async function loadEngine(requested: BackendName, opts: EngineOptions = {}): Promise<Engine> {
  if (!(BACKENDS as readonly string[]).includes(requested)) {
    throw new UserError(`unknown backend ${JSON.stringify(requested)}; expected one of ${BACKENDS.join(', ')}`, { field: 'backend' });
  }
  if (requested === 'dense' || (requested === 'auto' && opts.training)) {
    // For training, `auto` picks the dense engine: on the networks model-ci builds it measured several times
    // faster than every TF.js backend here (bench/train-peers.ts). Training falls back to TF.js, with a
    // notice, for a model it does not cover (train/trainer.ts).
    // Quiet: which native packages are missing matters to TF.js training, not to the dense engine (a
    // broken one still reaches the notices).
    const tfjs = await loadEngine('auto', { ...opts, log: undefined, training: false });
    return opts.training ? { ...tfjs, backend: 'dense', versions: { ...tfjs.versions, 'tfjs-backend': tfjs.tfjsBackend } } : tfjs;
  }
  const workspace = opts.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
  const candidates = requested === 'auto' ? BACKEND_ORDER : BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(requested as TfjsBackend));
  const failures: Failure[] = [];
  for (const backend of candidates) {
    let engine: Engine;
    try {
      engine = await loadBackend(backend, workspace, opts);
    } catch (error) {
      failures.push(describeFailure(backend, workspace, error));
      continue;
    }
    if (failures.length > 0) {
      const notice =
        requested === 'auto'
          ? `backend auto chose ${backend}: ${summarise(failures, workspace)}`
          : `backend ${requested} could not be loaded, using ${backend} instead: ${summarise(failures, workspace)}${installHint(failures[0])}`;
      opts.log?.(`notice: ${notice}`);
      // `auto` skipping native packages that are not installed is the expected case, said in the log; a
      // fallback from what was asked for, or a package that is there but broken, goes into the report too.
      if (requested !== 'auto' || failures.some((failure) => !failure.missingPackage)) engine.notices.push(notice);
    }
    return engine;
  }
  throw new Error(`no TensorFlow.js backend could be loaded: ${summarise(failures, workspace)}`);
}

async function loadBackend(backend: TfjsBackend, workspace: string, opts: EngineOptions): Promise<Engine> {
  const nativePackage = NATIVE_PACKAGES[backend];
  if (!nativePackage) return loadBundled(backend);
  const folder = await nativeFolder(nativePackage, workspace, { log: opts.log, secrets: opts.secrets });
  // Never a require() from anywhere else: resolving from the workspace would also find a package that
  // nativeFolder turned down there (a job that holds secrets) or in a folder above it.
  if (!folder) throw Object.assign(new Error(`Cannot find module '${nativePackage}'`), { code: 'MODULE_NOT_FOUND' });
  try {
    return await loadNative(backend, nativePackage, folder);
  } catch (error) {
    // Say where it was loaded from: the workspace or the runner's tool cache.
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { folder });
  }
}

async function loadBundled(backend: TfjsBackend): Promise<Engine> {
  const tf = await import('@tensorflow/tfjs');
  // tfjs prints "install our node backend" on first use of cpu; we chose this
  // backend on purpose and announce it ourselves. PROD only gates tfjs's warnings.
  tf.env().set('PROD', true);
  const versions = pickVersions(tf.version);
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Initialising twice throws; a second engine in the same process reuses the first.
    if (!tf.engine().registry.wasm) wasm.setWasmPaths(wasmFolder());
    versions['tfjs-backend-wasm'] = wasm.version_wasm;
  }
  await activate(tf, backend === 'wasm' ? 'wasm' : 'cpu');
  return { tf, backend, tfjsBackend: backend, versions, notices: [] };
}

async function loadNative(backend: TfjsBackend, packageName: string, folder: string): Promise<Engine> {
  const require = createRequire(join(folder, 'package.json'));
  const tf = require(packageName) as TF;
  await activate(tf, 'tensorflow');
  const versions = pickVersions(tf.version);
  const binding = (tf.backend() as unknown as { binding?: { TF_Version?: string } }).binding;
  if (binding?.TF_Version) versions.libtensorflow = binding.TF_Version;
  // Which CUDA and cuDNN the GPU build found: the first thing to check when a GPU run misbehaves.
  if (backend === 'tensorflow-gpu') Object.assign(versions, await gpuLibraryVersions());
  return { tf, backend, tfjsBackend: backend, versions, notices: [] };
}

async function activate(tf: TF, name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not initialise its ${name} backend${await initError(tf, name)}`);
  await tf.ready();
}

/** tfjs reports why a backend failed only through console.warn (silenced by PROD): run its factory again to learn why. */
async function initError(tf: TF, name: string): Promise<string> {
  try {
    await tf.engine().registryFactory[name]?.factory();
    return '';
  } catch (error) {
    return `: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The .wasm binaries sit beside the bundle (scripts/bundle.ts copies them to dist/), or in the package when run from source. */
function wasmFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, 'tfjs-backend-wasm.wasm'))) return `${here}/`;
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  return `${dirname(entry)}/`;
}

function pickVersions(version: Record<string, string>): Record<string, string> {
  const wanted = ['tfjs-core', 'tfjs-layers', 'tfjs-backend-cpu', 'tfjs-node'];
  return Object.fromEntries(wanted.filter((key) => version[key]).map((key) => [key, version[key]]));
}

interface Failure {
  backend: TfjsBackend;
  /** Set when the backend's optional package is simply absent: the usual case, reported in one short clause. */
  missingPackage?: string;
  message: string;
}

function describeFailure(backend: TfjsBackend, workspace: string, error: unknown): Failure {
  const packageName = NATIVE_PACKAGES[backend];
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (packageName && code === 'MODULE_NOT_FOUND' && message.includes(`'${packageName}'`)) {
    return { backend, missingPackage: packageName, message };
  }
  const folder = (error as { folder?: string }).folder ?? workspace;
  return { backend, message: packageName ? `${packageName} failed to load from ${folder}: ${message}` : `${backend}: ${message}` };
}

/** For an explicit request whose package is absent (not broken): how to get it. */
function installHint(requested: Failure): string {
  return requested.missingPackage ? ` (to use it: npm install ${requested.missingPackage})` : '';
}

function summarise(failures: Failure[], workspace: string): string {
  const missing = failures.flatMap((f) => (f.missingPackage ? [f.missingPackage] : []));
  const parts = failures.filter((f) => !f.missingPackage).map((f) => f.message);
  if (missing.length > 0) parts.push(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed in ${workspace}`);
  return parts.join('; ');
}
