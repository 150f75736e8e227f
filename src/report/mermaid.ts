/**
 * The one writer of Mermaid `xychart-beta` blocks in a report (GitHub renders Mermaid 10.x in comments
 * and job summaries). Text inside a Mermaid block is not markdown: `escapeInline` does not protect it.
 * A `"` ends a label, a line break starts a statement, `%%{init: …}%%` reconfigures the renderer and
 * three backticks end the block, so every label from outside goes through `mermaidText`, which keeps a
 * small safe charset. Numbers go through `chartNumber`: the grammar reads plain decimals only.
 */

/** Longest label kept in a chart: titles and axis categories wider than this do not fit anyway. */
export const MAX_LABEL_LENGTH = 60;

/** Characters that mean nothing to Mermaid's xychart lexer inside a quoted string, nor to markdown fences. */
const UNSAFE = /[^A-Za-z0-9 ._+\-/(),']/g;

/**
 * A label safe inside a quoted xychart string: every character outside letters, digits, space and
 * `._+-/(),'` becomes `_`, runs of spaces collapse, and the result is cut to `MAX_LABEL_LENGTH`.
 */
export function mermaidText(text: string): string {
  const safe = text.replace(UNSAFE, '_').replace(/ +/g, ' ').trim();
  const cut = safe.length > MAX_LABEL_LENGTH ? `${safe.slice(0, MAX_LABEL_LENGTH - 3)}...` : safe;
  return cut === '' ? '_' : cut;
}

export interface XyLine {
  /** Hex colour (`#2f80ed`): xychart has no legend, so the legend below the chart names lines by colour. */
  color: string;
  values: readonly number[];
}

export interface XyChart {
  title: string;
  xTitle: string;
  /** One per point of every line. */
  categories: readonly string[];
  yTitle: string;
  lines: readonly XyLine[];
}

const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * A fenced `mermaid` block. Every line must have one value per category; the y-axis is rounded outward
 * so no point falls outside it, and a flat chart still gets a range.
 */
export function xyChartBlock({ title, xTitle, categories, yTitle, lines }: XyChart): string {
  if (lines.length === 0) throw new Error('a chart needs at least one line');
  for (const line of lines) {
    if (line.values.length !== categories.length) throw new Error(`a line has ${line.values.length} points for ${categories.length} categories`);
    if (!COLOR.test(line.color)) throw new Error(`${JSON.stringify(line.color)} is not a #rrggbb colour`);
    if (!line.values.every(Number.isFinite)) throw new Error('a chart line holds a non-finite value');
  }
  const all = lines.flatMap((line) => line.values);
  const low = roundBound(Math.min(...all), Math.floor);
  let high = roundBound(Math.max(...all), Math.ceil);
  if (low === high) high = low + (Math.abs(low) || 1) * 0.1;
  const palette = JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: lines.map((line) => line.color).join(', ') } } });
  return [
    '```mermaid',
    `%%{init: ${palette}}%%`,
    'xychart-beta',
    `    title "${mermaidText(title)}"`,
    `    x-axis "${mermaidText(xTitle)}" [${categories.map((category) => `"${mermaidText(category)}"`).join(', ')}]`,
    `    y-axis "${mermaidText(yTitle)}" ${chartNumber(low)} --> ${chartNumber(high)}`,
    ...lines.map((line) => `    line [${line.values.map(chartNumber).join(', ')}]`),
    '```',
  ].join('\n');
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

/** `count` indices spread evenly over 0..length-1, always keeping the first and the last. */
export function sampleIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1)));
}
