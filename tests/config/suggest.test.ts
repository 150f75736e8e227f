import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest, didYouMean, editDistance } from '../../src/config/suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3); // k→s, e→i, +g
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('epochs', 'epoch'), 1);
  });
});

describe('closest', () => {
  const keys = ['epochs', 'batch_size', 'learning_rate', 'optimizer', 'seed'];
  it('finds typos, case and separator slips', () => {
    assert.equal(closest('epohcs', keys), 'epochs');
    assert.equal(closest('batchSize', keys), 'batch_size');
    assert.equal(closest('Learning-Rate', keys), 'learning_rate');
  });
  it('suggests nothing for an unrelated word', () => {
    assert.equal(closest('momentum', keys), undefined);
    assert.equal(didYouMean('momentum', keys), '');
    assert.equal(didYouMean('sed', keys), ' (did you mean `seed`?)');
  });
});
