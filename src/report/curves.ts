/**
 * Learning curves as Mermaid `xychart-beta` blocks, which GitHub renders in comments and job
 * summaries with no image hosting. xychart has no legend, so each line gets a fixed colour
 * (set through the theme's plot palette) and a legend line of matching squares follows the chart.
 */
import type { History } from '../domain/run-artifacts.ts';
import { escapeInline } from './escape.ts';

/** Mermaid charts get unreadable beyond this many points; longer runs are sampled evenly. */
export const MAX_CHART_POINTS = 50;

interface Series {
  label: string;
  color: string;
  swatch: string;
  values: number[];
}

export interface CurvesInput {
  base?: History;
  head?: History;
  baseLabel: string;
}

/** Markdown for the curves of both sides, or '' when neither has a curve of two or more epochs. */
export function renderLearningCurves({ base, head, baseLabel }: CurvesInput): string {
  const notes: string[] = [];
  const series: Series[] = [];
  const side = (history: History | undefined, name: string, colors: [string, string, string, string]) => {
    if (!history) return;
    series.push(finiteSeries({ label: `${name} train`, color: colors[0], swatch: colors[1], values: history.loss }, notes));
    if (history.val_loss) {
      series.push(finiteSeries({ label: `${name} validation`, color: colors[2], swatch: colors[3], values: history.val_loss }, notes));
    }
    if (history.stoppedEarlyAt !== undefined) {
      // Records written before bestEpoch existed carry only stoppedEarlyAt, which then named the kept epoch.
      const kept = history.bestEpoch ?? history.stoppedEarlyAt;
      notes.push(`${name} stopped early after epoch ${history.stoppedEarlyAt + 1}: the weights of epoch ${kept + 1} were kept.`);
    }
  };
  side(base, escapeInline(baseLabel), ['#2f80ed', '🟦', '#27ae60', '🟩']);
  side(head, 'PR', ['#f2994a', '🟧', '#eb5757', '🟥']);

  const charts = groupByLength(series.filter((s) => s.values.length >= 2)).map(renderChart);
  if (charts.length === 0 && notes.length === 0) return '';
  return ['**Learning curves** (loss per epoch)', ...charts, ...notes.map((note) => `> ${note}`)].join('\n\n');
}

/** A diverged run has NaN losses from some epoch on; Mermaid cannot plot them, so the line stops there. */
function finiteSeries(series: Series, notes: string[]): Series {
  const bad = series.values.findIndex((value) => !Number.isFinite(value));
  if (bad === -1) return series;
  notes.push(`${series.label} loss is ${series.values[bad]} from epoch ${bad + 1}: training diverged there.`);
  return { ...series, values: series.values.slice(0, bad) };
}

/**
 * xychart spreads every line over the whole x-axis, so only curves with the same number of epochs
 * can share a chart; a PR that changes `epochs` gets one chart per length.
 */
function groupByLength(series: Series[]): Series[][] {
  const groups = new Map<number, Series[]>();
  for (const s of series) groups.set(s.values.length, [...(groups.get(s.values.length) ?? []), s]);
  return [...groups.values()];
}

function renderChart(group: Series[]): string {
  const epochs = group[0].values.length;
  const picked = sampleIndices(epochs, MAX_CHART_POINTS);
  const sampled = group.map((s) => picked.map((i) => s.values[i]));
  const all = sampled.flat();
  const low = roundBound(Math.min(...all), Math.floor);
  let high = roundBound(Math.max(...all), Math.ceil);
  if (low === high) high = low + (Math.abs(low) || 1) * 0.1;
  const palette = JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: group.map((s) => s.color).join(', ') } } });
  return [
    '```mermaid',
    `%%{init: ${palette}}%%`,
    'xychart-beta',
    '    title "Loss per epoch"',
    `    x-axis "epoch" [${picked.map((i) => i + 1).join(', ')}]`,
    `    y-axis "loss" ${chartNumber(low)} --> ${chartNumber(high)}`,
    ...sampled.map((values) => `    line [${values.map(chartNumber).join(', ')}]`),
    '```',
    group.map((s) => `${s.swatch} ${s.label}`).join(' · '),
  ].join('\n');
}

/** `count` indices spread evenly over 0..length-1, always keeping the first and the last epoch. */
export function sampleIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1)));
}

/** Rounds outward to 3 significant digits so no point falls outside the axis. */
function roundBound(value: number, round: (x: number) => number): number {
  if (value === 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  return round(value / step) * step;
}

/**
 * 4 significant digits in plain decimal: Mermaid's xychart grammar reads `[+-]?digits(.digits)?`
 * and nothing else, so no exponent, even for a loss of 1e-7.
 */
export function chartNumber(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1e21) return BigInt(Math.round(value)).toString();
  const decimals = Math.min(100, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value)))));
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
