/**
 * Parses Prometheus text exposition format (0.0.4) into samples (pure). Strict: a line that is
 * neither a comment nor a sample means the answer is not Prometheus text (an HTML error page, JSON),
 * and the error names the line with a short, escaped excerpt, never the whole answer.
 */
import { quote, UserError } from '../errors.ts';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?[ \t]+(\S+)(?:[ \t]+-?\d+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;

export function parsePrometheusText(text: string, source: string): Sample[] {
  const samples: Sample[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const notPrometheus = (why: string) =>
      new UserError(`is not Prometheus text exposition format: line ${i + 1} ${quote(line)} ${why}; expected a /metrics endpoint's answer`, { file: source });
    const match = SAMPLE.exec(line);
    if (!match) throw notPrometheus('is neither a comment nor `name{labels} value`');
    const value = parseValue(match[3]);
    if (value === undefined) throw notPrometheus(`has the value ${quote(match[3])}, not a number`);
    const labels: Record<string, string> = {};
    const body = match[2] ?? '';
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < body.length) {
      const start = LABEL.lastIndex;
      const label = LABEL.exec(body);
      if (!label || label.index !== start) throw notPrometheus('has malformed labels');
      labels[label[1]] = label[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1], labels, value });
  }
  if (samples.length === 0) throw new UserError("holds no metric samples; expected a /metrics endpoint's answer", { file: source });
  return samples;
}

function parseValue(text: string): number | undefined {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  const value = Number(text);
  return text !== '' && !Number.isNaN(value) ? value : undefined;
}
