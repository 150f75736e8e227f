/**
 * The model name read from a config that failed to load (for the error comment's marker and title): the
 * config is the PR's, so only a valid model name is taken, and an oversized file or an alias bomb is not
 * expanded — the folder's name is used instead.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { peekModelName } from '../../src/action/model-name.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'peek-name-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const peek = async (text: string) => {
  const file = join(dir, 'model-ci.yml');
  await writeFile(file, text);
  return peekModelName(file);
};

test('a valid name is read even when the rest of the config is broken', async () => {
  assert.equal(await peek('name: churn\ntask: [oops\n'), basename(dir), 'invalid YAML falls back');
  assert.equal(await peek('name: churn\ntask: nonsense\n'), 'churn');
});

test('a name that is not a model name is not used', async () => {
  assert.equal(await peek('name: "x --> <img src=y> @team"\n'), basename(dir));
  assert.equal(await peek(`name: ${'a'.repeat(300)}-\n`), basename(dir));
});

test('an alias bomb or an oversized file falls back without being expanded', async () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...Array.from(
      { length: 12 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
    ),
    'name: churn',
  ].join('\n');
  assert.equal(await peek(bomb), basename(dir));
  assert.equal(await peek(`name: churn\n# ${'x'.repeat(2 * 1024 * 1024)}\n`), basename(dir));
});
