/** The fork split's artifact is untrusted: exact shape, bounded, never posted as given. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseReportArtifact } from '../../src/action/report-artifact.ts';
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
  assert.throws(
    () => parseReportArtifact(typeof value === 'string' ? value : JSON.stringify(value)),
    (error: unknown) => error instanceof UserError && pattern.test(error.describe()),
  );

describe('parseReportArtifact', () => {
  test('accepts the artifact mode pr writes', () => {
    const parsed = parseReportArtifact(JSON.stringify(artifact()));
    assert.equal(parsed.pr, 7);
    assert.equal(parsed.kind === 'report' && parsed.report.comparison.rows[0].head, 0.95);
  });

  test('refuses anything else, naming the field', () => {
    rejects('{"schema": 1,', /report\.json: the report artifact is not JSON/);
    rejects(artifact({ pr: 0 }), /\/pr/);
    rejects(artifact({ headSha: 'main' }), /\/headSha/);
    rejects(artifact({ links: { run: 'https://evil.example' } }), /unexpected field "links"|must match exactly one schema/);
    rejects(artifact({ schema: 2 }), /schema/);
    rejects({ ...artifact(), report: { ...artifact().report, comparison: { ...artifact().report.comparison, verdict: 'great' } } }, /verdict|must be equal to one of/);
    rejects(' '.repeat(2_000_001), /over the 2000000 allowed/);
    rejects(JSON.stringify(artifact()).replace('"head":0.95', '"head":1e999'), /\/report\/comparison\/rows\/0\/head: must be number/);
    rejects('"' + 'é'.repeat(1_000_001) + '"', /2000004 bytes, over the 2000000 allowed/);
  });

  test('hostile text in a valid artifact comes out escaped in the comment', () => {
    const hostile = artifact();
    hostile.report.comparison.rows[0].name = '</details><img src=x onerror=alert(1)> | @org/team [x](https://evil.example)';
    const parsed = parseReportArtifact(JSON.stringify(hostile));
    assert.ok(parsed.kind === 'report');
    const markdown = renderReport(parsed.report);
    assert.doesNotMatch(markdown, /<img|<\/details>/);
    assert.doesNotMatch(markdown, /(?<!\\)\]\(https:\/\/evil/, 'no live link: the brackets are escaped');
    assert.doesNotMatch(markdown, /@org\/team/, 'nobody is pinged');
    assert.match(markdown, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});
