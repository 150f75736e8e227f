import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadConfig, loadParams } from '../../src/config/load.ts';
import { UserError } from '../../src/errors.ts';
import { findCandidate, rankSweep, sweepCandidates } from '../../src/flow/sweep-candidates.ts';

describe('sweepCandidates', () => {
  test('every combination, the first key varying slowest, with stable ids and readable names', () => {
    const candidates = sweepCandidates({ 'train.learning_rate': [0.001, 0.01], 'model.hidden_units': [[16], [32, 16]] });
    assert.deepEqual(
      candidates.map((c) => [c.id, c.name]),
      [
        ['c1', 'learning_rate=0.001 hidden_units=[16]'],
        ['c2', 'learning_rate=0.001 hidden_units=[32,16]'],
        ['c3', 'learning_rate=0.01 hidden_units=[16]'],
        ['c4', 'learning_rate=0.01 hidden_units=[32,16]'],
      ],
    );
    assert.deepEqual(candidates[3].params, { 'train.learning_rate': 0.01, 'model.hidden_units': [32, 16] });
  });
});

async function modelDir(sweep: string, params = 'train:\n  epochs: 5\n'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'model-ci-sweep-'));
  await writeFile(join(dir, 'model-ci.yml'), `name: m\ntask: binary-classification\ndata:\n  train: d.csv\n  target: y\n${sweep}`);
  await writeFile(join(dir, 'params.yaml'), params);
  return dir;
}

describe('the sweep in model-ci.yml and its params', () => {
  test('is read, and a candidate id resolves to its params', async () => {
    const dir = await modelDir('sweep:\n  train.batch_size: [16, 64]\n  model.dropout: [0, 0.2]\n');
    const config = await loadConfig(join(dir, 'model-ci.yml'));
    assert.deepEqual(config.sweep, { 'train.batch_size': [16, 64], 'model.dropout': [0, 0.2] });
    assert.deepEqual(findCandidate(config, 'c3').params, { 'train.batch_size': 64, 'model.dropout': 0 });
    assert.throws(() => findCandidate(config, 'c9'), /no sweep candidate "c9": the sweep has c1…c4/);
  });

  test('a candidate overrides params.yaml and is checked like it; a bad value names the sweep', async () => {
    const dir = await modelDir('');
    const params = await loadParams(join(dir, 'params.yaml'), { 'train.batch_size': 64, 'model.hidden_units': [32, 16] });
    assert.equal(params.train.batchSize, 64);
    assert.deepEqual(params.model.hiddenUnits, [32, 16]);
    assert.equal(params.train.epochs, 5, 'what the sweep does not set comes from params.yaml');
    assert.equal(params.flat['train.batch_size'], 64);
    await assert.rejects(loadParams(join(dir, 'params.yaml'), { 'train.batch_size': 0 }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.location.field, 'sweep.train.batch_size');
      assert.match(error.message, /comes from the config's sweep/);
      return true;
    });
  });

  test('unknown keys, empty lists and oversized grids are clear errors', async () => {
    const unknown = await modelDir('sweep:\n  train.learning_rat: [0.1]\n');
    await assert.rejects(loadConfig(join(unknown, 'model-ci.yml')), /unknown key `sweep\.train\.learning_rat` \(did you mean `train\.learning_rate`\?\)/);
    const empty = await modelDir('sweep:\n  train.epochs: []\n');
    await assert.rejects(loadConfig(join(empty, 'model-ci.yml')), /a non-empty list of values to try/);
    const huge = await modelDir(
      `sweep:\n  train.epochs: [${Array.from({ length: 10 }, (_, i) => i + 1).join(', ')}]\n  train.seed: [${Array.from({ length: 10 }, (_, i) => i).join(', ')}]\n`,
    );
    await assert.rejects(loadConfig(join(huge, 'model-ci.yml')), /the sweep makes 100 candidates; at most 64/);
  });
});

describe('rankSweep', () => {
  test('compares each candidate against main and names the best one that passes its gates', () => {
    const run = (accuracy: number) => ({ metrics: { accuracy }, params: {}, data: {} });
    const ranking = rankSweep({
      model: 'm',
      metrics: [{ name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01 } }],
      base: run(0.9),
      baseline: { kind: 'record', commit: 'a'.repeat(40) },
      results: [
        { id: 'c1', name: 'lr=0.1', params: { 'train.learning_rate': 0.1 }, backend: 'cpu', run: run(0.85) },
        { id: 'c2', name: 'lr=0.01', params: { 'train.learning_rate': 0.01 }, backend: 'cpu', run: run(0.93) },
        { id: 'c3', name: 'lr=0.001', params: { 'train.learning_rate': 0.001 }, backend: 'cpu', run: run(0.91) },
      ],
    });
    assert.equal(ranking.best?.name, 'c2 lr=0.01');
    assert.deepEqual(
      ranking.ranked.map((c) => c.name.split(' ')[0]),
      ['c2', 'c3', 'c1'],
    );
    assert.equal(ranking.ranked[2].comparison.verdict, 'gate-failed');
  });
});

describe('candidate result files', () => {
  test('a file that is not JSON, or for another commit, is a clear error naming it', async () => {
    const { readCandidateFiles, writeCandidateFile } = await import('../../src/action/candidate-file.ts');
    const dir = await mkdtemp(join(tmpdir(), 'model-ci-candidates-'));
    const sha = 'b'.repeat(40);
    const result = {
      id: 'c1',
      name: 'lr=0.1',
      params: { 'train.learning_rate': 0.1 },
      backend: 'cpu',
      run: { metrics: { accuracy: 0.9 }, params: {}, data: {} },
    };
    await writeCandidateFile(dir, sha, result);
    assert.deepEqual(await readCandidateFiles(dir, sha), [result]);
    await assert.rejects(
      readCandidateFiles(dir, 'c'.repeat(40)),
      (error: unknown) => error instanceof UserError && /candidate-c1\.json: the candidate result is for commit bbbbbbbbbbbb/.test(error.describe()),
    );
    await writeFile(join(dir, 'candidate-c2.json'), '{"schema": 1,');
    await assert.rejects(
      readCandidateFiles(dir, sha),
      (error: unknown) => error instanceof UserError && /candidate-c2\.json: not a candidate result/.test(error.describe()),
    );
  });
});
