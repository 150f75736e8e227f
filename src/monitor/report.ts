/** Drift results → the text a terminal shows and the markdown of the job summary and the issue (pure). */
import { escapeCell } from '../report/escape.ts';
import type { DriftThresholds, FeatureDrift } from './drift.ts';
import type { ServedModel } from './server-metrics.ts';

export interface DriftReport {
  source: string;
  model?: ServedModel;
  features: FeatureDrift[];
  prediction?: FeatureDrift;
  thresholds: DriftThresholds;
  drifted: string[];
  maxPsi: number;
}

const STATUS: Record<FeatureDrift['status'], string> = { stable: 'stable', moderate: 'moderate shift', drift: 'DRIFT', 'too-few-inputs': 'too few inputs' };

function psi(value: number): string {
  return value.toFixed(3);
}

function headline(report: DriftReport): string {
  const model = report.model ? `${report.model.name} (version ${report.model.version})` : 'the model';
  const verdict =
    report.drifted.length > 0
      ? `${report.drifted.length} of ${report.features.length} features drifted`
      : `no feature drifted (${report.features.length} checked)`;
  return `drift of ${model}: ${verdict}; max PSI ${psi(report.maxPsi)} (drift at ≥ ${report.thresholds.drift}, moderate at ≥ ${report.thresholds.moderate})`;
}

/** Plain text; names are printed with control characters removed. */
export function driftText(report: DriftReport): string {
  const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
  const rows = [['feature', 'inputs', 'PSI', 'status', 'out of range', 'unseen']];
  for (const f of [...report.features, ...(report.prediction ? [report.prediction] : [])]) {
    rows.push([clean(f.name), String(f.inputs), psi(f.psi), STATUS[f.status], String(f.outOfRange), String(f.unseen)]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const table = rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd()).join('\n');
  return `${headline(report)}\n${table}\n`;
}

export function driftMarkdown(report: DriftReport): string {
  const lines = [
    `### ${report.drifted.length > 0 ? '⚠️' : '✅'} ${escapeCell(headline(report))}`,
    '',
    `Inputs counted by the model server (source: ${escapeCell(report.source)}) against the training split's drift bins (population stability index).`,
    '',
    '| feature | inputs | PSI | status | out of training range | unseen categories |',
    '| --- | ---: | ---: | --- | ---: | ---: |',
  ];
  for (const f of [...report.features, ...(report.prediction ? [report.prediction] : [])]) {
    lines.push(`| ${escapeCell(f.name)} | ${f.inputs} | ${psi(f.psi)} | ${STATUS[f.status]} | ${f.outOfRange} | ${f.unseen} |`);
  }
  lines.push('', 'Retrain on recent data and redeploy when features drift; the counts are cumulative since the server started.');
  return `${lines.join('\n')}\n`;
}
