/** What the bundled CLI (dist/cli.js, `npm run bundle` first) parses before it knows which command runs. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { recordModules } from '../support/module-recorder.ts';
import { ROOT } from './helpers.ts';

const run = promisify(execFile);

for (const args of [['--version'], ['--help'], ['train', '--help'], ['evalute']]) {
  test(`model-ci ${args.join(' ')} loads no third-party code and no command's implementation`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'model-ci-cli-start-'));
    try {
      const loaded = join(dir, 'loaded.txt');
      await run(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
        env: { ...process.env, NODE_OPTIONS: `--import=${recordModules(loaded)}` },
      }).catch((error: { code?: number }) => assert.equal(error.code, 2, 'only the misspelt command fails'));
      const bundleFiles = (await readFile(loaded, 'utf8')).split('\n').filter((url) => url.startsWith('file:') && url.includes('/dist/'));
      assert.ok(
        bundleFiles.some((url) => url.endsWith('/dist/cli.js')),
        `the recorder saw the bundle load: ${bundleFiles.join(', ')}`,
      );
      for (const url of bundleFiles) {
        const source = await readFile(new URL(url), 'utf8');
        // esbuild heads each module's code with a `// path` comment. Type and constant modules are fine.
        const heavy = /^\/\/ (.*node_modules\/.*|src\/(?:train|flow|docker|serve|baseline|report|data)\/(?!types\.ts$).*)$/m.exec(source)?.[1];
        assert.equal(heavy, undefined, `${url} holds ${heavy}, loaded before any command ran`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
