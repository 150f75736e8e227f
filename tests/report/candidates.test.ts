import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankCandidates } from '../../src/compare/candidates.ts';
import { renderCandidates } from '../../src/report/candidates.ts';
import { candidate, SWEEP_METRICS } from '../compare/sweep-fixture.ts';
import { tableAfter } from './parse.ts';

describe('renderCandidates', () => {
  it('tables main and every candidate, best first, naming the best', () => {
    const ranking = rankCandidates(
      [candidate('lr-0.1', 0.85, 0.4, 0.1), candidate('lr-0.01', 0.96, 0.15, 0.01), candidate('lr-0.001', 0.94, 0.18, 0.001)],
      SWEEP_METRICS,
    );
    const markdown = renderCandidates({ model: 'iris', ranking, metrics: ['accuracy', 'log_loss'] });
    assert.equal(markdown.split('\n')[0], '<!-- model-ci:iris -->');
    assert.match(markdown, /^### model-ci · iris — sweep of 3 candidates$/m);
    assert.match(markdown, /^Best: \*\*lr-0.01\*\* — ✅ better against main\.$/m);
    const { header, rows } = tableAfter(markdown, 'candidate');
    assert.deepEqual(header, ['candidate', 'params', 'accuracy', 'log\\_loss', 'verdict']);
    assert.deepEqual(rows, [
      ['main', '—', '0.93', '0.2', ''],
      ['**lr-0.01** (best)', 'train.learningRate=0.01', '0.96 (+0.03)', '0.15 (-0.05)', '✅ better'],
      ['lr-0.001', 'train.learningRate=0.001', '0.94 (+0.01)', '0.18 (-0.02)', '✅ better'],
      ['lr-0.1', 'train.learningRate=0.1', '❌ 0.85 (-0.08)', '0.4 (+0.2)', '❌ gate failed'],
    ]);
  });

  it('says when no candidate may be promoted, and escapes candidate names', () => {
    const ranking = rankCandidates([candidate('<img src=x> @team', 0.5, 0.9)], SWEEP_METRICS);
    const markdown = renderCandidates({ model: 'iris', ranking, metrics: ['accuracy'] });
    assert.match(markdown, /^No candidate passes its gates: none should be promoted\.$/m);
    assert.doesNotMatch(markdown, /<img|@team/);
  });
});
