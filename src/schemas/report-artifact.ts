/**
 * The schema of the fork split's report artifact, typed against `ReportArtifactFile`: a field the
 * report types gain that this schema does not follow is a type error. Every string and list is bounded
 * and no unknown field is accepted. The union of a report and an error report is a `oneOf` picked by its
 * `kind` discriminator. What a schema cannot say (an N×N matrix for N classes, the model name being the
 * report's) is checked after it, in `src/action/report-artifact.ts`.
 */
import type { JSONSchemaType } from 'ajv';
import { type PredictionDiff, SHOWN_ROWS } from '../compare/prediction-diff.ts';
import type { BaselineSource, ConfigReview, DataChange, MetricRow, PairedRows } from '../compare/types.ts';
import { REFERENCE_NAMES, type Task } from '../domain/config.ts';
import type { Problem } from '../report/error-report.ts';
import type { DataDiff } from '../changes/data-diff.ts';
import type { DataChangesReport } from '../report/data-changes.ts';
import type { ReferenceReport } from '../report/references-table.ts';
import type { ReportInput } from '../report/report.ts';
import type { TrendPoint } from '../report/trend.ts';
import { MAX_RECENT_RECORDS } from '../domain/record.ts';
import type { Evaluation, History } from '../domain/run-artifacts.ts';
import { optional as opt, sha, str } from './parts.ts';

export const REPORT_ARTIFACT_SCHEMA = 1;

/** The document the fork split hands over (its reader and writer are src/action/report-artifact.ts). */
interface ArtifactBase {
  pr: number;
  headSha: string;
  model: string;
}
/** Links are not carried: the posting run builds them from its own trusted context. */
export type ArtifactReport = Omit<ReportInput, 'links'>;
export type ReportArtifact =
  | (ArtifactBase & { kind: 'report'; report: ArtifactReport; baseRef?: string })
  | (ArtifactBase & { kind: 'error'; title: string; problems: Problem[] });
/** `report.json` as written: the artifact and its schema number. */
export type ReportArtifactFile = ReportArtifact & { schema: typeof REPORT_ARTIFACT_SCHEMA };

const num = { type: 'number' } as const;
const list = <S extends object>(items: S, maxItems: number) => ({ type: 'array', items, maxItems }) as const;
/** A config value: `null` is one (a key set to nothing), so it is nullable for real. */
const scalar = { type: ['string', 'number', 'boolean'], maxLength: 2000, nullable: true } as const;

const history: JSONSchemaType<History> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    epochs: num,
    loss: list(num, 100_000),
    val_loss: opt(list(num, 100_000)),
    stoppedEarlyAt: opt(num),
    bestEpoch: opt(num),
  },
  required: ['epochs', 'loss'],
};
const tasks: Task[] = ['binary-classification', 'multiclass-classification', 'regression'];
const evaluation: JSONSchemaType<Evaluation> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    task: { type: 'string', enum: tasks },
    testRows: num,
    classes: opt(list(str(200), 1000)),
    confusionMatrix: opt(list(list(num, 1000), 1000)),
  },
  required: ['task', 'testRows'],
};
const count = { type: 'integer', minimum: 0 } as const;
const lines = list(count, SHOWN_ROWS);
const predictions: JSONSchemaType<PredictionDiff> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    file: str(1000),
    rows: count,
    newRows: count,
    classification: opt({
      type: 'object',
      additionalProperties: false,
      properties: {
        changed: count,
        fixed: count,
        broken: count,
        brokenLines: lines,
        fixedLines: lines,
        perClass: opt(
          list(
            {
              type: 'object',
              additionalProperties: false,
              properties: {
                label: str(200),
                support: count,
                precision: { type: 'object', additionalProperties: false, properties: { base: num, head: num }, required: ['base', 'head'] },
                recall: { type: 'object', additionalProperties: false, properties: { base: num, head: num }, required: ['base', 'head'] },
              },
              required: ['label', 'support', 'precision', 'recall'],
            },
            1000,
          ),
        ),
      },
      required: ['changed', 'fixed', 'broken', 'brokenLines', 'fixedLines'],
    }),
    regression: opt({
      type: 'object',
      additionalProperties: false,
      properties: {
        changed: count,
        quantiles: list({ type: 'object', additionalProperties: false, properties: { q: num, change: num }, required: ['q', 'change'] }, 20),
        moved: list(
          {
            type: 'object',
            additionalProperties: false,
            properties: { line: count, truth: num, base: num, head: num },
            required: ['line', 'truth', 'base', 'head'],
          },
          SHOWN_ROWS,
        ),
      },
      required: ['changed', 'quantiles', 'moved'],
    }),
  },
  required: ['file', 'rows', 'newRows'],
};
const row: JSONSchemaType<MetricRow> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: str(200),
    direction: { type: 'string', enum: ['higher', 'lower'] },
    base: opt(num),
    head: opt(num),
    delta: opt(num),
    deltaPct: opt(num),
    status: { type: 'string', enum: ['better', 'worse', 'within-noise', 'within-tolerance', 'unchanged', 'new', 'removed'] },
    gate: opt({
      type: 'object',
      additionalProperties: false,
      properties: {
        tolerance: opt(num),
        relative: opt({ type: 'boolean' }),
        threshold: opt(num),
        confidence: opt(num),
        beats: opt(list({ type: 'string', enum: [...REFERENCE_NAMES] }, REFERENCE_NAMES.length)),
      },
      required: [],
    }),
    gatePassed: opt({ type: 'boolean' }),
    gateReason: opt(str(1000)),
    gateNote: opt(str(1000)),
    interval: opt({
      type: 'object',
      additionalProperties: false,
      properties: { low: num, high: num, confidence: num },
      required: ['low', 'high', 'confidence'],
    }),
    mcnemar: opt({
      type: 'object',
      additionalProperties: false,
      properties: { fixed: count, broken: count, p: num },
      required: ['fixed', 'broken', 'p'],
    }),
  },
  required: ['name', 'direction', 'status'],
};
const dataChange: JSONSchemaType<DataChange> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    file: str(1000),
    change: { type: 'string', enum: ['added', 'removed', 'modified', 'unchanged'] },
    baseRows: opt(num),
    headRows: opt(num),
    baseHash: opt(str(100)),
    headHash: opt(str(100)),
  },
  required: ['file', 'change'],
};
const baseline: JSONSchemaType<BaselineSource> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['record', 'ancestor', 'trained', 'none'] },
    commit: opt(sha),
    behind: opt(num),
    note: opt(str(2000)),
  },
  required: ['kind'],
};
const paired: JSONSchemaType<PairedRows> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    unavailable: opt(str(2000)),
    rows: num,
    newRows: num,
    seenInTraining: num,
    file: opt(str(1000)),
    recorded: opt({ type: 'object', required: [], additionalProperties: num, maxProperties: 100 }),
    note: opt(str(2000)),
  },
  required: ['rows', 'newRows', 'seenInTraining'],
};
const config: JSONSchemaType<ConfigReview> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    file: str(1000),
    decidedBy: { type: 'string', enum: ['base', 'pr'] },
    note: opt(str(2000)),
    changes: list(
      {
        type: 'object',
        additionalProperties: false,
        properties: { key: str(500), base: scalar, head: scalar, afterMerge: { type: 'boolean' } },
        required: ['key', 'afterMerge'],
      },
      1000,
    ),
  },
  required: ['file', 'decidedBy', 'changes'],
};
const trendPoint: JSONSchemaType<TrendPoint> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    commit: sha,
    metrics: { type: 'object', required: [], additionalProperties: num, maxProperties: 500, propertyNames: { maxLength: 200 } },
  },
  required: ['commit', 'metrics'],
};
const references: JSONSchemaType<ReferenceReport> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    testRows: num,
    results: list(
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', enum: [...REFERENCE_NAMES] },
          metrics: { type: 'object', additionalProperties: num, propertyNames: { maxLength: 200 }, maxProperties: 100, required: [] },
        },
        required: ['name', 'metrics'],
      },
      REFERENCE_NAMES.length,
    ),
    notes: opt(list(str(500), 10)),
  },
  required: ['testRows', 'results'],
};
/** The diff names at most 10 rows of a kind and 20 classes or features (src/changes/data-diff.ts `SHOWN`); the schema bounds them loosely. */
const SHOWN = 100;
const names = (maxItems: number) => list(str(1000), maxItems);
const diffLines = list(num, SHOWN);
const dataDiff: JSONSchemaType<DataDiff> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    file: str(1000),
    baseRows: num,
    headRows: num,
    columnsAdded: names(10_000),
    columnsRemoved: names(10_000),
    columnsRetyped: list(
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          column: str(1000),
          base: { type: 'string', enum: ['numeric', 'categorical'] },
          head: { type: 'string', enum: ['numeric', 'categorical'] },
        },
        required: ['column', 'base', 'head'],
      },
      10_000,
    ),
    unchangedRows: num,
    addedRows: num,
    removedRows: num,
    modifiedRows: num,
    addedLines: diffLines,
    removedLines: diffLines,
    modified: list(
      {
        type: 'object',
        additionalProperties: false,
        properties: { baseLine: num, headLine: num, columns: names(SHOWN) },
        required: ['baseLine', 'headLine', 'columns'],
      },
      SHOWN,
    ),
    labels: opt(
      list(
        { type: 'object', additionalProperties: false, properties: { label: str(1000), base: num, head: num }, required: ['label', 'base', 'head'] },
        SHOWN * 2,
      ),
    ),
    moreLabels: opt(num),
    shift: list(
      {
        type: 'object',
        additionalProperties: false,
        properties: { column: str(1000), kind: { type: 'string', enum: ['numeric', 'categorical'] }, psi: num },
        required: ['column', 'kind', 'psi'],
      },
      SHOWN * 2,
    ),
  },
  required: [
    'file',
    'baseRows',
    'headRows',
    'columnsAdded',
    'columnsRemoved',
    'columnsRetyped',
    'unchangedRows',
    'addedRows',
    'removedRows',
    'modifiedRows',
    'addedLines',
    'removedLines',
    'modified',
    'shift',
  ],
};
const dataChanges: JSONSchemaType<DataChangesReport> = {
  type: 'object',
  additionalProperties: false,
  properties: { diffs: list(dataDiff, 10), notes: list(str(2000), 10) },
  required: ['diffs', 'notes'],
};
const problem: JSONSchemaType<Problem> = {
  type: 'object',
  additionalProperties: false,
  properties: { message: str(10_000), file: opt(str(1000)), line: opt(num), column: opt(num), field: opt(str(500)) },
  required: ['message'],
};

const common = {
  schema: { type: 'integer', const: REPORT_ARTIFACT_SCHEMA },
  pr: { type: 'integer', minimum: 1, maximum: 2 ** 31 },
  headSha: sha,
  model: str(200),
} as const;

export const reportArtifactSchema: JSONSchemaType<ReportArtifactFile> = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  properties: { kind: { type: 'string', enum: ['report', 'error'] } },
  required: ['kind'],
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...common,
        kind: { type: 'string', const: 'report' },
        report: {
          type: 'object',
          additionalProperties: false,
          properties: {
            comparison: {
              type: 'object',
              additionalProperties: false,
              properties: {
                model: str(200),
                verdict: { type: 'string', enum: ['better', 'worse', 'mixed', 'within-noise', 'unchanged', 'gate-failed', 'no-baseline'] },
                rows: list(row, 500),
                params: list(
                  { type: 'object', additionalProperties: false, properties: { key: str(500), base: scalar, head: scalar }, required: ['key'] },
                  5000,
                ),
                data: list(dataChange, 1000),
                baseline,
                headCommit: opt(sha),
                failedGates: list(row, 500),
                config: opt(config),
                noise: opt({
                  type: 'object',
                  additionalProperties: false,
                  properties: { rows: count, resamples: count, seed: count },
                  required: ['rows', 'resamples', 'seed'],
                }),
                predictions: opt(predictions),
                paired: opt(paired),
              },
              required: ['model', 'verdict', 'rows', 'params', 'data', 'baseline', 'failedGates'],
            },
            head: {
              type: 'object',
              additionalProperties: false,
              properties: {
                history: opt(history),
                evaluation: opt(evaluation),
                backend: str(50),
                backendNotices: opt(list(str(2000), 20)),
                trainingMs: opt(num),
                seed: opt(num),
                runner: opt(str(200)),
              },
              required: ['backend'],
            },
            base: opt({
              type: 'object',
              additionalProperties: false,
              properties: { history: opt(history), evaluation: opt(evaluation), backend: opt(str(50)) },
              required: [],
            }),
            trend: opt(list(trendPoint, MAX_RECENT_RECORDS)),
            baseRef: opt(str(255)),
            references: opt(references),
            dataChanges: opt(dataChanges),
          },
          required: ['comparison', 'head'],
        },
        baseRef: opt(str(255)),
      },
      required: ['schema', 'kind', 'pr', 'headSha', 'model', 'report'],
    },
    {
      type: 'object',
      additionalProperties: false,
      properties: { ...common, kind: { type: 'string', const: 'error' }, title: str(500), problems: list(problem, 50) },
      required: ['schema', 'kind', 'pr', 'headSha', 'model', 'title', 'problems'],
    },
  ],
};
