/** The bundle as shipped (`npm run bundle` first): its third-party notices and its file names. */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

const dist = join(import.meta.dirname, '..', '..', 'dist');

test('dist/licenses.txt names every bundled package and carries the Apache-2.0 text TensorFlow.js is under', async () => {
  const notice = await readFile(join(dist, 'licenses.txt'), 'utf8');
  for (const pkg of [
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-layers',
    '@tensorflow/tfjs-backend-wasm',
    '@actions/core',
    '@octokit/rest',
    'dockerode',
    'yaml',
    'ajv',
  ]) {
    assert.match(notice, new RegExp(`^${pkg.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+ \\(`, 'm'), `${pkg} is listed`);
  }
  assert.match(notice, /^@tensorflow\/tfjs-core [\d.]+ \(Apache-2\.0\)\n=+\n\nCopyright 20\d\d Google LLC/m);
  assert.match(notice, /^The Apache-2\.0 licence\n=+\n\s+Apache License\n\s+Version 2\.0, January 2004/m);
  assert.match(notice, /TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION[\s\S]+END OF TERMS AND CONDITIONS/);
  // Our own sources are not third-party.
  assert.doesNotMatch(notice, /^model-ci /m);
});

test("dist/ file names carry no content hash: a chunk's name says which module it loads or is a hash of the modules it holds", async () => {
  const files = (await readdir(dist)).filter((file) => file.endsWith('.js'));
  assert.ok(files.includes('index.js') && files.includes('cli.js') && files.includes('server.js'));
  assert.ok(files.includes('action-action-modes-pr.js'), `the pull-request mode has its own named chunk: ${files.join(', ')}`);
  for (const file of files) assert.match(file, /^(index|cli|server)\.js$|^(action|cli)-([a-z0-9-]+|chunk-[0-9a-f]{10})\.js$/);
  assert.deepEqual(
    files.filter((file) => /-[A-Z0-9]{8}\.js$/.test(file)),
    [],
    'no esbuild [hash] names',
  );
});
