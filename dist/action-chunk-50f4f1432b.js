import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  accuracy,
  classScores,
  confusionMatrix,
  createRng,
  logLossTerms,
  macroScores,
  mae,
  r2,
  rmse,
  rocAucSorted,
  sortForRocAuc,
  weightedMean
} from "./action-chunk-d2a1d9ef9d.js";
import {
  mcnemarExact
} from "./action-chunk-f8c3a7d0f4.js";

// src/compare/paired-bootstrap.ts
import { createHash } from "node:crypto";
var BOOTSTRAP_RESAMPLES = 2e3;
var SEED_SALT = "model-ci paired bootstrap v1";
function pairedBootstrap(paired, resamples = BOOTSTRAP_RESAMPLES) {
  checkShapes(paired);
  const n = paired.rows;
  const base = sideScorer(paired, paired.base);
  const head = sideScorer(paired, paired.head);
  const names = head.names.filter((name) => base.names.includes(name));
  const baseAt = names.map((name) => base.names.indexOf(name));
  const headAt = names.map((name) => head.names.indexOf(name));
  const seed = bootstrapSeed(paired);
  const draws = names.map(() => new Float64Array(resamples));
  const kept = names.map(() => 0);
  const random = createRng(seed);
  const weight = new Uint32Array(n);
  for (let b = 0; b < resamples; b++) {
    weight.fill(0);
    for (let i = 0; i < n; i++) weight[Math.floor(random() * n)]++;
    const headValues = head.score(weight);
    const baseValues = base.score(weight);
    names.forEach((_, m) => {
      const delta = headValues[headAt[m]] - baseValues[baseAt[m]];
      if (Number.isFinite(delta)) draws[m][kept[m]++] = delta;
    });
  }
  const headPoint = head.score();
  const basePoint = base.score();
  const metrics = {};
  names.forEach((name, m) => {
    const [b, h] = [basePoint[baseAt[m]], headPoint[headAt[m]]];
    if (!Number.isFinite(b) || !Number.isFinite(h)) return;
    metrics[name] = { base: b, head: h, delta: h - b, deltas: draws[m].slice(0, kept[m]).sort() };
  });
  const noise = { rows: n, resamples, seed, metrics };
  if (paired.task !== "regression") noise.mcnemar = mcnemarOf(paired);
  return noise;
}
function percentileInterval(sortedDeltas, confidence) {
  if (sortedDeltas.length === 0) return void 0;
  const tail = (1 - confidence) / 2;
  return { low: quantile(sortedDeltas, tail), high: quantile(sortedDeltas, 1 - tail), confidence };
}
function quantile(sorted, q) {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
function bootstrapSeed(paired) {
  const hash = createHash("sha256").update(`${SEED_SALT}\0${paired.task}\0${paired.rows}\0`);
  const arrays = [paired.truth, ...sideArrays(paired.base), ...sideArrays(paired.head)];
  for (const array of arrays) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)).update("\0");
  return hash.digest().readUInt32LE(0);
}
function sideArrays(side) {
  return [side.label, side.probabilities, side.value].filter((array) => array !== void 0);
}
function sideScorer(paired, side) {
  if (paired.task === "regression") {
    const truth2 = paired.truth;
    const value = side.value;
    return { names: ["rmse", "mae", "r2"], score: (w) => [rmse(truth2, value, w), mae(truth2, value, w), r2(truth2, value, w)] };
  }
  const truth = paired.truth;
  const label = side.label;
  const k = paired.classes.length;
  const probabilities = side.probabilities;
  const lossTerms = probabilities ? logLossTerms(Float64Array.from(truth, (actual, i) => probabilities[i * k + actual])) : void 0;
  if (paired.task === "binary-classification") {
    const positiveScore = probabilities ? Float64Array.from(truth, (_, i) => probabilities[i * k + 1]) : void 0;
    const aucRows = positiveScore ? sortForRocAuc(truth, positiveScore) : void 0;
    const names2 = ["accuracy", "precision", "recall", "f1", ...probabilities ? ["roc_auc", "log_loss"] : []];
    return {
      names: names2,
      score: (w) => {
        const matrix = confusionMatrix(truth, label, k, w);
        const scores = classScores(matrix, 1);
        const values = [accuracy(matrix), scores.precision, scores.recall, scores.f1];
        if (aucRows && lossTerms) {
          values.push(rocAucSorted(aucRows, w), weightedMean(lossTerms, w));
        }
        return values;
      }
    };
  }
  const names = ["accuracy", "precision", "recall", "f1", ...probabilities ? ["log_loss"] : []];
  return {
    names,
    score: (w) => {
      const matrix = confusionMatrix(truth, label, k, w);
      const scores = macroScores(matrix);
      const values = [accuracy(matrix), scores.precision, scores.recall, scores.f1];
      if (lossTerms) values.push(weightedMean(lossTerms, w));
      return values;
    }
  };
}
function mcnemarOf(paired) {
  const truth = paired.truth;
  const base = paired.base.label;
  const head = paired.head.label;
  let fixed = 0;
  let broken = 0;
  for (let i = 0; i < paired.rows; i++) {
    const baseRight = base[i] === truth[i];
    const headRight = head[i] === truth[i];
    if (headRight && !baseRight) fixed++;
    else if (baseRight && !headRight) broken++;
  }
  return mcnemarExact(fixed, broken);
}
function checkShapes(paired) {
  const n = paired.rows;
  const fail = (what) => {
    throw new Error(`pairedBootstrap: ${what} (rows: ${n})`);
  };
  if (!Number.isInteger(n) || n < 1) fail("no paired rows");
  if (paired.truth.length !== n) fail(`truth has ${paired.truth.length} values`);
  for (const [name, side] of [
    ["base", paired.base],
    ["head", paired.head]
  ]) {
    if (paired.task === "regression") {
      if (side.value?.length !== n) fail(`${name}.value has ${side.value?.length ?? "no"} values`);
      continue;
    }
    const k = paired.classes?.length ?? 0;
    if (k < 2) fail("a classification needs at least 2 classes");
    if (side.label?.length !== n) fail(`${name}.label has ${side.label?.length ?? "no"} values`);
    if (side.probabilities && side.probabilities.length !== n * k) fail(`${name}.probabilities has ${side.probabilities.length} values, not rows \xD7 ${k}`);
    const label = side.label;
    for (let i = 0; i < n; i++) if (!(label[i] >= 0 && label[i] < k)) fail(`${name}.label[${i}] is ${label[i]}, not a class index`);
  }
  if (paired.task !== "regression") {
    const k = paired.classes?.length ?? 0;
    for (let i = 0; i < n; i++) if (!(paired.truth[i] >= 0 && paired.truth[i] < k)) fail(`truth[${i}] is ${paired.truth[i]}, not a class index`);
  }
}

// src/compare/prediction-diff.ts
var SHOWN_ROWS = 10;
var CHANGE_QUANTILES = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
function diffPredictions(paired) {
  let newRows = 0;
  for (let i = 0; i < paired.rows; i++) newRows += paired.isNew[i];
  const diff = { file: paired.file, rows: paired.rows, newRows };
  if (paired.task === "regression") diff.regression = valueChanges(paired);
  else diff.classification = classChanges(paired);
  return diff;
}
function classChanges(paired) {
  const truth = paired.truth;
  const base = paired.base.label;
  const head = paired.head.label;
  const changes = { changed: 0, fixed: 0, broken: 0, brokenLines: [], fixedLines: [] };
  for (let i = 0; i < paired.rows; i++) {
    if (base[i] === head[i]) continue;
    changes.changed++;
    if (head[i] === truth[i]) {
      changes.fixed++;
      changes.fixedLines.push(paired.lines[i]);
    } else if (base[i] === truth[i]) {
      changes.broken++;
      changes.brokenLines.push(paired.lines[i]);
    }
  }
  changes.brokenLines = firstLines(changes.brokenLines);
  changes.fixedLines = firstLines(changes.fixedLines);
  const classes = paired.classes;
  if (paired.task === "multiclass-classification") {
    const baseMatrix = confusionMatrix(truth, base, classes.length);
    const headMatrix = confusionMatrix(truth, head, classes.length);
    changes.perClass = classes.map((label, k) => {
      const [b, h] = [classScores(baseMatrix, k), classScores(headMatrix, k)];
      return {
        label,
        support: headMatrix[k].reduce((sum, count) => sum + count, 0),
        precision: { base: b.precision, head: h.precision },
        recall: { base: b.recall, head: h.recall }
      };
    });
  }
  return changes;
}
function firstLines(lines) {
  return lines.sort((a, b) => a - b).slice(0, SHOWN_ROWS);
}
function valueChanges(paired) {
  const base = paired.base.value;
  const head = paired.head.value;
  const change = Float64Array.from(head, (value, i) => value - base[i]);
  let changed = 0;
  for (const delta of change) if (delta !== 0) changed++;
  const sorted = change.slice().sort();
  const order = Uint32Array.from({ length: paired.rows }, (_, i) => i).sort(
    (a, b) => Math.abs(change[b]) - Math.abs(change[a]) || paired.lines[a] - paired.lines[b]
  );
  const moved = [];
  for (const i of order.subarray(0, SHOWN_ROWS)) {
    if (change[i] === 0) break;
    moved.push({ line: paired.lines[i], truth: paired.truth[i], base: base[i], head: head[i] });
  }
  return { changed, quantiles: CHANGE_QUANTILES.map((q) => ({ q, change: quantile(sorted, q) })), moved };
}

export {
  pairedBootstrap,
  percentileInterval,
  SHOWN_ROWS,
  diffPredictions
};
