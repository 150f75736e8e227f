import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankCandidates } from '../../src/compare/candidates.ts';
import type { MetricConfig } from '../../src/domain/config.ts';
import { candidate, SWEEP_METRICS } from './sweep-fixture.ts';

describe('rankCandidates', () => {
  it('ranks by the primary metric, breaks ties with the next, and puts gate failures last', () => {
    const ranking = rankCandidates(
      [candidate('fails-gate', 0.85, 0.01), candidate('good', 0.95, 0.15), candidate('best', 0.96, 0.3), candidate('tie', 0.95, 0.1)],
      SWEEP_METRICS,
    );
    assert.deepEqual(
      ranking.ranked.map((c) => c.name),
      ['best', 'tie', 'good', 'fails-gate'],
    );
    assert.equal(ranking.best?.name, 'best');
  });

  it('names no best when every candidate fails a gate', () => {
    const ranking = rankCandidates([candidate('a', 0.8, 0.1), candidate('b', 0.85, 0.1)], SWEEP_METRICS);
    assert.equal(ranking.best, undefined);
    assert.deepEqual(
      ranking.ranked.map((c) => c.name),
      ['b', 'a'],
    );
  });

  it('respects lower-is-better when it is the primary metric', () => {
    const lossFirst: MetricConfig[] = [{ name: 'log_loss', direction: 'lower' }];
    const ranking = rankCandidates([candidate('high-loss', 0.95, 0.3), candidate('low-loss', 0.94, 0.1)], lossFirst);
    assert.equal(ranking.best?.name, 'low-loss');
  });
});
