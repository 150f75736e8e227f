import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricRow } from '../../src/compare/types.ts';
import { MAX_LABEL_LENGTH, mermaidText, xyChartBlock } from '../../src/report/mermaid.ts';
import { MAX_TREND_CHARTS, renderTrend, type TrendPoint } from '../../src/report/trend.ts';

const sha = (n: number) => n.toString(16).padStart(7, '0').padEnd(40, 'b');
const row = (name: string, head: number, gated = true): MetricRow => ({
  name,
  direction: 'higher',
  head,
  status: 'new',
  ...(gated ? { gate: { tolerance: 0.01 } } : {}),
});
/** Newest first, as the store lists them. */
const points = (values: Record<string, number>[]): TrendPoint[] => values.map((metrics, i) => ({ commit: sha(values.length - i), metrics }));

describe('renderTrend', () => {
  it("charts each gated metric over main's records, oldest first, ending at the PR, with the PR's level as a second line", () => {
    const markdown = renderTrend([row('accuracy', 0.97), row('f1', 0.5, false)], points([{ accuracy: 0.95 }, { accuracy: 0.93 }, { accuracy: 0.9 }]), 'main');
    const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]);
    assert.equal(blocks.length, 1, 'ungated metrics are not charted');
    assert.match(blocks[0], /^ {4}x-axis "last 3 records of main, then this PR" \["0000001", "0000002", "0000003", "PR"\]$/m);
    assert.deepEqual(
      [...blocks[0].matchAll(/^ {4}line \[(.*)\]$/gm)].map((match) => match[1]),
      ['0.9, 0.93, 0.95, 0.97', '0.97, 0.97, 0.97, 0.97'],
    );
    assert.match(markdown, /🟦 main's records, oldest first, ending at this PR · 🟧 this PR's value/);
  });

  it('draws nothing without records, and skips metrics the records lack', () => {
    assert.equal(renderTrend([row('accuracy', 0.9)], [], 'main'), '');
    assert.equal(renderTrend([row('accuracy', 0.9)], undefined, 'main'), '');
    assert.equal(renderTrend([row('accuracy', 0.9)], points([{ loss: 0.2 }]), 'main'), '');
  });

  it(`charts at most ${MAX_TREND_CHARTS} metrics and says how many it left out`, () => {
    const names = Array.from({ length: MAX_TREND_CHARTS + 2 }, (_, i) => `m${i}`);
    const markdown = renderTrend(
      names.map((name) => row(name, 1)),
      points([Object.fromEntries(names.map((name) => [name, 0.5]))]),
      'main',
    );
    assert.equal(markdown.match(/```mermaid/g)?.length, MAX_TREND_CHARTS);
    assert.match(markdown, /2 more gated metrics are not charted/);
  });
});

describe('mermaidText', () => {
  it('keeps a safe charset: no quote, newline, directive, fence or tag survives', () => {
    const hostile = 'acc"]\n%%{init: {"theme":"dark"}}%%\r\n```\n<b>@x</b>;#`';
    const safe = mermaidText(hostile);
    assert.match(safe, /^[A-Za-z0-9 ._+\-/(),']+$/);
    assert.ok(!safe.includes('%%') && !safe.includes('"') && !safe.includes('\n'));
    assert.equal(mermaidText('x'.repeat(500)).length, MAX_LABEL_LENGTH);
    assert.equal(mermaidText(''), '_');
    assert.equal(mermaidText("accuracy (main's)"), "accuracy (main's)");
  });

  it('is applied to every label of a block', () => {
    const block = xyChartBlock({ title: 't"\n', xTitle: 'x%%{', categories: ['a"]', 'b\n'], yTitle: '```', lines: [{ color: '#000000', values: [1, 2] }] });
    const body = block.split('\n').slice(1, -1);
    assert.ok(body.every((line) => !line.includes('```')));
    assert.equal(body.filter((line) => line.includes('%%')).length, 1, 'only our own init directive');
    assert.throws(() => xyChartBlock({ title: 't', xTitle: 'x', categories: ['a'], yTitle: 'y', lines: [{ color: 'red;}', values: [1] }] }), /colour/);
    assert.throws(
      () => xyChartBlock({ title: 't', xTitle: 'x', categories: ['a', 'b'], yTitle: 'y', lines: [{ color: '#000000', values: [1] }] }),
      /1 points for 2/,
    );
  });
});
