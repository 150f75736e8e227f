import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/data/random.ts
function createRng(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function seededShuffle(n, seed) {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const random = createRng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}

// src/metrics/classification.ts
function confusionMatrix(actual, predicted, classCount, weight) {
  const counts = Array.from({ length: classCount }, () => new Array(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) counts[actual[i]][predicted[i]] += weight ? weight[i] : 1;
  return counts;
}
function accuracy(matrix) {
  let right = 0;
  let total = 0;
  matrix.forEach((row, k) => {
    right += row[k];
    for (const count of row) total += count;
  });
  return total === 0 ? 0 : right / total;
}
function classScores(matrix, k) {
  const truePositive = matrix[k][k];
  const predicted = matrix.reduce((sum, row) => sum + row[k], 0);
  const actual = matrix[k].reduce((sum, count) => sum + count, 0);
  const precision = predicted === 0 ? 0 : truePositive / predicted;
  const recall = actual === 0 ? 0 : truePositive / actual;
  const f1 = precision + recall === 0 ? 0 : 2 * precision * recall / (precision + recall);
  return { precision, recall, f1 };
}
function macroScores(matrix) {
  const present = matrix.map((_, k) => k).filter((k) => matrix[k].some((count) => count > 0) || matrix.some((row) => row[k] > 0));
  const sum = { precision: 0, recall: 0, f1: 0 };
  for (const k of present) {
    const scores = classScores(matrix, k);
    sum.precision += scores.precision;
    sum.recall += scores.recall;
    sum.f1 += scores.f1;
  }
  const n = Math.max(present.length, 1);
  return { precision: sum.precision / n, recall: sum.recall / n, f1: sum.f1 / n };
}
function rocAuc(positive, scores, weight) {
  return rocAucSorted(sortForRocAuc(positive, scores), weight);
}
var POSITIVE = 1;
var LAST_TIED = 2;
function sortForRocAuc(positive, scores) {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    flags[i] = (positive[order[i]] === 1 ? POSITIVE : 0) | (i === n - 1 || scores[order[i + 1]] !== scores[order[i]] ? LAST_TIED : 0);
  }
  return { order, flags };
}
function rocAucSorted(rows, weight) {
  const { order, flags } = rows;
  let negativesBelow = 0;
  let pairs = 0;
  let positives = 0;
  let groupPositives = 0;
  let groupNegatives = 0;
  for (let i = 0; i < order.length; i++) {
    const w = weight ? weight[order[i]] : 1;
    if (flags[i] & POSITIVE) groupPositives += w;
    else groupNegatives += w;
    if (flags[i] & LAST_TIED) {
      pairs += groupPositives * (negativesBelow + groupNegatives / 2);
      negativesBelow += groupNegatives;
      positives += groupPositives;
      groupPositives = 0;
      groupNegatives = 0;
    }
  }
  if (positives === 0 || negativesBelow === 0) return NaN;
  return pairs / (positives * negativesBelow);
}
var LOG_LOSS_EPSILON = 1e-15;
function logLoss(probabilityOfTrueClass, weight) {
  return weightedMean(logLossTerms(probabilityOfTrueClass), weight);
}
function logLossTerms(probabilityOfTrueClass) {
  const terms = new Float64Array(probabilityOfTrueClass.length);
  for (let i = 0; i < terms.length; i++) {
    terms[i] = -Math.log(Math.min(Math.max(probabilityOfTrueClass[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON));
  }
  return terms;
}
function weightedMean(values, weight) {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weight ? weight[i] : 1;
    sum += w * values[i];
    total += w;
  }
  return sum / total;
}

// src/metrics/regression.ts
function rmse(actual, predicted, weight) {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    const w = weight ? weight[i] : 1;
    sum += w * (actual[i] - predicted[i]) ** 2;
    total += w;
  }
  return Math.sqrt(sum / total);
}
function mae(actual, predicted, weight) {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    const w = weight ? weight[i] : 1;
    sum += w * Math.abs(actual[i] - predicted[i]);
    total += w;
  }
  return sum / total;
}
function r2(actual, predicted, weight) {
  const n = actual.length;
  let mean = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i] : 1;
    mean += w * actual[i];
    total += w;
  }
  mean /= total;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i] : 1;
    residual += w * (actual[i] - predicted[i]) ** 2;
    spread += w * (actual[i] - mean) ** 2;
  }
  if (spread === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / spread;
}

export {
  createRng,
  seededShuffle,
  confusionMatrix,
  accuracy,
  classScores,
  macroScores,
  rocAuc,
  sortForRocAuc,
  rocAucSorted,
  logLoss,
  logLossTerms,
  weightedMean,
  rmse,
  mae,
  r2
};
