/**
 * Learning curves as Mermaid `xychart-beta` blocks, which GitHub renders in comments and job
 * summaries with no image hosting. xychart has no legend, so each line gets a fixed colour
 * (set through the theme's plot palette) and a legend line of matching squares follows the chart.
 */
import type { History } from '../domain/run-artifacts.ts';
import { escapeInline } from './escape.ts';
import { sampleIndices, xyChartBlock } from './mermaid.ts';

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

  const drawable = series.filter((s) => s.values.length >= 2);
  const charts = drawable.length > 0 ? [renderChart(drawable, notes)] : [];
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
 * One chart on shared axes: xychart spreads every line over the whole x-axis, so a curve shorter than
 * the longest (fewer epochs, early stopping, divergence) is held at its last loss to the end, and a note
 * says where it ended.
 */
function renderChart(series: Series[], notes: string[]): string {
  const epochs = Math.max(...series.map((s) => s.values.length));
  const picked = sampleIndices(epochs, MAX_CHART_POINTS);
  for (const s of series) {
    if (s.values.length < epochs) notes.push(`${s.label} has ${s.values.length} epochs: its line is held at its last loss after epoch ${s.values.length}.`);
  }
  const chart = xyChartBlock({
    title: 'Loss per epoch',
    xTitle: 'epoch',
    categories: picked.map((i) => String(i + 1)),
    yTitle: 'loss',
    lines: series.map((s) => ({ color: s.color, values: picked.map((i) => s.values[Math.min(i, s.values.length - 1)]) })),
  });
  return [chart, series.map((s) => `${s.swatch} ${s.label}`).join(' · ')].join('\n');
}
