/**
 * How numbers read in comparisons and reports. Gate reasons are sentences the action
 * also prints as annotations, so the compare core and the report share one formatter.
 */

/** Metrics equal to this relative precision are the same number: float noise across runs is not a change. */
const EQUAL_EPSILON = 1e-12;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EQUAL_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * 4 significant digits, integers as integers, trailing zeros dropped, exponent only for
 * tiny magnitudes (a loss of 1.2e-7 must not print as 0). With `decimals`, exactly that many
 * decimals instead (a column of one metric then lines up, and shows no more precision than its
 * data holds: `metricDecimals` in src/report/precision.ts). Non-finite numbers are a bug
 * upstream: `compareRuns` rejects them before anything is formatted.
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot format ${value}: metrics are checked to be finite before reporting`);
  if (decimals !== undefined) {
    const text = value.toFixed(decimals);
    // A tiny negative rounds to `-0.000`: it reads as a change the precision cannot show.
    return /^-[0.]+$/.test(text) ? text.slice(1) : text;
  }
  if (value === 0) return '0';
  if (Number.isInteger(value)) return integerText(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4) return integerText(Math.round(value));
  if (magnitude < 1e-4) return stripZeros(value.toExponential(3));
  const text = value.toPrecision(4);
  // 9999.99 rounds up to `1.000e+4`: print it as the integer it became.
  return text.includes('e+') ? integerText(Math.round(value)) : stripZeros(text);
}

/** A change: explicit `+` for increases, `0` when there is none (or none at this many `decimals`). */
export function formatSigned(value: number, decimals?: number): string {
  const text = formatNumber(value, decimals);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** A percentage with one decimal and an explicit sign, e.g. `+1.3%`, `-0.0%` for a tiny drop. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot format ${value}%`);
  if (value === 0) return '0.0%';
  const text = Math.abs(value).toFixed(1);
  return `${value > 0 ? '+' : '-'}${text}%`;
}

function integerText(value: number): string {
  // Beyond 1e21 toString switches to exponent notation; BigInt keeps all digits.
  return Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value === 0 ? 0 : value);
}

function stripZeros(text: string): string {
  return text.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
}
