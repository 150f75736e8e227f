/**
 * Every Mermaid block a report can emit, parsed and rendered by the real Mermaid (10.x, the version
 * GitHub renders) in headless Chromium. A block GitHub cannot draw shows as an error box in the PR:
 * a string check of our own output would not notice. Screenshots of each rendered block are saved
 * under tests/artifacts/mermaid/ (git-ignored) for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { compareRuns } from '../../src/compare/compare.ts';
import type { MetricRow } from '../../src/compare/types.ts';
import type { History } from '../../src/domain/run-artifacts.ts';
import { renderLearningCurves } from '../../src/report/curves.ts';
import { renderReport } from '../../src/report/report.ts';
import { renderTrend, type TrendPoint } from '../../src/report/trend.ts';
import { launchBrowser } from '../support/browser.ts';
import { skippable } from '../support/skippable.ts';

const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
export const SCREENSHOTS = join(import.meta.dirname, '..', 'artifacts', 'mermaid');

const browser = await launchBrowser();
const { test, before, after } = skippable('skip' in browser ? browser.skip : false);

/** The few DOM calls the page side makes (the project's TypeScript has no DOM library). */
interface PageElement {
  id: string;
  style: Record<string, string>;
  innerHTML: string;
  outerHTML: string;
  textContent: string | null;
  append(child: PageElement): void;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageGlobals {
  document: PageElement & { body: PageElement; createElement(tag: string): PageElement };
  mermaid: { parse(text: string): Promise<unknown>; render(id: string, text: string): Promise<{ svg: string }> };
}

interface Rendered {
  error?: string;
  /** The `d` of each line plot's path, in plot order. */
  paths: string[];
  xLabels: string[];
  title?: string;
  svgText: string;
}

let page: Page;

before(async () => {
  if ('skip' in browser) return;
  page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  // No network: the page is built from a string and the library from the installed package's file.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body style="background:#fff"></body></html>');
  await page.addScriptTag({ path: MERMAID });
  const version = await page.evaluate(() => {
    const mermaid = (globalThis as unknown as { mermaid: { initialize(c: object): void; version?: string } }).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return typeof mermaid;
  });
  assert.equal(version, 'object');
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  if (!('skip' in browser)) await browser.close();
});

let renders = 0;
async function render(block: string, screenshot?: string): Promise<Rendered> {
  const id = `chart${renders++}`;
  const result = await page.evaluate(
    async ({ text, id }) => {
      const { document, mermaid } = globalThis as unknown as PageGlobals;
      try {
        await mermaid.parse(text);
      } catch (error) {
        return { error: String((error as Error).message ?? error), paths: [], xLabels: [], svgText: '' };
      }
      const { svg } = await mermaid.render(id, text);
      const box = document.createElement('div');
      box.id = `box-${id}`;
      box.style.display = 'inline-block';
      box.style.width = '700px';
      box.innerHTML = svg;
      document.body.append(box);
      const root = box.querySelector('svg') as PageElement;
      return {
        paths: Array.from(root.querySelectorAll('g.plot > g[class^="line-plot-"] > path')).map((path) => path.getAttribute('d') ?? ''),
        xLabels: Array.from(root.querySelectorAll('g.bottom-axis > g.label > text')).map((text) => text.textContent ?? ''),
        title: root.querySelector('g.chart-title text')?.textContent ?? undefined,
        svgText: root.outerHTML,
      };
    },
    { text: block, id },
  );
  if (screenshot && !result.error) await page.locator(`#box-${id}`).screenshot({ path: join(SCREENSHOTS, `${screenshot}.png`) });
  return result;
}

/** The body of every ```mermaid fence in a markdown document. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]);
}

/** What a block asks for: its categories and, per `line` statement, its values. */
function declared(block: string): { categories: string[]; lines: number[][]; title: string } {
  const categories = JSON.parse(/^ {4}x-axis "[^"]*" (\[.*\])$/m.exec(block)?.[1] ?? '[]') as string[];
  const lines = [...block.matchAll(/^ {4}line \[(.*)\]$/gm)].map((match) => match[1].split(', ').map(Number));
  return { categories, lines, title: /^ {4}title "(.*)"$/m.exec(block)?.[1] ?? '' };
}

/** Points of an SVG path `M x,y L x,y …` (d3's linear curve). */
function pathPoints(d: string): number {
  return (d.match(/[ML]/g) ?? []).length;
}

async function assertDrawn(block: string, name: string): Promise<Rendered> {
  const rendered = await render(block, name);
  assert.equal(rendered.error, undefined, `Mermaid rejected the ${name} block:\n${block}`);
  const want = declared(block);
  assert.ok(want.lines.length > 0);
  assert.equal(rendered.paths.length, want.lines.length, `${name}: one drawn line per series`);
  for (const d of rendered.paths) {
    assert.doesNotMatch(d, /NaN|undefined/, `${name}: every point has coordinates`);
    assert.equal(pathPoints(d), want.categories.length, `${name}: one point per category`);
  }
  assert.deepEqual(rendered.xLabels, want.categories, `${name}: the x-axis shows every category`);
  assert.equal(rendered.title, want.title);
  return rendered;
}

const curve = (epochs: number, start: number) => Array.from({ length: epochs }, (_, i) => start / (i + 1) + 0.05);
const history = (epochs: number, start = 1): History => ({ epochs, loss: curve(epochs, start), val_loss: curve(epochs, start * 1.2) });
const sha = (n: number) => n.toString(16).padStart(7, '0').padEnd(40, 'a');
const trend = (count: number): TrendPoint[] =>
  Array.from({ length: count }, (_, i) => ({ commit: sha(i + 1), metrics: { accuracy: 0.9 + i * 0.004, log_loss: 0.2 - i * 0.005 } })).reverse();

function fullReport(baseRef = 'main'): string {
  const comparison = compareRuns({
    model: 'breast-cancer',
    metrics: [
      { name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01 } },
      { name: 'log_loss', direction: 'lower', gate: { tolerance: 0.1, relative: true } },
      { name: 'f1', direction: 'higher' },
    ],
    base: { metrics: { accuracy: 0.9561, log_loss: 0.12, f1: 0.96 }, params: {}, data: {} },
    head: { metrics: { accuracy: 0.9649, log_loss: 0.1, f1: 0.965 }, params: {}, data: {} },
    baseline: { kind: 'record', commit: sha(8) },
    headCommit: sha(99),
  });
  return renderReport({
    comparison,
    head: { backend: 'cpu', history: history(30, 0.7) },
    base: { backend: 'cpu', history: history(20, 0.9) },
    trend: trend(8),
    baseRef,
  });
}

test('every chart of a full report renders: the trend of each gated metric and one learning-curve chart', async () => {
  const blocks = mermaidBlocks(fullReport());
  assert.equal(blocks.length, 3, 'accuracy trend, log_loss trend, learning curves');
  const [accuracy, logLoss, curves] = [
    await assertDrawn(blocks[0], 'trend-accuracy'),
    await assertDrawn(blocks[1], 'trend-log_loss'),
    await assertDrawn(blocks[2], 'learning-curves'),
  ];
  assert.deepEqual(accuracy.xLabels, [
    ...trend(8)
      .reverse()
      .map((point) => point.commit.slice(0, 7)),
    'PR',
  ]);
  assert.equal(logLoss.paths.length, 2, "main's records and the PR's level");
  // Main ran 20 epochs and the PR 30: one chart on one epoch axis, four lines of 30 points.
  assert.equal(curves.paths.length, 4);
  assert.equal(curves.xLabels.length, 30);
});

test('learning curves render in every shape: sampled long runs, a diverged run, a single side', async () => {
  const shapes: [string, string][] = [
    ['curves-long', renderLearningCurves({ base: history(500), head: history(500, 0.8), baseLabel: 'main' })],
    ['curves-diverged', renderLearningCurves({ head: { epochs: 6, loss: [1, 0.8, 0.9, Number.NaN, Number.NaN, Number.NaN] }, baseLabel: 'main' })],
    ['curves-pr-only', renderLearningCurves({ head: history(12), baseLabel: 'main' })],
    ['curves-tiny-loss', renderLearningCurves({ head: { epochs: 3, loss: [1e-7, 5e-8, 2e-8] }, baseLabel: 'main' })],
    ['curves-flat', renderLearningCurves({ head: { epochs: 3, loss: [0.5, 0.5, 0.5] }, baseLabel: 'main' })],
  ];
  for (const [name, markdown] of shapes) {
    const blocks = mermaidBlocks(markdown);
    assert.equal(blocks.length, 1, name);
    await assertDrawn(blocks[0], name);
  }
});

test('names a PR controls cannot break or reconfigure a chart', async () => {
  const hostile = 'acc" ]\n%%{init: {"securityLevel": "loose", "theme": "dark"}}%%\n    line [1, 2, 3]\n```\n<img src=x onerror=alert(1)>';
  const rows: MetricRow[] = [
    { name: hostile, direction: 'higher', head: 0.95, base: 0.94, delta: 0.01, status: 'better', gate: { tolerance: 0.01 }, gatePassed: true },
  ];
  const points: TrendPoint[] = [{ commit: sha(1), metrics: { [hostile]: 0.93 } }];
  const markdown = renderTrend(rows, points, 'main"]\nclick x call alert()');
  const blocks = mermaidBlocks(markdown);
  assert.equal(blocks.length, 1, 'the fence is not closed early');
  const rendered = await assertDrawn(blocks[0], 'trend-hostile');
  assert.equal(rendered.paths.length, 2, 'no injected line');
  assert.doesNotMatch(rendered.svgText, /<img|onerror/);
  assert.match(rendered.svgText, /class="background" fill="white"/, 'the injected dark theme did not apply');
  assert.match(rendered.title ?? '', /^acc_ _____init_ __securityLevel__/);
  // Through the whole report too: a hostile base ref.
  for (const block of mermaidBlocks(fullReport('x"]\n%%{init: {"theme":"dark"}}%%'))) {
    assert.match((await assertDrawn(block, 'report-hostile-ref')).svgText, /class="background" fill="white"/);
  }
});

test('the harness tells a broken block from a good one', async () => {
  // Exponents are what chartNumber exists to avoid; a stray quote is what mermaidText exists to avoid.
  for (const broken of [
    'xychart-beta\n    x-axis [a, b]\n    line [1e-7, 2]',
    'xychart-beta\n    title "a"b"\n    line [1, 2]',
    'xychart-beta\n    line [1, oops]',
  ]) {
    const rendered = await render(broken);
    assert.ok(rendered.error, `Mermaid accepted:\n${broken}`);
  }
  // And a block of ours that renders, but not as declared, fails assertDrawn.
  const good = mermaidBlocks(renderLearningCurves({ head: history(5), baseLabel: 'main' }))[0];
  await assert.rejects(assertDrawn(good.replace(/, [0-9.]+\]$/m, ']'), 'broken-mismatch'), /every point has coordinates|one point per category/);
});
