/**
 * Bundles the three entry points into dist/ (the action runs dist/, not src/):
 *   dist/index.js   the GitHub Action (action.yml → runs.main)
 *   dist/cli.js     the `model-ci` command line
 *   dist/server.js  the model server that goes into the Docker image
 * plus the tfjs WASM binaries, which the wasm backend loads from beside the bundle.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const { version } = require('../package.json') as { version: string };

const entries: Record<string, string> = { index: 'src/index.ts', cli: 'src/cli.ts', server: 'src/serve/main.ts' };
const present = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(join(root, file))));

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: present,
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: false,
  minify: false,
  legalComments: 'none',
  // Native backends are resolved from the user's workspace at run time (DESIGN.md: a native addon cannot live in dist/).
  external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'cpu-features', 'ssh2'],
  define: { MODEL_CI_VERSION: JSON.stringify(version) },
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __mcCreateRequire } from 'node:module'; const require = __mcCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm.wasm'));
for (const file of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) copyFileSync(join(wasmDir, file), join(dist, file));
