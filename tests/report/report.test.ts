import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareRuns, type CompareInput } from '../../src/compare/compare.ts';
import type { BaselineSource } from '../../src/compare/types.ts';
import { renderReport, type ReportInput } from '../../src/report/report.ts';
import { tableAfter } from './parse.ts';

const HEAD_SHA = 'abc1234'.padEnd(40, '0');
const BASE_SHA = 'def5678'.padEnd(40, '1');

function comparison(overrides: Partial<CompareInput> = {}) {
  return compareRuns({
    model: 'breast-cancer',
    metrics: [
      { name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01, threshold: 0.9 } },
      { name: 'log_loss', direction: 'lower', gate: { tolerance: 0.1, relative: true } },
      { name: 'f1', direction: 'higher' },
    ],
    base: {
      metrics: { accuracy: 0.9561, log_loss: 0.12, f1: 0.96, roc_auc: 0.99 },
      params: { 'train.epochs': 50, 'train.optimizer': 'adam' },
      data: { 'data/train.csv': { hash: `sha256:${'ab'.repeat(32)}`, rows: 569 } },
    },
    head: {
      metrics: { accuracy: 0.9473, log_loss: 0.1, f1: 0.965 },
      params: { 'train.epochs': 80, 'train.optimizer': 'adam' },
      data: { 'data/train.csv': { hash: `sha256:${'cd'.repeat(32)}`, rows: 600 } },
    },
    baseline: { kind: 'record', commit: BASE_SHA },
    headCommit: HEAD_SHA,
    ...overrides,
  });
}

function render(overrides: Partial<ReportInput> = {}): string {
  return renderReport({ comparison: comparison(), head: { backend: 'cpu' }, ...overrides });
}

describe('renderReport header', () => {
  it('starts with the hidden marker, then the model, the verdict and both commits', () => {
    const lines = render({ links: { repository: 'https://github.com/acme/models' } }).split('\n');
    assert.equal(lines[0], '<!-- model-ci:breast-cancer -->');
    const header = lines.find((line) => line.startsWith('### '));
    assert.equal(header, '### model-ci · breast-cancer — ✅ better');
    const commits = lines.find((line) => line.startsWith('Compared '));
    assert.equal(
      commits,
      `Compared main [\`def5678\`](https://github.com/acme/models/commit/${BASE_SHA}) → PR [\`abc1234\`](https://github.com/acme/models/commit/${HEAD_SHA}).`,
    );
  });

  const sources: [BaselineSource, RegExp][] = [
    [{ kind: 'record', commit: BASE_SHA }, /^Baseline: the record of main@`def5678`\.$/m],
    [{ kind: 'ancestor', commit: BASE_SHA, behind: 3 }, /^Baseline: nearest ancestor with a record, `def5678`, 3 commits behind the PR's base\.$/m],
    [{ kind: 'ancestor', commit: BASE_SHA, behind: 1 }, /, 1 commit behind/],
    [{ kind: 'trained', commit: BASE_SHA }, /^Baseline: trained from the base commit `def5678` in this run/m],
  ];
  for (const [baseline, expected] of sources) {
    it(`says where a ${baseline.kind} baseline came from`, () => {
      assert.match(render({ comparison: comparison({ baseline }) }), expected);
    });
  }

  it('says when there is no baseline and skips the input diffs', () => {
    const markdown = render({ comparison: comparison({ base: undefined, baseline: { kind: 'none' } }) });
    assert.match(markdown, /— 🆕 no baseline$/m);
    assert.match(markdown, /^No baseline: main has no recorded model yet/m);
    assert.match(markdown, /^Model trained at PR `abc1234`\.$/m);
    assert.match(markdown, /^No baseline to compare params and data against\.$/m);
    assert.doesNotMatch(markdown, /\*\*Params\*\*/);
  });

  it('lists failed gates under the header', () => {
    const failed = comparison({
      head: { metrics: { accuracy: 0.85, log_loss: 0.1, f1: 0.9 }, params: {}, data: {} },
    });
    const markdown = render({ comparison: failed });
    assert.match(markdown, /— ❌ gate failed$/m);
    assert.match(markdown, /^\*\*1 gate failed:\*\*\n- accuracy: fell by 0\.1061, more than the 0\.01 allowed; 0\.85 is below the minimum 0\.9$/m);
  });

  it('uses the branch the PR targets when it is not main', () => {
    const markdown = render({ baseRef: 'develop' });
    assert.match(markdown, /^Compared develop /m);
    assert.deepEqual(tableAfter(markdown, 'metric').header.slice(0, 3), ['metric', 'develop', 'PR']);
  });
});

describe('renderReport metrics table', () => {
  it('has one row per metric with values, signed deltas, percentages, verdicts and gates', () => {
    const { header, rows } = tableAfter(render(), 'metric');
    assert.deepEqual(header, ['metric', 'main', 'PR', 'Δ', 'Δ%', 'verdict', 'gate']);
    assert.deepEqual(rows, [
      ['accuracy ↑', '0.9561', '0.9473', '-0.0088', '-0.9%', 'within tolerance', '✅ Δ ≥ -0.01, ≥ 0.9'],
      ['log\\_loss ↓', '0.12', '0.1', '-0.02', '-16.7%', 'better', '✅ Δ ≤ +10%'],
      ['f1 ↑', '0.96', '0.965', '+0.005', '+0.5%', 'better', ''],
      ['roc\\_auc ↑', '0.99', '—', '—', '—', '**removed**', ''],
    ]);
  });

  it('shows shares of test rows to the precision the rows support, the change no more precise than the values', () => {
    const evaluation = (testRows: number) => ({ task: 'binary-classification' as const, testRows });
    const { rows } = tableAfter(render({ head: { backend: 'cpu', evaluation: evaluation(114) }, base: { evaluation: evaluation(106) } }), 'metric');
    assert.deepEqual(
      rows.map((row) => row.slice(0, 4)),
      [
        ['accuracy ↑', '0.956', '0.947', '-0.009'],
        ['log\\_loss ↓', '0.12', '0.1', '-0.02'],
        ['f1 ↑', '0.960', '0.965', '+0.005'],
        ['roc\\_auc ↑', '0.99', '—', '—'],
      ],
    );
  });

  it('shows a failed gate with its reason, and new metrics without a baseline', () => {
    const failed = comparison({ head: { metrics: { log_loss: 0.2, f1: 0.9, brier: 0.05 }, params: {}, data: {} } });
    const { rows } = tableAfter(render({ comparison: failed }), 'metric');
    const byName = Object.fromEntries(rows.map((row) => [row[0], row]));
    assert.deepEqual(byName['accuracy ↑'], ['accuracy ↑', '0.9561', '—', '—', '—', '**removed**', '❌ missing from this run (main: 0.9561)']);
    assert.equal(byName['log\\_loss ↓'][6], '❌ rose by 0.08 (66.67% of main), more than the 10% allowed');
    assert.deepEqual(byName['brier ↑'].slice(1, 6), ['—', '0.05', '—', '—', 'new']);
  });

  it('does not tick a tolerance gate it could not check', () => {
    const noBase = comparison({ base: undefined, baseline: { kind: 'none' } });
    const { rows } = tableAfter(render({ comparison: noBase }), 'metric');
    assert.equal(rows[0][6], '✅ Δ ≥ -0.01, ≥ 0.9');
    assert.equal(rows[1][6], 'not checked (no baseline for Δ ≤ +10%)');
  });
});

describe('renderReport inputs', () => {
  it('tables changed params and data files', () => {
    const markdown = render();
    assert.match(markdown, /^\*\*Params\*\* \(1 key changed\)$/m);
    assert.deepEqual(tableAfter(markdown, 'param').rows, [['train.epochs', '50', '80']]);
    assert.match(markdown, /^\*\*Data\*\* \(1 file changed\)$/m);
    assert.deepEqual(tableAfter(markdown, 'file').rows, [['data/train.csv', '**modified**', '569 → 600', '`abababab` → `cdcdcdcd`']]);
  });

  it('says so in one line when nothing changed', () => {
    const same = comparison({
      head: {
        metrics: { accuracy: 0.9561, log_loss: 0.12, f1: 0.96 },
        params: { 'train.epochs': 50, 'train.optimizer': 'adam' },
        data: { 'data/train.csv': { hash: `sha256:${'ab'.repeat(32)}`, rows: 569 } },
      },
    });
    const markdown = render({ comparison: same });
    assert.match(markdown, /^No params changed\.$/m);
    assert.match(markdown, /^No data files changed\.$/m);
    assert.doesNotMatch(markdown, /^\| param/m);
  });

  it('shows a config change as a proposal: every changed key, the judging ones applying after merge', () => {
    const sameInputs = {
      metrics: { accuracy: 0.96, log_loss: 0.12, f1: 0.96 },
      params: { 'train.epochs': 50, 'train.optimizer': 'adam' },
      data: { 'data/train.csv': { hash: `sha256:${'ab'.repeat(32)}`, rows: 569 } },
    };
    const changes = [
      { key: 'backend', base: 'auto', head: 'wasm', afterMerge: false },
      { key: 'data.split.seed', base: 42, head: 7, afterMerge: true },
      { key: 'metrics.accuracy.gate.tolerance', base: 0.01, head: 0.5, afterMerge: true },
    ];
    const markdown = render({ comparison: comparison({ head: sameInputs, config: { file: 'model-ci.yml', decidedBy: 'base', changes } }) });
    assert.match(markdown, /^### model-ci · breast-cancer — ✅ better · config changed$/m);
    assert.match(
      markdown,
      /^\*\*Config\*\* \(model-ci\.yml, 3 keys changed\) Gates, metrics and the split are main's: this PR's changes to them apply after merge\.$/m,
    );
    assert.deepEqual(tableAfter(markdown, 'key').rows, [
      ['backend', 'auto', 'wasm', 'applies now'],
      ['data.split.seed', '42', '7', '**applies after merge**'],
      ['metrics.accuracy.gate.tolerance', '0.01', '0.5', '**applies after merge**'],
    ]);
    assert.match(markdown, /^No params changed \(model-ci\.yml did: see \*\*Config\*\*\)\.$/m, 'never "no params changed" alone when the config changed');
    assert.doesNotMatch(markdown, /^No params changed\.$/m);
  });

  it("says when the PR's own config applies, and shows no Config section for an unchanged config", () => {
    const introduced = render({
      comparison: comparison({
        config: {
          file: 'model-ci.yml',
          decidedBy: 'pr',
          note: "the base commit abc1234 has no model-ci.yml (this PR introduces the model): this PR's config applies",
          changes: [],
        },
      }),
    });
    assert.match(
      introduced,
      /^\*\*Config\*\* \(model-ci\.yml\): The base commit abc1234 has no model-ci\.yml \(this PR introduces the model\): this PR's config applies\.$/m,
    );
    const unchanged = render({ comparison: comparison({ config: { file: 'model-ci.yml', decidedBy: 'base', changes: [] } }) });
    assert.doesNotMatch(unchanged, /\*\*Config\*\*|config changed/);
  });

  it('quotes string params that would read as another type', () => {
    const typed = comparison({
      head: {
        metrics: { accuracy: 0.95, log_loss: 0.12, f1: 0.96 },
        params: { 'train.epochs': '50', 'train.optimizer': 'adam', flag: null },
        data: {},
      },
    });
    const { rows } = tableAfter(render({ comparison: typed }), 'param');
    assert.deepEqual(rows, [
      ['flag', '—', 'null'],
      ['train.epochs', '50', '"50"'],
    ]);
  });
});

describe('renderReport confusion matrix and footer', () => {
  it('tables actual × predicted with changes against main and escaped labels', () => {
    const markdown = render({
      head: {
        backend: 'cpu',
        evaluation: {
          task: 'multiclass-classification',
          testRows: 30,
          classes: ['setosa', 'versi|color', '<b>x'],
          confusionMatrix: [
            [10, 0, 0],
            [0, 9, 1],
            [0, 2, 8],
          ],
        },
      },
      base: {
        evaluation: {
          task: 'multiclass-classification',
          testRows: 30,
          classes: ['setosa', 'versi|color', '<b>x'],
          confusionMatrix: [
            [10, 0, 0],
            [0, 8, 2],
            [0, 2, 8],
          ],
        },
      },
    });
    const { header, rows } = tableAfter(markdown, 'actual ↓ / predicted →');
    assert.deepEqual(header, ['actual ↓ / predicted →', 'setosa', 'versi\\|color', '&lt;b&gt;x']);
    assert.deepEqual(rows, [
      ['**setosa**', '**10**', '0', '0'],
      ['**versi\\|color**', '0', '**9 (+1)**', '1 (-1)'],
      ['**&lt;b&gt;x**', '0', '2', '**8**'],
    ]);
    assert.match(markdown, /changes against main in parentheses/);
  });

  it('has no matrix for regression', () => {
    assert.doesNotMatch(render({ head: { backend: 'cpu', evaluation: { task: 'regression', testRows: 30 } } }), /Confusion matrix/);
  });

  it('ends with backend, notices, runner, time, seed and links', () => {
    const markdown = render({
      head: {
        backend: 'cpu',
        backendNotices: ['tensorflow-gpu was asked for but CUDA is missing; fell back to cpu'],
        runner: 'gpu-runner-1',
        trainingMs: 125_000,
        seed: 42,
      },
      base: { backend: 'tensorflow' },
      links: { run: 'https://github.com/o/r/actions/runs/9', summary: 'https://github.com/o/r/actions/runs/9#summary' },
    });
    const lines = markdown.trimEnd().split('\n');
    assert.equal(
      lines.at(-1),
      '<sub>backend cpu · runner gpu-runner-1 · trained in 2 min 05 s · seed 42 · [workflow run](https://github.com/o/r/actions/runs/9) · [job summary](https://github.com/o/r/actions/runs/9#summary)</sub>',
    );
    assert.match(markdown, /^> \[!WARNING\]\n> tensorflow-gpu was asked for but CUDA is missing; fell back to cpu$/m);
    assert.match(markdown, /^> main's baseline was trained on tensorflow and this run on cpu/m);
  });
});

describe('renderReport escaping', () => {
  it('keeps injected metric names, params, files and notices inert', () => {
    const evil = '</details><img src=x onerror=alert(1)>';
    const hostile = compareRuns({
      model: 'm',
      metrics: [],
      base: { metrics: { [evil]: 1, '| x |': 1 }, params: { '@org/team': 1 }, data: { 'a\nb.csv': { hash: 'sha256:aa', rows: 1 } } },
      head: { metrics: { [evil]: 2, '| x |': 1 }, params: { '@org/team': '[x](javascript:alert(1))' }, data: {} },
      baseline: { kind: 'record', commit: BASE_SHA },
    });
    const markdown = renderReport({ comparison: hostile, head: { backend: 'cpu', backendNotices: ['<!-- hidden --> @admin'] } });
    // Our own folds are whole lines of fixed text; anything else that reads as a tag came from outside.
    const ours = /^(?:<details><summary>[A-Za-z ]+<\/summary>|<\/details>)$/gm;
    assert.equal(markdown.match(/^<details>/gm)?.length, markdown.match(/^<\/details>$/gm)?.length, 'every fold closed');
    assert.doesNotMatch(markdown.replace(ours, ''), /<img|<\/?details>|<!-- hidden|@admin|@org|[^\\]\]\(javascript/);
    const { rows } = tableAfter(markdown, 'metric');
    assert.equal(rows.length, 2, 'a pipe in a name must not add columns or rows');
    assert.ok(rows.every((row) => row.length === 7));
    assert.deepEqual(
      rows.map((row) => row[0]),
      ['&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt; ↑', '\\| x \\| ↑'],
    );
    assert.deepEqual(tableAfter(markdown, 'file').rows[0].slice(0, 2), ['a b.csv', '**removed**']);
    // The only HTML comment is our marker on the first line.
    assert.equal(markdown.match(/<!--/g)?.length, 1);
  });
});
