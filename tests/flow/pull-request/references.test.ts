/**
 * Reference models in a pull request's run: scored on the PR's test rows, shown in the report, and a
 * `beats` gate of the base's config fails the check when the PR's network does not beat them.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { renderReport } from '../../../src/report/report.ts';
import { prRun } from './pr-run.ts';
import { createModelRepo, FAST_PARAMS, type ModelRepo } from '../../support/model-repo.ts';

const fixtureConfig = await readFile(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'breast-cancer', 'model-ci.yml'), 'utf8');
// The base's gates: accuracy must beat the majority class and the linear model, roc_auc chance.
const GATED = fixtureConfig
  .replace('gate: { tolerance: 0.01 }\n  - name: roc_auc', 'gate: { beats: [majority, linear] }\n  - name: roc_auc')
  .replace(/(name: roc_auc\n\s+gate: \{ tolerance: 0\.01) \}/, '$1, beats: [majority] }');
const WEAK = FAST_PARAMS.replace('epochs: 12', 'epochs: 1').replace('learning_rate: 0.01', 'learning_rate: 0.0001');

let repo: ModelRepo;
before(async () => {
  repo = await createModelRepo();
  assert.notEqual(GATED, fixtureConfig, 'the fixture still has the gates this test rewrites');
  await repo.source.commit({ 'model-ci.yml': GATED }, 'gate on the references');
  await repo.source.git('push', '--quiet', 'origin', 'main');
});
after(() => repo.sandbox.dispose());

test('a weak network fails `beats: [linear]`; the report names the reference and shows it beside the PR', async () => {
  // The PR also drops the gate from its own config: the base's config judges it.
  const result = await prRun(repo, 1, { 'params.yaml': WEAK, 'model-ci.yml': fixtureConfig });
  const references = result.headRun.references;
  assert.ok(references, 'the PR run fitted the reference models');
  assert.deepEqual(
    references.results.map((r) => r.name),
    ['majority', 'prior', 'linear'],
  );
  // Scored on the PR's test rows, the same count as its network.
  assert.equal(references.truth.length, result.headRun.evaluation.testRows);
  assert.equal(references.results[0].predictions.label?.length, result.headRun.evaluation.testRows);
  const accuracy = result.comparison.rows.find((row) => row.name === 'accuracy')!;
  assert.equal(accuracy.gatePassed, false);
  assert.match(accuracy.gateReason ?? '', /does not beat the linear reference's 0\.964/);
  assert.equal(result.comparison.verdict, 'gate-failed');
  assert.ok(result.comparison.failedGates.some((row) => row.name === 'accuracy'));
  const markdown = renderReport(result.report);
  assert.match(markdown, /<summary>Reference models: the PR beats .*not linear \(accuracy/);
  assert.match(markdown, /\| accuracy ↑ \| [\d.]+ \| [^|]+ \| [^|]+ \| \*\*0\.964\*\* ⚠️ \|/);
  assert.match(markdown, /- accuracy: .*does not beat the linear reference/);
});

test('a trained network passes `beats: [majority]` on roc_auc, and the gate cell says what it checked', async () => {
  const result = await prRun(repo, 2, { 'params.yaml': `${FAST_PARAMS}# retrain\n` });
  const auc = result.comparison.rows.find((row) => row.name === 'roc_auc')!;
  const majority = result.headRun.references!.results.find((r) => r.name === 'majority')!;
  assert.equal(majority.metrics.roc_auc, 0.5);
  assert.ok(auc.head! > 0.9);
  assert.notEqual(auc.gatePassed, false, auc.gateReason);
  assert.match(renderReport(result.report), /\| roc\\_auc ↑ \|.*✅ Δ ≥ -0\.01, beats majority \|/);
});
