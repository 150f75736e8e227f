/**
 * Predictions as text, written batch by batch (`model-ci predict`): the JSON document the command
 * has always printed (`{"predictions": [...]}`, the server's shape), JSON Lines (one prediction per
 * line, the same objects) or CSV (a header, then `label` and one probability per class, or
 * `prediction` for regression). Each row is formatted from the output matrix directly, with the
 * numbers JSON.stringify would print, so no object is built per row.
 */
import type { Preprocessing } from '../data/preprocessing.ts';

export const FORMATS = ['json', 'jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface PredictionFormatter {
  /** Text before the first row (CSV's header, JSON's opening). */
  head: string;
  /** What goes before row `index` (JSON's commas and indentation). */
  separator(index: number): string;
  /** The row at `offset` of a row-major output matrix (`outputWidth` values per row), with its line end. */
  row(output: Float32Array, offset: number): string;
  /** Text after the last row, given how many rows there were. */
  tail(total: number): string;
  /** The most UTF-8 bytes one row and its separator take: buffers sized with it never overflow. */
  maxRowBytes: number;
}

export function predictionFormatter(pre: Preprocessing, outputWidth: number, format: Format): PredictionFormatter {
  const text = format === 'csv' ? csvRow(pre, outputWidth) : jsonRow(pre, outputWidth);
  const labels = pre.classes ?? [];
  // A number prints in at most 24 characters ("-1.2345678901234567e-308"); labels as JSON at most 6 bytes a UTF-16 unit.
  const maxRowBytes = 64 + 6 * Math.max(0, ...labels.map((l) => l.length)) + 26 * Math.max(outputWidth, 2);
  if (format === 'json') {
    return {
      head: '{"predictions": [',
      separator: (index) => (index === 0 ? '\n  ' : ',\n  '),
      row: text,
      tail: (total) => (total > 0 ? '\n]}\n' : ']}\n'),
      maxRowBytes,
    };
  }
  return {
    head: format === 'csv' ? `${csvHeader(pre, outputWidth).map(csvField).join(',')}\n` : '',
    separator: () => '',
    row: (output, offset) => `${text(output, offset)}\n`,
    tail: () => '',
    maxRowBytes,
  };
}

type RowText = (output: Float32Array, offset: number) => string;

/** The text of JSON.stringify(prediction) for the prediction `createPredictor` decodes from these outputs. */
function jsonRow(pre: Preprocessing, width: number): RowText {
  if (pre.task === 'regression') {
    const { mean, std } = pre.targetScale ?? { mean: 0, std: 1 };
    return (output, offset) => jsonNumber(output[offset] * std + mean);
  }
  const labels = (pre.classes as string[]).map((c) => `{"label":${JSON.stringify(c)},"probabilities":[`);
  if (width === 1) {
    // A sigmoid unit gives P(classes[1]); a tie at 0.5 goes to the positive class (as createPredictor decodes it).
    return (output, offset) => {
      const p = output[offset];
      return `${labels[p >= 0.5 ? 1 : 0]}${jsonNumber(1 - p)},${jsonNumber(p)}]}`;
    };
  }
  return (output, offset) => {
    const best = argmax(output, offset, width);
    let text = labels[best];
    for (let k = 0; k < width; k++) text += (k === 0 ? '' : ',') + jsonNumber(output[offset + k]);
    return `${text}]}`;
  };
}

function csvRow(pre: Preprocessing, width: number): RowText {
  if (pre.task === 'regression') {
    const { mean, std } = pre.targetScale ?? { mean: 0, std: 1 };
    return (output, offset) => csvNumber(output[offset] * std + mean);
  }
  const labels = (pre.classes as string[]).map(csvField);
  if (width === 1) {
    return (output, offset) => {
      const p = output[offset];
      return `${labels[p >= 0.5 ? 1 : 0]},${csvNumber(1 - p)},${csvNumber(p)}`;
    };
  }
  return (output, offset) => {
    let text = labels[argmax(output, offset, width)];
    for (let k = 0; k < width; k++) text += `,${csvNumber(output[offset + k])}`;
    return text;
  };
}

function csvHeader(pre: Preprocessing, width: number): string[] {
  if (pre.task === 'regression') return ['prediction'];
  const classes = pre.classes as string[];
  return ['label', ...classes.slice(0, Math.max(width, 2)).map((c) => `p_${c}`)];
}

/** The first index of the largest value, as createPredictor picks the label. */
function argmax(output: Float32Array, offset: number, width: number): number {
  let best = 0;
  for (let k = 1; k < width; k++) if (output[offset + k] > output[offset + best]) best = k;
  return best;
}

/** As JSON.stringify prints a number: non-finite ones are null. */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/** A non-finite output (a network that overflowed) is an empty cell: CSV has no null. */
function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** RFC 4180: a field holding a comma, quote or line break, or edge spaces a reader would trim, is quoted. */
function csvField(text: string): string {
  return /[",\r\n]|^[ \t]|[ \t]$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
