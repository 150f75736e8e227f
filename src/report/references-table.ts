/**
 * "Baselines any model must beat": the reference models (src/reference/) beside the PR's model, each
 * scored on the same test rows, in a collapsed section whose summary says which ones the PR beats.
 */
import { beatsReference } from '../compare/beats-gate.ts';
import { formatNumber } from '../compare/numbers.ts';
import type { MetricRow } from '../compare/types.ts';
import type { ReferenceName } from '../domain/config.ts';
import { escapeCell, escapeInline } from './escape.ts';
import { plural } from './format.ts';
import { table } from './markdown-table.ts';

/** What the report carries of the reference models (and the fork split's report.json, schema-checked). */
export interface ReferenceReport {
  /** The test rows every reference and the PR's model were scored on. */
  testRows: number;
  results: { name: ReferenceName; metrics: Record<string, number> }[];
  /** Why a reference is missing. */
  notes?: string[];
}

const DESCRIPTIONS: Record<ReferenceName, string> = {
  majority: 'always the most frequent training class (probabilities: the training class shares)',
  prior: 'a class drawn per row with the training class shares, seeded',
  mean: 'always the training mean',
  linear: 'logistic regression (multinomial for multiclass; least squares for regression) on the same encoded inputs, fitted by model-ci',
};

export function renderReferences(references: ReferenceReport | undefined, rows: readonly MetricRow[]): string {
  if (!references || references.results.length === 0) return '';
  const shown = rows.filter((row) => row.head !== undefined && references.results.some((result) => row.name in result.metrics));
  if (shown.length === 0) return '';
  const notBeaten = new Map<string, string[]>();
  const cells = shown.map((row) => [
    `${escapeCell(row.name)} ${row.direction === 'higher' ? '↑' : '↓'}`,
    formatNumber(row.head!),
    ...references.results.map((result) => {
      const value = result.metrics[row.name];
      if (value === undefined) return '—';
      if (beatsReference(row.direction, row.head!, value)) return formatNumber(value);
      notBeaten.set(result.name, [...(notBeaten.get(result.name) ?? []), row.name]);
      return `**${formatNumber(value)}** ⚠️`;
    }),
  ]);
  const beaten = references.results.map((result) => result.name).filter((name) => !notBeaten.has(name));
  const misses = [...notBeaten].map(([name, metrics]) => `not ${name} (${metrics.map(escapeInline).join(', ')})`);
  const summary = `Reference models: the PR beats ${beaten.length > 0 ? beaten.join(', ') : 'none of them'}${misses.length > 0 ? `; ${misses.join('; ')}` : ''}`;
  return [
    `<details${misses.length > 0 ? ' open' : ''}><summary>${summary}</summary>`,
    '',
    `Every model scored on the same ${plural(references.testRows, 'test row')}; ⚠️ marks a reference the PR does not beat. A gate can require it: \`gate: { beats: [majority, linear] }\`.`,
    '',
    table(['metric', 'PR', ...references.results.map((result) => result.name)], cells, ['l', 'r', ...references.results.map(() => 'r')]),
    '',
    ...references.results.map((result) => `- **${result.name}**: ${DESCRIPTIONS[result.name]}`),
    ...(references.notes ?? []).map((note) => `- ${escapeInline(note)}`),
    '',
    '</details>',
  ].join('\n');
}
