import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, limit, LIMITS, overLimit } from '../src/limits.ts';
import { parseYaml } from '../src/config/yaml-fields.ts';
import { excerpt, quote, showName } from '../src/errors.ts';
import { userError } from './config/temp-files.ts';

describe('limits', () => {
  it('are the defaults unless the workflow owner sets the variable', () => {
    assert.equal(limit('epochs', {}), LIMITS.epochs.value);
    assert.equal(limit('epochs', { MODEL_CI_MAX_EPOCHS: ' 50000 ' }), 50000);
    assert.equal(limit('csvBytes', { MODEL_CI_MAX_CSV_BYTES: '2GiB' }), 2 * 2 ** 30);
    assert.equal(limit('yamlBytes', { MODEL_CI_MAX_YAML_BYTES: '512 KiB' }), 512 * 1024);
  });

  it('refuse a variable that is not a positive whole number, naming it', async () => {
    await userError(() => limit('epochs', { MODEL_CI_MAX_EPOCHS: 'lots' }), 'MODEL_CI_MAX_EPOCHS must be a positive whole number', '"lots"');
    await userError(() => limit('epochs', { MODEL_CI_MAX_EPOCHS: '5k' }), 'MODEL_CI_MAX_EPOCHS');
    await userError(() => limit('columns', { MODEL_CI_MAX_COLUMNS: '0' }), 'MODEL_CI_MAX_COLUMNS');
    await userError(() => limit('csvBytes', { MODEL_CI_MAX_CSV_BYTES: '1TB!' }), 'MODEL_CI_MAX_CSV_BYTES', '512MiB');
  });

  it('say what the limit is and how to raise it', () => {
    assert.equal(
      overLimit('epochs', {}),
      "over model-ci's limit of 10000 epochs; the workflow owner can raise it with the environment variable MODEL_CI_MAX_EPOCHS",
    );
    assert.equal(
      overLimit('csvBytes', {}),
      "over model-ci's limit of 1 GiB for a data file; the workflow owner can raise it with the environment variable MODEL_CI_MAX_CSV_BYTES",
    );
    assert.equal(formatBytes(1536 * 1024), '1.5 MiB');
    assert.equal(formatBytes(900), '900 bytes');
  });
});

describe('excerpts of user text', () => {
  it('escape control characters and cut long text to 40 characters', () => {
    assert.equal(quote('a\u0007b\nc\u202e'), '"a\\u0007b\\nc\\u202e"');
    const long = excerpt('x'.repeat(10_000));
    assert.equal(Array.from(long).length, 40);
    assert.ok(long.endsWith('…'));
  });

  it('show plain names in backticks and anything else quoted', () => {
    assert.equal(showName('sepal_length'), '`sepal_length`');
    assert.equal(showName('a`b'), '"a`b"');
    assert.equal(showName('line\nbreak'), '"line\\nbreak"');
    assert.equal(showName('n'.repeat(41)), `"${'n'.repeat(39)}…"`);
  });
});

describe('YAML read from git objects', () => {
  it('is bounded like a file: size and aliases', async () => {
    const bomb = `a: &a 1\nb: [${Array(1000).fill('*a').join(', ')}]\n`;
    await userError(() => parseYaml(bomb, 'model-ci.yml'), 'model-ci.yml', 'too many YAML aliases', 'MODEL_CI_MAX_YAML_ALIASES');
    await userError(() => parseYaml(`a: 1\n${'#'.repeat(2 ** 20)}\n`, 'model-ci.yml'), 'model-ci.yml', "over model-ci's limit of 1 MiB for a YAML file");
  });
});
