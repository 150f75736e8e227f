/** The sweep report: every candidate against main in one table, naming the best. */
import type { Candidate, Ranking } from '../compare/candidates.ts';
import { formatNumber, formatSigned } from '../compare/numbers.ts';
import type { MetricRow } from '../compare/types.ts';
import { escapeCell, escapeInline } from './escape.ts';
import { formatScalar } from './format.ts';
import { commentMarker } from './marker.ts';
import { runLinks, VERDICT_TEXT, type ReportLinks } from './report.ts';
import { table } from './markdown-table.ts';

export interface CandidatesInput {
  model: string;
  ranking: Ranking;
  /** Metric columns, in order: the configured metrics (the first decides the ranking). */
  metrics: readonly string[];
  baseRef?: string;
  links?: ReportLinks;
}

export function renderCandidates({ model, ranking, metrics, baseRef = 'main', links = {} }: CandidatesInput): string {
  const { ranked, best } = ranking;
  const ref = escapeCell(baseRef);
  const baseRow = mainRow(ranked, metrics);
  const rows = ranked.map((candidate) => [
    candidate === best ? `**${escapeCell(candidate.name)}** (best)` : escapeCell(candidate.name),
    paramsText(candidate),
    ...metrics.map((name) => valueCell(candidate.comparison.rows.find((row) => row.name === name))),
    VERDICT_TEXT[candidate.comparison.verdict],
  ]);
  const summary = best
    ? `Best: **${escapeInline(best.name)}** — ${VERDICT_TEXT[best.comparison.verdict]} against ${escapeInline(baseRef)}.`
    : `No candidate passes its gates: none should be promoted.`;
  const footer = runLinks(links);
  return (
    [
      commentMarker(model),
      `### model-ci · ${escapeInline(model)} — sweep of ${ranked.length} candidates`,
      summary,
      table(
        ['candidate', 'params', ...metrics.map(escapeCell), 'verdict'],
        [...(baseRow ? [[ref, '—', ...baseRow, '']] : []), ...rows],
        ['l', 'l', ...metrics.map(() => 'r'), 'l'],
      ),
      "Values are each candidate's, with the change against " + escapeInline(baseRef) + ' in parentheses; candidates failing a gate rank last.',
      ...(footer.length > 0 ? [`<sub>${footer.join(' · ')}</sub>`] : []),
    ].join('\n\n') + '\n'
  );
}

/** Main's values, read from the first candidate that has a baseline row for each metric. */
function mainRow(candidates: readonly Candidate[], metrics: readonly string[]): string[] | undefined {
  const values = metrics.map((name) => {
    for (const candidate of candidates) {
      const base = candidate.comparison.rows.find((row) => row.name === name)?.base;
      if (base !== undefined) return formatNumber(base);
    }
    return '—';
  });
  return values.every((value) => value === '—') ? undefined : values;
}

function valueCell(row: MetricRow | undefined): string {
  if (row?.head === undefined) return '—';
  const value = row.delta === undefined ? formatNumber(row.head) : `${formatNumber(row.head)} (${formatSigned(row.delta)})`;
  return row.gatePassed === false ? `❌ ${value}` : value;
}

function paramsText(candidate: Candidate): string {
  return Object.keys(candidate.params)
    .sort()
    .map((key) => `${escapeCell(key)}=${formatScalar(candidate.params[key])}`)
    .join(', ');
}
