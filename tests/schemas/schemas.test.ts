/** Each untrusted document type: its schema accepts a valid document and refuses one wrong field type, naming it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CandidateFile } from '../../src/schemas/candidate.ts';
import type { ReportArtifactFile } from '../../src/action/report-artifact.ts';
import { type BaselineRecord, RECORD_SCHEMA } from '../../src/domain/record.ts';
import { CANDIDATE_SCHEMA, candidateSchema } from '../../src/schemas/candidate.ts';
import { recordSchema } from '../../src/schemas/record.ts';
import { REPORT_ARTIFACT_SCHEMA, reportArtifactSchema } from '../../src/schemas/report-artifact.ts';
import { schemaProblems, validator } from '../../src/schemas/validator.ts';

const sha = 'a'.repeat(40);

const record: BaselineRecord = {
  schema: RECORD_SCHEMA,
  modelCiVersion: '0.1.0',
  model: 'iris',
  commit: sha,
  createdAt: '2025-03-04T05:06:07Z',
  backend: 'wasm',
  metrics: { accuracy: 0.97 },
  params: { 'train.epochs': 30, 'train.earlyStopping': null },
  data: { 'iris.csv': { hash: 'sha256:ff', rows: 150 } },
  inputsHash: 'sha256:1',
  modelHash: 'sha256:2',
  history: { epochs: 2, loss: [0.5, 0.4] },
  evaluation: {
    task: 'multiclass-classification',
    testRows: 30,
    classes: ['a', 'b'],
    confusionMatrix: [
      [1, 0],
      [0, 1],
    ],
  },
};
const report: ReportArtifactFile = {
  schema: REPORT_ARTIFACT_SCHEMA,
  kind: 'report',
  pr: 7,
  headSha: sha,
  model: 'iris',
  report: {
    comparison: {
      model: 'iris',
      verdict: 'better',
      rows: [{ name: 'accuracy', direction: 'higher', base: 0.9, head: 0.95, status: 'better' }],
      params: [{ key: 'train.epochs', base: 10, head: null }],
      data: [],
      baseline: { kind: 'record', commit: sha },
      failedGates: [],
    },
    head: { backend: 'wasm' },
  },
};
const errorReport: ReportArtifactFile = {
  schema: REPORT_ARTIFACT_SCHEMA,
  kind: 'error',
  pr: 7,
  headSha: sha,
  model: 'iris',
  title: 'Could not train',
  problems: [{ message: 'no such file', file: 'data.csv', line: 3 }],
};
const candidate: CandidateFile = {
  schema: CANDIDATE_SCHEMA,
  headSha: sha,
  id: 'c1',
  name: 'lr=0.1',
  params: { 'train.learning_rate': 0.1 },
  backend: 'cpu',
  run: { metrics: { accuracy: 0.9 }, params: { 'train.epochs': 3 }, data: { 'a.csv': { hash: 'sha256:1', rows: 3 } } },
};

/** `document` with the value at `path` replaced. */
function changed(document: object, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

const cases = [
  {
    type: 'baseline record',
    schema: recordSchema,
    valid: record,
    bad: ['history', 'loss', 1],
    value: 'x',
    expected: /^history\.loss\[1\]: expected a finite number, got "x"$/,
  },
  {
    type: 'baseline record (optional field null)',
    schema: recordSchema,
    valid: record,
    bad: ['trainingMs'],
    value: null,
    expected: /^trainingMs: expected a finite number, got null$/,
  },
  {
    type: 'report artifact',
    schema: reportArtifactSchema,
    valid: report,
    bad: ['report', 'comparison', 'rows', 0, 'head'],
    value: '0.95',
    expected: /^report\.comparison\.rows\[0\]\.head: expected number, got "0\.95"$/,
  },
  {
    type: 'error report artifact',
    schema: reportArtifactSchema,
    valid: errorReport,
    bad: ['problems', 0, 'line'],
    value: [3],
    expected: /^problems\[0\]\.line: expected number, got \[3\]$/,
  },
  {
    type: 'sweep candidate',
    schema: candidateSchema,
    valid: candidate,
    bad: ['run', 'data', 'a.csv', 'rows'],
    value: true,
    expected: /^run\.data\.a\.csv\.rows: expected number, got true$/,
  },
] as const;

for (const { type, schema, valid, bad, value, expected } of cases) {
  test(`the ${type} schema accepts a valid document and refuses one wrong field type, naming it`, async () => {
    const validate = await validator(schema as never);
    assert.equal(validate(structuredClone(valid)), true, JSON.stringify(validate.errors));
    const document = changed(valid, [...bad], value);
    assert.equal(validate(document), false);
    const [first, ...rest] = schemaProblems(validate.errors, document);
    assert.match(`${first.path}: ${first.message}`, expected);
    assert.deepEqual(rest, [], 'one wrong field, one problem');
  });
}

test('each schema is compiled once, by one Ajv instance', async () => {
  assert.equal(await validator(recordSchema), await validator(recordSchema));
  const [a, b] = await Promise.all([validator(candidateSchema), validator(candidateSchema)]);
  assert.equal(a, b);
});

test('a problem quotes a long or hostile value as a short escaped excerpt', async () => {
  const validate = await validator(recordSchema);
  const document = { ...record, backend: `${'x'.repeat(5000)}\u202e` };
  assert.equal(validate(document), false);
  const [problem] = schemaProblems(validate.errors, document);
  assert.equal(problem.path, 'backend');
  assert.ok(problem.message.length < 120, problem.message);
  const key = `<b>${'k'.repeat(5000)}`;
  const extra = { ...candidate, [key]: 1 };
  const validateCandidate = await validator(candidateSchema);
  assert.equal(validateCandidate(extra), false);
  const [unexpected] = schemaProblems(validateCandidate.errors, extra);
  assert.ok(unexpected.message.length < 120, unexpected.message);
});
