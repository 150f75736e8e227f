/**
 * The report handed from a fork PR's unprivileged run to the privileged `workflow_run` run that posts it.
 *
 * The privileged side treats the file as hostile: it must be valid JSON of exactly this shape (every
 * string and list bounded, no unknown fields), name the PR and head SHA the `workflow_run` payload names,
 * and it is rendered again by our own escaping renderer — markdown that came in the file is never posted.
 */
import { constants } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { MODEL_NAME } from '../config/load.ts';
import { UserError } from '../errors.ts';
import type { Problem } from '../report/error-report.ts';
import type { ReportInput } from '../report/report.ts';

export const ARTIFACT_FILE = 'report.json';
const SCHEMA_VERSION = 1;

interface ArtifactBase {
  pr: number;
  headSha: string;
  model: string;
}
export type ReportArtifact =
  | (ArtifactBase & { kind: 'report'; report: ReportInput; baseRef?: string })
  | (ArtifactBase & { kind: 'error'; title: string; problems: Problem[] });

/** Writes `report.json` (and `report.md`, for people reading the artifact) into `dir`. */
export async function writeReportArtifact(dir: string, artifact: ReportArtifact, markdown?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ARTIFACT_FILE), `${JSON.stringify({ schema: SCHEMA_VERSION, ...artifact })}\n`);
  if (markdown !== undefined) await writeFile(join(dir, 'report.md'), markdown);
}

/** Reads `report.json` from `dir`: a regular file (not a symlink), its size checked before it is read. */
export async function readReportArtifact(dir: string): Promise<ReportArtifact> {
  const file = join(dir, ARTIFACT_FILE);
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'is a symbolic link, not a file' : 'is missing';
    throw new UserError(`no report artifact: ${ARTIFACT_FILE} ${why} (did the pull_request run upload ${dir}?)`, { file });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UserError(`the report artifact ${ARTIFACT_FILE} is not a regular file`, { file });
    if (stats.size > MAX_BYTES) throw tooLarge(stats.size, file);
    return parseReportArtifact(await handle.readFile('utf8'), file);
  } finally {
    await handle.close();
  }
}

/** Pure: text → a validated artifact, or a UserError naming the first field that is wrong. */
export function parseReportArtifact(text: string, file = ARTIFACT_FILE): ReportArtifact {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) throw tooLarge(bytes, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text: an untrusted file is never echoed, not even a fragment.
    throw new UserError(`the report artifact is not JSON`, { file });
  }
  const validate = validator();
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new UserError(`the report artifact is malformed: ${describe(first)}`, { file, field: first?.instancePath || undefined });
  }
  const { schema: _schema, ...artifact } = value as unknown as ReportArtifact & { schema: number };
  checkConsistent(artifact, file);
  return artifact;
}

/**
 * What the schema does not say (Ajv's `number` already refuses `1e999`, which parses to Infinity): the
 * model name is one model-ci accepts and the same throughout (it picks the sticky comment to replace), and a
 * confusion matrix is N×N for its N classes (the renderer would fail on it).
 */
function checkConsistent(artifact: ReportArtifact, file: string): void {
  if (!MODEL_NAME.test(artifact.model)) {
    throw new UserError(`the report artifact's model name is not one model-ci accepts (lowercase letters and digits joined by single . _ or -)`, {
      file,
      field: '/model',
    });
  }
  if (artifact.kind !== 'report') return;
  if (artifact.report.comparison.model !== artifact.model) {
    throw new UserError(`the report artifact is for model ${artifact.model}, but its report is for another model`, { file, field: '/report/comparison/model' });
  }
  for (const side of ['head', 'base'] as const) {
    const evaluation = artifact.report[side]?.evaluation;
    const matrix = evaluation?.confusionMatrix;
    if (!matrix) continue;
    const at = `/report/${side}/evaluation/confusionMatrix`;
    const n = evaluation.classes?.length;
    if (n === undefined) throw new UserError(`the report artifact is malformed: ${at}: a confusion matrix needs its classes`, { file, field: at });
    if (matrix.length !== n || matrix.some((row) => row.length !== n)) {
      throw new UserError(`the report artifact is malformed: ${at}: must be ${n}×${n} for ${n} classes`, { file, field: at });
    }
    if (matrix.some((row) => row.some((count) => !Number.isSafeInteger(count) || count < 0))) {
      throw new UserError(`the report artifact is malformed: ${at}: counts must be whole numbers, 0 or more`, { file, field: at });
    }
  }
}

const tooLarge = (bytes: number, file: string) => new UserError(`the report artifact is ${bytes} bytes, over the ${MAX_BYTES} allowed`, { file });

const MAX_BYTES = 2_000_000;
const str = (maxLength = 500) => ({ type: 'string', maxLength });
const sha = { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' };
const num = { type: 'number' };
const scalar = { anyOf: [str(2000), num, { type: 'boolean' }, { type: 'null' }] };
const list = (items: object, maxItems: number) => ({ type: 'array', items, maxItems });
const object = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', properties, required, additionalProperties: false });
const direction = { enum: ['higher', 'lower'] };
const history = object({ epochs: num, loss: list(num, 100_000), val_loss: list(num, 100_000), stoppedEarlyAt: num, bestEpoch: num }, ['epochs', 'loss']);
const evaluation = object(
  {
    task: { enum: ['binary-classification', 'multiclass-classification', 'regression'] },
    testRows: num,
    classes: list(str(200), 1000),
    confusionMatrix: list(list(num, 1000), 1000),
  },
  ['task', 'testRows'],
);
const row = object(
  {
    name: str(200),
    direction,
    base: num,
    head: num,
    delta: num,
    deltaPct: num,
    status: { enum: ['better', 'worse', 'within-tolerance', 'unchanged', 'new', 'removed'] },
    gate: object({ tolerance: num, relative: { type: 'boolean' }, threshold: num }),
    gatePassed: { type: 'boolean' },
    gateReason: str(1000),
  },
  ['name', 'direction', 'status'],
);
const comparison = object(
  {
    model: str(200),
    verdict: { enum: ['better', 'worse', 'mixed', 'unchanged', 'gate-failed', 'no-baseline'] },
    rows: list(row, 500),
    params: list(object({ key: str(500), base: scalar, head: scalar }, ['key']), 5000),
    data: list(
      object(
        {
          file: str(1000),
          change: { enum: ['added', 'removed', 'modified', 'unchanged'] },
          baseRows: num,
          headRows: num,
          baseHash: str(100),
          headHash: str(100),
        },
        ['file', 'change'],
      ),
      1000,
    ),
    baseline: object({ kind: { enum: ['record', 'ancestor', 'trained', 'none'] }, commit: sha, behind: num, note: str(2000) }, ['kind']),
    headCommit: sha,
    failedGates: list(row, 500),
    config: object(
      {
        file: str(1000),
        decidedBy: { enum: ['base', 'pr'] },
        note: str(2000),
        changes: list(object({ key: str(500), base: scalar, head: scalar, afterMerge: { type: 'boolean' } }, ['key', 'afterMerge']), 1000),
      },
      ['file', 'decidedBy', 'changes'],
    ),
  },
  ['model', 'verdict', 'rows', 'params', 'data', 'baseline', 'failedGates'],
);
const report = object(
  {
    comparison,
    head: object({ history, evaluation, backend: str(50), backendNotices: list(str(2000), 20), trainingMs: num, seed: num, runner: str(200) }, ['backend']),
    base: object({ history, evaluation, backend: str(50) }),
    // Links are not taken from the artifact: the posting run builds them from its own trusted context.
    baseRef: str(255),
  },
  ['comparison', 'head'],
);
const common = { schema: { const: SCHEMA_VERSION }, pr: { type: 'integer', minimum: 1, maximum: 2 ** 31 }, headSha: sha, model: str(200) };
const artifactSchema = {
  oneOf: [
    object({ ...common, kind: { const: 'report' }, report, baseRef: str(255) }, ['schema', 'kind', 'pr', 'headSha', 'model', 'report']),
    object(
      {
        ...common,
        kind: { const: 'error' },
        title: str(500),
        problems: list(object({ message: str(10_000), file: str(1000), line: num, field: str(500) }, ['message']), 50),
      },
      ['schema', 'kind', 'pr', 'headSha', 'model', 'title', 'problems'],
    ),
  ],
};

// Compiled on first use: writing an artifact (every PR run) must not pay for compiling its reader.
let compiled: ValidateFunction | undefined;
const validator = () => (compiled ??= new Ajv({ allErrors: false, strict: true }).compile(artifactSchema));

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'unknown problem';
  const at = error.instancePath || '(root)';
  if (error.keyword === 'additionalProperties') return `${at}: unexpected field ${JSON.stringify(error.params.additionalProperty)}`;
  return `${at}: ${error.message ?? error.keyword}`;
}
