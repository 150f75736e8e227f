import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyBeatsGates, type ReferenceMetrics } from '../../src/compare/beats-gate.ts';
import { compareRuns } from '../../src/compare/compare.ts';

const side = (metrics: Record<string, number>) => ({ metrics, params: {}, data: {} });

function compared(head: Record<string, number>) {
  return compareRuns({
    model: 'm',
    metrics: [
      { name: 'accuracy', direction: 'higher', gate: { beats: ['majority', 'linear'] } },
      { name: 'log_loss', direction: 'lower', gate: { beats: ['linear'] } },
      { name: 'roc_auc', direction: 'higher', gate: { beats: ['majority'] } },
    ],
    base: side({ accuracy: 0.9, log_loss: 0.3, roc_auc: 0.9 }),
    head: side(head),
    baseline: { kind: 'record', commit: 'a'.repeat(40) },
  });
}

const references: ReferenceMetrics[] = [
  { name: 'majority', metrics: { accuracy: 0.6, log_loss: 0.66 } },
  { name: 'linear', metrics: { accuracy: 0.95, log_loss: 0.1, roc_auc: 0.99 } },
];

test('strictly better than each named reference passes; a tie or worse fails and says which reference', () => {
  const before = compared({ accuracy: 0.95, log_loss: 0.09, roc_auc: 0.97 });
  assert.equal(before.verdict, 'better');
  const after = applyBeatsGates(before, references);
  const byName = Object.fromEntries(after.rows.map((row) => [row.name, row]));
  assert.equal(byName.accuracy.gatePassed, false, 'a tie with linear does not beat it');
  assert.equal(byName.accuracy.gateReason, "0.95 does not beat the linear reference's 0.95");
  assert.equal(byName.log_loss.gatePassed, true, 'lower is better for log_loss');
  // The majority reference has no roc_auc here (a one-class test split): the gate fails, never passes by omission.
  assert.equal(byName.roc_auc.gatePassed, false);
  assert.match(byName.roc_auc.gateReason!, /the majority reference has no roc_auc on these test rows/);
  assert.equal(after.verdict, 'gate-failed');
  assert.deepEqual(
    after.failedGates.map((row) => row.name),
    ['accuracy', 'roc_auc'],
  );
});

test('a row that already failed keeps its reason first; a passing comparison keeps its verdict', () => {
  const failing = applyBeatsGates(compared({ accuracy: 0.5, log_loss: 0.09, roc_auc: 0.97 }), references);
  assert.match(failing.rows[0].gateReason!, /^0\.5 does not beat the majority reference's 0\.6; 0\.5 does not beat the linear/);
  const passing = applyBeatsGates(compared({ accuracy: 0.96, log_loss: 0.09, roc_auc: 0.97 }), references);
  assert.equal(passing.rows.find((row) => row.name === 'accuracy')!.gatePassed, true);
  assert.equal(passing.rows.find((row) => row.name === 'log_loss')!.gatePassed, true);
});
