/** The fork split's artifact is untrusted: exact shape, bounded, never posted as given. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseReportArtifact, readReportArtifact, writeReportArtifact } from '../../src/action/report-artifact.ts';
import { compareRuns } from '../../src/compare/compare.ts';
import type { ReportInput } from '../../src/report/report.ts';
import { UserError } from '../../src/errors.ts';
import { renderReport } from '../../src/report/report.ts';

const sha = 'a'.repeat(40);
const artifact = (overrides: Record<string, unknown> = {}) => ({
  schema: 1,
  kind: 'report',
  pr: 7,
  headSha: sha,
  model: 'breast-cancer',
  report: {
    comparison: {
      model: 'breast-cancer',
      verdict: 'better',
      rows: [{ name: 'accuracy', direction: 'higher', base: 0.9, head: 0.95, delta: 0.05, deltaPct: 5.6, status: 'better' }],
      params: [],
      data: [],
      baseline: { kind: 'record', commit: sha },
      failedGates: [],
    },
    head: { backend: 'wasm' },
  },
  ...overrides,
});

const rejects = (value: unknown, pattern: RegExp) =>
  assert.rejects(
    parseReportArtifact(typeof value === 'string' ? value : JSON.stringify(value)),
    (error: unknown) => error instanceof UserError && pattern.test(error.describe()),
  );

describe('parseReportArtifact', () => {
  test('accepts the artifact mode pr writes', async () => {
    const parsed = await parseReportArtifact(JSON.stringify(artifact()));
    assert.equal(parsed.pr, 7);
    assert.equal(parsed.kind === 'report' && parsed.report.comparison.rows[0].head, 0.95);
  });

  test('refuses anything else, naming the field', async () => {
    await rejects('{"schema": 1,', /report\.json: the report artifact is not JSON/);
    await rejects(artifact({ pr: 0 }), /\/pr/);
    await rejects(artifact({ headSha: 'main' }), /\/headSha/);
    await rejects(artifact({ links: { run: 'https://evil.example' } }), /unexpected field "links"|must match exactly one schema/);
    await rejects(artifact({ schema: 2 }), /schema/);
    await rejects(
      { ...artifact(), report: { ...artifact().report, comparison: { ...artifact().report.comparison, verdict: 'great' } } },
      /verdict|must be equal to one of/,
    );
    await rejects(' '.repeat(2_000_001), /over the 2000000 allowed/);
    await rejects(JSON.stringify(artifact()).replace('"head":0.95', '"head":1e999'), /\/report\/comparison\/rows\/0\/head: must be number/);
    await rejects('"' + 'é'.repeat(1_000_001) + '"', /2000004 bytes, over the 2000000 allowed/);
  });

  test('carries the reference models, bounded: an unknown reference, a text metric or a long metric name is refused', async () => {
    const withReferences = (references: unknown) => ({ ...artifact(), report: { ...artifact().report, references } });
    const good = { testRows: 114, results: [{ name: 'linear', metrics: { accuracy: 0.98 } }] };
    const parsed = await parseReportArtifact(JSON.stringify(withReferences(good)));
    assert.ok(parsed.kind === 'report');
    assert.match(renderReport(parsed.report), /\| accuracy ↑ \| 0\.95 \| \*\*0\.98\*\* ⚠️ \|/);
    await rejects(withReferences({ ...good, results: [{ name: 'oracle', metrics: {} }] }), /references\/results\/0\/name/);
    await rejects(withReferences({ ...good, results: [{ name: 'linear', metrics: { accuracy: 'high' } }] }), /references\/results\/0\/metrics/);
    await rejects(withReferences({ ...good, results: [{ name: 'linear', metrics: { ['x'.repeat(201)]: 1 } }] }), /references\/results\/0\/metrics/);
  });

  test('carries the data changes, bounded, and renders their names escaped', async () => {
    const diff = {
      file: 'data/d.csv',
      baseRows: 10,
      headRows: 2,
      columnsAdded: ['<b>@x</b>'],
      columnsRemoved: [],
      columnsRetyped: [],
      unchangedRows: 2,
      addedRows: 0,
      removedRows: 8,
      modifiedRows: 0,
      addedLines: [],
      removedLines: [4, 5],
      modified: [],
      shift: [],
    };
    const withChanges = (dataChanges: unknown) => ({ ...artifact(), report: { ...artifact().report, dataChanges } });
    const parsed = await parseReportArtifact(JSON.stringify(withChanges({ diffs: [diff], notes: [] })));
    assert.ok(parsed.kind === 'report');
    const markdown = renderReport(parsed.report);
    assert.match(markdown, /- added: &lt;b&gt;@&#8203;x&lt;\/b&gt;/);
    assert.doesNotMatch(markdown, /<b>/);
    await rejects(
      withChanges({ diffs: [{ ...diff, removedLines: Array.from({ length: 101 }, (_, i) => i) }], notes: [] }),
      /dataChanges\/diffs\/0\/removedLines/,
    );
    await rejects(withChanges({ diffs: [{ ...diff, shift: [{ column: 'a', kind: 'numeric', psi: 'high' }] }], notes: [] }), /dataChanges\/diffs\/0\/shift/);
  });

  test('an unexpected field is named by a short excerpt, never echoed whole', async () => {
    const key = `<script>${'k'.repeat(100_000)}`;
    await assert.rejects(parseReportArtifact(JSON.stringify(artifact({ [key]: 1 }))), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.describe(), /unexpected field "<script>k+…"/);
      assert.ok(error.describe().length < 300, `${error.describe().length} characters`);
      return true;
    });
  });

  test("carries the PR's config changes, and escapes them in the comment", async () => {
    const hostileKey = '<img src=x onerror=alert(1)> @org/team';
    const config = { file: 'model-ci.yml', decidedBy: 'base', changes: [{ key: hostileKey, base: 0.01, head: 0.5, afterMerge: true }] };
    const withConfig = artifact();
    Object.assign(withConfig.report.comparison, { config });
    const parsed = await parseReportArtifact(JSON.stringify(withConfig));
    assert.ok(parsed.kind === 'report');
    const markdown = renderReport(parsed.report);
    assert.match(markdown, /\| 0\.01 \| 0\.5 \| \*\*applies after merge\*\* \|$/m);
    assert.doesNotMatch(markdown, /<img|@org\/team/);
    await rejects(
      { ...withConfig, report: { ...withConfig.report, comparison: { ...withConfig.report.comparison, config: { ...config, decidedBy: 'pr-itself' } } } },
      /decidedBy|must be equal to one of/,
    );
  });

  test('hostile text in a valid artifact comes out escaped in the comment', async () => {
    const hostile = artifact();
    hostile.report.comparison.rows[0].name = '</details><img src=x onerror=alert(1)> | @org/team [x](https://evil.example)';
    const parsed = await parseReportArtifact(JSON.stringify(hostile));
    assert.ok(parsed.kind === 'report');
    const markdown = renderReport(parsed.report);
    assert.doesNotMatch(markdown, /<img|<\/details>/);
    assert.doesNotMatch(markdown, /(?<!\\)\]\(https:\/\/evil/, 'no live link: the brackets are escaped');
    assert.doesNotMatch(markdown, /@org\/team/, 'nobody is pinged');
    assert.match(markdown, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});

describe('the fork split renders the report the job summary shows', () => {
  test('every section survives report.json: trend, curves, matrix, precision, config', async () => {
    const commit = (n: number) => String(n).repeat(40).slice(0, 40);
    const report: ReportInput = {
      comparison: compareRuns({
        model: 'breast-cancer',
        metrics: [
          { name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01 } },
          { name: 'log_loss', direction: 'lower' },
        ],
        base: {
          metrics: { accuracy: 101 / 106, log_loss: 0.12 },
          params: { 'train.epochs': 20 },
          data: { 'd.csv': { hash: `sha256:${'a'.repeat(64)}`, rows: 530 } },
        },
        head: {
          metrics: { accuracy: 110 / 114, log_loss: 0.1 },
          params: { 'train.epochs': 30 },
          data: { 'd.csv': { hash: `sha256:${'b'.repeat(64)}`, rows: 569 } },
        },
        baseline: { kind: 'ancestor', commit: commit(1), behind: 2 },
        headCommit: commit(2),
        config: { file: 'model-ci.yml', decidedBy: 'base', changes: [{ key: 'metrics.accuracy.gate.tolerance', base: 0.01, head: 0.5, afterMerge: true }] },
      }),
      head: {
        backend: 'cpu',
        history: { epochs: 3, loss: [0.7, 0.4, 0.3], val_loss: [0.8, 0.5, 0.4] },
        evaluation: {
          task: 'binary-classification',
          testRows: 114,
          classes: ['0', '1'],
          confusionMatrix: [
            [40, 2],
            [2, 70],
          ],
        },
        trainingMs: 1234,
        seed: 7,
      },
      base: { backend: 'cpu', history: { epochs: 2, loss: [0.9, 0.5] }, evaluation: { task: 'binary-classification', testRows: 106 } },
      trend: [3, 4, 5].map((n) => ({ commit: commit(n), metrics: { accuracy: 0.9 + n / 100, log_loss: 0.2 } })),
    };
    const dir = await mkdtemp(join(tmpdir(), 'model-ci-artifact-'));
    try {
      await writeReportArtifact(dir, { kind: 'report', pr: 3, headSha: commit(2), model: 'breast-cancer', report, baseRef: 'develop' });
      const read = await readReportArtifact(dir);
      assert.ok(read.kind === 'report');
      const links = { repository: 'https://github.com/acme/models' };
      const direct = renderReport({ ...report, links, baseRef: 'develop' });
      assert.equal(renderReport({ ...read.report, links, baseRef: read.baseRef }), direct);
      for (const section of [
        'Where develop has been',
        'Learning curves',
        'Params and data',
        '**Confusion matrix**',
        '| accuracy ↑ | 0.953 | 0.965 | +0.012 |',
      ]) {
        assert.ok(direct.includes(section), section);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a trend is bounded like every other list', async () => {
    const trend = Array.from({ length: 21 }, () => ({ commit: sha, metrics: { accuracy: 0.9 } }));
    await rejects({ ...artifact(), report: { ...artifact().report, trend } }, /\/report\/trend: must NOT have more than 20 items/);
    await rejects({ ...artifact(), report: { ...artifact().report, trend: [{ commit: 'main', metrics: {} }] } }, /\/report\/trend\/0\/commit/);
  });
});

describe('readReportArtifact', () => {
  const artifactIn = async (root: string, name: string, write: (file: string) => Promise<void>) => {
    const dir = join(root, name);
    await mkdir(dir);
    await write(join(dir, 'report.json'));
    return dir;
  };
  const refuses = (dir: string, pattern: RegExp) =>
    assert.rejects(readReportArtifact(dir), (error: unknown) => error instanceof UserError && pattern.test(error.describe()));

  test('a symlink is refused, not followed; an oversized file is refused before it is read', async (t) => {
    const root = await mkdtemp(join(tmpdir(), 'model-ci-artifact-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    const elsewhere = join(root, 'elsewhere.json');
    await writeFile(elsewhere, JSON.stringify(artifact()));

    await refuses(await artifactIn(root, 'linked', (file) => symlink(elsewhere, file)), /report\.json is a symbolic link/);
    // Sparse: 3 GB on paper, nothing on disk; reading it whole would exhaust memory first.
    const big = await artifactIn(root, 'big', async (file) => {
      await writeFile(file, '');
      await truncate(file, 3_000_000_000);
    });
    await refuses(big, /3000000000 bytes, over the 2000000 allowed/);
    const plain = await artifactIn(root, 'plain', (file) => writeFile(file, JSON.stringify(artifact())));
    assert.equal((await readReportArtifact(plain)).pr, 7);
  });
});
