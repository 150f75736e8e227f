/**
 * McNemar's exact test: are two classifiers' accuracies on the same rows different? Only the discordant
 * rows carry evidence (`fixed`: base wrong, head right; `broken`: base right, head wrong); under the null
 * hypothesis each is a fair coin, so the two-sided p-value is twice the smaller binomial tail (capped at 1).
 * Exact, not the chi-square approximation, which is poor for the few discordant rows a small test set has.
 */

export interface McNemar {
  fixed: number;
  broken: number;
  /** Two-sided exact p-value. */
  p: number;
}

export function mcnemarExact(fixed: number, broken: number): McNemar {
  return { fixed, broken, p: Math.min(1, 2 * binomialHalfTail(fixed + broken, Math.min(fixed, broken))) };
}

/**
 * P(X ≤ k) for X ~ Binomial(n, ½), summed in log space: ½ⁿ underflows a double beyond n ≈ 1074, and a
 * large test set has that many discordant rows. O(k).
 */
export function binomialHalfTail(n: number, k: number): number {
  if (k >= n) return 1;
  const logHalfPowN = -n * Math.LN2;
  let logTerm = logHalfPowN; // log(C(n, 0) ½ⁿ)
  let largest = logTerm;
  const logs = [logTerm];
  for (let i = 0; i < k; i++) {
    logTerm += Math.log(n - i) - Math.log(i + 1);
    logs.push(logTerm);
    if (logTerm > largest) largest = logTerm;
  }
  let sum = 0;
  for (const term of logs) sum += Math.exp(term - largest);
  return Math.min(1, Math.exp(largest + Math.log(sum)));
}

/**
 * The fewest discordant rows with which the exact test can reject at `confidence` at all: with fewer,
 * even all of them going one way gives p = 2·½ⁿ ≥ 1 − confidence.
 */
export function mcnemarMinimumDiscordant(confidence: number): number {
  // 2·½ⁿ < 1 − confidence ⇔ n > log2(2 / (1 − confidence)).
  return Math.floor(Math.log2(2 / (1 - confidence))) + 1;
}
