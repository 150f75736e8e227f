/** Pure: what a deploy did, for the job summary. */
import { escapeInline } from './escape.ts';
import { renderMetricsTable } from './metrics-table.ts';
import type { Comparison } from '../compare/types.ts';

export interface DeploySummaryInput {
  model: string;
  comparison: Comparison;
  image: string;
  tags: string[];
  digest?: string;
  backend: string;
  recorded: boolean;
  /** The commit whose model and image were reused because the inputs were unchanged. */
  reusedFrom?: string;
}

export function renderDeploySummary(input: DeploySummaryInput): string {
  const { comparison } = input;
  const gates = comparison.failedGates.length === 0 ? 'passed' : `failed: ${comparison.failedGates.map((row) => escapeInline(row.name)).join(', ')}`;
  return [
    `### model-ci · ${escapeInline(input.model)} — deployed`,
    '',
    `- image: \`${input.image}\`${input.digest ? ` at \`${input.digest}\`` : ' (built, not pushed)'}`,
    `- tags: ${input.tags.map((tag) => `\`${tag.slice(tag.lastIndexOf(':') + 1)}\``).join(', ')}`,
    `- gates: ${gates}${comparison.failedGates.length > 0 ? ' — `latest` was not moved' : ''}`,
    `- backend: ${escapeInline(input.backend)}`,
    ...(input.reusedFrom
      ? [`- model: unchanged inputs since \`${input.reusedFrom.slice(0, 7)}\`: its model and image were reused, nothing was retrained`]
      : []),
    `- baseline: ${input.recorded ? 'recorded for this commit' : 'not recorded (not the default branch)'}`,
    '',
    renderMetricsTable(comparison.rows, 'previous'),
    '',
  ].join('\n');
}
