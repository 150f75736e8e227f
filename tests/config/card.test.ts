import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { tempFiles, userError } from './temp-files.ts';

const MINIMAL = `name: churn
task: binary-classification
data:
  train: data/train.csv
  target: churned
`;

async function configWith(card: string) {
  const root = await tempFiles({ 'model-ci.yml': `${MINIMAL}${card}` });
  return () => loadConfig(join(root, 'model-ci.yml'));
}

test('card: intended use, limitations, description and licence are read as text', async () => {
  const config = await (
    await configWith('card:\n  intended_use: "Screening aid."\n  limitations: |\n    One hospital.\n\n    Adults only.\n  license: apache-2.0\n')
  )();
  assert.deepEqual(config.card, { intendedUse: 'Screening aid.', limitations: 'One hospital.\n\nAdults only.\n', license: 'apache-2.0' });
  assert.equal((await (await configWith(''))()).card, undefined);
});

test('card: unknown keys, long texts and licences that are not identifiers are refused with the field', async () => {
  await userError(await configWith('card:\n  intended: x\n'), 'card.intended', 'intended_use');
  await userError(await configWith(`card:\n  limitations: ${'x'.repeat(4001)}\n`), 'card.limitations', 'at most 4000 characters');
  await userError(await configWith('card:\n  license: "MIT; rm -rf"\n'), 'card.license', 'SPDX');
  await userError(await configWith('card: [a]\n'), 'card');
});
