/**
 * A small Prometheus registry rendering text exposition format 0.0.4: counters, gauges and
 * histograms with labels. Label values come from a fixed set chosen by the server (route names,
 * status codes), never from request paths, so the series count stays bounded.
 */

type Labels = Record<string, string>;

interface Series {
  labels: Labels;
  value: number;
}

interface HistogramSeries {
  labels: Labels;
  /** Per-bucket counts (not cumulative); the last slot is +Inf. */
  counts: number[];
  sum: number;
  count: number;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export interface Gauge {
  set(labels: Labels, value: number): void;
}

export interface Histogram {
  observe(labels: Labels, value: number): void;
}

/** Appends a metric family's lines, in registration order. */
type Family = (lines: string[]) => void;

export class Registry {
  readonly #families: Family[] = [];

  counter(name: string, help: string): Counter {
    const series = new Map<string, Series>();
    this.#families.push((lines) => renderSeries(lines, name, 'counter', help, series));
    return {
      inc(labels = {}, by = 1) {
        seriesFor(series, labels).value += by;
      },
    };
  }

  /** A gauge whose value is read when scraped (e.g. memory), or set explicitly. */
  gauge(name: string, help: string, read?: () => number): Gauge {
    const series = new Map<string, Series>();
    this.#families.push((lines) => {
      if (read) seriesFor(series, {}).value = read();
      renderSeries(lines, name, 'gauge', help, series);
    });
    return {
      set(labels, value) {
        seriesFor(series, labels).value = value;
      },
    };
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    const series = new Map<string, HistogramSeries>();
    this.#families.push((lines) => renderHistogram(lines, name, help, buckets, series));
    return {
      observe(labels, value) {
        const key = labelKey(labels);
        let s = series.get(key);
        if (!s) {
          s = { labels, counts: new Array<number>(buckets.length + 1).fill(0), sum: 0, count: 0 };
          series.set(key, s);
        }
        let i = 0;
        while (i < buckets.length && value > buckets[i]) i++;
        s.counts[i]++;
        s.sum += value;
        s.count++;
      },
    };
  }

  /**
   * A family whose series are read when scraped, for counts kept in typed arrays on the hot path
   * (drift bins): `collect` emits each series; labels must come from a fixed set, as everywhere.
   */
  collected(name: string, type: 'counter' | 'gauge', help: string, collect: (emit: (labels: Labels, value: number) => void) => void): void {
    this.#families.push((lines) => {
      header(lines, name, type, help);
      collect((labels, value) => lines.push(`${name}${formatLabels(labels)} ${formatValue(value)}`));
    });
  }

  render(): string {
    const lines: string[] = [];
    for (const family of this.#families) family(lines);
    return `${lines.join('\n')}\n`;
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function labelKey(labels: Labels): string {
  return JSON.stringify(labels);
}

function seriesFor(series: Map<string, Series>, labels: Labels): Series {
  const key = labelKey(labels);
  let s = series.get(key);
  if (!s) {
    s = { labels, value: 0 };
    series.set(key, s);
  }
  return s;
}

function header(lines: string[], name: string, type: string, help: string): void {
  lines.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`);
}

function renderSeries(lines: string[], name: string, type: string, help: string, series: Map<string, Series>): void {
  header(lines, name, type, help);
  for (const s of series.values()) lines.push(`${name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
}

function renderHistogram(lines: string[], name: string, help: string, buckets: readonly number[], series: Map<string, HistogramSeries>): void {
  header(lines, name, 'histogram', help);
  for (const s of series.values()) {
    let cumulative = 0;
    buckets.forEach((le, i) => {
      cumulative += s.counts[i];
      lines.push(`${name}_bucket${formatLabels({ ...s.labels, le: formatValue(le) })} ${cumulative}`);
    });
    lines.push(`${name}_bucket${formatLabels({ ...s.labels, le: '+Inf' })} ${s.count}`);
    lines.push(`${name}_sum${formatLabels(s.labels)} ${formatValue(s.sum)}`);
    lines.push(`${name}_count${formatLabels(s.labels)} ${s.count}`);
  }
}

function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
