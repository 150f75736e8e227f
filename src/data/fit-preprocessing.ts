/**
 * Preprocessing fitted on the training split only (so the test split cannot leak
 * into it), and the encoding of a split into the network's inputs and targets.
 * Both read a split's rows through its row indices, in place in the parsed table.
 * The formulas match `encode.ts`, which the server applies to JSON instances.
 */
import { displayPath } from '../display-path.ts';
import type { ModelCiConfig } from '../domain/config.ts';
import { quote, showName, UserError } from '../errors.ts';
import { limit, overLimit } from '../limits.ts';
import { categoryBins, numericBins } from './drift-bins.ts';
import { featureWidth, type FeatureSpec, type Preprocessing } from './preprocessing.ts';
import { cellText, column, lineOfRow, type Column, type TableRows } from './table.ts';

export interface EncodedData {
  rows: number;
  /** Row-major rows × inputSize. */
  x: Float32Array;
  /** Row-major rows × outputSize: binary 0/1 (1 = classes[1]), multiclass one-hot, regression the standardised target. */
  y: Float32Array;
  outputSize: number;
}

export function fitPreprocessing(config: ModelCiConfig, train: TableRows): Preprocessing {
  const { target, features: listed, categorical: encoding } = config.data;
  const { table, rows } = train;
  const names = listed ?? table.columns.map((c) => c.name).filter((name) => name !== target);
  const features = names.map((name): FeatureSpec => {
    const col = column(table, name);
    if (col.kind === 'categorical') {
      const categories = labelsPresent(col, rows);
      return { name, kind: 'categorical', encoding, categories, drift: categoryBins(categoryCounts(col, rows, categories)) };
    }
    const values = Float64Array.from(rows, (row) => col.values[row]);
    const range = { min: values.reduce((a, b) => Math.min(a, b), Infinity), max: values.reduce((a, b) => Math.max(a, b), -Infinity) };
    return { name, kind: 'numeric', ...standardisation(col.values, rows), ...range, drift: numericBins(values) };
  });
  const pre: Preprocessing = {
    version: 1,
    task: config.task,
    target,
    features,
    inputSize: features.reduce((sum, f) => sum + featureWidth(f), 0),
  };
  const targetColumn = column(table, target);
  const where = { file: displayPath(table.file), field: target };
  if (pre.inputSize > limit('inputs')) {
    const widest = features.filter((f) => featureWidth(f) > 1).sort((a, b) => featureWidth(b) - featureWidth(a))[0];
    const why = widest ? ` (one-hot encoding gives ${showName(widest.name)} ${featureWidth(widest)} inputs; \`data.categorical: index\` gives it one)` : '';
    throw new UserError(`the features encode into ${pre.inputSize} network inputs${why}, ${overLimit('inputs')}`, { file: displayPath(table.file) });
  }
  if (config.task === 'regression') {
    if (targetColumn.kind !== 'numeric') throw new UserError(`the target \`${target}\` of a regression must hold numbers`, where);
    pre.targetScale = standardisation(targetColumn.values, rows);
    pre.predictionDrift = numericBins(Float64Array.from(rows, (row) => targetColumn.values[row]));
    return pre;
  }
  const classes =
    targetColumn.kind === 'categorical'
      ? labelsPresent(targetColumn, rows)
      : [...new Set(Array.from(rows, (row) => cellText(targetColumn, row)))].sort(compareLabels);
  const needed = config.task === 'binary-classification' ? 'exactly 2' : 'at least 2';
  if (classes.length < 2 || (config.task === 'binary-classification' && classes.length > 2)) {
    throw new UserError(
      `the training rows of \`${target}\` hold ${classes.length} class${classes.length === 1 ? '' : 'es'} (${labelList(classes)}); ${config.task} needs ${needed}`,
      where,
    );
  }
  if (classes.length > limit('classes')) {
    throw new UserError(`the training rows of \`${target}\` hold ${classes.length} classes, ${overLimit('classes')}`, where);
  }
  pre.classes = classes;
  const classOf = new Map(classes.map((c, i) => [c, i]));
  const classCounts = new Array<number>(classes.length).fill(0);
  for (const row of rows) classCounts[classOf.get(cellText(targetColumn, row)) ?? 0]++;
  pre.predictionDrift = categoryBins(classCounts);
  return pre;
}

/** Training rows per category, in `categories` order. */
function categoryCounts(col: Extract<Column, { kind: 'categorical' }>, rows: Uint32Array, categories: string[]): number[] {
  const position = new Map(categories.map((c, i) => [c, i]));
  const byCode = Int32Array.from(col.dictionary, (value) => position.get(value) ?? -1);
  const counts = new Array<number>(categories.length).fill(0);
  for (const row of rows) {
    const k = byCode[col.codes[row]];
    if (k >= 0) counts[k]++;
  }
  return counts;
}

/** Class labels for a message: at most ten, each an excerpt. */
function labelList(classes: string[]): string {
  const shown = classes.slice(0, 10).map(quote).join(', ');
  return classes.length > 10 ? `${shown}, …` : shown;
}

export function outputSize(pre: Preprocessing): number {
  return pre.task === 'multiclass-classification' ? pre.classes!.length : 1;
}

/** Labels in a stable order: numbers by value ("2" before "10"), then text by code unit (locale-independent). */
export function compareLabels(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  const xNumber = a.trim() !== '' && Number.isFinite(x);
  const yNumber = b.trim() !== '' && Number.isFinite(y);
  if (xNumber && yNumber && x !== y) return x - y;
  if (xNumber !== yNumber) return xNumber ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dictionary values that occur in the rows (a split's dictionary is the whole file's), sorted. */
function labelsPresent(col: Extract<Column, { kind: 'categorical' }>, rows: Uint32Array): string[] {
  const seen = new Uint8Array(col.dictionary.length);
  for (const row of rows) seen[col.codes[row]] = 1;
  return col.dictionary.filter((_, code) => seen[code] === 1).sort(compareLabels);
}

/**
 * Mean and population standard deviation, summed in doubles (JavaScript numbers) even from
 * float32 values; a constant column gets std 1 so it encodes to 0 rather than NaN.
 */
function standardisation(values: Float64Array | Float32Array, rows: Uint32Array): { mean: number; std: number } {
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

/** The split's rows, in order, as the network's inputs and targets. */
export function encodeTable(pre: Preprocessing, data: TableRows): EncodedData {
  const { table, rows: tableRows } = data;
  const rows = tableRows.length;
  const width = pre.inputSize;
  const x = new Float32Array(rows * width);
  let offset = 0;
  for (const feature of pre.features) {
    const col = column(table, feature.name);
    if (feature.kind === 'numeric') {
      if (col.kind !== 'numeric') {
        throw new UserError(`column \`${feature.name}\` holds text, but the model was trained on numbers there`, {
          file: displayPath(table.file),
          field: feature.name,
        });
      }
      for (let r = 0; r < rows; r++) x[r * width + offset] = (col.values[tableRows[r]] - feature.mean) / feature.std;
    } else {
      const index = categoryIndex(col, feature.categories);
      const oneHot = feature.encoding === 'one-hot';
      for (let r = 0; r < rows; r++) {
        const k = index(tableRows[r]);
        // A category unseen in training encodes as "none of them": all zeros, or index -1.
        if (!oneHot) x[r * width + offset] = k;
        else if (k >= 0) x[r * width + offset + k] = 1;
      }
    }
    offset += featureWidth(feature);
  }
  return { rows, x, y: encodeTarget(pre, data), outputSize: outputSize(pre) };
}

/** Table row → index into `categories` (-1 when unseen), through a per-code lookup rather than a string search per row. */
function categoryIndex(col: Column, categories: string[]): (row: number) => number {
  const position = new Map(categories.map((c, i) => [c, i]));
  if (col.kind === 'numeric') return (row) => position.get(cellText(col, row)) ?? -1;
  const byCode = Int32Array.from(col.dictionary, (value) => position.get(value) ?? -1);
  return (row) => byCode[col.codes[row]];
}

function encodeTarget(pre: Preprocessing, { table, rows: tableRows }: TableRows): Float32Array {
  const rows = tableRows.length;
  const col = column(table, pre.target);
  if (pre.task === 'regression') {
    if (col.kind !== 'numeric') {
      throw new UserError(`the target \`${pre.target}\` of a regression must hold numbers`, { file: displayPath(table.file), field: pre.target });
    }
    const { mean, std } = pre.targetScale!;
    return Float32Array.from(tableRows, (row) => (col.values[row] - mean) / std);
  }
  const classes = pre.classes!;
  const index = categoryIndex(col, classes);
  const size = outputSize(pre);
  const y = new Float32Array(rows * size);
  for (let r = 0; r < rows; r++) {
    const k = index(tableRows[r]);
    if (k < 0) {
      const line = lineOfRow(table, tableRows[r]);
      throw new UserError(
        `line ${line} has class ${quote(cellText(col, tableRows[r]))} in \`${pre.target}\`, which the training data does not have (classes: ${labelList(classes)})`,
        { file: displayPath(table.file), line, field: pre.target },
      );
    }
    if (size === 1) y[r] = k;
    else y[r * size + k] = 1;
  }
  return y;
}
