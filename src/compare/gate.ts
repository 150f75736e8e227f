/** Gate evaluation: does one metric of this run pass the check configured for it? */
import type { Direction, Gate } from '../domain/config.ts';
import { type McNemar, mcnemarMinimumDiscordant } from '../metrics/mcnemar.ts';
import { formatNumber, nearlyEqual } from './numbers.ts';
import type { DeltaInterval } from './types.ts';

export interface GateResult {
  passed: boolean;
  /** Why it failed, as a sentence fragment naming the numbers (used in the report and in annotations). */
  reason?: string;
  /** Why a regression beyond the tolerance passed a gate with `confidence`, or why `confidence` could not apply. */
  note?: string;
}

/** What the paired predictions say about Δ, for a gate with `confidence`. */
export interface DeltaEvidence {
  /** At the gate's confidence. */
  interval: DeltaInterval;
  /** accuracy: McNemar's exact test. */
  mcnemar?: McNemar;
  /** The paired test rows. */
  rows: number;
}

/** How much worse than `base` the value `head` is (positive = regression, negative = improvement). */
export function regression(direction: Direction, base: number, head: number): number {
  return direction === 'higher' ? base - head : head - base;
}

/** The regression a tolerance allows against `base`. */
export function allowedRegression(gate: Gate, base: number): number | undefined {
  if (gate.tolerance === undefined) return undefined;
  return gate.relative ? gate.tolerance * Math.abs(base) : gate.tolerance;
}

/** Whether a worse value is still inside the gate's tolerance (equality at the bound passes). */
export function withinTolerance(direction: Direction, gate: Gate, base: number, head: number): boolean {
  const allowed = allowedRegression(gate, base);
  if (allowed === undefined) return false;
  const worseBy = regression(direction, base, head);
  return worseBy <= allowed || nearlyEqual(worseBy, allowed);
}

/**
 * Tolerance is checked against main's value when there is one; the threshold always.
 * A gated metric the run did not produce fails: a gate must never pass by omission.
 */
export function evaluateGate(direction: Direction, gate: Gate, base: number | undefined, head: number | undefined, evidence?: DeltaEvidence): GateResult {
  if (head === undefined) {
    return { passed: false, reason: base === undefined ? 'missing from this run' : `missing from this run (main: ${formatNumber(base)})` };
  }
  const reasons: string[] = [];
  let note: string | undefined;
  if (base !== undefined && gate.tolerance !== undefined && !withinTolerance(direction, gate, base, head)) {
    const judged = gate.confidence === undefined ? undefined : significance(direction, gate, base, gate.confidence, evidence);
    if (judged?.significant === false) note = `${toleranceReason(direction, gate, base, head)}, ${judged.text}`;
    else {
      reasons.push(judged ? `${toleranceReason(direction, gate, base, head)}, ${judged.text}` : toleranceReason(direction, gate, base, head));
    }
  }
  if (gate.threshold !== undefined && !meetsThreshold(direction, gate.threshold, head)) {
    reasons.push(
      direction === 'higher'
        ? `${formatNumber(head)} is below the minimum ${formatNumber(gate.threshold)}`
        : `${formatNumber(head)} is above the maximum ${formatNumber(gate.threshold)}`,
    );
  }
  const result: GateResult = reasons.length === 0 ? { passed: true } : { passed: false, reason: reasons.join('; ') };
  if (note !== undefined) result.note = note;
  return result;
}

/**
 * A regression past the tolerance is significant when even the end of the interval most favourable to
 * the PR is past it, and, for accuracy, McNemar's exact test rejects "no change" at the same confidence.
 * The test rows are too few to tell when the interval's half-width exceeds the tolerance (they cannot
 * resolve a change that size) or there are fewer discordant rows than McNemar's test needs to ever reject.
 */
function significance(
  direction: Direction,
  gate: Gate,
  base: number,
  confidence: number,
  evidence: DeltaEvidence | undefined,
): { significant: boolean | undefined; text: string } {
  const level = `${formatNumber(confidence * 100)}%`;
  if (!evidence) {
    return { significant: undefined, text: `significance at ${level} not checked: main's and this PR's models were not scored on the same rows` };
  }
  const { interval, mcnemar, rows } = evidence;
  const allowed = allowedRegression(gate, base) as number;
  const leastRegression = direction === 'higher' ? -interval.high : interval.low;
  const beyond = leastRegression > allowed && !nearlyEqual(leastRegression, allowed);
  const rejects = mcnemar === undefined || mcnemar.p < 1 - confidence;
  const range = `${level} interval of Δ [${formatNumber(interval.low)}, ${formatNumber(interval.high)}]${
    mcnemar ? `, McNemar p = ${formatNumber(mcnemar.p)}` : ''
  }`;
  if (beyond && rejects) return { significant: true, text: `significant at ${level} (${range})` };
  const tooWide = (interval.high - interval.low) / 2 > allowed;
  const tooFewDiscordant = mcnemar !== undefined && mcnemar.fixed + mcnemar.broken < mcnemarMinimumDiscordant(confidence);
  const tooFew = tooWide || tooFewDiscordant ? `: ${rows} test rows are too few to tell` : '';
  return { significant: false, text: `but not significant at ${level} (${range})${tooFew}` };
}

function meetsThreshold(direction: Direction, threshold: number, head: number): boolean {
  if (nearlyEqual(head, threshold)) return true;
  return direction === 'higher' ? head > threshold : head < threshold;
}

function toleranceReason(direction: Direction, gate: Gate, base: number, head: number): string {
  const moved = `${direction === 'higher' ? 'fell' : 'rose'} by ${formatNumber(Math.abs(head - base))}`;
  const tolerance = gate.tolerance as number;
  if (!gate.relative) return `${moved}, more than the ${formatNumber(tolerance)} allowed`;
  const share = base === 0 ? `from main's 0` : `(${formatNumber((Math.abs(head - base) / Math.abs(base)) * 100)}% of main)`;
  return `${moved} ${share}, more than the ${formatNumber(tolerance * 100)}% allowed`;
}

/** The gate in a few symbols, e.g. `Δ ≥ -0.01, ≥ 0.9` or `Δ ≤ +2%`: what a maintainer checks a row against. */
export function describeGate(direction: Direction, gate: Gate): string {
  const parts: string[] = [];
  if (gate.tolerance !== undefined) {
    const amount = gate.relative ? `${formatNumber(gate.tolerance * 100)}%` : formatNumber(gate.tolerance);
    parts.push(direction === 'higher' ? `Δ ≥ -${amount}` : `Δ ≤ +${amount}`);
    if (gate.confidence !== undefined) parts[parts.length - 1] += ` (fails only if significant at ${formatNumber(gate.confidence * 100)}%)`;
  }
  if (gate.threshold !== undefined) parts.push(`${direction === 'higher' ? '≥' : '≤'} ${formatNumber(gate.threshold)}`);
  if (gate.beats !== undefined) parts.push(`beats ${gate.beats.join(', ')}`);
  return parts.join(', ');
}
