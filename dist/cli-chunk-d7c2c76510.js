import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  createPredictor,
  featureWidth,
  loadEngine,
  loadModel
} from "./cli-chunk-cd81231bff.js";
import {
  allRows,
  cellText,
  column,
  lineOfRow
} from "./cli-chunk-19e7804730.js";
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
} from "./cli-chunk-ee9543e104.js";
import {
  tryGit
} from "./cli-chunk-4a2bad3387.js";
import {
  readCsvFile
} from "./cli-chunk-75b5eb63a8.js";
import {
  limit,
  overLimit
} from "./cli-chunk-82396b2bd9.js";
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  quote,
  showName
} from "./cli-chunk-55db69e02f.js";

// src/train/pipeline.ts
import { join } from "node:path";

// src/data/dataset.ts
import { relative, sep } from "node:path";

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
  const n = whole.rowCount;
  const held = testRowCount(n, split.test);
  if (held < 1 || n - held < 2) {
    throw tooFew(
      config,
      `\`data.split.test\` ${split.test} of the ${n} rows of ${displayPath(data.train)} leaves ${held} test and ${n - held} training rows; a split needs at least 1 test row and 2 training rows`
    );
  }
  const target = column(whole, data.target);
  let rows;
  if (classification && split.stratify && target.kind === "categorical") {
    rows = stratifiedSplit(target.codes, target.dictionary.length, split.test, split.seed);
  } else {
    rows = randomSplit(n, split.test, split.seed);
    if (target.kind === "categorical" && classification) checkEveryClassTrained(config, target, rows);
  }
  return { train: { table: whole, rows: rows.train }, test: { table: whole, rows: rows.test }, files };
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

// src/data/fit-preprocessing.ts
function fitPreprocessing(config, train) {
  const { target, features: listed, categorical: encoding } = config.data;
  const { table, rows } = train;
  const names2 = listed ?? table.columns.map((c) => c.name).filter((name) => name !== target);
  const features = names2.map((name) => {
    const col = column(table, name);
    if (col.kind === "categorical") return { name, kind: "categorical", encoding, categories: labelsPresent(col, rows) };
    return { name, kind: "numeric", ...standardisation(col.values, rows) };
  });
  const pre = {
    version: 1,
    task: config.task,
    target,
    features,
    inputSize: features.reduce((sum, f) => sum + featureWidth(f), 0)
  };
  const targetColumn = column(table, target);
  const where = { file: displayPath(table.file), field: target };
  if (pre.inputSize > limit("inputs")) {
    const widest = features.filter((f) => featureWidth(f) > 1).sort((a, b) => featureWidth(b) - featureWidth(a))[0];
    const why = widest ? ` (one-hot encoding gives ${showName(widest.name)} ${featureWidth(widest)} inputs; \`data.categorical: index\` gives it one)` : "";
    throw new UserError(`the features encode into ${pre.inputSize} network inputs${why}, ${overLimit("inputs")}`, { file: displayPath(table.file) });
  }
  if (config.task === "regression") {
    if (targetColumn.kind !== "numeric") throw new UserError(`the target \`${target}\` of a regression must hold numbers`, where);
    pre.targetScale = standardisation(targetColumn.values, rows);
    return pre;
  }
  const classes = targetColumn.kind === "categorical" ? labelsPresent(targetColumn, rows) : [...new Set(Array.from(rows, (row) => cellText(targetColumn, row)))].sort(compareLabels);
  const needed = config.task === "binary-classification" ? "exactly 2" : "at least 2";
  if (classes.length < 2 || config.task === "binary-classification" && classes.length > 2) {
    throw new UserError(
      `the training rows of \`${target}\` hold ${classes.length} class${classes.length === 1 ? "" : "es"} (${labelList(classes)}); ${config.task} needs ${needed}`,
      where
    );
  }
  if (classes.length > limit("classes")) {
    throw new UserError(`the training rows of \`${target}\` hold ${classes.length} classes, ${overLimit("classes")}`, where);
  }
  pre.classes = classes;
  return pre;
}
function labelList(classes) {
  const shown = classes.slice(0, 10).map(quote).join(", ");
  return classes.length > 10 ? `${shown}, \u2026` : shown;
}
function outputSize(pre) {
  return pre.task === "multiclass-classification" ? pre.classes.length : 1;
}
function compareLabels(a, b) {
  const x = Number(a);
  const y = Number(b);
  const xNumber = a.trim() !== "" && Number.isFinite(x);
  const yNumber = b.trim() !== "" && Number.isFinite(y);
  if (xNumber && yNumber && x !== y) return x - y;
  if (xNumber !== yNumber) return xNumber ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function labelsPresent(col, rows) {
  const seen = new Uint8Array(col.dictionary.length);
  for (const row of rows) seen[col.codes[row]] = 1;
  return col.dictionary.filter((_, code) => seen[code] === 1).sort(compareLabels);
}
function standardisation(values, rows) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    const v = values[row];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / rows.length;
  if (min === max) return { mean, std: 1 };
  let squares = 0;
  for (const row of rows) squares += (values[row] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / rows.length) };
}
function encodeTable(pre, data) {
  const { table, rows: tableRows } = data;
  const rows = tableRows.length;
  const width = pre.inputSize;
  const x = new Float32Array(rows * width);
  let offset = 0;
  for (const feature of pre.features) {
    const col = column(table, feature.name);
    if (feature.kind === "numeric") {
      if (col.kind !== "numeric") {
        throw new UserError(`column \`${feature.name}\` holds text, but the model was trained on numbers there`, {
          file: displayPath(table.file),
          field: feature.name
        });
      }
      for (let r = 0; r < rows; r++) x[r * width + offset] = (col.values[tableRows[r]] - feature.mean) / feature.std;
    } else {
      const index = categoryIndex(col, feature.categories);
      const oneHot = feature.encoding === "one-hot";
      for (let r = 0; r < rows; r++) {
        const k = index(tableRows[r]);
        if (!oneHot) x[r * width + offset] = k;
        else if (k >= 0) x[r * width + offset + k] = 1;
      }
    }
    offset += featureWidth(feature);
  }
  return { rows, x, y: encodeTarget(pre, data), outputSize: outputSize(pre) };
}
function categoryIndex(col, categories) {
  const position = new Map(categories.map((c, i) => [c, i]));
  if (col.kind === "numeric") return (row) => position.get(cellText(col, row)) ?? -1;
  const byCode = Int32Array.from(col.dictionary, (value) => position.get(value) ?? -1);
  return (row) => byCode[col.codes[row]];
}
function encodeTarget(pre, { table, rows: tableRows }) {
  const rows = tableRows.length;
  const col = column(table, pre.target);
  if (pre.task === "regression") {
    if (col.kind !== "numeric") {
      throw new UserError(`the target \`${pre.target}\` of a regression must hold numbers`, { file: displayPath(table.file), field: pre.target });
    }
    const { mean, std } = pre.targetScale;
    return Float32Array.from(tableRows, (row) => (col.values[row] - mean) / std);
  }
  const classes = pre.classes;
  const index = categoryIndex(col, classes);
  const size = outputSize(pre);
  const y = new Float32Array(rows * size);
  for (let r = 0; r < rows; r++) {
    const k = index(tableRows[r]);
    if (k < 0) {
      const line = lineOfRow(table, tableRows[r]);
      throw new UserError(
        `line ${line} has class ${quote(cellText(col, tableRows[r]))} in \`${pre.target}\`, which the training data does not have (classes: ${labelList(classes)})`,
        { file: displayPath(table.file), line, field: pre.target }
      );
    }
    if (size === 1) y[r] = k;
    else y[r * size + k] = 1;
  }
  return y;
}

// src/metrics/classification.ts
function confusionMatrix(actual, predicted, classCount) {
  const counts = Array.from({ length: classCount }, () => new Array(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) counts[actual[i]][predicted[i]]++;
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
function rocAuc(positive, scores) {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]] === scores[order[start]]) end++;
    const rank = (start + end + 2) / 2;
    for (let i = start; i <= end; i++) {
      if (positive[order[i]] === 1) {
        positives++;
        positiveRankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (positiveRankSum - positives * (positives + 1) / 2) / (positives * negatives);
}
var LOG_LOSS_EPSILON = 1e-15;
function logLoss(probabilityOfTrueClass) {
  let sum = 0;
  for (let i = 0; i < probabilityOfTrueClass.length; i++) {
    const p = Math.min(Math.max(probabilityOfTrueClass[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    sum -= Math.log(p);
  }
  return sum / probabilityOfTrueClass.length;
}

// src/metrics/regression.ts
function rmse(actual, predicted) {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (actual[i] - predicted[i]) ** 2;
  return Math.sqrt(sum / actual.length);
}
function mae(actual, predicted) {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - predicted[i]);
  return sum / actual.length;
}
function r2(actual, predicted) {
  const n = actual.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i];
  mean /= n;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    residual += (actual[i] - predicted[i]) ** 2;
    total += (actual[i] - mean) ** 2;
  }
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
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
  const { mean, std } = pre.targetScale;
  const actual = Float64Array.from(yTrue, (z) => z * std + mean);
  const predicted = Float64Array.from(yPred, (z) => z * std + mean);
  const metrics = { rmse: rmse(actual, predicted), mae: mae(actual, predicted), r2: r2(actual, predicted) };
  return { metrics, evaluation: { task: pre.task, testRows: actual.length } };
}
function binary(pre, yTrue, yPred) {
  const rows = yTrue.length;
  const actual = Int32Array.from(yTrue, (y) => y >= 0.5 ? 1 : 0);
  const predicted = Int32Array.from(yPred, (p) => p >= 0.5 ? 1 : 0);
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
  const actual = new Int32Array(rows);
  const predicted = new Int32Array(rows);
  const trueClassProbability = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    actual[r] = argmax(yTrue, r * k, k);
    predicted[r] = argmax(yPred, r * k, k);
    trueClassProbability[r] = yPred[r * k + actual[r]];
  }
  const matrix = confusionMatrix(actual, predicted, k);
  const metrics = { accuracy: accuracy(matrix), ...macroScores(matrix), log_loss: logLoss(trueClassProbability) };
  return { metrics, evaluation: { task: pre.task, testRows: rows, classes: pre.classes, confusionMatrix: matrix } };
}
function argmax(values, offset, k) {
  let best = 0;
  for (let j = 1; j < k; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}

// src/train/model.ts
function networkShape(pre) {
  const outputSize2 = pre.task === "multiclass-classification" ? pre.classes?.length ?? 0 : 1;
  return { inputSize: pre.inputSize, outputSize: outputSize2, task: pre.task };
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

// src/train/hash.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { relative as relative2, sep as sep2 } from "node:path";
async function sha256File(file) {
  const hash = createHash("sha256");
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
  return join(DEFAULT_ARTIFACTS_DIR, config.name);
}
async function trainModel(configFile, opts) {
  const started = performance.now();
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const config = await confineInputs(opts.config ?? await loadConfig(configFile), { trackedAt: opts.trackedAt });
  const out = opts.out ?? defaultModelDir(config);
  const commit = trainedCommit(config, opts.trackedAt);
  const params = await loadParams(config.params, opts.paramsOverride);
  const engine = await loadEngine(opts.backend ?? config.backend, opts);
  const { tf } = engine;
  opts.log?.(`backend: ${engine.backend}`);
  const { files, preprocessing, trainData, testData } = await prepareData(config);
  const loaded = performance.now();
  const model = buildModel(tf, networkShape(preprocessing), params);
  let history;
  let trained;
  let result;
  let saved;
  try {
    history = await fitModel(tf, model, trainData, params, { log: opts.log });
    trained = performance.now();
    result = evaluate(preprocessing, testData.y, await predictRows(tf, model, testData.x, testData.rows));
    saved = await saveModel(tf, model, out);
  } finally {
    model.dispose();
  }
  const metrics = selectMetrics(config, result.metrics);
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
  dataFileKey,
  sha256File,
  hashInputs,
  defaultModelDir,
  trainModel,
  prepareData,
  evaluateModel,
  predict
};
