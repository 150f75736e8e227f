import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  categoryBins,
  numericBins
} from "./cli-chunk-a06b141fe7.js";
import {
  cellText,
  column,
  lineOfRow
} from "./cli-chunk-19e7804730.js";
import {
  featureWidth
} from "./cli-chunk-5cf8645060.js";
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

// src/data/fit-preprocessing.ts
function fitPreprocessing(config, train) {
  const { target, features: listed, categorical: encoding } = config.data;
  const { table, rows } = train;
  const names = listed ?? table.columns.map((c) => c.name).filter((name) => name !== target);
  const features = names.map((name) => {
    const col = column(table, name);
    if (col.kind === "categorical") {
      const categories = labelsPresent(col, rows);
      return { name, kind: "categorical", encoding, categories, drift: categoryBins(categoryCounts(col, rows, categories)) };
    }
    const values = Float64Array.from(rows, (row) => col.values[row]);
    const range = { min: values.reduce((a, b) => Math.min(a, b), Infinity), max: values.reduce((a, b) => Math.max(a, b), -Infinity) };
    return { name, kind: "numeric", ...standardisation(col.values, rows), ...range, drift: numericBins(values) };
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
    pre.predictionDrift = numericBins(Float64Array.from(rows, (row) => targetColumn.values[row]));
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
  const classOf = new Map(classes.map((c, i) => [c, i]));
  const classCounts = new Array(classes.length).fill(0);
  for (const row of rows) classCounts[classOf.get(cellText(targetColumn, row)) ?? 0]++;
  pre.predictionDrift = categoryBins(classCounts);
  return pre;
}
function categoryCounts(col, rows, categories) {
  const position = new Map(categories.map((c, i) => [c, i]));
  const byCode = Int32Array.from(col.dictionary, (value) => position.get(value) ?? -1);
  const counts = new Array(categories.length).fill(0);
  for (const row of rows) {
    const k = byCode[col.codes[row]];
    if (k >= 0) counts[k]++;
  }
  return counts;
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

export {
  fitPreprocessing,
  compareLabels,
  encodeTable
};
