import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderActionDocs, replaceBetweenMarkers } from '../../src/docs/action-docs.ts';

const root = join(import.meta.dirname, '..', '..');

test('README inputs/outputs tables equal action.yml', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const expected = replaceBetweenMarkers(readme, 'action-docs', renderActionDocs(readFileSync(join(root, 'action.yml'), 'utf8')));
  assert.equal(readme, expected, 'README.md drifted from action.yml: run `node scripts/action-docs.ts`');
});

test('every action.yml input and output appears in the README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const action = readFileSync(join(root, 'action.yml'), 'utf8');
  const names = [...action.matchAll(/^ {2}([a-z][a-z-]*):$/gm)].map((m) => m[1]);
  assert.ok(names.length > 20, `expected the inputs and outputs of action.yml, found ${names.length}`);
  for (const name of names) assert.ok(readme.includes(`| \`${name}\` |`), `README lacks a row for ${name}`);
});

test('renderActionDocs lists each input with its default and fails without markers', () => {
  const docs = renderActionDocs('inputs:\n  a:\n    description: first\n  b:\n    description: second | piped\n    default: x\n');
  assert.match(docs, /^\| `a` \| first \| \|$/m);
  assert.match(docs, /^\| `b` \| second \\\| piped \| `x` \|$/m);
  assert.throws(() => replaceBetweenMarkers('no markers here', 'action-docs', docs), /markers/);
});
