import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_CHART_POINTS, renderLearningCurves } from '../../src/report/curves.ts';
import { chartNumber, sampleIndices } from '../../src/report/mermaid.ts';
import type { History } from '../../src/domain/run-artifacts.ts';

const curve = (epochs: number, start: number) => Array.from({ length: epochs }, (_, i) => start / (i + 1));
const history = (epochs: number, start = 1): History => ({ epochs, loss: curve(epochs, start), val_loss: curve(epochs, start * 1.2) });

/** The mermaid blocks of a markdown document, as arrays of lines. */
function mermaidBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1].split('\n'));
}

/** What Mermaid's xychart grammar accepts for a number. */
const MERMAID_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

function checkChart(lines: string[]): { xs: string[]; lines: number[][]; min: number; max: number } {
  assert.match(lines[0], /^%%\{init: \{.*\}\}%%$/);
  const init = JSON.parse(lines[0].slice('%%{init: '.length, -'}%%'.length));
  assert.equal(lines[1], 'xychart-beta');
  assert.equal(lines[2], '    title "Loss per epoch"');
  const x = /^ {4}x-axis "epoch" \[(.*)\]$/.exec(lines[3]);
  const y = /^ {4}y-axis "loss" (\S+) --> (\S+)$/.exec(lines[4]);
  assert.ok(x && y, `axes: ${lines[3]} / ${lines[4]}`);
  assert.match(y[1], MERMAID_NUMBER);
  assert.match(y[2], MERMAID_NUMBER);
  const plotted = lines.slice(5).map((line) => {
    const data = /^ {4}line \[(.*)\]$/.exec(line);
    assert.ok(data, line);
    const values = data[1].split(', ');
    for (const value of values) assert.match(value, MERMAID_NUMBER);
    return values.map(Number);
  });
  assert.equal(init.themeVariables.xyChart.plotColorPalette.split(', ').length, plotted.length, 'one colour per line');
  return { xs: x[1].split(', ').map((category) => JSON.parse(category)), lines: plotted, min: Number(y[1]), max: Number(y[2]) };
}

describe('renderLearningCurves', () => {
  it('draws train and validation loss of main and the PR in one chart when their epochs match', () => {
    const markdown = renderLearningCurves({ base: history(10, 0.9), head: history(10, 0.7), baseLabel: 'main' });
    const blocks = mermaidBlocks(markdown);
    assert.equal(blocks.length, 1);
    const chart = checkChart(blocks[0]);
    assert.deepEqual(chart.xs, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.equal(chart.lines.length, 4);
    assert.deepEqual(chart.lines[0].slice(0, 3), [0.9, 0.45, 0.3]);
    const all = chart.lines.flat();
    assert.ok(chart.min <= Math.min(...all) && chart.max >= Math.max(...all), 'every point inside the y-axis');
    assert.match(markdown, /^🟦 main train · 🟩 main validation · 🟧 PR train · 🟥 PR validation$/m);
  });

  it('samples long runs down to 50 points keeping the first and last epoch', () => {
    const markdown = renderLearningCurves({ head: history(500), baseLabel: 'main' });
    const chart = checkChart(mermaidBlocks(markdown)[0]);
    assert.equal(chart.xs.length, MAX_CHART_POINTS);
    assert.equal(chart.xs[0], '1');
    assert.equal(chart.xs.at(-1), '500');
    assert.ok(chart.lines.every((line) => line.length === MAX_CHART_POINTS));
  });

  it('draws runs of different lengths on one shared epoch axis, the shorter held at its last loss', () => {
    const base = history(20, 0.9);
    const markdown = renderLearningCurves({ base, head: history(35), baseLabel: 'main' });
    const charts = mermaidBlocks(markdown).map(checkChart);
    assert.equal(charts.length, 1, 'one chart, shared axes');
    const [chart] = charts;
    assert.equal(chart.xs.length, 35);
    assert.deepEqual(chart.xs.slice(0, 2), ['1', '2']);
    assert.ok(chart.lines.every((line) => line.length === 35));
    // main's train loss: its own 20 epochs, then flat at epoch 20's loss.
    assert.equal(chart.lines[0][19], Number(base.loss[19].toPrecision(4)));
    assert.deepEqual(new Set(chart.lines[0].slice(19)), new Set([Number(base.loss[19].toPrecision(4))]));
    const all = chart.lines.flat();
    assert.ok(chart.min <= Math.min(...all) && chart.max >= Math.max(...all), 'one y-axis holds both runs');
    assert.match(markdown, /^🟦 main train · 🟩 main validation · 🟧 PR train · 🟥 PR validation$/m);
    assert.match(markdown, /^> main train has 20 epochs: its line is held at its last loss after epoch 20\.$/m);
  });

  it('stops a diverged curve at its first non-finite loss and says so', () => {
    const diverged: History = { epochs: 6, loss: [1, 0.8, 0.9, Number.NaN, Number.NaN, Number.NaN] };
    const markdown = renderLearningCurves({ head: diverged, baseLabel: 'main' });
    const chart = checkChart(mermaidBlocks(markdown)[0]);
    assert.deepEqual(chart.lines, [[1, 0.8, 0.9]]);
    assert.match(markdown, /^> PR train loss is NaN from epoch 4: training diverged there\.$/m);
  });

  it('notes early stopping, and draws nothing for a single epoch', () => {
    const markdown = renderLearningCurves({ head: { epochs: 1, loss: [0.5], stoppedEarlyAt: 0 }, baseLabel: 'main' });
    assert.equal(mermaidBlocks(markdown).length, 0);
    assert.match(markdown, /PR stopped early after epoch 1: the weights of epoch 1 were kept/);
    const kept = renderLearningCurves({ head: { epochs: 5, loss: [0.5, 0.4, 0.45, 0.5, 0.6], stoppedEarlyAt: 4, bestEpoch: 1 }, baseLabel: 'main' });
    assert.match(kept, /PR stopped early after epoch 5: the weights of epoch 2 were kept/);
    assert.equal(renderLearningCurves({ head: { epochs: 1, loss: [0.5] }, baseLabel: 'main' }), '');
    assert.equal(renderLearningCurves({ baseLabel: 'main' }), '');
  });

  it('keeps a flat curve drawable', () => {
    const chart = checkChart(mermaidBlocks(renderLearningCurves({ head: { epochs: 3, loss: [0.5, 0.5, 0.5] }, baseLabel: 'main' }))[0]);
    assert.ok(chart.max > chart.min);
  });

  it('escapes the base label in the legend', () => {
    const markdown = renderLearningCurves({ base: history(3), head: history(3), baseLabel: '<b>@team' });
    assert.match(markdown, /🟦 &lt;b&gt;@&#8203;team train/);
  });
});

describe('chartNumber', () => {
  it('never uses exponent notation, which Mermaid cannot parse', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [0.123456, '0.1235'],
      [1e-7, '0.0000001'],
      [-2.5, '-2.5'],
      [123456.7, '123457'],
      [3e21, '3000000000000000000000'],
    ];
    for (const [value, text] of cases) {
      assert.equal(chartNumber(value), text);
      assert.match(chartNumber(value), MERMAID_NUMBER);
    }
  });
});

describe('sampleIndices', () => {
  it('keeps everything up to the limit and spreads evenly beyond it', () => {
    assert.deepEqual(sampleIndices(3, 50), [0, 1, 2]);
    const picked = sampleIndices(1000, 50);
    assert.equal(picked.length, 50);
    assert.equal(new Set(picked).size, 50);
    assert.deepEqual([picked[0], picked.at(-1)], [0, 999]);
  });
});
