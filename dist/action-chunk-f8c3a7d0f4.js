import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/metrics/mcnemar.ts
function mcnemarExact(fixed, broken) {
  return { fixed, broken, p: Math.min(1, 2 * binomialHalfTail(fixed + broken, Math.min(fixed, broken))) };
}
function binomialHalfTail(n, k) {
  if (k >= n) return 1;
  const logHalfPowN = -n * Math.LN2;
  let logTerm = logHalfPowN;
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
function mcnemarMinimumDiscordant(confidence) {
  return Math.floor(Math.log2(2 / (1 - confidence))) + 1;
}

export {
  mcnemarExact,
  mcnemarMinimumDiscordant
};
