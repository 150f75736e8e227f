/**
 * Use case `monitor`: reads what a running model server counted (its /metrics) or counts a file of
 * logged inputs, computes drift per feature against the training split's bins and returns the report.
 * The CLI prints it; the action's mode `monitor` sets outputs, opens or updates one issue and fails
 * the step on drift.
 */
import { quote, UserError } from '../errors.ts';
import type { Preprocessing } from '../data/preprocessing.ts';
import { DEFAULT_THRESHOLDS, type DriftThresholds, featureDrift } from '../monitor/drift.ts';
import { parsePrometheusText } from '../monitor/prometheus-text.ts';
import type { DriftReport } from '../monitor/report.ts';
import { countsFromMetrics, type DriftObservation, type ExpectedModel, observationFromMetrics } from '../monitor/server-metrics.ts';
import { registerDriftCounters } from '../serve/drift-counters.ts';
import { Registry } from '../serve/prometheus.ts';

export type MonitorSource =
  /** A model server: its base URL or its /metrics URL. */
  | { kind: 'server'; url: string }
  /** Logged request inputs (rows as the predict API takes them) and the model's preprocessing. */
  | { kind: 'inputs'; file: string; rows: readonly unknown[]; preprocessing: Preprocessing };

export interface MonitorOptions {
  source: MonitorSource;
  expected?: ExpectedModel;
  thresholds?: Partial<DriftThresholds>;
  /** How long the server may take to answer; default 10 s. */
  timeoutMs?: number;
}

/** A /metrics answer larger than this is not a model server's (ours is a few kB per feature). */
const MAX_METRICS_BYTES = 8 * 1024 * 1024;

export async function monitorDrift(options: MonitorOptions): Promise<DriftReport> {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  let observation: DriftObservation;
  let source: string;
  if (options.source.kind === 'server') {
    const url = metricsUrl(options.source.url);
    source = url;
    const text = await fetchMetrics(url, options.timeoutMs ?? 10_000);
    observation = observationFromMetrics(parsePrometheusText(text, url), url, options.expected);
  } else {
    const { file, rows, preprocessing } = options.source;
    source = file;
    const registry = new Registry();
    registerDriftCounters(registry, preprocessing).observeInputs(rows);
    observation = countsFromMetrics(parsePrometheusText(registry.render(), file), file, `the model of ${preprocessing.target}`);
  }
  const features = observation.features.map((f) => featureDrift(f, thresholds));
  const prediction = observation.predictions
    ? featureDrift(
        { name: '(predictions)', reference: observation.predictions.reference, counts: observation.predictions.counts, outOfRange: 0, unseen: 0 },
        thresholds,
      )
    : undefined;
  const drifted = features.filter((f) => f.status === 'drift').map((f) => f.name);
  const judged = features.filter((f) => f.status !== 'too-few-inputs');
  return {
    source,
    model: observation.model,
    features,
    prediction,
    thresholds,
    drifted,
    maxPsi: judged.reduce((max, f) => Math.max(max, f.psi), 0),
  };
}

/** A server's base URL gets `/metrics`; a URL with a path is used as given. */
export function metricsUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`${quote(text)} is not a URL; expected the model server's address, like http://localhost:8501`, { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`${quote(text)} is not an http(s) URL`, { field: 'url' });
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/metrics';
  return url.href;
}

async function fetchMetrics(url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: 'text/plain' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : cause?.code === 'ECONNREFUSED'
          ? 'connection refused (is the server running, on that port?)'
          : cause?.code === 'ENOTFOUND'
            ? 'no such host'
            : (cause?.message ?? (error as Error).message);
    throw new UserError(`cannot read the model server's metrics: ${why}`, { file: url });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UserError(`answered HTTP ${response.status}; expected 200 with Prometheus text (is this a model-ci server's /metrics?)`, { file: url });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_METRICS_BYTES) {
      throw new UserError(`answered more than ${MAX_METRICS_BYTES / 1024 / 1024} MiB; a model server's /metrics is far smaller`, { file: url });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
