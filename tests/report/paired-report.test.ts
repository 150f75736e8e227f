/** The report with paired predictions: interval column, within-noise wording, what changed in the predictions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReportArtifact } from '../../src/action/report-artifact.ts';
import { compareRuns } from '../../src/compare/compare.ts';
import type { PairedPredictions } from '../../src/domain/paired-predictions.ts';
import { formatInterval, intervalDecimals } from '../../src/report/interval-format.ts';
import { renderReport } from '../../src/report/report.ts';
import { pairedCase } from '../compare/paired-fixtures.ts';
import { tableAfter } from './parse.ts';

function report(paired: PairedPredictions | undefined, metrics = { accuracy: 0.9, log_loss: 0.3 }) {
  const comparison = compareRuns({
    model: 'iris',
    metrics: [
      { name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01, confidence: 0.95 } },
      { name: 'log_loss', direction: 'lower' },
    ],
    base: { metrics, params: {}, data: {} },
    head: { metrics: { accuracy: metrics.accuracy - 0.02, log_loss: metrics.log_loss + 0.01 }, params: {}, data: {} },
    baseline: { kind: 'record', commit: 'a'.repeat(40) },
    ...(paired ? { paired } : {}),
  });
  return { comparison, markdown: renderReport({ comparison, head: { backend: 'cpu' } }) };
}

describe('interval formatting', () => {
  it('shows two significant digits of the interval width, no more', () => {
    assert.equal(intervalDecimals(0.0526), 3);
    assert.equal(intervalDecimals(0.5), 2);
    assert.equal(intervalDecimals(12), 0);
    assert.equal(formatInterval({ low: -0.02105, high: 0.03158, confidence: 0.95 }), '[-0.021, +0.032]');
    assert.equal(formatInterval({ low: -0.0001, high: 0.05, confidence: 0.95 }), '[0, +0.050]');
    assert.equal(formatInterval({ low: 0, high: 0, confidence: 0.95 }), '[0, 0]');
    assert.equal(formatInterval({ low: -0.1, high: 0.02, confidence: 0.95 }, { fixed: 1, broken: 3, p: 0.625 }), '[-0.10, +0.02] · McNemar p = 0.63');
  });
});

describe('report with paired predictions', () => {
  it('adds a Δ 95% CI column, says within noise, and the header verdict follows', () => {
    // The PR's model differs from main's on one row of 40: every resample without it (≈ 36%) gives Δ = 0.
    const paired = pairedCase('multiclass-classification', 40, { seed: 5 });
    paired.head = { label: paired.base.label!.slice(), probabilities: paired.base.probabilities!.slice() };
    paired.head.label![0] = (paired.base.label![0] + 1) % 3;
    const { comparison, markdown } = report(paired);
    const { header, rows } = tableAfter(markdown, 'metric');
    assert.deepEqual(header, ['metric', 'main', 'PR', 'Δ', 'Δ 95% CI', 'Δ%', 'verdict', 'gate']);
    const accuracy = comparison.rows[0];
    assert.equal(rows[0][4], formatInterval(accuracy.interval!, accuracy.mcnemar));
    assert.deepEqual(
      rows.map((cells) => cells[6]),
      ['within noise', 'within noise'],
    );
    assert.match(
      rows[0][7],
      /^✅ Δ ≥ -0\.01 \(fails only if significant at 95%\): fell by 0\.02, more than the 0\.01 allowed, but not significant at 95% .*: 40 test rows are too few to tell$/,
    );
    assert.match(markdown, /^### model-ci · iris — 〰️ within noise$/m);
    assert.match(markdown, /Intervals: 2000 paired bootstrap resamples of these rows \(seed \d+\); a change whose interval contains 0 is \*within noise\*\./);
  });

  it('without paired predictions the table and the sections are as before', () => {
    const { markdown } = report(undefined);
    assert.deepEqual(tableAfter(markdown, 'metric').header, ['metric', 'main', 'PR', 'Δ', 'Δ%', 'verdict', 'gate']);
    assert.doesNotMatch(markdown, /What changed in the predictions/);
  });

  it('says what changed in the predictions, escaping the PR-controlled class labels and file name', () => {
    const paired = pairedCase('multiclass-classification', 60, { seed: 9, classes: 7 });
    paired.classes = ['<img src=x onerror=alert(1)>', '@acme/admins', '[x](https://evil.example)', '`code`', 'a|b', '<!-- model-ci:other -->', 'ok'];
    paired.file = 'data/<b>@team</b>.csv';
    const { comparison, markdown } = report(paired);
    const c = comparison.predictions!.classification!;
    assert.match(
      markdown,
      new RegExp(`${c.changed} rows changed their predicted class: \\*\\*${c.fixed} fixed\\*\\* \\(main wrong, PR right\\), \\*\\*${c.broken} broken\\*\\*`),
    );
    assert.match(markdown, /same 60 test rows of data\/&lt;b&gt;@&#8203;team&lt;\/b&gt;\.csv \(6 of them not in main's data\)\./);
    // Seven classes: the per-class table folds.
    assert.match(markdown, /<details><summary>Per-class precision and recall \(60 rows\)<\/summary>/);
    const { rows } = tableAfter(markdown, 'class');
    assert.deepEqual(
      rows.map((cells) => cells[0]),
      [
        '&lt;img src=x onerror=alert(1)&gt;',
        '@&#8203;acme/admins',
        '\\[x\\](https://evil.example)',
        '\\`code\\`',
        'a\\|b',
        '&lt;!-- model-ci:other --&gt;',
        'ok',
      ],
    );
    assert.doesNotMatch(markdown, /<img|<!-- model-ci:other|@acme|(?<!\\)\]\(https:\/\/evil/);
  });

  it('lists the broken rows by line, and for a regression the change quantiles and the rows that moved most', () => {
    const binary = report(pairedCase('binary-classification', 80, { seed: 2 })).comparison.predictions!.classification!;
    const { markdown } = report(pairedCase('binary-classification', 80, { seed: 2 }));
    if (binary.broken > 0) assert.match(markdown, new RegExp(`Broken rows, by line: ${binary.brokenLines.join(', ')}`));
    const regression = compareRuns({
      model: 'prices',
      metrics: [{ name: 'rmse', direction: 'lower' }],
      base: { metrics: { rmse: 3 }, params: {}, data: {} },
      head: { metrics: { rmse: 2.9 }, params: {}, data: {} },
      baseline: { kind: 'record', commit: 'a'.repeat(40) },
      paired: pairedCase('regression', 50, { seed: 4 }),
    });
    const text = renderReport({ comparison: regression, head: { backend: 'cpu' } });
    assert.deepEqual(tableAfter(text, 'min').header, ['min', '5%', '25%', 'median', '75%', '95%', 'max']);
    const moved = tableAfter(text, 'line');
    assert.equal(moved.rows.length, 10);
    assert.equal(moved.rows[0][0], String(regression.predictions!.regression!.moved[0].line));
    assert.match(text, /<details><summary>The 10 rows that moved most<\/summary>/);
  });

  it('goes through the fork split: the artifact with intervals and prediction changes validates and renders the same', async () => {
    const { comparison, markdown } = report(pairedCase('multiclass-classification', 40, { seed: 5 }));
    const artifact = { schema: 1, kind: 'report', pr: 3, headSha: 'b'.repeat(40), model: 'iris', report: { comparison, head: { backend: 'cpu' } } };
    const parsed = await parseReportArtifact(JSON.stringify(artifact));
    assert.ok(parsed.kind === 'report');
    assert.equal(renderReport(parsed.report), markdown);
  });
});
