import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decideRetrain, matchWatched } from '../../src/changes/watch.ts';
import type { ChangedFile } from '../../src/changes/types.ts';

const WATCH = ['data/**', 'params.yaml', 'model-ci.yml', '!data/README.md'];

const modified = (...paths: string[]): ChangedFile[] => paths.map((path) => ({ path, status: 'modified' }));

describe('matchWatched', () => {
  test('keeps the watched paths in input order', () => {
    const result = matchWatched(['src/a.ts', 'params.yaml', 'data/train.csv'], WATCH);
    assert.deepEqual(result.matched, ['params.yaml', 'data/train.csv']);
    assert.equal(result.reason, 'params.yaml and data/train.csv changed');
  });

  test('the last matching pattern decides, so a later negation un-watches a file', () => {
    assert.deepEqual(matchWatched(['data/README.md'], WATCH).matched, []);
    assert.deepEqual(matchWatched(['data/README.md'], [...WATCH, 'data/README.md']).matched, ['data/README.md']);
  });

  test('names at most three paths', () => {
    const files = ['data/a.csv', 'data/b.csv', 'data/c.csv', 'data/d.csv', 'data/e.csv'];
    assert.equal(matchWatched(files, WATCH).reason, '5 watched paths changed: data/a.csv, data/b.csv, data/c.csv, …');
    assert.equal(matchWatched(files.slice(0, 3), WATCH).reason, 'data/a.csv, data/b.csv and data/c.csv changed');
  });

  test('says what changed when nothing watched did', () => {
    assert.equal(
      matchWatched(['src/a.ts', 'README.md', 'docs/x.md', 'docs/y.md'], WATCH).reason,
      'no watched path changed (4 files changed: src/a.ts, README.md, docs/x.md, …)',
    );
    assert.equal(matchWatched(['src/a.ts'], WATCH).reason, 'no watched path changed (1 file changed: src/a.ts)');
    assert.equal(matchWatched([], WATCH).reason, 'no files changed');
  });

  test('a bad pattern names its place in the watch list', () => {
    assert.throws(() => matchWatched(['a'], ['ok/**', 'bad/{x']), /"\{" without its closing "\}"/);
    assert.throws(
      () => matchWatched(['a'], ['ok/**', 'bad/{x']),
      (error: { location?: { field?: string } }) => error.location?.field === 'watch[1]',
    );
  });
});

describe('decideRetrain', () => {
  test('params.yaml changed', () => {
    assert.deepEqual(decideRetrain({ changed: modified('src/x.ts', 'params.yaml'), watch: WATCH }), {
      retrain: true,
      reason: 'params.yaml changed',
    });
  });

  test('no watched path changed', () => {
    assert.deepEqual(decideRetrain({ changed: modified('src/a.ts', 'src/b.ts', 'README.md'), watch: WATCH }), {
      retrain: false,
      reason: 'no watched path changed (3 files changed: src/a.ts, src/b.ts and README.md)',
    });
  });

  test('forced by input, even with nothing changed', () => {
    assert.deepEqual(decideRetrain({ changed: [], watch: WATCH, force: true }), { retrain: true, reason: 'forced by input' });
  });

  test('a data file renamed out of the watched folder counts as a change', () => {
    const changed: ChangedFile[] = [{ path: 'archive/train.csv', previousPath: 'data/train.csv', status: 'renamed' }];
    assert.deepEqual(decideRetrain({ changed, watch: WATCH }), { retrain: true, reason: 'data/train.csv changed' });
  });

  test('a deleted params file triggers a retrain (which then reports the missing file)', () => {
    const decision = decideRetrain({ changed: [{ path: 'params.yaml', status: 'deleted' }], watch: WATCH });
    assert.equal(decision.retrain, true);
  });
});
