import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  encodeTable,
  fitPreprocessing
} from "./cli-chunk-da0da7856f.js";
import {
  readCsvFile
} from "./cli-chunk-75b5eb63a8.js";
import {
  allRows,
  column,
  lineOfRow
} from "./cli-chunk-19e7804730.js";
import {
  createPredictor,
  loadEngine,
  loadModel
} from "./cli-chunk-a8ec06f77a.js";
import {
  hashModel,
  saveModel,
  sha256,
  writeJsonArtifact
} from "./cli-chunk-5595f77bb2.js";
import {
  DEFAULT_ARTIFACTS_DIR
} from "./cli-chunk-89980272e8.js";
import {
  VERSION
} from "./cli-chunk-413a98cce8.js";
import {
  ARTIFACT_FILES
} from "./cli-chunk-4293b75db3.js";
import {
  confineInputs,
  loadConfig,
  loadParams
} from "./cli-chunk-831e54c8a1.js";
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  quote,
  showName
} from "./cli-chunk-55db69e02f.js";
import {
  tryGit
} from "./cli-chunk-4a2bad3387.js";

// src/train/pipeline.ts
import { join as join2 } from "node:path";

// src/data/dataset.ts
import { relative, sep } from "node:path";

// src/data/row-key.ts
import { createHash } from "node:crypto";
function rowKeys(table, rows) {
  const key = rowKeyer(table);
  const count = rows ? rows.length : table.rowCount;
  const keys = new Array(count);
  for (let i = 0; i < count; i++) keys[i] = key(rows ? rows[i] : i);
  return keys;
}
function splitPoint(key, seed) {
  let x = BigInt.asUintN(64, BigInt(`0x${key.slice(0, 16)}`) ^ BigInt(seed >>> 0) * 0x9e3779b97f4a7c15n);
  x = BigInt.asUintN(64, (x ^ x >> 30n) * 0xbf58476d1ce4e5b9n);
  x = BigInt.asUintN(64, (x ^ x >> 27n) * 0x94d049bb133111ebn);
  x ^= x >> 31n;
  return Number(x >> 11n) / 2 ** 53;
}
var NUMBER = 0;
var TEXT = 1;
function rowKeyer(table) {
  const columns = [...table.columns].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const names2 = Buffer.from(JSON.stringify(columns.map((c) => c.name)), "utf8");
  const texts = columns.map(
    (col) => col.kind === "categorical" ? col.dictionary.map((value) => {
      const bytes = Buffer.from(value, "utf8");
      const cell = Buffer.alloc(5 + bytes.length);
      cell[0] = TEXT;
      cell.writeUInt32LE(bytes.length, 1);
      bytes.copy(cell, 5);
      return cell;
    }) : []
  );
  const capacity = names2.length + columns.reduce((sum, col, i) => sum + (col.kind === "numeric" ? 5 : Math.max(0, ...texts[i].map((t) => t.length))), 0);
  const buffer = Buffer.alloc(capacity);
  names2.copy(buffer, 0);
  const float = new Float32Array(1);
  const floatBytes = new Uint8Array(float.buffer);
  return (row) => {
    let at = names2.length;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i];
      if (col.kind === "numeric") {
        const value = col.values[row];
        float[0] = Number.isNaN(value) ? Number.NaN : value === 0 ? 0 : value;
        buffer[at] = NUMBER;
        buffer.set(floatBytes, at + 1);
        at += 5;
      } else {
        const cell = texts[i][col.codes[row]];
        cell.copy(buffer, at);
        at += cell.length;
      }
    }
    return createHash("sha256").update(buffer.subarray(0, at)).digest("hex");
  };
}

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

// src/data/split.ts
function testRowCount(n, fraction) {
  return Math.round(n * fraction);
}
function randomSplit(n, fraction, seed) {
  const order = seededShuffle(n, seed);
  const held = testRowCount(n, fraction);
  return { test: sorted(order.subarray(0, held)), train: sorted(order.subarray(held)) };
}
function stratifiedSplit(classOfRow, classCount, fraction, seed) {
  const n = classOfRow.length;
  const counts = new Array(classCount).fill(0);
  for (const k of classOfRow) counts[k]++;
  const shares = counts.map((count) => count * fraction);
  const quotas = shares.map(Math.floor);
  let missing = testRowCount(n, fraction) - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((_, k) => k).sort((a, b) => shares[b] - quotas[b] - (shares[a] - quotas[a]) || a - b);
  for (const k of byRemainder) {
    if (missing <= 0) break;
    quotas[k]++;
    missing--;
  }
  const held = counts.map((count, k) => count < 2 ? 0 : Math.min(Math.max(quotas[k], 1), count - 1));
  const inTest = new Uint8Array(n);
  let tested = 0;
  for (const row of seededShuffle(n, seed)) {
    const k = classOfRow[row];
    if (held[k] > 0) {
      held[k]--;
      inTest[row] = 1;
      tested++;
    }
  }
  const test = new Uint32Array(tested);
  const train = new Uint32Array(n - tested);
  for (let row = 0, t = 0, r = 0; row < n; row++) {
    if (inTest[row]) test[t++] = row;
    else train[r++] = row;
  }
  return { test, train };
}
function sorted(rows) {
  return Uint32Array.from(rows).sort();
}
function hashSplit(points, keys, fraction, classOfRow, classCount = 0) {
  const n = points.length;
  const inTest = new Uint8Array(n);
  for (let row = 0; row < n; row++) inTest[row] = points[row] < fraction ? 1 : 0;
  const unsplit = [];
  if (classOfRow) {
    const tested = new Array(classCount).fill(0);
    const total = new Array(classCount).fill(0);
    const highestTest = new Array(classCount).fill(-1);
    const lowestTrain = new Array(classCount).fill(-1);
    for (let row = 0; row < n; row++) {
      const k = classOfRow[row];
      total[k]++;
      if (inTest[row]) {
        tested[k]++;
        if (highestTest[k] < 0 || points[row] > points[highestTest[k]]) highestTest[k] = row;
      } else if (lowestTrain[k] < 0 || points[row] < points[lowestTrain[k]]) lowestTrain[k] = row;
    }
    for (let k = 0; k < classCount; k++) {
      if (total[k] === 1 && tested[k] === 1) inTest[highestTest[k]] = 0;
      if (total[k] < 2 || tested[k] > 0 && tested[k] < total[k]) continue;
      const mover = tested[k] === 0 ? lowestTrain[k] : highestTest[k];
      const key = keys[mover];
      const toTest = tested[k] === 0 ? 1 : 0;
      let moved = 0;
      for (let row = 0; row < n; row++) {
        if (classOfRow[row] === k && keys[row] === key) {
          inTest[row] = toTest;
          moved++;
        }
      }
      if (moved === total[k]) {
        for (let row = 0; row < n; row++) if (classOfRow[row] === k) inTest[row] = 0;
        unsplit.push(k);
      }
    }
  }
  let count = 0;
  for (let row = 0; row < n; row++) count += inTest[row];
  const test = new Uint32Array(count);
  const train = new Uint32Array(n - count);
  for (let row = 0, t = 0, r = 0; row < n; row++) {
    if (inTest[row]) test[t++] = row;
    else train[r++] = row;
  }
  return { test, train, unsplit };
}

// src/data/dataset.ts
async function loadDataset(config) {
  const { data, task } = config;
  const classification = task !== "regression";
  const categorical = [...data.categoricalColumns ?? [], ...classification ? [data.target] : []];
  const trainFile = await readCsvFile(data.train, { categorical, float32: true });
  const whole = trainFile.table;
  checkColumns(config, whole);
  const files = { [dataFileKey(config, data.train)]: { hash: trainFile.hash, rows: whole.rowCount } };
  if (data.test) {
    const trainCategorical = whole.columns.filter((c) => c.kind === "categorical").map((c) => c.name);
    const testFile = await readCsvFile(data.test, { categorical: trainCategorical, float32: true });
    checkSameColumns(whole, testFile.table);
    files[dataFileKey(config, data.test)] = { hash: testFile.hash, rows: testFile.table.rowCount };
    if (whole.rowCount < 2) throw tooFew(config, `${displayPath(data.train)} has ${whole.rowCount} row; training needs at least 2`);
    return { train: allRows(whole), test: allRows(testFile.table), files };
  }
  const split = data.split;
  const target = column(whole, data.target);
  const stratified = classification && split.stratify && target.kind === "categorical";
  const rows = split.method === "shuffle" ? shuffledSplit(config, whole, stratified) : contentSplit(config, whole, stratified);
  if (!stratified && target.kind === "categorical" && classification) checkEveryClassTrained(config, target, rows);
  return { train: { table: whole, rows: rows.train }, test: { table: whole, rows: rows.test }, files };
}
function shuffledSplit(config, whole, stratified) {
  const split = config.data.split;
  const n = whole.rowCount;
  const held = testRowCount(n, split.test);
  if (held < 1 || n - held < 2) throw splitTooSmall(config, whole, held);
  const target = column(whole, config.data.target);
  return stratified && target.kind === "categorical" ? stratifiedSplit(target.codes, target.dictionary.length, split.test, split.seed) : randomSplit(n, split.test, split.seed);
}
function contentSplit(config, whole, stratified) {
  const split = config.data.split;
  const keys = rowKeys(whole);
  const points = Float64Array.from(keys, (key) => splitPoint(key, split.seed));
  const target = column(whole, config.data.target);
  const rows = stratified && target.kind === "categorical" ? hashSplit(points, keys, split.test, target.codes, target.dictionary.length) : hashSplit(points, keys, split.test);
  if (rows.test.length < 1 || rows.train.length < 2) throw splitTooSmall(config, whole, rows.test.length);
  return rows;
}
function splitTooSmall(config, whole, held) {
  const { split } = config.data;
  const n = whole.rowCount;
  return tooFew(
    config,
    `\`data.split.test\` ${split.test} of the ${n} rows of ${displayPath(whole.file)} leaves ${held} test and ${n - held} training rows${split.method === "hash" ? ` (with \`method: hash\`, each row's side follows from its content and \`seed\`)` : ""}; a split needs at least 1 test row and 2 training rows`
  );
}
function dataFileKey(config, file) {
  return relative(config.root, file).split(sep).join("/");
}
function tooFew(config, message) {
  return new UserError(message, { file: displayPath(config.file), field: "data.split.test" });
}
function checkColumns(config, table) {
  const { target: targetName, features } = config.data;
  const target = column(table, targetName);
  for (const name of [...features ?? [], ...config.data.categoricalColumns ?? []]) column(table, name);
  if (table.columns.length < 2) {
    throw new UserError(`${displayPath(table.file)} has no feature columns besides the target \`${targetName}\``, {
      file: displayPath(table.file),
      line: 1
    });
  }
  const where = { file: displayPath(table.file), field: targetName };
  if (config.task === "regression") {
    if (target.kind !== "numeric") {
      const row = firstTextRow(target);
      throw new UserError(`the target \`${targetName}\` of a regression must hold numbers, but line ${lineOfRow(table, row)} has text there`, {
        ...where,
        line: lineOfRow(table, row)
      });
    }
    return;
  }
  if (target.kind !== "categorical") return;
  const labels = target.dictionary;
  if (labels.length < 2) {
    throw new UserError(
      `the target \`${targetName}\` has a single class (${quote(labels[0])}) in all ${table.rowCount} rows; classification needs at least two classes`,
      where
    );
  }
  if (config.task === "binary-classification" && labels.length > 2) {
    throw new UserError(
      `the target \`${targetName}\` has ${labels.length} classes (${preview(labels)}); binary-classification needs exactly 2 \u2014 use task: multiclass-classification`,
      where
    );
  }
}
function firstTextRow(col) {
  return Math.max(
    0,
    col.codes.findIndex((code) => Number.isNaN(Number(col.dictionary[code])))
  );
}
function preview(labels) {
  const shown = labels.slice(0, 10).map(quote);
  return labels.length > 10 ? `${shown.join(", ")}, \u2026` : shown.join(", ");
}
function names(list) {
  const shown = list.slice(0, 10).map(showName).join(", ");
  return list.length > 10 ? `${shown}, \u2026 (${list.length} in all)` : shown;
}
function checkSameColumns(train, test) {
  const trainNames = train.columns.map((c) => c.name);
  const testNames = new Set(test.columns.map((c) => c.name));
  const missing = trainNames.filter((name) => !testNames.has(name));
  const extra = [...testNames].filter((name) => !trainNames.includes(name));
  const where = { file: displayPath(test.file), line: 1 };
  if (missing.length > 0 || extra.length > 0) {
    const parts = [missing.length > 0 && `lacks ${names(missing)}`, extra.length > 0 && `has extra ${names(extra)}`].filter(Boolean);
    throw new UserError(`the test file's columns differ from ${displayPath(train.file)}: it ${parts.join(" and ")}`, where);
  }
  for (const col of train.columns) {
    const other = column(test, col.name);
    if (col.kind === "numeric" && other.kind === "categorical") {
      const row = firstTextRow(other);
      throw new UserError(
        `column ${showName(col.name)} holds numbers in ${displayPath(train.file)} but text in the test file, first on line ${lineOfRow(test, row)}`,
        { ...where, line: lineOfRow(test, row) }
      );
    }
  }
}
function checkEveryClassTrained(config, target, rows) {
  const trained = /* @__PURE__ */ new Set();
  for (const row of rows.train) trained.add(target.codes[row]);
  const untrained = target.dictionary.filter((_, code) => !trained.has(code));
  if (untrained.length > 0) {
    throw new UserError(
      `with \`data.split.seed\` ${config.data.split.seed}, class ${preview(untrained)} of \`${config.data.target}\` has no training rows; set \`data.split.stratify: true\` or use more data`,
      { file: displayPath(config.file), field: "data.split" }
    );
  }
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

// src/metrics/row-predictions.ts
function decodeOutputs(pre, output) {
  if (pre.task === "regression") return { value: toTargetUnits(pre, output) };
  if (pre.task === "binary-classification") {
    const rows2 = output.length;
    const label2 = new Int32Array(rows2);
    const probabilities = new Float32Array(rows2 * 2);
    for (let r = 0; r < rows2; r++) {
      const p = output[r];
      label2[r] = p >= 0.5 ? 1 : 0;
      probabilities[r * 2] = 1 - p;
      probabilities[r * 2 + 1] = p;
    }
    return { label: label2, probabilities };
  }
  const k = pre.classes.length;
  const rows = output.length / k;
  const label = new Int32Array(rows);
  for (let r = 0; r < rows; r++) label[r] = argmax(output, r * k, k);
  return { label, probabilities: Float32Array.from(output) };
}
function decodeTargets(pre, y) {
  if (pre.task === "regression") return toTargetUnits(pre, y);
  if (pre.task === "binary-classification") return Int32Array.from(y, (v) => v >= 0.5 ? 1 : 0);
  const k = pre.classes.length;
  const rows = y.length / k;
  const label = new Int32Array(rows);
  for (let r = 0; r < rows; r++) label[r] = argmax(y, r * k, k);
  return label;
}
function inClassOrder(predictions, from, to) {
  const { label, probabilities } = predictions;
  if (!label || !probabilities) return predictions;
  const target = Int32Array.from(from, (name) => to.indexOf(name));
  if (target.some((index) => index < 0)) throw new Error("inClassOrder: a class of the model is missing from the target order");
  const rows = label.length;
  const k = from.length;
  const width = to.length;
  const moved = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < k; j++) moved[r * width + target[j]] = probabilities[r * k + j];
  return { label: Int32Array.from(label, (j) => target[j]), probabilities: moved };
}
function toTargetUnits(pre, standardised) {
  const { mean, std } = pre.targetScale;
  return Float64Array.from(standardised, (z) => z * std + mean);
}
function argmax(values, offset, k) {
  let best = 0;
  for (let j = 1; j < k; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}
function pairPredictions(input) {
  const { base, head } = input;
  const truth = decodeTargets(head.pre, input.headTargets);
  const common = { task: head.pre.task, rows: truth.length, truth, file: input.file, lines: input.lines, isNew: input.isNew };
  if (head.pre.task === "regression") return { ...common, base: decodeOutputs(base.pre, base.output), head: decodeOutputs(head.pre, head.output) };
  const headClasses = head.pre.classes;
  const baseClasses = base.pre.classes;
  const classes = [...headClasses, ...baseClasses.filter((name) => !headClasses.includes(name))];
  return {
    ...common,
    classes,
    base: inClassOrder(decodeOutputs(base.pre, base.output), baseClasses, classes),
    head: inClassOrder(decodeOutputs(head.pre, head.output), headClasses, classes)
  };
}
function pairingProblem(base, head, columns, truthClasses) {
  if (base.task !== head.task) return `main's model is a ${base.task} model and the PR's a ${head.task} model`;
  if (base.target !== head.target) return `main's model predicts \`${base.target}\` and the PR's \`${head.target}\``;
  const missing = base.features.map((f) => f.name).filter((name) => !columns.includes(name));
  if (missing.length > 0) return `main's model reads ${listNames(missing, "column")} that the PR's data no longer has`;
  const unknown = truthClasses.filter((name) => !(base.classes ?? []).includes(name));
  if (base.task !== "regression" && unknown.length > 0)
    return `the PR's test rows hold ${listNames(unknown, "class", "classes")} that main's model was never trained on`;
  return null;
}
function addedInputs(base, head) {
  const known = new Set(base.features.map((f) => f.name));
  return head.features.map((f) => f.name).filter((name) => !known.has(name));
}
function listNames(names2, one, many = `${one}s`) {
  const shown = names2.slice(0, 5).map((name) => `\`${name.replace(/[`\n\r]/g, " ").slice(0, 40)}\``);
  return `${names2.length === 1 ? one : many} ${shown.join(", ")}${names2.length > 5 ? `, \u2026 (${names2.length} in all)` : ""}`;
}

// src/metrics/evaluate.ts
function evaluate(pre, yTrue, yPred) {
  if (yTrue.length !== yPred.length) {
    throw new Error(`evaluate: ${yTrue.length} target values but ${yPred.length} predictions`);
  }
  if (pre.task === "regression") return regression(pre, yTrue, yPred);
  if (pre.task === "binary-classification") return binary(pre, yTrue, yPred);
  return multiclass(pre, yTrue, yPred);
}
function regression(pre, yTrue, yPred) {
  const actual = toTargetUnits(pre, yTrue);
  const predicted = toTargetUnits(pre, yPred);
  const metrics = { rmse: rmse(actual, predicted), mae: mae(actual, predicted), r2: r2(actual, predicted) };
  return { metrics, evaluation: { task: pre.task, testRows: actual.length } };
}
function binary(pre, yTrue, yPred) {
  const rows = yTrue.length;
  const actual = decodeTargets(pre, yTrue);
  const predicted = decodeOutputs(pre, yPred).label;
  const trueClassProbability = Float64Array.from(yPred, (p, i) => actual[i] === 1 ? p : 1 - p);
  const matrix = confusionMatrix(actual, predicted, 2);
  const metrics = { accuracy: accuracy(matrix), ...classScores(matrix, 1) };
  const auc = rocAuc(actual, yPred);
  if (!Number.isNaN(auc)) metrics.roc_auc = auc;
  metrics.log_loss = logLoss(trueClassProbability);
  return { metrics, evaluation: { task: pre.task, testRows: rows, classes: pre.classes, confusionMatrix: matrix } };
}
function multiclass(pre, yTrue, yPred) {
  const k = pre.classes.length;
  const rows = yTrue.length / k;
  const actual = decodeTargets(pre, yTrue);
  const predicted = decodeOutputs(pre, yPred).label;
  const trueClassProbability = new Float64Array(rows);
  for (let r = 0; r < rows; r++) trueClassProbability[r] = yPred[r * k + actual[r]];
  const matrix = confusionMatrix(actual, predicted, k);
  const metrics = { accuracy: accuracy(matrix), ...macroScores(matrix), log_loss: logLoss(trueClassProbability) };
  return { metrics, evaluation: { task: pre.task, testRows: rows, classes: pre.classes, confusionMatrix: matrix } };
}

// src/reference/linear-solvers.ts
function linearScores(model, x, r, out) {
  const { inputs: d, outputs, weights } = model;
  const stride = d + 1;
  const offset = r * d;
  for (let c = 0; c < outputs; c++) {
    const w = c * stride;
    let s = weights[w + d];
    for (let j = 0; j < d; j++) s += weights[w + j] * x[offset + j];
    out[c] = s;
  }
}
function fitLeastSquares(x, y, rows, d) {
  const p = d + 1;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  const row = new Float64Array(p);
  row[d] = 1;
  for (let r = 0; r < rows; r++) {
    const offset = r * d;
    for (let j = 0; j < d; j++) row[j] = x[offset + j];
    const target = y[r];
    for (let i = 0; i < p; i++) {
      const v = row[i];
      if (v === 0) continue;
      b[i] += v * target;
      const line = i * p;
      for (let j = i; j < p; j++) a[line + j] += v * row[j];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) a[i * p + j] = a[j * p + i];
  let trace = 0;
  for (let i = 0; i < d; i++) trace += a[i * p + i];
  const ridge = d > 0 ? 1e-9 * Math.max(trace / d, 1) : 0;
  for (let i = 0; i < d; i++) a[i * p + i] += ridge;
  return { inputs: d, outputs: 1, weights: choleskySolve(a, b, p) };
}
function choleskySolve(a, b, p) {
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j];
    for (let k = 0; k < j; k++) diagonal -= a[j * p + k] ** 2;
    const pivot = Math.sqrt(Math.max(diagonal, 1e-300));
    a[j * p + j] = pivot;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = s / pivot;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i * p + k] * z[k];
    z[i] = s / a[i * p + i];
  }
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= a[k * p + i] * beta[k];
    beta[i] = s / a[i * p + i];
  }
  return beta;
}
function fitLogistic(x, labels, rows, d, classCount, options = {}) {
  const outputs = classCount === 2 ? 1 : classCount;
  const stride = d + 1;
  const size = outputs * stride;
  const lambda = 1 / (options.c ?? 1);
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = (options.gradientTolerance ?? 1e-8) * Math.max(rows, 1);
  const scores = new Float64Array(outputs);
  const evaluate2 = (w2, g2) => {
    g2.fill(0);
    let loss = 0;
    const model = { inputs: d, outputs, weights: w2 };
    for (let r = 0; r < rows; r++) {
      linearScores(model, x, r, scores);
      const offset = r * d;
      if (outputs === 1) {
        const s = scores[0];
        const y = labels[r] === 1 ? 1 : 0;
        loss += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - y * s;
        const residual = sigmoid(s) - y;
        for (let j = 0; j < d; j++) g2[j] += residual * x[offset + j];
        g2[d] += residual;
        continue;
      }
      let max = -Infinity;
      for (let c = 0; c < outputs; c++) if (scores[c] > max) max = scores[c];
      let sum = 0;
      for (let c = 0; c < outputs; c++) sum += Math.exp(scores[c] - max);
      const logSum = max + Math.log(sum);
      loss += logSum - scores[labels[r]];
      for (let c = 0; c < outputs; c++) {
        const residual = Math.exp(scores[c] - logSum) - (labels[r] === c ? 1 : 0);
        const base = c * stride;
        for (let j = 0; j < d; j++) g2[base + j] += residual * x[offset + j];
        g2[base + d] += residual;
      }
    }
    for (let c = 0; c < outputs; c++) {
      for (let j = 0; j < d; j++) {
        const i = c * stride + j;
        loss += 0.5 * lambda * w2[i] * w2[i];
        g2[i] += lambda * w2[i];
      }
    }
    return loss;
  };
  const w = new Float64Array(size);
  const g = new Float64Array(size);
  let f = evaluate2(w, g);
  const memory = 10;
  const sHistory = [];
  const yHistory = [];
  const rhoHistory = [];
  const direction = new Float64Array(size);
  const alpha = new Float64Array(memory);
  const wNext = new Float64Array(size);
  const gNext = new Float64Array(size);
  let iterations = 0;
  while (iterations < maxIterations && maxAbs(g) > tolerance) {
    for (let i = 0; i < size; i++) direction[i] = -g[i];
    for (let k = sHistory.length - 1; k >= 0; k--) {
      alpha[k] = rhoHistory[k] * dot(sHistory[k], direction);
      axpy(-alpha[k], yHistory[k], direction);
    }
    const last = sHistory.length - 1;
    const gamma = last >= 0 ? dot(sHistory[last], yHistory[last]) / dot(yHistory[last], yHistory[last]) : 1 / Math.max(norm(g), 1e-12);
    for (let i = 0; i < size; i++) direction[i] *= gamma;
    for (let k = 0; k < sHistory.length; k++) {
      const beta = rhoHistory[k] * dot(yHistory[k], direction);
      axpy(alpha[k] - beta, sHistory[k], direction);
    }
    let slope = dot(g, direction);
    if (slope >= 0) {
      sHistory.length = yHistory.length = rhoHistory.length = 0;
      for (let i = 0; i < size; i++) direction[i] = -g[i] / Math.max(norm(g), 1e-12);
      slope = dot(g, direction);
    }
    let step = 1;
    let fNext = f;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < size; i++) wNext[i] = w[i] + step * direction[i];
      fNext = evaluate2(wNext, gNext);
      if (fNext <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    iterations++;
    if (!accepted) break;
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      s[i] = wNext[i] - w[i];
      y[i] = gNext[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * dot(y, y)) {
      if (sHistory.length === memory) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
      sHistory.push(s);
      yHistory.push(y);
      rhoHistory.push(1 / sy);
    }
    w.set(wNext);
    g.set(gNext);
    const progress = f - fNext;
    f = fNext;
    if (progress <= 1e-15 * Math.max(Math.abs(f), 1)) break;
  }
  return { inputs: d, outputs, weights: w, iterations, gradientMax: maxAbs(g) };
}
function sigmoid(s) {
  return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
}
function dot(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function axpy(scale, x, y) {
  for (let i = 0; i < x.length; i++) y[i] += scale * x[i];
}
function norm(a) {
  return Math.sqrt(dot(a, a));
}
function maxAbs(a) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

// src/reference/score.ts
function scoreRowPredictions(task, classCount, truth, predictions) {
  if (task === "regression") {
    const value = predictions.value;
    return { rmse: rmse(truth, value), mae: mae(truth, value), r2: r2(truth, value) };
  }
  const k = classCount;
  const label = predictions.label;
  const probabilities = predictions.probabilities;
  const rows = truth.length;
  const trueClassProbability = new Float64Array(rows);
  for (let r = 0; r < rows; r++) trueClassProbability[r] = probabilities[r * k + truth[r]];
  const matrix = confusionMatrix(truth, label, k);
  if (task === "binary-classification") {
    const metrics = { accuracy: accuracy(matrix), ...classScores(matrix, 1) };
    const positive = new Float64Array(rows);
    for (let r = 0; r < rows; r++) positive[r] = probabilities[r * 2 + 1];
    const auc = rocAuc(truth, positive);
    if (!Number.isNaN(auc)) metrics.roc_auc = auc;
    metrics.log_loss = logLoss(trueClassProbability);
    return metrics;
  }
  return { accuracy: accuracy(matrix), ...macroScores(matrix), log_loss: logLoss(trueClassProbability) };
}

// src/reference/reference-models.ts
var MAX_LINEAR_COEFFICIENTS = 4e6;
function fitReferences(pre, train, test, seed) {
  return pre.task === "regression" ? regressionReferences(pre, train, test) : classificationReferences(pre, train, test, seed);
}
function decodeLabels(data) {
  const { rows, y, outputSize: k } = data;
  const labels = new Int32Array(rows);
  if (k === 1) {
    for (let r = 0; r < rows; r++) labels[r] = y[r] >= 0.5 ? 1 : 0;
    return labels;
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < k; c++) {
      if (y[r * k + c] === 1) {
        labels[r] = c;
        break;
      }
    }
  }
  return labels;
}
function classificationReferences(pre, train, test, seed) {
  const k = pre.classes.length;
  const task = pre.task;
  const trainLabels = decodeLabels(train);
  const truth = decodeLabels(test);
  const counts = new Float64Array(k);
  for (const label2 of trainLabels) counts[label2]++;
  const shares = counts.map((count) => count / train.rows);
  let majority = 0;
  for (let c = 1; c < k; c++) if (counts[c] > counts[majority]) majority = c;
  const rows = test.rows;
  const priorProbabilities = new Float32Array(rows * k);
  for (let r = 0; r < rows; r++) priorProbabilities.set(shares, r * k);
  const majorityPredictions = { label: new Int32Array(rows).fill(majority), probabilities: priorProbabilities };
  const random = createRng(seed);
  const drawn = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const u = random();
    let c = 0;
    let cumulative = shares[0];
    while (c < k - 1 && u >= cumulative) cumulative += shares[++c];
    drawn[r] = c;
  }
  const priorPredictions = { label: drawn, probabilities: priorProbabilities };
  const results = [
    { name: "majority", metrics: scoreRowPredictions(task, k, truth, majorityPredictions), predictions: majorityPredictions },
    { name: "prior", metrics: scoreRowPredictions(task, k, truth, priorPredictions), predictions: priorPredictions }
  ];
  const d = pre.inputSize;
  const outputs = k === 2 ? 1 : k;
  if (outputs * (d + 1) * 20 > MAX_LINEAR_COEFFICIENTS) {
    return { results, truth, notes: [`linear: skipped, ${outputs * (d + 1)} coefficients is more than model-ci fits itself`] };
  }
  const fit = fitLogistic(train.x, trainLabels, train.rows, d, k);
  const label = new Int32Array(rows);
  const probabilities = new Float32Array(rows * k);
  const scores = new Float64Array(outputs);
  for (let r = 0; r < rows; r++) {
    linearScores(fit, test.x, r, scores);
    if (outputs === 1) {
      const p = sigmoid(scores[0]);
      probabilities[r * 2] = 1 - p;
      probabilities[r * 2 + 1] = p;
      label[r] = p >= 0.5 ? 1 : 0;
      continue;
    }
    let max = -Infinity;
    let best = 0;
    for (let c = 0; c < k; c++) {
      if (scores[c] > max) {
        max = scores[c];
        best = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(scores[c] - max);
    for (let c = 0; c < k; c++) probabilities[r * k + c] = Math.exp(scores[c] - max) / sum;
    label[r] = best;
  }
  const linear = { label, probabilities };
  results.push({ name: "linear", metrics: scoreRowPredictions(task, k, truth, linear), predictions: linear });
  return { results, truth, notes: [], linearIterations: fit.iterations };
}
function regressionReferences(pre, train, test) {
  const { mean, std } = pre.targetScale;
  const rows = test.rows;
  const truth = Float64Array.from(test.y, (z) => z * std + mean);
  const meanPredictions = { value: new Float64Array(rows).fill(mean) };
  const results = [{ name: "mean", metrics: scoreRowPredictions(pre.task, 0, truth, meanPredictions), predictions: meanPredictions }];
  const d = pre.inputSize;
  if ((d + 1) * (d + 1) > MAX_LINEAR_COEFFICIENTS) {
    return { results, truth, notes: [`linear: skipped, ${d} inputs is more than model-ci's least squares takes`] };
  }
  const fit = fitLeastSquares(train.x, train.y, train.rows, d);
  const value = new Float64Array(rows);
  const score = new Float64Array(1);
  for (let r = 0; r < rows; r++) {
    linearScores(fit, test.x, r, score);
    value[r] = score[0] * std + mean;
  }
  const linear = { value };
  results.push({ name: "linear", metrics: scoreRowPredictions(pre.task, 0, truth, linear), predictions: linear });
  return { results, truth, notes: [] };
}

// src/train/model.ts
function networkShape(pre) {
  const outputSize = pre.task === "multiclass-classification" ? pre.classes?.length ?? 0 : 1;
  return { inputSize: pre.inputSize, outputSize, task: pre.task };
}
var OUTPUT_ACTIVATION = {
  "binary-classification": "sigmoid",
  "multiclass-classification": "softmax",
  regression: "linear"
};
var LOSS = {
  "binary-classification": "binaryCrossentropy",
  "multiclass-classification": "categoricalCrossentropy",
  regression: "meanSquaredError"
};
function deriveSeed(seed, index) {
  let h = Math.imul(seed | 0, 2654435761) + Math.imul(index + 1, 2246822507) | 0;
  h = Math.imul(h ^ h >>> 16, 2246822507);
  h = Math.imul(h ^ h >>> 13, 3266489909);
  h ^= h >>> 16;
  return (h >>> 1) + 1;
}
function buildModel(tf, shape, params) {
  const { hiddenUnits, activation, dropout } = params.model;
  const seed = params.train.seed;
  let stream = 0;
  const model = tf.sequential({ name: "model_ci" });
  hiddenUnits.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        name: `hidden_${i + 1}`,
        units,
        activation,
        ...i === 0 ? { inputShape: [shape.inputSize] } : {},
        kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, stream++) }),
        biasInitializer: "zeros"
      })
    );
    if (dropout > 0) model.add(tf.layers.dropout({ name: `dropout_${i + 1}`, rate: dropout, seed: deriveSeed(seed, stream++) }));
  });
  model.add(
    tf.layers.dense({
      name: "output",
      units: shape.outputSize,
      activation: OUTPUT_ACTIVATION[shape.task],
      ...hiddenUnits.length === 0 ? { inputShape: [shape.inputSize] } : {},
      kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, stream++) }),
      biasInitializer: "zeros"
    })
  );
  compileModel(tf, model, shape.task, params);
  return model;
}
function compileModel(tf, model, task, params) {
  const { optimizer, learningRate } = params.train;
  const optimizers = {
    adam: () => tf.train.adam(learningRate),
    sgd: () => tf.train.sgd(learningRate),
    rmsprop: () => tf.train.rmsprop(learningRate),
    adagrad: () => tf.train.adagrad(learningRate)
  };
  model.compile({ optimizer: optimizers[optimizer](), loss: LOSS[task] });
}

// src/train/fit.ts
var VALIDATION_STREAM = 1e3;
var EPOCH_STREAM = 2e3;
var DROPOUT_STREAM = 1e6;
var SLICE_BYTES = 4 << 20;
var MAX_LOGGED_EPOCHS = 50;
function splitValidation(rows, fraction, seed) {
  if (fraction <= 0) return { train: Uint32Array.from({ length: rows }, (_, i) => i), validation: new Uint32Array(0) };
  const count = Math.round(rows * fraction);
  if (count < 1 || count >= rows) {
    throw new UserError(
      `a validation split of ${fraction} of ${rows} training rows leaves ${count < 1 ? "no validation rows" : "no rows to train on"}; use a larger training set or another fraction (0 disables validation)`,
      { field: "train.validation_split" }
    );
  }
  const order = seededShuffle(rows, deriveSeed(seed, VALIDATION_STREAM));
  return { validation: order.slice(0, count).sort(), train: order.slice(count).sort() };
}
async function fitModel(tf, model, data, params, opts = {}) {
  const { epochs, batchSize, seed, validationSplit, earlyStopping } = params.train;
  const inputSize = data.x.length / data.rows;
  const split = splitValidation(data.rows, validationSplit, seed);
  const validation = split.validation.length > 0 ? rowsToTensors(tf, data, split.validation, inputSize) : void 0;
  const sliceRows = Math.min(split.train.length, batchSize * Math.max(1, Math.floor((opts.sliceBytes ?? SLICE_BYTES) / (inputSize * 4 * batchSize))));
  const sliceX = new Float32Array(sliceRows * inputSize);
  const sliceY = new Float32Array(sliceRows * data.outputSize);
  const dropout = dropoutSeeds(model);
  let step = 0;
  const callbacks = dropout.layers.length > 0 ? [{ onBatchBegin: async () => dropout.reseed(deriveSeed(seed, DROPOUT_STREAM + step++)) }] : [];
  const history = { epochs: 0, loss: [], ...validation ? { val_loss: [] } : {} };
  const stopper = earlyStopping ? new BestWeights(earlyStopping.patience, earlyStopping.minDelta) : void 0;
  const logEvery = Math.ceil(epochs / MAX_LOGGED_EPOCHS);
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const started = performance.now();
      const order = seededShuffle(split.train.length, deriveSeed(seed, EPOCH_STREAM + epoch));
      let lossSum = 0;
      let valLoss;
      for (let from = 0; from < order.length; from += sliceRows) {
        const rows = order.subarray(from, from + sliceRows).map((i) => split.train[i]);
        const last = from + sliceRows >= order.length;
        const into = [sliceX.subarray(0, rows.length * inputSize), sliceY.subarray(0, rows.length * data.outputSize)];
        const [xs, ys] = rowsToTensors(tf, data, rows, inputSize, into);
        try {
          const result = await model.fit(xs, ys, {
            epochs: 1,
            batchSize,
            shuffle: false,
            verbose: 0,
            // Once per epoch, after its last slice, as one fit over the epoch would.
            validationData: validation && last ? [validation[0], validation[1]] : void 0,
            callbacks
          });
          const logs = result.history;
          lossSum += logs.loss[0] * rows.length;
          if (last) valLoss = logs.val_loss?.[0];
        } finally {
          tf.dispose([xs, ys]);
        }
      }
      const loss = lossSum / order.length;
      history.loss.push(loss);
      if (valLoss !== void 0) history.val_loss?.push(valLoss);
      history.epochs = epoch + 1;
      if (!Number.isFinite(loss)) {
        throw new UserError(`training diverged: loss is ${loss} at epoch ${epoch + 1}; lower the learning rate`, { field: "train.learning_rate" });
      }
      const stop = stopper?.update(tf, model, epoch, valLoss ?? loss) ?? false;
      if (opts.log && (epoch === 0 || epoch === epochs - 1 || stop || (epoch + 1) % logEvery === 0)) {
        opts.log(formatEpoch(epoch, epochs, loss, valLoss, performance.now() - started));
      }
      if (stop) break;
    }
    if (stopper) {
      const best = stopper.restore(model);
      history.bestEpoch = best;
      if (history.epochs < epochs) history.stoppedEarlyAt = history.epochs - 1;
      if (opts.log && best !== history.epochs - 1) {
        opts.log(`early stopping: kept the weights of epoch ${best + 1} (best ${validation ? "val_loss" : "loss"} ${round(stopper.best)})`);
      }
    }
  } finally {
    dropout.restore();
    stopper?.dispose(tf);
    tf.dispose(validation ?? []);
  }
  return history;
}
function rowsToTensors(tf, data, rows, inputSize, into) {
  const out = data.outputSize;
  const x = into?.[0] ?? new Float32Array(rows.length * inputSize);
  const y = into?.[1] ?? new Float32Array(rows.length * out);
  for (let i = 0; i < rows.length; i++) {
    const from = rows[i];
    for (let c = 0; c < inputSize; c++) x[i * inputSize + c] = data.x[from * inputSize + c];
    for (let c = 0; c < out; c++) y[i * out + c] = data.y[from * out + c];
  }
  return [tf.tensor2d(x, [rows.length, inputSize]), tf.tensor2d(y, [rows.length, out])];
}
function dropoutSeeds(model) {
  const layers = model.layers.filter((layer) => layer.getClassName() === "Dropout");
  const original = layers.map((layer) => layer.seed);
  return {
    layers,
    reseed(seed) {
      layers.forEach((layer, i) => {
        layer.seed = deriveSeed(seed, i);
      });
    },
    restore() {
      layers.forEach((layer, i) => {
        layer.seed = original[i];
      });
    }
  };
}
var BestWeights = class {
  best = Infinity;
  bestEpoch = -1;
  weights = [];
  waited = 0;
  patience;
  minDelta;
  constructor(patience, minDelta) {
    this.patience = patience;
    this.minDelta = minDelta;
  }
  /** Records this epoch; true when training should stop. */
  update(tf, model, epoch, value) {
    if (value < this.best - this.minDelta) {
      this.best = value;
      this.bestEpoch = epoch;
      this.waited = 0;
      tf.dispose(this.weights);
      this.weights = model.getWeights().map((w) => w.clone());
      return false;
    }
    this.waited++;
    return this.waited >= this.patience;
  }
  /** Puts the best weights back; returns the epoch they came from. */
  restore(model) {
    if (this.weights.length > 0) model.setWeights(this.weights);
    return this.bestEpoch;
  }
  dispose(tf) {
    tf.dispose(this.weights);
    this.weights = [];
  }
};
function formatEpoch(epoch, epochs, loss, valLoss, ms) {
  const width = String(epochs).length;
  const parts = [`epoch ${String(epoch + 1).padStart(width)}/${epochs}`, `loss ${round(loss)}`];
  if (valLoss !== void 0) parts.push(`val_loss ${round(valLoss)}`);
  parts.push(`${Math.round(ms)} ms`);
  return parts.join("  ");
}
function round(value) {
  return value.toFixed(4);
}
async function predictRows(tf, model, x, rows, batchSize = 1024) {
  if (rows === 0) return new Float32Array(0);
  const input = tf.tensor2d(x, [rows, x.length / rows]);
  const output = model.predict(input, { batchSize });
  try {
    return await output.data();
  } finally {
    tf.dispose([input, output]);
  }
}

// src/train/dense/network.ts
var EPSILON = 1e-7;
var f32 = Math.fround;
var CLIP_LOW = f32(EPSILON);
var CLIP_HIGH = f32(1 - EPSILON);
var SELU_SCALE = 1.0507009873554805;
var SELU_SCALEALPHA = 1.7580993408473768;
var BETA1 = 0.9;
var BETA2 = 0.999;
var RMSPROP_DECAY = 0.9;
var ADAGRAD_INITIAL = 0.1;
var DenseNetwork = class {
  spec;
  kernels;
  layers = [];
  /** Weights, gradients and the optimizer's two slots are four parallel regions of `paramCount` floats. */
  paramCount;
  params;
  grads;
  slot1;
  slot2;
  x;
  y;
  accBeta1 = f32(BETA1);
  accBeta2 = f32(BETA2);
  constructor(spec, kernels) {
    this.spec = spec;
    this.kernels = kernels;
    const batch = spec.batchSize;
    let next = 4;
    const take = (floats) => {
      const at = next;
      next += Math.ceil(floats / 4) * 4;
      return at;
    };
    const shapes = spec.layers.map((layer, i) => ({ inputs: i === 0 ? spec.inputSize : spec.layers[i - 1].units, ...layer }));
    this.paramCount = shapes.reduce((sum, l) => sum + Math.ceil(l.inputs * l.units / 4) * 4 + Math.ceil(l.units / 4) * 4, 0);
    this.params = take(this.paramCount);
    this.grads = take(this.paramCount);
    this.slot1 = take(this.paramCount);
    this.slot2 = take(this.paramCount);
    let param = 0;
    for (const l of shapes) {
      const kernel = param;
      param += Math.ceil(l.inputs * l.units / 4) * 4;
      const bias = param;
      param += Math.ceil(l.units / 4) * 4;
      const a = take(batch * l.units);
      const out = l.dropout > 0 ? take(batch * l.units) : a;
      this.layers.push({
        inputs: l.inputs,
        units: l.units,
        activation: l.activation,
        dropout: l.dropout,
        kernel: this.params + kernel,
        bias: this.params + bias,
        gradKernel: this.grads + kernel,
        gradBias: this.grads + bias,
        transposed: take(l.inputs * l.units),
        z: take(batch * l.units),
        a,
        out,
        multiplier: l.dropout > 0 ? take(batch * l.units) : 0,
        dz: take(batch * l.units),
        dout: take(batch * l.units)
      });
    }
    this.x = take(batch * spec.inputSize);
    this.y = take(batch * this.outputSize);
    kernels.grow(next);
    if (spec.optimizer === "adagrad") kernels.heap.fill(ADAGRAD_INITIAL, this.slot1, this.slot1 + this.paramCount);
  }
  get outputSize() {
    return this.spec.layers[this.spec.layers.length - 1].units;
  }
  /** Sets layer `i`'s kernel (inputs × units, row-major) and bias. */
  setLayerWeights(i, kernel, bias) {
    const l = this.layers[i];
    this.kernels.heap.set(kernel, l.kernel);
    this.kernels.heap.set(bias, l.bias);
    this.transpose(l);
  }
  layerWeights(i) {
    const l = this.layers[i];
    const heap = this.kernels.heap;
    return {
      kernel: heap.slice(l.kernel, l.kernel + l.inputs * l.units),
      bias: heap.slice(l.bias, l.bias + l.units),
      shape: [l.inputs, l.units]
    };
  }
  /** A copy of every weight (for early stopping's best epoch). */
  snapshot() {
    return this.kernels.heap.slice(this.params, this.params + this.paramCount);
  }
  restore(weights) {
    this.kernels.heap.set(weights, this.params);
    for (const l of this.layers) this.transpose(l);
  }
  /**
   * Copies `count` rows of the row-major `x` and `y` into the batch: rows[order[from + k]], or
   * rows[from + k] without `order`.
   */
  loadRows(x, y, rows, order, from, count) {
    const h = this.kernels.heap;
    const inputs = this.spec.inputSize;
    const outputs = this.outputSize;
    for (let k = 0; k < count; k++) {
      const row = rows[order ? order[from + k] : from + k];
      const xt = this.x + k * inputs;
      const xs = row * inputs;
      for (let c = 0; c < inputs; c++) h[xt + c] = x[xs + c];
      const yt = this.y + k * outputs;
      const ys = row * outputs;
      for (let c = 0; c < outputs; c++) h[yt + c] = y[ys + c];
    }
  }
  /** One optimizer step on the rows loadRows put in the batch; returns the batch's mean loss before the update. */
  step(rows, uniform) {
    this.forward(rows, uniform);
    const loss = this.lossAndGradient(rows, true);
    this.backward(rows);
    this.update();
    return loss;
  }
  /** The summed (not mean) loss of the rows loadRows put in the batch, without dropout and without training. */
  lossSum(rows) {
    this.forward(rows, void 0);
    return this.lossAndGradient(rows, false) * rows;
  }
  forward(rows, uniform) {
    const k = this.kernels;
    let input = this.x;
    this.layers.forEach((l, index) => {
      k.gemm(l.z, input, l.inputs, 1, l.kernel, l.bias, rows, l.inputs, l.units);
      if (l.activation === "relu") k.relu(l.a, l.z, rows * l.units);
      else activate(k.heap, l.activation, l.z, l.a, rows, l.units);
      if (l.dropout > 0) {
        if (uniform) this.dropout(l, rows, uniform(index, rows, l.units));
        else k.heap.copyWithin(l.out, l.a, l.a + rows * l.units);
      }
      input = l.out;
    });
  }
  /** tf.dropout: multiplier = floor(u + keep) / keep in float32, output = a · multiplier. */
  dropout(l, rows, u) {
    const h = this.kernels.heap;
    const keep = f32(1 - l.dropout);
    const scale = f32(1 / keep);
    for (let i = 0; i < rows * l.units; i++) {
      const m = Math.floor(f32(u[i] + keep)) > 0 ? scale : 0;
      h[l.multiplier + i] = m;
      h[l.out + i] = h[l.a + i] * m;
    }
  }
  /**
   * The mean loss over `rows` (tfjs-layers losses.ts), and when `withGradient` the loss's gradient with
   * respect to the output layer's z, through the same clips tfjs applies (a clipped output passes no gradient).
   */
  lossAndGradient(rows, withGradient) {
    const h = this.kernels.heap;
    const last = this.layers[this.layers.length - 1];
    const n = last.units;
    const p = last.a;
    const t = this.y;
    const g = last.dout;
    const scale = 1 / rows;
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * n;
      if (this.spec.loss === "meanSquaredError") {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          const diff = h[p + o + j] - h[t + o + j];
          sum += diff * diff;
          if (withGradient) h[g + o + j] = scale * 2 * diff / n;
        }
        total += sum / n;
      } else if (this.spec.loss === "binaryCrossentropy") {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          const pj = h[p + o + j];
          const target = h[t + o + j];
          const y = pj < CLIP_LOW ? CLIP_LOW : Math.min(pj, CLIP_HIGH);
          const logit = Math.log(y / (1 - y));
          const e = Math.exp(-Math.abs(logit));
          sum += Math.max(logit, 0) - logit * target + Math.log1p(e);
          if (withGradient) {
            const dLogit = ((logit > 0 ? 1 / (1 + e) : e / (1 + e)) - target) * (scale / n);
            h[g + o + j] = pj >= CLIP_LOW && pj <= CLIP_HIGH ? dLogit / (y * (1 - y)) : 0;
          }
        }
        total += sum / n;
      } else {
        let s = 0;
        for (let j = 0; j < n; j++) s += h[p + o + j];
        let sum = 0;
        let dot2 = 0;
        for (let j = 0; j < n; j++) {
          const pj = h[p + o + j];
          const q = pj / s;
          const c = q < CLIP_LOW ? CLIP_LOW : Math.min(q, CLIP_HIGH);
          const target = h[t + o + j];
          sum -= target * Math.log(c);
          const dq = q >= CLIP_LOW && q <= CLIP_HIGH ? -scale * target / c : 0;
          if (withGradient) h[g + o + j] = dq;
          dot2 += dq * pj;
        }
        if (withGradient) for (let j = 0; j < n; j++) h[g + o + j] = h[g + o + j] / s - dot2 / (s * s);
        total += sum;
      }
    }
    if (withGradient) activationGradient(h, last.activation, last.z, last.a, g, last.dz, rows, n);
    return total / rows;
  }
  backward(rows) {
    const k = this.kernels;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i];
      const input = i === 0 ? this.x : this.layers[i - 1].out;
      k.gemm(l.gradKernel, input, 1, l.inputs, l.dz, 0, l.inputs, rows, l.units);
      k.colSum(l.gradBias, l.dz, rows, l.units);
      if (i === 0) break;
      const below = this.layers[i - 1];
      k.gemm(below.dout, l.dz, l.units, 1, l.transposed, 0, rows, l.units, l.inputs);
      const h = k.heap;
      if (below.dropout > 0) for (let e = 0; e < rows * below.units; e++) h[below.dout + e] *= h[below.multiplier + e];
      if (below.activation === "relu") k.reluGrad(below.dz, below.z, below.dout, rows * below.units);
      else activationGradient(h, below.activation, below.z, below.a, below.dout, below.dz, rows, below.units);
    }
  }
  /** tfjs-core's optimizers, element by element (train/model.ts builds them with only a learning rate). */
  update() {
    const h = this.kernels.heap;
    const lr = this.spec.learningRate;
    const w = this.params;
    const g = this.grads;
    const s1 = this.slot1;
    const s2 = this.slot2;
    const n = this.paramCount;
    switch (this.spec.optimizer) {
      case "sgd":
        for (let i = 0; i < n; i++) h[w + i] -= lr * h[g + i];
        break;
      case "adam": {
        const c1 = f32(1 - this.accBeta1);
        const c2 = f32(1 - this.accBeta2);
        for (let i = 0; i < n; i++) {
          const grad = h[g + i];
          const m = h[s1 + i] = BETA1 * h[s1 + i] + (1 - BETA1) * grad;
          const v = h[s2 + i] = BETA2 * h[s2 + i] + (1 - BETA2) * grad * grad;
          h[w + i] -= lr * (m / c1) / (Math.sqrt(v / c2) + EPSILON);
        }
        this.accBeta1 = f32(this.accBeta1 * f32(BETA1));
        this.accBeta2 = f32(this.accBeta2 * f32(BETA2));
        break;
      }
      case "rmsprop":
        for (let i = 0; i < n; i++) {
          const grad = h[g + i];
          const ms = h[s1 + i] = RMSPROP_DECAY * h[s1 + i] + (1 - RMSPROP_DECAY) * grad * grad;
          h[w + i] -= grad * lr / Math.sqrt(ms + EPSILON);
        }
        break;
      case "adagrad":
        for (let i = 0; i < n; i++) {
          const grad = h[g + i];
          const acc = h[s1 + i] += grad * grad;
          h[w + i] -= lr * grad / Math.sqrt(acc + EPSILON);
        }
        break;
    }
    for (const l of this.layers) this.transpose(l);
  }
  transpose(l) {
    const h = this.kernels.heap;
    for (let i = 0; i < l.inputs; i++) for (let j = 0; j < l.units; j++) h[l.transposed + j * l.inputs + i] = h[l.kernel + i * l.units + j];
  }
};
function activate(h, activation, z, a, rows, n) {
  const end = rows * n;
  switch (activation) {
    case "linear":
      h.copyWithin(a, z, z + end);
      return;
    case "relu":
      for (let i = 0; i < end; i++) h[a + i] = Math.max(h[z + i], 0);
      return;
    case "sigmoid":
      for (let i = 0; i < end; i++) h[a + i] = 1 / (1 + Math.exp(-h[z + i]));
      return;
    case "tanh":
      for (let i = 0; i < end; i++) h[a + i] = Math.tanh(h[z + i]);
      return;
    case "elu":
      for (let i = 0; i < end; i++) h[a + i] = h[z + i] >= 0 ? h[z + i] : Math.expm1(h[z + i]);
      return;
    case "selu":
      for (let i = 0; i < end; i++) h[a + i] = h[z + i] < 0 ? SELU_SCALEALPHA * Math.expm1(h[z + i]) : SELU_SCALE * h[z + i];
      return;
    case "softmax":
      for (let r = 0; r < rows; r++) {
        const o = r * n;
        let max = -Infinity;
        for (let j = 0; j < n; j++) max = Math.max(max, h[z + o + j]);
        let sum = 0;
        for (let j = 0; j < n; j++) sum += h[a + o + j] = Math.exp(h[z + o + j] - max);
        for (let j = 0; j < n; j++) h[a + o + j] /= sum;
      }
      return;
  }
}
function activationGradient(h, activation, z, a, da, dz, rows, n) {
  const end = rows * n;
  switch (activation) {
    case "linear":
      h.copyWithin(dz, da, da + end);
      return;
    case "relu":
      for (let i = 0; i < end; i++) h[dz + i] = h[z + i] > 0 ? h[da + i] : 0;
      return;
    case "sigmoid":
      for (let i = 0; i < end; i++) h[dz + i] = h[da + i] * h[a + i] * (1 - h[a + i]);
      return;
    case "tanh":
      for (let i = 0; i < end; i++) h[dz + i] = h[da + i] * (1 - h[a + i] * h[a + i]);
      return;
    case "elu":
      for (let i = 0; i < end; i++) h[dz + i] = h[a + i] >= 0 ? h[da + i] : h[da + i] * (h[a + i] + 1);
      return;
    case "selu":
      for (let i = 0; i < end; i++) h[dz + i] = h[z + i] > 0 ? h[da + i] * SELU_SCALE : h[da + i] * SELU_SCALEALPHA * Math.exp(h[z + i]);
      return;
    case "softmax":
      for (let r = 0; r < rows; r++) {
        const o = r * n;
        let dot2 = 0;
        for (let j = 0; j < n; j++) dot2 += h[da + o + j] * h[a + o + j];
        for (let j = 0; j < n; j++) h[dz + o + j] = h[a + o + j] * (h[da + o + j] - dot2);
      }
      return;
  }
}

// src/train/dense/wasm.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var WASM_FILE = "dense-kernels.wasm";
var SOURCE = "kernels.as.ts";
var ASC_FLAGS = ["-O3", "--runtime", "stub", "--noAssert", "--enable", "simd", "--disable", "bulk-memory"];
var wasmApi = globalThis.WebAssembly;
var compiled;
async function compileKernels(sourceFile = join(dirname(fileURLToPath(import.meta.url)), SOURCE)) {
  const compiler = "assemblyscript/asc";
  const asc = await import(compiler);
  const source = await readFile(sourceFile, "utf8");
  let binary2;
  const result = await asc.main([SOURCE, "--outFile", WASM_FILE, ...ASC_FLAGS], {
    readFile: (name) => name === SOURCE ? source : null,
    writeFile: (name, contents) => {
      if (name === WASM_FILE && typeof contents !== "string") binary2 = contents;
    },
    listFiles: () => []
  });
  if (result.error || !binary2)
    throw new Error(`AssemblyScript could not compile ${SOURCE}: ${result.error?.message ?? "no output"}
${result.stderr.toString()}`);
  return binary2;
}
function wasmModule() {
  compiled ??= (async () => {
    const prebuilt = join(dirname(fileURLToPath(import.meta.url)), WASM_FILE);
    const bytes = existsSync(prebuilt) ? await readFile(prebuilt) : await compileKernels();
    return wasmApi.compile(bytes);
  })();
  return compiled;
}
var PAGE_FLOATS = 65536 / 4;
async function wasmKernels() {
  const instance = await wasmApi.instantiate(await wasmModule(), {});
  const wasm = instance.exports;
  const kernels = {
    name: "wasm-simd128",
    heap: new Float32Array(wasm.memory.buffer),
    grow(floats) {
      const pages = Math.ceil(floats / PAGE_FLOATS) - wasm.memory.buffer.byteLength / 65536;
      if (pages > 0) wasm.memory.grow(pages);
      kernels.heap = new Float32Array(wasm.memory.buffer);
    },
    gemm: (c, a, aRow, aStep, b, bias, rows, inner, n) => wasm.gemm(c * 4, a * 4, aRow, aStep, b * 4, bias * 4, rows, inner, n),
    colSum: (out, a, rows, n) => wasm.colSum(out * 4, a * 4, rows, n),
    relu: (out, z, count) => wasm.relu(out * 4, z * 4, count),
    reluGrad: (dz, z, da, count) => wasm.reluGrad(dz * 4, z * 4, da * 4, count)
  };
  return kernels;
}

// src/train/dense/fit.ts
var ACTIVATIONS = ["relu", "tanh", "sigmoid", "elu", "selu", "linear", "softmax"];
var LOSSES = {
  binaryCrossentropy: "binaryCrossentropy",
  categoricalCrossentropy: "categoricalCrossentropy",
  meanSquaredError: "meanSquaredError"
};
function networkSpec(model, params) {
  if (model.getClassName() !== "Sequential") return { uncovered: `the model is a ${model.getClassName()}, not a Sequential` };
  const layers = [];
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    const config = layer.getConfig();
    if (kind === "Dense") {
      if (!ACTIVATIONS.includes(String(config.activation))) return { uncovered: `layer ${layer.name} has the activation ${config.activation}` };
      if (!config.useBias) return { uncovered: `layer ${layer.name} has no bias` };
      layers.push({ units: config.units, activation: config.activation, dropout: 0 });
    } else if (kind === "Dropout" && layers.length > 0 && layers[layers.length - 1].dropout === 0 && config.noiseShape == null) {
      layers[layers.length - 1].dropout = config.rate;
    } else {
      return { uncovered: `layer ${layer.name} is a ${kind}` };
    }
  }
  const loss = LOSSES[String(model.loss)];
  if (!loss) return { uncovered: `the loss is ${String(model.loss)}` };
  if (layers.length === 0 || layers[layers.length - 1].dropout > 0) return { uncovered: "the model does not end in a Dense layer" };
  const inputShape = model.inputs[0].shape;
  return {
    inputSize: inputShape[inputShape.length - 1],
    layers,
    loss,
    optimizer: params.train.optimizer,
    learningRate: params.train.learningRate,
    batchSize: params.train.batchSize
  };
}
async function fitDense(tf, model, data, params, opts = {}) {
  const spec = networkSpec(model, params);
  if ("uncovered" in spec) throw new Error(`the dense engine does not cover this model: ${spec.uncovered}`);
  const network = new DenseNetwork(spec, opts.kernels ?? await wasmKernels());
  const initial = model.getWeights();
  for (let i = 0; i < spec.layers.length; i++)
    network.setLayerWeights(i, initial[2 * i].dataSync(), initial[2 * i + 1].dataSync());
  const { epochs, batchSize, seed, validationSplit, earlyStopping } = params.train;
  const split = splitValidation(data.rows, validationSplit, seed);
  const dropoutLayers = spec.layers.flatMap((layer, i) => layer.dropout > 0 ? [i] : []);
  let step = 0;
  const validationLoss = () => {
    let sum = 0;
    for (let from = 0; from < split.validation.length; from += batchSize) {
      const count = Math.min(batchSize, split.validation.length - from);
      network.loadRows(data.x, data.y, split.validation, void 0, from, count);
      sum += network.lossSum(count);
    }
    return sum / split.validation.length;
  };
  const history = { epochs: 0, loss: [], ...split.validation.length > 0 ? { val_loss: [] } : {} };
  let best = { value: Infinity, epoch: -1, weights: void 0, waited: 0 };
  const logEvery = Math.ceil(epochs / MAX_LOGGED_EPOCHS);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const started = performance.now();
    const order = seededShuffle(split.train.length, deriveSeed(seed, EPOCH_STREAM + epoch));
    let lossSum = 0;
    for (let from = 0; from < order.length; from += batchSize) {
      const count = Math.min(batchSize, order.length - from);
      network.loadRows(data.x, data.y, split.train, order, from, count);
      const batchSeed = dropoutLayers.length > 0 ? deriveSeed(seed, DROPOUT_STREAM + step++) : 0;
      const uniform = (layer, rows, units) => {
        const draws = tf.randomUniform([rows, units], 0, 1, "float32", deriveSeed(batchSeed, dropoutLayers.indexOf(layer)));
        try {
          return draws.dataSync();
        } finally {
          draws.dispose();
        }
      };
      lossSum += network.step(count, uniform) * count;
    }
    const loss = lossSum / order.length;
    const valLoss = split.validation.length > 0 ? validationLoss() : void 0;
    history.loss.push(loss);
    if (valLoss !== void 0) history.val_loss?.push(valLoss);
    history.epochs = epoch + 1;
    if (!Number.isFinite(loss)) {
      throw new UserError(`training diverged: loss is ${loss} at epoch ${epoch + 1}; lower the learning rate`, { field: "train.learning_rate" });
    }
    let stop = false;
    if (earlyStopping) {
      const value = valLoss ?? loss;
      if (value < best.value - earlyStopping.minDelta) best = { value, epoch, weights: network.snapshot(), waited: 0 };
      else stop = ++best.waited >= earlyStopping.patience;
    }
    if (opts.log && (epoch === 0 || epoch === epochs - 1 || stop || (epoch + 1) % logEvery === 0)) {
      opts.log(formatEpoch(epoch, epochs, loss, valLoss, performance.now() - started));
    }
    if (stop) break;
  }
  if (earlyStopping) {
    if (best.weights) network.restore(best.weights);
    history.bestEpoch = best.epoch;
    if (history.epochs < epochs) history.stoppedEarlyAt = history.epochs - 1;
    if (opts.log && best.epoch !== history.epochs - 1) {
      opts.log(`early stopping: kept the weights of epoch ${best.epoch + 1} (best ${valLossName(history)} ${round(best.value)})`);
    }
  }
  const trained = spec.layers.flatMap((_, i) => {
    const { kernel, bias, shape } = network.layerWeights(i);
    return [tf.tensor2d(kernel, shape), tf.tensor1d(bias)];
  });
  try {
    model.setWeights(trained);
  } finally {
    tf.dispose(trained);
  }
  return history;
}
function valLossName(history) {
  return history.val_loss ? "val_loss" : "loss";
}

// src/train/trainer.ts
async function fitOnEngine(engine, model, data, params, opts = {}) {
  if (engine.backend === "dense") {
    const spec = networkSpec(model, params);
    if (!("uncovered" in spec)) return fitDense(engine.tf, model, data, params, opts);
    const notice = `the dense engine does not cover this model (${spec.uncovered}); trained on TensorFlow.js ${engine.tfjsBackend} instead`;
    opts.log?.(`notice: ${notice}`);
    engine.notices.push(notice);
    engine.backend = engine.tfjsBackend;
  }
  return fitModel(engine.tf, model, data, params, opts);
}

// src/train/hash.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
import { relative as relative2, sep as sep2 } from "node:path";
async function sha256File(file) {
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return `sha256:${hash.digest("hex")}`;
}
function stableJson(value) {
  return JSON.stringify(
    value,
    (_key, v) => v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : v
  );
}
function hashJson(value) {
  return sha256(stableJson(value));
}
function portableConfig(config) {
  const rel = (file) => relative2(config.root, file).split(sep2).join("/");
  const { root: _root, watch: _watch, sweep: _sweep, ...rest } = config;
  return {
    ...rest,
    file: rel(config.file),
    params: rel(config.params),
    data: { ...config.data, train: rel(config.data.train), ...config.data.test ? { test: rel(config.data.test) } : {} }
  };
}
function hashInputs(parts) {
  const hashes = {
    data: hashJson(parts.data),
    params: hashJson(parts.params),
    config: hashJson(portableConfig(parts.config)),
    trainer: sha256(`model-ci@${parts.trainerVersion}`)
  };
  return { ...hashes, inputs: hashJson({ ...hashes, backend: parts.backend }) };
}

// src/train/pipeline.ts
function defaultModelDir(config) {
  return join2(DEFAULT_ARTIFACTS_DIR, config.name);
}
async function trainModel(configFile, opts) {
  const started = performance.now();
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const config = await confineInputs(opts.config ?? await loadConfig(configFile), { trackedAt: opts.trackedAt });
  const out = opts.out ?? defaultModelDir(config);
  const commit = trainedCommit(config, opts.trackedAt);
  const params = await loadParams(config.params, opts.paramsOverride);
  const engine = await loadEngine(opts.backend ?? config.backend, { ...opts, training: true });
  const { tf } = engine;
  opts.log?.(`backend: ${engine.backend}${engine.backend === "dense" ? ` (TensorFlow.js ${engine.tfjsBackend} builds, saves and evaluates)` : ""}`);
  const { files, preprocessing, trainData, testData } = await prepareData(config);
  const loaded = performance.now();
  const model = buildModel(tf, networkShape(preprocessing), params);
  let history;
  let trained;
  let result;
  let saved;
  try {
    history = await fitOnEngine(engine, model, trainData, params, { log: opts.log });
    trained = performance.now();
    result = evaluate(preprocessing, testData.y, await predictRows(tf, model, testData.x, testData.rows));
    saved = await saveModel(tf, model, out);
  } finally {
    model.dispose();
  }
  const metrics = selectMetrics(config, result.metrics);
  const references = opts.references ? scoreReferences(config, preprocessing, trainData, testData, params.train.seed) : void 0;
  const evaluated = performance.now();
  const preprocessingText = await writeJsonArtifact(out, ARTIFACT_FILES.preprocessing, preprocessing);
  await writeJsonArtifact(out, ARTIFACT_FILES.metrics, metrics);
  await writeJsonArtifact(out, ARTIFACT_FILES.history, history);
  await writeJsonArtifact(out, ARTIFACT_FILES.evaluation, result.evaluation);
  const hashes = hashInputs({
    data: Object.fromEntries(Object.entries(files).map(([file, stats]) => [file, stats.hash])),
    params: params.flat,
    config,
    trainerVersion: VERSION,
    backend: engine.backend
  });
  const manifest = {
    schema: 1,
    modelCiVersion: VERSION,
    name: config.name,
    task: config.task,
    backend: engine.backend,
    backendVersions: engine.versions,
    seed: params.train.seed,
    startedAt,
    trainingMs: Math.round(trained - loaded),
    loadMs: Math.round(loaded - started),
    trainRows: trainData.rows,
    testRows: testData.rows,
    data: files,
    params: params.flat,
    hashes: { ...hashes, model: hashModel({ ...saved, preprocessing: preprocessingText }) }
  };
  const trainedAt = await commit;
  if (trainedAt) manifest.commit = trainedAt;
  await writeJsonArtifact(out, ARTIFACT_FILES.run, manifest);
  const done = performance.now();
  return {
    config,
    params,
    engine: engineInfo(engine),
    out,
    preprocessing,
    metrics,
    evaluation: result.evaluation,
    history,
    manifest,
    ...references ? { references } : {},
    durations: {
      loadMs: loaded - started,
      trainMs: trained - loaded,
      evaluateMs: evaluated - trained,
      saveMs: done - evaluated,
      totalMs: done - started
    }
  };
}
async function prepareData(config) {
  const dataset = await loadDataset(config);
  const preprocessing = fitPreprocessing(config, dataset.train);
  return {
    files: dataset.files,
    preprocessing,
    trainData: encodeTable(preprocessing, dataset.train),
    testData: encodeTable(preprocessing, dataset.test)
  };
}
function scoreReferences(config, ...args) {
  const runs = fitReferences(...args);
  for (const result of runs.results) result.metrics = selectMetrics(config, result.metrics);
  return runs;
}
function selectMetrics(config, all) {
  return Object.fromEntries(config.metrics.filter((m) => m.name in all).map((m) => [m.name, all[m.name]]));
}
async function evaluateModel(configFile, modelDirOrDefault, opts = {}) {
  const config = await confineInputs(await loadConfig(configFile), { params: false });
  const modelDir = modelDirOrDefault ?? defaultModelDir(config);
  const saved = await loadModel(modelDir, { backend: opts.backend ?? config.backend, workspace: opts.workspace, log: opts.log });
  try {
    assertModelFits(config, saved, modelDir);
    const dataset = await loadDataset(config);
    const testData = encodeTable(saved.preprocessing, dataset.test);
    const output = await predictRows(saved.tf, saved.model, testData.x, testData.rows);
    const result = evaluate(saved.preprocessing, testData.y, output);
    return { config, engine: engineInfo(saved.engine), modelDir, metrics: selectMetrics(config, result.metrics), evaluation: result.evaluation };
  } finally {
    saved.model.dispose();
  }
}
function assertModelFits(config, saved, modelDir) {
  const pre = saved.preprocessing;
  const mismatch = pre.task !== config.task ? `task ${pre.task}, the config's is ${config.task}` : pre.target !== config.data.target ? `target "${pre.target}", the config's is "${config.data.target}"` : void 0;
  if (mismatch) {
    throw new UserError(`the model in ${displayPath(modelDir)} was trained for ${mismatch}; pass the model folder of this config with --model`, {
      file: displayPath(config.file)
    });
  }
}
async function predict(modelDir, instances, opts = {}) {
  const saved = await loadModel(modelDir, { backend: opts.backend ?? "auto", workspace: opts.workspace, log: opts.log });
  try {
    return { engine: engineInfo(saved.engine), predictions: createPredictor(saved).predict(instances) };
  } finally {
    saved.model.dispose();
  }
}
function engineInfo(engine) {
  return { backend: engine.backend, versions: engine.versions, notices: engine.notices };
}
async function trainedCommit(config, trackedAt) {
  if (trackedAt) return trackedAt;
  const inputs = [config.file, config.params, config.data.train, ...config.data.test ? [config.data.test] : []];
  const [head, status] = await Promise.all([
    tryGit(["rev-parse", "--verify", "--quiet", "HEAD"], { cwd: config.root }),
    tryGit(["status", "--porcelain", "--untracked-files=all", "--", ...inputs], { cwd: config.root })
  ]);
  return head && status === "" ? head.trim() : void 0;
}

export {
  rowKeys,
  createRng,
  loadDataset,
  dataFileKey,
  confusionMatrix,
  accuracy,
  classScores,
  macroScores,
  sortForRocAuc,
  rocAucSorted,
  logLossTerms,
  weightedMean,
  rmse,
  mae,
  r2,
  pairPredictions,
  pairingProblem,
  addedInputs,
  listNames,
  evaluate,
  predictRows,
  sha256File,
  hashInputs,
  defaultModelDir,
  trainModel,
  prepareData,
  evaluateModel,
  predict
};
