/**
 * The training and test rows of a config: read, checked against the config
 * and each other, and split when the config holds out rows of the training file.
 * Both splits of one file share its table (see `TableRows`), and numbers are read
 * as float32, the network's precision: the data in memory is about the size of
 * the float32 matrices encoded from it. Rounding before standardising loses
 * resolution only where values are huge next to their spread (float32 keeps ~7
 * digits: epoch milliseconds over one day would be kept to about 2 minutes).
 */
import { relative, sep } from 'node:path';
import { displayPath } from '../display-path.ts';
import type { ModelCiConfig } from '../domain/config.ts';
import { quote, showName, UserError } from '../errors.ts';
import type { DataFileStats } from '../domain/run-artifacts.ts';
import { readCsvFile } from './csv.ts';
import { rowKeys, splitPoint } from './row-key.ts';
import { hashSplit, randomSplit, stratifiedSplit, testRowCount, type SplitRows } from './split.ts';
import { allRows, column, lineOfRow, type Column, type Table, type TableRows } from './table.ts';

export { createRng, seededShuffle } from './random.ts';

export interface Dataset {
  train: TableRows;
  test: TableRows;
  /** Data files keyed by path relative to the config's folder. */
  files: Record<string, DataFileStats>;
}

export async function loadDataset(config: ModelCiConfig): Promise<Dataset> {
  const { data, task } = config;
  const classification = task !== 'regression';
  const categorical = [...(data.categoricalColumns ?? []), ...(classification ? [data.target] : [])];
  const trainFile = await readCsvFile(data.train, { categorical, float32: true });
  const whole = trainFile.table;
  checkColumns(config, whole);
  const files: Record<string, DataFileStats> = { [dataFileKey(config, data.train)]: { hash: trainFile.hash, rows: whole.rowCount } };

  if (data.test) {
    // Columns that are categories in training are categories in the test file too, whatever their values look like.
    const trainCategorical = whole.columns.filter((c) => c.kind === 'categorical').map((c) => c.name);
    const testFile = await readCsvFile(data.test, { categorical: trainCategorical, float32: true });
    checkSameColumns(whole, testFile.table);
    files[dataFileKey(config, data.test)] = { hash: testFile.hash, rows: testFile.table.rowCount };
    if (whole.rowCount < 2) throw tooFew(config, `${displayPath(data.train)} has ${whole.rowCount} row; training needs at least 2`);
    return { train: allRows(whole), test: allRows(testFile.table), files };
  }

  const split = data.split!;
  const target = column(whole, data.target);
  const stratified = classification && split.stratify && target.kind === 'categorical';
  const rows = split.method === 'shuffle' ? shuffledSplit(config, whole, stratified) : contentSplit(config, whole, stratified);
  if (!stratified && target.kind === 'categorical' && classification) checkEveryClassTrained(config, target, rows);
  return { train: { table: whole, rows: rows.train }, test: { table: whole, rows: rows.test }, files };
}

/** `method: shuffle`: the seeded shuffle of row numbers, exactly as before `hash` existed. */
function shuffledSplit(config: ModelCiConfig, whole: Table, stratified: boolean): SplitRows {
  const split = config.data.split!;
  const n = whole.rowCount;
  const held = testRowCount(n, split.test);
  if (held < 1 || n - held < 2) throw splitTooSmall(config, whole, held);
  const target = column(whole, config.data.target);
  return stratified && target.kind === 'categorical'
    ? stratifiedSplit(target.codes, target.dictionary.length, split.test, split.seed)
    : randomSplit(n, split.test, split.seed);
}

/** `method: hash`: each row's side is decided by its content alone (see `hashSplit`). */
function contentSplit(config: ModelCiConfig, whole: Table, stratified: boolean): SplitRows {
  const split = config.data.split!;
  const keys = rowKeys(whole);
  const points = Float64Array.from(keys, (key) => splitPoint(key, split.seed));
  const target = column(whole, config.data.target);
  const rows =
    stratified && target.kind === 'categorical'
      ? hashSplit(points, keys, split.test, target.codes, target.dictionary.length)
      : hashSplit(points, keys, split.test);
  if (rows.test.length < 1 || rows.train.length < 2) throw splitTooSmall(config, whole, rows.test.length);
  return rows;
}

function splitTooSmall(config: ModelCiConfig, whole: Table, held: number): UserError {
  const { split } = config.data;
  const n = whole.rowCount;
  return tooFew(
    config,
    `\`data.split.test\` ${split!.test} of the ${n} rows of ${displayPath(whole.file)} leaves ${held} test and ${n - held} training rows` +
      `${split!.method === 'hash' ? ` (with \`method: hash\`, each row's side follows from its content and \`seed\`)` : ''}; ` +
      'a split needs at least 1 test row and 2 training rows',
  );
}

/** How a data file is named in run.json, records and hashes: its path relative to the config's folder. */
export function dataFileKey(config: ModelCiConfig, file: string): string {
  return relative(config.root, file).split(sep).join('/');
}

function tooFew(config: ModelCiConfig, message: string): UserError {
  return new UserError(message, { file: displayPath(config.file), field: 'data.split.test' });
}

function checkColumns(config: ModelCiConfig, table: Table): void {
  const { target: targetName, features } = config.data;
  const target = column(table, targetName);
  for (const name of [...(features ?? []), ...(config.data.categoricalColumns ?? [])]) column(table, name);
  if (table.columns.length < 2) {
    throw new UserError(`${displayPath(table.file)} has no feature columns besides the target \`${targetName}\``, {
      file: displayPath(table.file),
      line: 1,
    });
  }
  const where = { file: displayPath(table.file), field: targetName };
  if (config.task === 'regression') {
    if (target.kind !== 'numeric') {
      const row = firstTextRow(target);
      // The value is not quoted: it failed to be a number, and the file may not be a CSV at all.
      throw new UserError(`the target \`${targetName}\` of a regression must hold numbers, but line ${lineOfRow(table, row)} has text there`, {
        ...where,
        line: lineOfRow(table, row),
      });
    }
    return;
  }
  if (target.kind !== 'categorical') return;
  const labels = target.dictionary;
  if (labels.length < 2) {
    throw new UserError(
      `the target \`${targetName}\` has a single class (${quote(labels[0])}) in all ${table.rowCount} rows; classification needs at least two classes`,
      where,
    );
  }
  if (config.task === 'binary-classification' && labels.length > 2) {
    throw new UserError(
      `the target \`${targetName}\` has ${labels.length} classes (${preview(labels)}); binary-classification needs exactly 2 — use task: multiclass-classification`,
      where,
    );
  }
}

function firstTextRow(col: Extract<Column, { kind: 'categorical' }>): number {
  return Math.max(
    0,
    col.codes.findIndex((code) => Number.isNaN(Number(col.dictionary[code]))),
  );
}

function preview(labels: string[]): string {
  const shown = labels.slice(0, 10).map(quote);
  return labels.length > 10 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Column names of a header, as excerpts, at most ten. */
function names(list: string[]): string {
  const shown = list.slice(0, 10).map(showName).join(', ');
  return list.length > 10 ? `${shown}, … (${list.length} in all)` : shown;
}

function checkSameColumns(train: Table, test: Table): void {
  const trainNames = train.columns.map((c) => c.name);
  const testNames = new Set(test.columns.map((c) => c.name));
  const missing = trainNames.filter((name) => !testNames.has(name));
  const extra = [...testNames].filter((name) => !trainNames.includes(name));
  const where = { file: displayPath(test.file), line: 1 };
  if (missing.length > 0 || extra.length > 0) {
    const parts = [missing.length > 0 && `lacks ${names(missing)}`, extra.length > 0 && `has extra ${names(extra)}`].filter(Boolean);
    throw new UserError(`the test file's columns differ from ${displayPath(train.file)}: it ${parts.join(' and ')}`, where);
  }
  for (const col of train.columns) {
    const other = column(test, col.name);
    if (col.kind === 'numeric' && other.kind === 'categorical') {
      const row = firstTextRow(other);
      throw new UserError(
        `column ${showName(col.name)} holds numbers in ${displayPath(train.file)} but text in the test file, first on line ${lineOfRow(test, row)}`,
        { ...where, line: lineOfRow(test, row) },
      );
    }
  }
}

/** Without stratification a rare class can land only in the test split, where it cannot be predicted. */
function checkEveryClassTrained(config: ModelCiConfig, target: Extract<Column, { kind: 'categorical' }>, rows: SplitRows): void {
  const trained = new Set<number>();
  for (const row of rows.train) trained.add(target.codes[row]);
  const untrained = target.dictionary.filter((_, code) => !trained.has(code));
  if (untrained.length > 0) {
    throw new UserError(
      `with \`data.split.seed\` ${config.data.split!.seed}, class ${preview(untrained)} of \`${config.data.target}\` has no training rows; set \`data.split.stratify: true\` or use more data`,
      { file: displayPath(config.file), field: 'data.split' },
    );
  }
}
