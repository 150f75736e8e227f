/** How non-metric values read in a report. */
import type { Scalar } from '../domain/config.ts';
import { escapeCell, escapeInline } from './escape.ts';

/** `abc1234` in a code span for a commit SHA; anything that is not hex is escaped text instead. */
export function shortSha(sha: string): string {
  return /^[0-9a-f]{7,64}$/i.test(sha) ? `\`${sha.slice(0, 7)}\`` : escapeInline(sha);
}

/** `850 ms`, `12.3 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const wholeSeconds = Math.round(seconds);
  if (wholeSeconds < 3600) return `${Math.floor(wholeSeconds / 60)} min ${String(wholeSeconds % 60).padStart(2, '0')} s`;
  const minutes = Math.round(wholeSeconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * A param value for a table cell, exactly as written (no rounding: `0.001` stays `0.001`).
 * Strings that would read as another type (`"1"`, `"true"`, `""`) are quoted so a type change shows.
 */
export function formatScalar(value: Scalar | undefined): string {
  if (value === undefined) return '—';
  if (typeof value !== 'string') return escapeCell(String(value));
  const ambiguous = value === '' || value !== value.trim() || /^(true|false|null|[-+]?(\d|\.\d))/i.test(value);
  return escapeCell(ambiguous ? JSON.stringify(value) : value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
