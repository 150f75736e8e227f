/**
 * The report handed from a fork PR's unprivileged run to the privileged `workflow_run` run that posts it.
 *
 * The privileged side treats the file as hostile: it must be valid JSON of exactly this shape (every
 * string and list bounded, no unknown fields), name the PR and head SHA the `workflow_run` payload names,
 * and it is rendered again by our own escaping renderer — markdown that came in the file is never posted.
 */
import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { MODEL_NAME } from '../domain/record.ts';
import { quote, UserError } from '../errors.ts';
import { REPORT_ARTIFACT_SCHEMA, type ReportArtifact, reportArtifactSchema } from '../schemas/report-artifact.ts';
import { validator } from '../schemas/validator.ts';

export const ARTIFACT_FILE = 'report.json';

export type { ArtifactReport, ReportArtifact, ReportArtifactFile } from '../schemas/report-artifact.ts';

/** Writes `report.json` (and `report.md`, for people reading the artifact) into `dir`. */
export async function writeReportArtifact(dir: string, artifact: ReportArtifact, markdown?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ARTIFACT_FILE), `${JSON.stringify({ schema: REPORT_ARTIFACT_SCHEMA, ...artifact })}\n`);
  if (markdown !== undefined) await writeFile(join(dir, 'report.md'), markdown);
}

/** Reads `report.json` from `dir`: a regular file (not a symlink), its size checked before it is read. */
export async function readReportArtifact(dir: string): Promise<ReportArtifact> {
  const file = join(dir, ARTIFACT_FILE);
  let handle: FileHandle;
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
    return await parseReportArtifact(await handle.readFile('utf8'), file);
  } finally {
    await handle.close();
  }
}

/** Text → a validated artifact, or a UserError naming the first field that is wrong. */
export async function parseReportArtifact(text: string, file = ARTIFACT_FILE): Promise<ReportArtifact> {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) throw tooLarge(bytes, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text: an untrusted file is never echoed, not even a fragment.
    throw new UserError(`the report artifact is not JSON`, { file });
  }
  const validate = await validator(reportArtifactSchema);
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new UserError(`the report artifact is malformed: ${describe(first)}`, { file, field: first?.instancePath || undefined });
  }
  const { schema: _schema, ...artifact } = value;
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
function describe(error: ErrorObject | undefined): string {
  if (!error) return 'unknown problem';
  const at = error.instancePath || '(root)';
  if (error.keyword === 'additionalProperties') return `${at}: unexpected field ${quote(String(error.params.additionalProperty))}`;
  return `${at}: ${error.message ?? error.keyword}`;
}
