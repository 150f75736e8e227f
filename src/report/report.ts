/** The PR report: one markdown document for the sticky comment and the job summary. */
import { renderPairedLine } from './paired-line.ts';
import type { BaselineSource, Comparison, Verdict } from '../compare/types.ts';
import type { Evaluation, History } from '../domain/run-artifacts.ts';
import { renderConfusionMatrix } from './confusion.ts';
import { renderDataChanges, type DataChangesReport } from './data-changes.ts';
import { renderLearningCurves } from './curves.ts';
import { escapeInline, link } from './escape.ts';
import { formatDuration, plural, shortSha } from './format.ts';
import { renderConfigDiff, renderDataDiff, renderParamsDiff } from './inputs-tables.ts';
import { foldable } from './details.ts';
import { commentMarker } from './marker.ts';
import { renderMetricsTable } from './metrics-table.ts';
import { renderPredictionChanges } from './prediction-changes.ts';
import { renderTrend, type TrendPoint } from './trend.ts';
import { renderReferences, type ReferenceReport } from './references-table.ts';

export interface ReportLinks {
  /** The workflow run that produced the report. */
  run?: string;
  /** The job summary holding the full report (the comment may be truncated). */
  summary?: string;
  /** `https://github.com/<owner>/<repo>`: commits are linked under it. */
  repository?: string;
}

export interface ReportInput {
  comparison: Comparison;
  head: {
    history?: History;
    evaluation?: Evaluation;
    /** Backend that trained this run (`dense`, `cpu`, `wasm`, `tensorflow`, `tensorflow-gpu`). */
    backend: string;
    /** Why the backend is not the one asked for, e.g. a GPU runner without CUDA. */
    backendNotices?: string[];
    trainingMs?: number;
    seed?: number;
    /** Runner name or labels. */
    runner?: string;
  };
  base?: { history?: History; evaluation?: Evaluation; backend?: string };
  /** Main's last records along the base's first-parent history, newest first (bounded by the store). */
  trend?: TrendPoint[];
  /** The reference models scored on the PR's test rows. */
  references?: ReferenceReport;
  /** What changed in the data files against main's. */
  dataChanges?: DataChangesReport;
  links?: ReportLinks;
  /** The branch compared against; `main` unless the PR targets another. */
  baseRef?: string;
}

export const VERDICT_TEXT: Record<Verdict, string> = {
  better: '✅ better',
  worse: '⚠️ worse',
  mixed: '↕️ mixed',
  'within-noise': '〰️ within noise',
  unchanged: '➖ unchanged',
  'gate-failed': '❌ gate failed',
  'no-baseline': '🆕 no baseline',
};

export function renderReport(input: ReportInput): string {
  const { comparison, head, base, links = {} } = input;
  const baseRef = input.baseRef ?? 'main';
  const hasBaseline = comparison.baseline.kind !== 'none';
  const configChanged = (comparison.config?.changes.length ?? 0) > 0;
  const sections = [
    commentMarker(comparison.model),
    `### model-ci · ${escapeInline(comparison.model)} — ${VERDICT_TEXT[comparison.verdict]}${configChanged ? ' · config changed' : ''}`,
    '',
    commitsLine(comparison, baseRef, links.repository),
    baselineLine(comparison.baseline, baseRef, links.repository),
    renderPairedLine(comparison.paired, baseRef),
    failedGatesBlock(comparison),
    backendMismatch(base?.backend, head.backend, baseRef),
    renderMetricsTable(comparison.rows, baseRef, { base: base?.evaluation?.testRows, head: head.evaluation?.testRows }),
    renderReferences(input.references, comparison.rows),
    renderConfigDiff(comparison.config, baseRef),
    hasBaseline
      ? foldable('Params and data', [renderParamsDiff(comparison.params, baseRef, configChanged), renderDataDiff(comparison.data, baseRef)].join('\n\n'))
      : `No baseline to compare params and data against.`,
    renderDataChanges(input.dataChanges, head.evaluation),
    renderPredictionChanges(comparison, baseRef),
    foldable(`Where ${escapeInline(baseRef)} has been`, renderTrend(comparison.rows, input.trend, baseRef)),
    foldable('Learning curves', renderLearningCurves({ base: base?.history, head: head.history, baseLabel: baseRef })),
    foldable('Confusion matrix', renderConfusionMatrix(head.evaluation, base?.evaluation, baseRef)),
    footer(input),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function commitsLine(comparison: Comparison, baseRef: string, repository: string | undefined): string {
  const commit = (sha: string | undefined) => (sha ? link(shortSha(sha), commitUrl(repository, sha)) : 'unknown commit');
  const head = `PR ${commit(comparison.headCommit)}`;
  if (comparison.baseline.kind === 'none') return `Model trained at ${head}.`;
  return `Compared ${escapeInline(baseRef)} ${commit(comparison.baseline.commit)} → ${head}.`;
}

function baselineLine(baseline: BaselineSource, baseRef: string, repository: string | undefined): string {
  const ref = escapeInline(baseRef);
  const commit = baseline.commit ? link(shortSha(baseline.commit), commitUrl(repository, baseline.commit)) : 'unknown commit';
  switch (baseline.kind) {
    case 'record':
      return `Baseline: the record of ${ref}@${commit}.`;
    case 'ancestor':
      return `Baseline: nearest ancestor with a record, ${commit}, ${plural(baseline.behind ?? 0, 'commit')} behind the PR's base.`;
    case 'trained':
      return `Baseline: trained from the base commit ${commit} in this run (it had no record).`;
    case 'none':
      return `No baseline: ${ref} has no recorded model yet, so every metric is new and only gate thresholds are checked.`;
  }
}

function failedGatesBlock(comparison: Comparison): string {
  if (comparison.failedGates.length === 0) return '';
  return [
    `**${plural(comparison.failedGates.length, 'gate')} failed:**`,
    ...comparison.failedGates.map((row) => `- ${escapeInline(row.name)}: ${escapeInline(row.gateReason ?? 'failed')}`),
  ].join('\n');
}

/** Metrics from different backends differ slightly; say so before someone chases noise. */
function backendMismatch(baseBackend: string | undefined, headBackend: string, baseRef: string): string {
  if (!baseBackend || baseBackend === headBackend) return '';
  return `> [!NOTE]\n> ${escapeInline(baseRef)}'s baseline was trained on ${escapeInline(baseBackend)} and this run on ${escapeInline(
    headBackend,
  )}: small differences can come from the backend alone.`;
}

function footer({ head, links = {} }: ReportInput): string {
  const notices = (head.backendNotices ?? []).map((notice) => `> [!WARNING]\n> ${escapeInline(notice)}`);
  const facts = [
    `backend ${escapeInline(head.backend)}`,
    head.runner && `runner ${escapeInline(head.runner)}`,
    head.trainingMs !== undefined && `trained in ${formatDuration(head.trainingMs)}`,
    head.seed !== undefined && `seed ${head.seed}`,
    ...runLinks(links),
  ].filter((fact): fact is string => typeof fact === 'string' && fact !== '');
  return [...notices, `<sub>${facts.join(' · ')}</sub>`].join('\n\n');
}

/** Links to the workflow run and the job summary, those that are known. */
export function runLinks(links: ReportLinks): string[] {
  return [links.run && link('workflow run', links.run), links.summary && link('job summary', links.summary)].filter(
    (text): text is string => typeof text === 'string',
  );
}

/** Commit page under the repository URL, or undefined (then the SHA is shown unlinked). */
export function commitUrl(repository: string | undefined, sha: string): string | undefined {
  if (!repository || !/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  return `${repository.replace(/\/+$/, '')}/commit/${sha}`;
}
