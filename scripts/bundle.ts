/**
 * Bundles the three entry points into dist/ (the action runs dist/, not src/):
 *   dist/index.js   the GitHub Action (action.yml → runs.main)
 *   dist/cli.js     the `model-ci` command line
 *   dist/server.js  the model server that goes into the Docker image
 * plus the tfjs WASM binaries, which the wasm backend loads from beside the bundle, and licenses.txt,
 * the notices of the third-party code inside. Chunk names change only when the modules they hold do
 * (scripts/stable-chunks.ts), so a one-module edit rewrites one chunk, not a cascade of renamed files.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { compileKernels, WASM_FILE as DENSE_WASM_FILE } from '../src/train/dense/wasm.ts';
import { licenseNotice } from './licenses.ts';
import { renameImports, stableChunkNames } from './stable-chunks.ts';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const { version } = require('../package.json') as { version: string };

const present = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(join(root, file))));

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

/**
 * @actions/core imports its OIDC client at load time, and with it @actions/http-client and undici: 800 KB
 * of JavaScript and a dozen Node built-ins that every run would parse before its first line (about a
 * third of a PR run that retrains nothing; bench/pr.ts). model-ci never asks for an ID token, so the
 * bundle gives core a client that says so instead.
 */
const withoutCoreOidc: Plugin = {
  name: 'without-actions-core-oidc',
  setup(bundle) {
    bundle.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]/.test(args.importer) ? { path: join(root, 'scripts', 'core-oidc-stub.ts') } : undefined,
    );
  },
};

/**
 * yaml's "node" export is CommonJS; its "default" export is the same source built as ES modules, which
 * esbuild links without a CommonJS wrapper per file. The config is read on every run, before the decision.
 */
const yamlAsEsm: Plugin = {
  name: 'yaml-as-esm',
  setup(bundle) {
    bundle.onResolve({ filter: /^yaml$/ }, () => ({ path: join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js') }));
  },
};

const common: BuildOptions = {
  absWorkingDir: root,
  outdir: dist,
  bundle: true,
  platform: 'node',
  // ESM builds first: a CommonJS tfjs imported dynamically would give a namespace holding only `default`.
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'esm',
  minify: false,
  legalComments: 'none',
  // Native backends are resolved from the user's workspace at run time (DESIGN.md: a native addon cannot live in dist/).
  // ssh2 (under dockerode) tries an optional compiled addon inside try/catch and falls back to JS.
  external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'cpu-features', '*.node'],
  define: { MODEL_CI_VERSION: JSON.stringify(version) },
  // CommonJS dependencies call require() and read __dirname (the wasm backend's loader does); give the ESM bundle both.
  banner: {
    js: [
      "import { createRequire as __mcCreateRequire } from 'node:module';",
      "import { fileURLToPath as __mcFileURLToPath } from 'node:url';",
      "import { dirname as __mcDirname } from 'node:path';",
      'const require = __mcCreateRequire(import.meta.url);',
      'const __filename = __mcFileURLToPath(import.meta.url);',
      'const __dirname = __mcDirname(__filename);',
    ].join(' '),
  },
  plugins: [withoutCoreOidc, yamlAsEsm],
  logLevel: 'warning',
};

// Modes and commands are dynamic imports, so a run parses only what it uses (a PR that retrains nothing
// never parses TensorFlow.js). The action and the CLI are split separately so the action's start-up
// loads no chunk shaped by the CLI. Chunks sit beside the entries so that import.meta.url-relative
// files (the .wasm binaries, fixtures/) resolve the same from every chunk.
async function split(name: string, entry: string, prefix: string): Promise<Metafile | undefined> {
  const entries = present({ [name]: entry });
  if (Object.keys(entries).length === 0) return undefined;
  const result = await build({ ...common, entryPoints: entries, splitting: true, chunkNames: `${prefix}-[name]-[hash]`, write: false, metafile: true });
  const renames = stableChunkNames(result.metafile, Object.values(entries), prefix);
  for (const file of result.outputFiles) {
    const renamed = renames.get(basename(file.path)) ?? basename(file.path);
    writeFileSync(join(dist, renamed), file.path.endsWith('.js') ? renameImports(file.text, renames) : file.contents);
  }
  return result.metafile;
}

const metafiles = [
  await split('index', 'src/index.ts', 'action'),
  await split('cli', 'src/cli.ts', 'cli'),
  // The server goes into the image on its own: one self-contained file.
  (await build({ ...common, entryPoints: present({ server: 'src/image.ts' }), splitting: false, metafile: true })).metafile,
];

const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm.wasm'));
for (const file of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) copyFileSync(join(wasmDir, file), join(dist, file));
// The dense engine's kernels, compiled from their AssemblyScript source here so dist/ needs no compiler.
writeFileSync(join(dist, DENSE_WASM_FILE), await compileKernels());

const bundled = new Set(metafiles.flatMap((metafile) => Object.keys(metafile?.inputs ?? {})));
bundled.add(join('node_modules', '@tensorflow', 'tfjs-backend-wasm', 'wasm-out', 'tfjs-backend-wasm.wasm'));
writeFileSync(join(dist, 'licenses.txt'), licenseNotice(root, bundled, join(root, 'scripts', 'licenses')));
