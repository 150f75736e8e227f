/** What the serving benchmarks share: wrk runs, a seeded PRNG for request bodies, waiting for a server, a table. */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { FeatureSpec } from '../../src/data/preprocessing.ts';

/** The serving benchmarks' options: `--duration` and `--connections` of each wrk run, the server's `--backend`. */
export function benchArgs(): { duration: number; connections: number; backend: string } {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      backend: { type: 'string', default: 'auto' },
    },
  });
  return { duration: Number(values.duration), connections: Number(values.connections), backend: values.backend };
}

/** The breast-cancer-sized input both serving benchmarks use: 30 numeric features, and rows drawn around their means (seeded). */
export function benchFeatures(): { features: FeatureSpec[]; row: () => number[] } {
  const random = mulberry32(42);
  const features = Array.from({ length: 30 }, (_, i) => ({ name: `feature_${i}`, kind: 'numeric' as const, mean: 10 + i, std: 1 + i / 10 }));
  return { features, row: () => features.map((f) => Number((f.mean + (random() * 4 - 2) * f.std).toFixed(4))) };
}

export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
}

/** Exits with how to install the tools when one is missing. */
export function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function requireTools(...tools: string[]): void {
  for (const tool of tools) {
    if (hasTool(tool)) continue;
    console.error(`${tool} is not installed: apt-get install -y wrk gunicorn python3-flask python3-numpy`);
    process.exit(2);
  }
}

/** A small seeded PRNG so request bodies are the same every run. */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One wrk run (one thread) of the POST that `script` describes against `url`; any non-2xx response fails the run. */
export function wrk(url: string, script: string, seconds: number, connections: number): WrkResult {
  const out = execFileSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  if (/Non-2xx or 3xx responses|Socket errors/.test(out)) throw new Error(`errors during the run:\n${out}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const percentile = (p: number) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
    if (!match) throw new Error(`no ${p}% latency in wrk output:\n${out}`);
    return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's'];
  };
  return { rps, p50: percentile(50), p99: percentile(99) };
}

export async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy in 30 s`);
}

export function fmt(n: number, digits: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function ms(n: number): string {
  return fmt(n, 2);
}

export function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows.slice(1)) console.log(line(r));
}
