import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  BACKENDS,
  METRICS,
  TASKS,
  UserError,
  displayPath,
  fileErrorReason,
  loadConfig,
  loadParams
} from "./cli-chunk-IWU643VF.js";

// src/train/pipeline.ts
import { join as join6 } from "node:path";

// src/data/dataset.ts
import { relative, sep } from "node:path";

// src/data/csv.ts
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
var CHUNK_BYTES = 1 << 20;
var QUOTE = 34;
var COMMA = 44;
var LF = 10;
var CR = 13;
var SPACE = 32;
var TAB = 9;
async function readCsv(file, opts = {}) {
  return (await readCsvFile(file, opts)).table;
}
async function readCsvFile(file, opts = {}) {
  const forced = new Set(opts.categorical ?? []);
  const settings = { chunkBytes: opts.chunkBytes ?? CHUNK_BYTES, float32: opts.float32 ?? false };
  const result = await parseFile(file, forced, settings);
  if (result.reread.length === 0) return result.file;
  return (await parseFile(file, /* @__PURE__ */ new Set([...forced, ...result.reread]), settings)).file;
}
async function parseFile(file, forced, { chunkBytes, float32 }) {
  const shown = displayPath(file);
  let handle;
  let size;
  try {
    handle = await open(file, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    size = stat.size;
  } catch (error) {
    throw new UserError(`cannot read data file ${shown}: ${fileErrorReason(error)}`, { file: shown });
  }
  try {
    const parser = new CsvParser(shown, forced, size, float32);
    const hash = createHash("sha256");
    let buffer = Buffer.allocUnsafe(2 * chunkBytes);
    let carried = 0;
    for (; ; ) {
      if (carried + chunkBytes > buffer.length) {
        const bigger = Buffer.allocUnsafe(2 * (carried + chunkBytes));
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, carried, chunkBytes, null);
      hash.update(buffer.subarray(carried, carried + bytesRead));
      const data = buffer.subarray(0, carried + bytesRead);
      const final = bytesRead === 0;
      const consumed = parser.parse(data, final);
      if (final) break;
      carried = data.length - consumed;
      data.copyWithin(0, consumed);
    }
    const { table, reread } = parser.finish(file);
    return { file: { table, hash: `sha256:${hash.digest("hex")}` }, reread };
  } finally {
    await handle.close();
  }
}
var ColumnBuilder = class {
  name;
  forced;
  values;
  codes;
  index = /* @__PURE__ */ new Map();
  dictionary = [];
  numbers = 0;
  texts = 0;
  nonFinite = 0;
  /** Rows stored before `codes` existed: their text is lost if the column turns out categorical. */
  rowsBeforeCodes = 0;
  firstText;
  firstNonFinite;
  /** A finite double that float32 cannot hold. */
  firstBeyondFloat32;
  constructor(name, forced, capacity, float32) {
    this.name = name;
    this.forced = forced;
    const size = forced ? 0 : capacity;
    this.values = float32 ? new Float32Array(size) : new Float64Array(size);
    if (forced) this.codes = new Int32Array(capacity);
  }
  grow(capacity, rows) {
    if (!this.forced) this.values = resized(this.values, capacity, rows);
    if (this.codes) this.codes = resized(this.codes, capacity, rows);
  }
  startCodes(capacity, row) {
    this.codes = new Int32Array(capacity);
    this.codes.fill(-1, 0, row);
    this.rowsBeforeCodes = row;
  }
  intern(text, row) {
    let code = this.index.get(text);
    if (code === void 0) {
      code = this.dictionary.length;
      this.index.set(text, code);
      this.dictionary.push(text);
    }
    this.codes[row] = code;
  }
};
function resized(array, capacity, rows) {
  const next = new array.constructor(capacity);
  next.set(array.subarray(0, rows));
  return next;
}
var NON_FINITE = /* @__PURE__ */ new Set(["nan", "inf", "infinity", "+inf", "+infinity", "-inf", "-infinity", "+nan", "-nan"]);
var CsvParser = class {
  file;
  forced;
  fileSize;
  float32;
  line = 1;
  bytesParsed = 0;
  header;
  columns = [];
  rows = 0;
  capacity = 1024;
  rowLines = new Uint32Array(this.capacity);
  bomChecked = false;
  // Field bounds of the record being read; `escaped` marks quoted fields holding "" pairs.
  starts = [];
  ends = [];
  quoted = [];
  escaped = [];
  constructor(file, forced, fileSize, float32) {
    this.file = file;
    this.forced = forced;
    this.fileSize = fileSize;
    this.float32 = float32;
  }
  /** Parses every complete record of `data`; returns how many bytes were consumed (the rest is an unfinished record). */
  parse(data, final) {
    let i = 0;
    if (!this.bomChecked && (data.length >= 3 || final)) {
      this.bomChecked = true;
      if (data[0] === 239 && data[1] === 187 && data[2] === 191) i = 3;
    }
    if (!this.bomChecked) return 0;
    const n = data.length;
    while (i < n) {
      const recordStart = i;
      const recordLine = this.line;
      let fields = 0;
      let complete = false;
      for (; ; ) {
        let start = i;
        let end;
        let quoted = false;
        let escaped = false;
        if (data[i] === QUOTE) {
          quoted = true;
          let j = i + 1;
          let closed = false;
          while (j < n) {
            const byte2 = data[j];
            if (byte2 === QUOTE) {
              if (data[j + 1] === QUOTE) {
                escaped = true;
                j += 2;
                continue;
              }
              if (j + 1 < n || final) {
                closed = true;
                break;
              }
              break;
            }
            if (byte2 === LF) this.line++;
            j++;
          }
          if (!closed) {
            if (!final) break;
            throw this.error(recordLine, `a quoted field opened on line ${recordLine} is never closed`);
          }
          start = i + 1;
          end = j;
          i = j + 1;
          if (i < n && data[i] !== COMMA && data[i] !== LF && data[i] !== CR) {
            throw this.error(this.line, `unexpected ${JSON.stringify(String.fromCharCode(data[i]))} after a closing quote (a quote inside a quoted field is written "")`);
          }
        } else {
          while (i < n && data[i] !== COMMA && data[i] !== LF && data[i] !== CR) i++;
          end = i;
        }
        if (i >= n && !final) break;
        this.keepField(fields++, start, end, quoted, escaped);
        if (i >= n) {
          complete = true;
          break;
        }
        const byte = data[i];
        if (byte === COMMA) {
          i++;
          continue;
        }
        if (byte === CR && i + 1 >= n && !final) break;
        i += byte === CR && data[i + 1] === LF ? 2 : 1;
        this.line++;
        complete = true;
        break;
      }
      if (!complete) {
        this.line = recordLine;
        this.bytesParsed += recordStart;
        this.estimateCapacity();
        return recordStart;
      }
      this.record(data, fields, recordLine);
    }
    this.bytesParsed += n;
    return n;
  }
  keepField(k, start, end, quoted, escaped) {
    this.starts[k] = start;
    this.ends[k] = end;
    this.quoted[k] = quoted;
    this.escaped[k] = escaped;
  }
  record(data, fields, line) {
    if (fields === 1 && !this.quoted[0] && trimmedEmpty(data, this.starts[0], this.ends[0])) return;
    if (!this.header) {
      this.readHeader(data, fields, line);
      return;
    }
    const width = this.header.length;
    if (fields !== width) {
      throw this.error(line, `line ${line} has ${fields} field${fields === 1 ? "" : "s"}, the header has ${width}`);
    }
    if (this.rows === this.capacity) this.growTo(Math.ceil(this.capacity * 1.5));
    const row = this.rows;
    this.rowLines[row] = line;
    for (let k = 0; k < width; k++) this.cell(data, k, row, line);
    this.rows++;
  }
  readHeader(data, fields, line) {
    const names = [];
    for (let k = 0; k < fields; k++) {
      const name = this.text(data, k).trim();
      if (name === "") throw this.error(line, `column ${k + 1} of the header has no name`);
      const earlier = names.indexOf(name);
      if (earlier >= 0) throw this.error(line, `the header names column ${JSON.stringify(name)} twice (columns ${earlier + 1} and ${k + 1})`, name);
      names.push(name);
    }
    this.header = names;
    this.columns = names.map((name) => new ColumnBuilder(name, this.forced.has(name), this.capacity, this.float32));
  }
  /** Once a first chunk has been read, size the columns for the whole file instead of growing them step by step. */
  estimateCapacity() {
    if (this.rows < 16 || this.bytesParsed === 0) return;
    const estimate = Math.ceil(this.fileSize / this.bytesParsed * this.rows * 1.05) + 16;
    if (estimate > this.capacity * 1.5) this.growTo(estimate);
  }
  growTo(capacity) {
    this.capacity = capacity;
    this.rowLines = resized(this.rowLines, capacity, this.rows);
    for (const col of this.columns) col.grow(capacity, this.rows);
  }
  text(data, k) {
    let start = this.starts[k];
    let end = this.ends[k];
    if (!this.quoted[k]) [start, end] = trim(data, start, end);
    const text = data.toString("utf8", start, end);
    return this.escaped[k] ? text.replaceAll('""', '"') : text;
  }
  cell(data, k, row, line) {
    const col = this.columns[k];
    let start = this.starts[k];
    let end = this.ends[k];
    if (!this.quoted[k]) [start, end] = trim(data, start, end);
    if (start === end) {
      throw this.error(line, `empty value in column \`${col.name}\` on line ${line}; model-ci needs every value (fill it in or drop the row)`, col.name);
    }
    if (col.forced) {
      col.intern(this.text(data, k), row);
      return;
    }
    const value = this.escaped[k] ? NaN : parseDecimal(data, start, end);
    if (!Number.isNaN(value)) {
      if (Number.isFinite(value)) {
        if (this.float32 && !Number.isFinite(Math.fround(value))) col.firstBeyondFloat32 ??= { line, value: this.text(data, k) };
        col.values[row] = value;
        col.numbers++;
      } else {
        this.nonFinite(col, line, data, k, row);
      }
    } else {
      const text = this.text(data, k);
      if (NON_FINITE.has(text.toLowerCase())) {
        this.nonFinite(col, line, data, k, row);
        return;
      }
      col.texts++;
      col.firstText ??= { line, value: text };
      col.values[row] = NaN;
      if (!col.codes) col.startCodes(this.capacity, row);
    }
    if (col.codes) col.intern(this.text(data, k), row);
  }
  nonFinite(col, line, data, k, row) {
    col.nonFinite++;
    col.firstNonFinite ??= { line, value: this.text(data, k) };
    col.values[row] = NaN;
    if (col.codes) col.intern(this.text(data, k), row);
  }
  finish(file) {
    if (!this.header) throw this.error(void 0, "the file is empty; expected a header line naming the columns, then one row per line");
    if (this.rows === 0) throw this.error(2, `the file has a header (${this.header.join(", ")}) but no rows`);
    const rows = this.rows;
    const reread = [];
    const columns = this.columns.map((col) => {
      const numbers = col.numbers + col.nonFinite;
      if (col.forced || col.texts > 0 && col.texts >= numbers) {
        if (col.rowsBeforeCodes > 0) reread.push(col.name);
        return { name: col.name, kind: "categorical", codes: exact(col.codes, rows), dictionary: col.dictionary };
      }
      if (col.texts > 0) {
        const { line, value } = col.firstText;
        throw this.error(
          line,
          `column \`${col.name}\` holds numbers (${numbers} of ${rows} rows) but line ${line} has ${JSON.stringify(value)}; fix the value, or list the column under \`data.categorical_columns\` if it holds categories`,
          col.name
        );
      }
      if (col.firstNonFinite) {
        const { line, value } = col.firstNonFinite;
        throw this.error(line, `column \`${col.name}\` has ${JSON.stringify(value)} on line ${line}; values must be finite numbers (no NaN or Infinity)`, col.name);
      }
      if (col.firstBeyondFloat32) {
        const { line, value } = col.firstBeyondFloat32;
        throw this.error(line, `column \`${col.name}\` has ${JSON.stringify(value)} on line ${line}, beyond \xB13.4e38, the range of the float32 numbers model-ci trains with`, col.name);
      }
      return { name: col.name, kind: "numeric", values: exact(col.values, rows) };
    });
    const table = { file, columns, rowCount: rows, rowLines: exact(this.rowLines, rows) };
    return { table, reread };
  }
  error(line, message, field) {
    return new UserError(message, { file: this.file, line, field });
  }
};
function exact(array, rows) {
  if (array.length === rows) return array;
  return array.length - rows > rows / 16 ? array.slice(0, rows) : array.subarray(0, rows);
}
function trim(data, start, end) {
  while (start < end && (data[start] === SPACE || data[start] === TAB)) start++;
  while (end > start && (data[end - 1] === SPACE || data[end - 1] === TAB)) end--;
  return [start, end];
}
function trimmedEmpty(data, start, end) {
  const [s, e] = trim(data, start, end);
  return s === e;
}
function isDigit(byte) {
  return byte >= 48 && byte <= 57;
}
var POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
function parseDecimal(data, start, end) {
  let i = start;
  const negative = data[i] === 45;
  if (negative || data[i] === 43) i++;
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let fraction = 0;
  for (; i < end && isDigit(data[i]); i++, digits++) {
    mantissa = mantissa * 10 + (data[i] - 48);
    if (mantissa > 0) significant++;
  }
  if (i < end && data[i] === 46) {
    for (i++; i < end && isDigit(data[i]); i++, digits++, fraction++) {
      mantissa = mantissa * 10 + (data[i] - 48);
      if (mantissa > 0) significant++;
    }
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (i < end && (data[i] === 101 || data[i] === 69)) {
    i++;
    const negativeExponent = data[i] === 45;
    if (negativeExponent || data[i] === 43) i++;
    let exponentDigits = 0;
    for (; i < end && isDigit(data[i]); i++, exponentDigits++) exponent = Math.min(exponent * 10 + (data[i] - 48), 1e6);
    if (exponentDigits === 0) return NaN;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return NaN;
  const power = exponent - fraction;
  if (significant <= 15 && power >= -22 && power <= 22) {
    const magnitude = power >= 0 ? mantissa * POW10[power] : mantissa / POW10[-power];
    return negative ? -magnitude : magnitude;
  }
  return Number(data.toString("latin1", start, end));
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

// src/data/table.ts
function allRows(table) {
  const rows = new Uint32Array(table.rowCount);
  for (let r = 0; r < rows.length; r++) rows[r] = r;
  return { table, rows };
}
function column(table, name) {
  const found = table.columns.find((c) => c.name === name);
  if (found) return found;
  throw new UserError(`no column ${JSON.stringify(name)}; the columns are: ${table.columns.map((c) => c.name).join(", ")}`, {
    file: displayPath(table.file),
    line: 1,
    field: name
  });
}
function lineOfRow(table, row) {
  return table.rowLines ? table.rowLines[row] : row + 2;
}
function cellText(col, row) {
  if (col.kind === "categorical") return col.dictionary[col.codes[row]];
  const value = col.values[row];
  return col.values instanceof Float32Array ? float32Text(value) : String(value);
}
function float32Text(value) {
  for (let digits = 1; digits < 9; digits++) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.fround(shorter) === value) return String(shorter);
  }
  return String(Number(value.toPrecision(9)));
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
      throw new UserError(
        `the target \`${targetName}\` of a regression must hold numbers, but line ${lineOfRow(table, row)} has ${JSON.stringify(cellText(target, row))}`,
        { ...where, line: lineOfRow(table, row) }
      );
    }
    return;
  }
  if (target.kind !== "categorical") return;
  const labels = target.dictionary;
  if (labels.length < 2) {
    throw new UserError(
      `the target \`${targetName}\` has a single class (${JSON.stringify(labels[0])}) in all ${table.rowCount} rows; classification needs at least two classes`,
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
  return Math.max(0, col.codes.findIndex((code) => Number.isNaN(Number(col.dictionary[code]))));
}
function preview(labels) {
  const shown = labels.slice(0, 10).map((l) => JSON.stringify(l));
  return labels.length > 10 ? `${shown.join(", ")}, \u2026` : shown.join(", ");
}
function checkSameColumns(train, test) {
  const trainNames = train.columns.map((c) => c.name);
  const testNames = new Set(test.columns.map((c) => c.name));
  const missing = trainNames.filter((name) => !testNames.has(name));
  const extra = [...testNames].filter((name) => !trainNames.includes(name));
  const where = { file: displayPath(test.file), line: 1 };
  if (missing.length > 0 || extra.length > 0) {
    const parts = [missing.length > 0 && `lacks ${missing.join(", ")}`, extra.length > 0 && `has extra ${extra.join(", ")}`].filter(Boolean);
    throw new UserError(`the test file's columns differ from ${displayPath(train.file)}: it ${parts.join(" and ")}`, where);
  }
  for (const col of train.columns) {
    const other = column(test, col.name);
    if (col.kind === "numeric" && other.kind === "categorical") {
      const row = firstTextRow(other);
      throw new UserError(
        `column \`${col.name}\` holds numbers in ${displayPath(train.file)} but text in the test file, e.g. ${JSON.stringify(cellText(other, row))} on line ${lineOfRow(test, row)}`,
        { ...where, line: lineOfRow(test, row), field: col.name }
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
      `with \`data.split.seed\` ${config.data.split.seed}, class ${untrained.map((l) => JSON.stringify(l)).join(", ")} of \`${config.data.target}\` has no training rows; set \`data.split.stratify: true\` or use more data`,
      { file: displayPath(config.file), field: "data.split" }
    );
  }
}

// src/data/preprocessing.ts
function featureWidth(feature) {
  return feature.kind === "categorical" && feature.encoding === "one-hot" ? feature.categories.length : 1;
}

// src/data/fit.ts
function fitPreprocessing(config, train) {
  const { target, features: listed, categorical: encoding } = config.data;
  const { table, rows } = train;
  const names = listed ?? table.columns.map((c) => c.name).filter((name) => name !== target);
  const features = names.map((name) => {
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
  if (config.task === "regression") {
    if (targetColumn.kind !== "numeric") throw new UserError(`the target \`${target}\` of a regression must hold numbers`, where);
    pre.targetScale = standardisation(targetColumn.values, rows);
    return pre;
  }
  const classes = targetColumn.kind === "categorical" ? labelsPresent(targetColumn, rows) : [...new Set(Array.from(rows, (row) => cellText(targetColumn, row)))].sort(compareLabels);
  const needed = config.task === "binary-classification" ? "exactly 2" : "at least 2";
  if (classes.length < 2 || config.task === "binary-classification" && classes.length > 2) {
    throw new UserError(
      `the training rows of \`${target}\` hold ${classes.length} class${classes.length === 1 ? "" : "es"} (${classes.slice(0, 10).join(", ")}); ${config.task} needs ${needed}`,
      where
    );
  }
  pre.classes = classes;
  return pre;
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
        `line ${line} has class ${JSON.stringify(cellText(col, tableRows[r]))} in \`${pre.target}\`, which the training data does not have (classes: ${classes.join(", ")})`,
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

// src/version.ts
var VERSION = true ? "0.1.0" : createRequire(import.meta.url)("../package.json").version;

// src/serve/model.ts
import { join as join5 } from "node:path";

// src/data/encode.ts
function encodeInstances(pre, instances, field = "instances") {
  const out = new Float32Array(instances.length * pre.inputSize);
  instances.forEach((instance, i) => {
    const where = `${field}[${i}]`;
    const values = valuesInFeatureOrder(pre.features, instance, where);
    let offset = i * pre.inputSize;
    pre.features.forEach((feature, j) => {
      offset = encodeValue(feature, values[j], out, offset, `${where}.${feature.name}`);
    });
  });
  return out;
}
function valuesInFeatureOrder(features, instance, where) {
  if (Array.isArray(instance)) {
    if (instance.length !== features.length) {
      throw new UserError(
        `expected ${features.length} values in feature order (${features.map((f) => f.name).join(", ")}), got ${instance.length}`,
        { field: where }
      );
    }
    return instance;
  }
  if (instance === null || typeof instance !== "object") {
    throw new UserError(`expected an array of ${features.length} values or an object keyed by feature name`, { field: where });
  }
  const record = instance;
  const known = new Set(features.map((f) => f.name));
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new UserError(`unknown feature ${unknown.map((k) => JSON.stringify(k)).join(", ")}; features are ${[...known].join(", ")}`, {
      field: where
    });
  }
  const missing = features.filter((f) => !(f.name in record)).map((f) => f.name);
  if (missing.length > 0) throw new UserError(`missing feature ${missing.join(", ")}`, { field: where });
  return features.map((f) => record[f.name]);
}
function encodeValue(feature, value, out, offset, where) {
  if (feature.kind === "numeric") {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new UserError(`expected a finite number, got ${describe(value)}`, { field: where });
    }
    out[offset] = (value - feature.mean) / feature.std;
    return offset + 1;
  }
  if (typeof value !== "string" && typeof value !== "number") {
    throw new UserError(`expected a category (string), got ${describe(value)}`, { field: where });
  }
  const index = feature.categories.indexOf(String(value));
  if (feature.encoding === "index") {
    out[offset] = index;
    return offset + 1;
  }
  if (index >= 0) out[offset + index] = 1;
  return offset + featureWidth(feature);
}
function describe(value) {
  if (value === void 0) return "nothing";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value)}`;
  return JSON.stringify(value) ?? String(value);
}

// src/train/engine.ts
import { existsSync as existsSync2 } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";

// src/train/native.ts
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
var NATIVE_VERSION = "4.22.0";
function toolCacheFolder(packageName, toolCache = process.env.RUNNER_TOOL_CACHE) {
  return toolCache ? join(toolCache, "model-ci", packageName.replace("/", "+"), NATIVE_VERSION) : void 0;
}
async function nativeFolder(packageName, workspace, options = {}) {
  const has = (folder2) => existsSync(join(folder2, "node_modules", packageName, "package.json"));
  if (has(workspace)) return workspace;
  const folder = toolCacheFolder(packageName, options.toolCache);
  if (!folder) return void 0;
  if (has(folder)) {
    options.log?.(`${packageName} ${NATIVE_VERSION} found in the tool cache (${folder})`);
    return folder;
  }
  if (!options.install) return void 0;
  options.log?.(`installing ${packageName} ${NATIVE_VERSION} into the tool cache (${folder}); its install script downloads libtensorflow`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "package.json"), `${JSON.stringify({ name: "model-ci-native-backend", private: true, allowScripts: { [packageName]: true } }, null, 2)}
`);
  await promisify(execFile)(options.npm ?? "npm", ["install", "--no-audit", "--no-fund", "--no-save", options.source ?? `${packageName}@${NATIVE_VERSION}`], {
    cwd: folder,
    timeout: 10 * 6e4,
    maxBuffer: 16 << 20
  });
  return folder;
}
async function gpuLibraryVersions(root = "/") {
  const versions = {};
  const cuda = await readFile(join(root, "usr/local/cuda/version.json"), "utf8").then((text) => JSON.parse(text).cuda?.version, () => void 0);
  if (cuda) versions.cuda = cuda;
  for (const header of ["usr/include/cudnn_version.h", "usr/include/x86_64-linux-gnu/cudnn_version_v8.h", "usr/local/cuda/include/cudnn_version.h"]) {
    const text = await readFile(join(root, header), "utf8").catch(() => void 0);
    const part = (name) => text ? new RegExp(`#define\\s+CUDNN_${name}\\s+(\\d+)`).exec(text)?.[1] : void 0;
    const [major, minor, patch] = [part("MAJOR"), part("MINOR"), part("PATCHLEVEL")];
    if (major && minor) {
      versions.cudnn = [major, minor, patch].filter(Boolean).join(".");
      break;
    }
  }
  return versions;
}

// src/train/engine.ts
var BACKEND_ORDER = ["tensorflow-gpu", "tensorflow", "wasm", "cpu"];
var NATIVE_PACKAGES = {
  "tensorflow-gpu": "@tensorflow/tfjs-node-gpu",
  tensorflow: "@tensorflow/tfjs-node"
};
async function loadEngine(requested, opts = {}) {
  if (!BACKENDS.includes(requested)) {
    throw new UserError(`unknown backend ${JSON.stringify(requested)}; expected one of ${BACKENDS.join(", ")}`, { field: "backend" });
  }
  const workspace = opts.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
  const candidates = requested === "auto" ? BACKEND_ORDER : BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(requested));
  const failures = [];
  for (const backend of candidates) {
    let engine;
    try {
      engine = await loadBackend(backend, workspace, opts);
    } catch (error) {
      failures.push(describeFailure(backend, workspace, error));
      continue;
    }
    if (failures.length > 0) {
      const notice = requested === "auto" ? `backend auto chose ${backend}: ${summarise(failures, workspace)}` : `backend ${requested} could not be loaded, using ${backend} instead: ${summarise(failures, workspace)}${installHint(failures[0])}`;
      opts.log?.(`notice: ${notice}`);
      if (requested !== "auto" || failures.some((failure) => !failure.missingPackage)) engine.notices.push(notice);
    }
    return engine;
  }
  throw new Error(`no TensorFlow.js backend could be loaded: ${summarise(failures, workspace)}`);
}
async function loadBackend(backend, workspace, opts) {
  const nativePackage = NATIVE_PACKAGES[backend];
  if (!nativePackage) return loadBundled(backend);
  const folder = await nativeFolder(nativePackage, workspace, { log: opts.log }) ?? workspace;
  try {
    return await loadNative(backend, nativePackage, folder);
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { folder });
  }
}
async function loadBundled(backend) {
  const tf = await import("./cli-dist-VC2ZY6Y7.js");
  tf.env().set("PROD", true);
  const versions = pickVersions(tf.version);
  if (backend === "wasm") {
    const wasm = await import("./cli-dist-EFYM5ZIF.js");
    if (!tf.engine().registry.wasm) wasm.setWasmPaths(wasmFolder());
    versions["tfjs-backend-wasm"] = wasm.version_wasm;
  }
  await activate(tf, backend === "wasm" ? "wasm" : "cpu");
  return { tf, backend, versions, notices: [] };
}
async function loadNative(backend, packageName, folder) {
  const require2 = createRequire(join2(folder, "package.json"));
  const tf = require2(packageName);
  await activate(tf, "tensorflow");
  const versions = pickVersions(tf.version);
  const binding = tf.backend().binding;
  if (binding?.TF_Version) versions.libtensorflow = binding.TF_Version;
  if (backend === "tensorflow-gpu") Object.assign(versions, await gpuLibraryVersions());
  return { tf, backend, versions, notices: [] };
}
async function activate(tf, name) {
  if (!await tf.setBackend(name)) throw new Error(`tfjs could not initialise its ${name} backend${await initError(tf, name)}`);
  await tf.ready();
}
async function initError(tf, name) {
  try {
    await tf.engine().registryFactory[name]?.factory();
    return "";
  } catch (error) {
    return `: ${error instanceof Error ? error.message : String(error)}`;
  }
}
function wasmFolder() {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync2(join2(here, "tfjs-backend-wasm.wasm"))) return `${here}/`;
  const entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  return `${dirname(entry)}/`;
}
function pickVersions(version) {
  const wanted = ["tfjs-core", "tfjs-layers", "tfjs-backend-cpu", "tfjs-node"];
  return Object.fromEntries(wanted.filter((key) => version[key]).map((key) => [key, version[key]]));
}
function describeFailure(backend, workspace, error) {
  const packageName = NATIVE_PACKAGES[backend];
  const code = error.code;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (packageName && code === "MODULE_NOT_FOUND" && message.includes(`'${packageName}'`)) {
    return { backend, missingPackage: packageName, message };
  }
  const folder = error.folder ?? workspace;
  return { backend, message: packageName ? `${packageName} failed to load from ${folder}: ${message}` : `${backend}: ${message}` };
}
function installHint(requested) {
  return requested.missingPackage ? ` (to use it: npm install ${requested.missingPackage})` : "";
}
function summarise(failures, workspace) {
  const missing = failures.flatMap((f) => f.missingPackage ? [f.missingPackage] : []);
  const parts = failures.filter((f) => !f.missingPackage).map((f) => f.message);
  if (missing.length > 0) parts.push(`${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not installed in ${workspace}`);
  return parts.join("; ");
}

// src/train/types.ts
var ARTIFACT_FILES = {
  modelJson: "model.json",
  weights: "weights.bin",
  preprocessing: "preprocessing.json",
  metrics: "metrics.json",
  history: "history.json",
  evaluation: "evaluation.json",
  run: "run.json"
};

// src/serve/dense-plan.ts
var SELU_ALPHA = 1.6732632423543772;
var SELU_SCALE = 1.0507009873554805;
var ACTIVATIONS = {
  linear: () => {
  },
  relu: (v, o, n) => {
    for (let i = o; i < o + n; i++) if (v[i] < 0) v[i] = 0;
  },
  sigmoid: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = 1 / (1 + Math.exp(-v[i]));
  },
  tanh: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = Math.tanh(v[i]);
  },
  elu: (v, o, n) => {
    for (let i = o; i < o + n; i++) if (v[i] < 0) v[i] = Math.expm1(v[i]);
  },
  selu: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = SELU_SCALE * (v[i] > 0 ? v[i] : SELU_ALPHA * Math.expm1(v[i]));
  },
  softmax: (v, o, n) => {
    let max = -Infinity;
    for (let i = o; i < o + n; i++) if (v[i] > max) max = v[i];
    let sum = 0;
    for (let i = o; i < o + n; i++) sum += v[i] = Math.exp(v[i] - max);
    for (let i = o; i < o + n; i++) v[i] /= sum;
  }
};
function compileDensePlan(model) {
  if (model.getClassName() !== "Sequential") return void 0;
  const layers = [];
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    if (kind === "Dropout" || kind === "InputLayer") continue;
    if (kind !== "Dense") return void 0;
    const config = layer.getConfig();
    const activation = ACTIVATIONS[config.activation];
    const weights = layer.getWeights();
    if (!activation || weights.length !== (config.useBias ? 2 : 1) || weights[0].rank !== 2) return void 0;
    const [inputs, units] = weights[0].shape;
    layers.push({
      inputs,
      units,
      kernel: weights[0].dataSync(),
      bias: config.useBias ? weights[1].dataSync() : void 0,
      activation
    });
  }
  if (layers.length === 0 || layers.some((l, i) => i > 0 && l.inputs !== layers[i - 1].units)) return void 0;
  return {
    inputSize: layers[0].inputs,
    outputWidth: layers[layers.length - 1].units,
    macsPerRow: layers.reduce((sum, l) => sum + l.inputs * l.units, 0),
    run: (input, rows) => layers.reduce((x, layer) => dense(layer, x, rows), input)
  };
}
function dense({ inputs, units, kernel, bias, activation }, x, rows) {
  const out = new Float32Array(rows * units);
  for (let r = 0; r < rows; r++) {
    const xo = r * inputs;
    const oo = r * units;
    for (let u = 0; u < units; u++) {
      let sum = bias ? bias[u] : 0;
      for (let i = 0, k = u; i < inputs; i++, k += units) sum += x[xo + i] * kernel[k];
      out[oo + u] = sum;
    }
    activation(out, oo, units);
  }
  return out;
}

// src/serve/model-files.ts
import { readFile as readFile3 } from "node:fs/promises";
import { join as join4, relative as relative3, resolve as resolve2, sep as sep4 } from "node:path";

// src/train/artifacts.ts
import { mkdir as mkdir2, readFile as readFile2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/train/hash.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
import { relative as relative2, sep as sep2 } from "node:path";
function sha256(...parts) {
  const hash = createHash2("sha256");
  for (const part of parts) hash.update(part);
  return `sha256:${hash.digest("hex")}`;
}
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

// src/train/artifacts.ts
async function saveModel(tf, model, dir) {
  let saved;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = weightBytes(artifacts.weightData);
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: "layers-model",
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        weightsManifest: [{ paths: [ARTIFACT_FILES.weights], weights: artifacts.weightSpecs ?? [] }],
        ...artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}
      };
      saved = { modelJson: Buffer.from(JSON.stringify(modelJson)), weights };
      return { modelArtifactsInfo: { dateSaved: /* @__PURE__ */ new Date(0), modelTopologyType: "JSON", weightDataBytes: weights.byteLength } };
    })
  );
  if (!saved) throw new Error("tfjs did not hand the model to the save handler");
  await mkdir2(dir, { recursive: true });
  await writeFile2(join3(dir, ARTIFACT_FILES.modelJson), saved.modelJson);
  await writeFile2(join3(dir, ARTIFACT_FILES.weights), saved.weights);
  return saved;
}
function weightBytes(data) {
  if (data === void 0) return Buffer.alloc(0);
  const parts = Array.isArray(data) ? data : [data];
  return Buffer.concat(parts.map((part) => Buffer.from(part)));
}
function hashModel(files) {
  return sha256(files.modelJson, files.weights, files.preprocessing);
}
function jsonText(value) {
  return `${JSON.stringify(value, null, 2)}
`;
}
async function writeJsonArtifact(dir, file, value) {
  const text = jsonText(value);
  await mkdir2(dir, { recursive: true });
  await writeFile2(join3(dir, file), text);
  return text;
}
async function readJsonArtifact(dir, file) {
  const path = join3(dir, file);
  let text;
  try {
    text = await readFile2(path);
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    throw new UserError(`${displayPath(dir)} is not a model folder: ${file} is missing (train one with \`model-ci train\`)`, { file: displayPath(path) });
  }
  try {
    return JSON.parse(text.toString("utf8"));
  } catch (error) {
    throw new UserError(`is not valid JSON (${error.message})`, { file: displayPath(path) });
  }
}

// src/serve/model-files.ts
var BYTES_PER_ELEMENT = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };
async function readModelFiles(dir) {
  const root = resolve2(dir);
  const modelJsonBytes = await readRequired(root, ARTIFACT_FILES.modelJson);
  const modelJson = parseJson(modelJsonBytes, join4(root, ARTIFACT_FILES.modelJson));
  const { modelTopology, weightSpecs, paths } = checkModelJson(modelJson, join4(root, ARTIFACT_FILES.modelJson));
  const shards = [];
  for (const path of paths) {
    const shard = await readRequired(root, shardPath(root, path));
    shards.push(shard);
  }
  const weights = Buffer.concat(shards);
  checkWeightBytes(weightSpecs, weights.byteLength, paths, root);
  const preprocessingBytes = await readRequired(root, ARTIFACT_FILES.preprocessing);
  const preprocessingFile = join4(root, ARTIFACT_FILES.preprocessing);
  const preprocessing = checkPreprocessing(parseJson(preprocessingBytes, preprocessingFile), preprocessingFile);
  const metricsBytes = await readOptional(join4(root, ARTIFACT_FILES.metrics));
  const metrics = metricsBytes ? checkMetrics(parseJson(metricsBytes, join4(root, ARTIFACT_FILES.metrics)), join4(root, ARTIFACT_FILES.metrics)) : {};
  const runBytes = await readOptional(join4(root, ARTIFACT_FILES.run));
  const run = runBytes ? checkRun(parseJson(runBytes, join4(root, ARTIFACT_FILES.run)), join4(root, ARTIFACT_FILES.run)) : void 0;
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return { dir: root, modelTopology, weightSpecs, weightData, preprocessing, metrics, run, contentHash: hashModel({ modelJson: modelJsonBytes, weights, preprocessing: preprocessingBytes.toString("utf8") }) };
}
async function readRequired(root, name) {
  const file = resolve2(root, name);
  try {
    return await readFile3(file);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "is missing from the model folder" : `cannot be read (${code ?? String(error)})`;
    throw new UserError(`${name} ${why}; a model folder holds model.json, weights.bin and preprocessing.json`, { file: displayPath(file) });
  }
}
async function readOptional(file) {
  try {
    return await readFile3(file);
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw new UserError(`cannot be read (${error.code ?? String(error)})`, { file: displayPath(file) });
  }
}
function parseJson(bytes, file) {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new UserError(`is not valid JSON: ${error.message}`, { file: displayPath(file) });
  }
}
function fail(file, field, expected) {
  throw new UserError(`expected ${expected}`, { file: displayPath(file), field });
}
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var isFiniteNumber = (value) => typeof value === "number" && Number.isFinite(value);
function checkModelJson(value, file) {
  if (!isObject(value)) fail(file, "model.json", "a TF.js layers model (an object with modelTopology and weightsManifest)");
  if (value.format !== void 0 && value.format !== "layers-model") {
    fail(file, "format", `"layers-model" (got ${JSON.stringify(value.format)}; graph models are not served)`);
  }
  if (!isObject(value.modelTopology)) fail(file, "modelTopology", "an object (the Keras model config)");
  if (!Array.isArray(value.weightsManifest)) fail(file, "weightsManifest", "an array of { paths, weights }");
  const weightSpecs = [];
  const paths = [];
  value.weightsManifest.forEach((group, g) => {
    if (!isObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      fail(file, `weightsManifest[${g}]`, "an object with paths (file names) and weights (specs)");
    }
    group.paths.forEach((path, p) => {
      if (typeof path !== "string" || path === "") fail(file, `weightsManifest[${g}].paths[${p}]`, "a file name");
      paths.push(path);
    });
    group.weights.forEach((spec, w) => {
      const where = `weightsManifest[${g}].weights[${w}]`;
      if (!isObject(spec) || typeof spec.name !== "string" || typeof spec.dtype !== "string") fail(file, where, "an object with name, shape and dtype");
      if (!Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0)) fail(file, `${where}.shape`, "an array of non-negative integers");
      const elementType = isObject(spec.quantization) && typeof spec.quantization.dtype === "string" ? spec.quantization.dtype : spec.dtype;
      if (!(elementType in BYTES_PER_ELEMENT)) fail(file, `${where}.dtype`, `one of ${Object.keys(BYTES_PER_ELEMENT).join(", ")}`);
      weightSpecs.push(spec);
    });
  });
  return { modelTopology: value.modelTopology, weightSpecs, paths };
}
function shardPath(root, path) {
  const full = resolve2(root, path);
  if (!full.startsWith(root + sep4)) {
    throw new UserError(`weight file ${JSON.stringify(path)} is outside the model folder`, { file: displayPath(join4(root, ARTIFACT_FILES.modelJson)), field: "weightsManifest" });
  }
  return relative3(root, full);
}
function checkWeightBytes(specs, actual, paths, root) {
  const expected = specs.reduce((sum, spec) => {
    const elementType = spec.quantization?.dtype ?? spec.dtype;
    return sum + spec.shape.reduce((n, d) => n * d, 1) * BYTES_PER_ELEMENT[elementType];
  }, 0);
  if (expected !== actual) {
    throw new UserError(
      `${paths.length === 1 ? "holds" : `with ${paths.slice(1).join(", ")} hold`} ${actual} bytes but model.json's weightsManifest describes ${expected}: the weights do not belong to this model.json, or the file is truncated`,
      { file: displayPath(join4(root, paths[0] ?? ARTIFACT_FILES.weights)) }
    );
  }
}
function checkPreprocessing(value, file) {
  if (!isObject(value)) fail(file, "preprocessing.json", "an object");
  if (value.version !== 1) fail(file, "version", `1 (got ${JSON.stringify(value.version)})`);
  if (!TASKS.includes(value.task)) fail(file, "task", `one of ${TASKS.join(", ")}`);
  if (typeof value.target !== "string") fail(file, "target", "the name of the target column");
  if (!Array.isArray(value.features) || value.features.length === 0) fail(file, "features", "a non-empty array of feature specs");
  const names = /* @__PURE__ */ new Set();
  const features = value.features.map((feature, i) => {
    const spec = checkFeature(feature, file, `features[${i}]`);
    if (names.has(spec.name)) fail(file, `features[${i}].name`, `a unique name (${JSON.stringify(spec.name)} appears twice)`);
    names.add(spec.name);
    return spec;
  });
  const width = features.reduce((sum, f) => sum + featureWidth(f), 0);
  if (value.inputSize !== width) fail(file, "inputSize", `${width}, the total width of the features (got ${JSON.stringify(value.inputSize)})`);
  const task = value.task;
  if (task !== "regression") {
    const count = task === "binary-classification" ? "exactly 2" : "at least 2";
    const classes = value.classes;
    if (!Array.isArray(classes) || !classes.every((c) => typeof c === "string") || (task === "binary-classification" ? classes.length !== 2 : classes.length < 2)) {
      fail(file, "classes", `${count} class labels (strings) for ${task}`);
    }
  }
  if (value.targetScale !== void 0) {
    const scale = value.targetScale;
    if (!isObject(scale) || !isFiniteNumber(scale.mean) || !isFiniteNumber(scale.std) || scale.std <= 0) {
      fail(file, "targetScale", "{ mean, std } with a positive std");
    }
  }
  return value;
}
function checkFeature(value, file, where) {
  if (!isObject(value) || typeof value.name !== "string" || value.name === "") fail(file, `${where}.name`, "a non-empty feature name");
  if (value.kind === "numeric") {
    if (!isFiniteNumber(value.mean)) fail(file, `${where}.mean`, "a finite number");
    if (!isFiniteNumber(value.std) || value.std <= 0) fail(file, `${where}.std`, "a positive number");
  } else if (value.kind === "categorical") {
    if (value.encoding !== "one-hot" && value.encoding !== "index") fail(file, `${where}.encoding`, '"one-hot" or "index"');
    if (!Array.isArray(value.categories) || !value.categories.every((c) => typeof c === "string")) fail(file, `${where}.categories`, "an array of strings");
  } else {
    fail(file, `${where}.kind`, '"numeric" or "categorical"');
  }
  return value;
}
function checkMetrics(value, file) {
  if (!isObject(value)) fail(file, "metrics.json", "an object of metric name \u2192 number");
  for (const [name, metric] of Object.entries(value)) {
    if (typeof metric !== "number") fail(file, name, "a number");
  }
  return value;
}
function checkRun(value, file) {
  if (!isObject(value) || value.schema !== 1) fail(file, "schema", "run.json schema 1");
  if (!isObject(value.hashes)) fail(file, "hashes", "an object of content hashes");
  return value;
}

// src/serve/model.ts
var DENSE_PLAN_MAX_MACS = 1 << 16;
async function loadModel(dir, options = {}) {
  const files = await readModelFiles(dir);
  const engine = await loadEngine(options.backend ?? "auto", { workspace: options.workspace, log: options.log });
  const { tf, backend, notices } = engine;
  const modelJsonFile = displayPath(join5(files.dir, ARTIFACT_FILES.modelJson));
  let model;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: files.modelTopology, weightSpecs: files.weightSpecs, weightData: files.weightData })
    );
  } catch (error) {
    throw new UserError(`is not a loadable TF.js layers model: ${error.message}`, { file: modelJsonFile });
  }
  const pre = files.preprocessing;
  const inputShape = model.inputs.length === 1 ? model.inputs[0].shape : void 0;
  if (!inputShape || inputShape.length !== 2 || inputShape[1] !== pre.inputSize) {
    model.dispose();
    throw new UserError(
      `takes input shape ${JSON.stringify(model.inputs.map((i) => i.shape))} but preprocessing.json encodes ${pre.inputSize} values per row: they come from different runs`,
      { file: modelJsonFile }
    );
  }
  const outputShape = model.outputs.length === 1 ? model.outputs[0].shape : void 0;
  const outputWidth = outputShape?.length === 2 ? outputShape[1] ?? 0 : 0;
  const expected = pre.task === "regression" ? [1] : pre.task === "binary-classification" ? [1, 2] : [pre.classes?.length ?? 0];
  if (!expected.includes(outputWidth)) {
    model.dispose();
    throw new UserError(`outputs ${JSON.stringify(model.outputs.map((o) => o.shape))} but a ${pre.task} model with these classes outputs ${expected.join(" or ")} per row`, {
      file: modelJsonFile
    });
  }
  const modelHash = files.run?.hashes.model ?? files.contentHash;
  const densePlan = verifiedDensePlan(tf, model);
  return {
    dir: files.dir,
    tf,
    backend,
    notices,
    engine,
    model,
    preprocessing: pre,
    metrics: files.metrics,
    run: files.run,
    modelHash,
    version: modelHash.replace(/^sha256:/, "").slice(0, 12),
    outputWidth,
    densePlan
  };
}
function verifiedDensePlan(tf, model) {
  const plan = compileDensePlan(model);
  if (!plan) return void 0;
  const rows = 16;
  const probe = Float32Array.from({ length: rows * plan.inputSize }, (_, k) => 3 * Math.sin(k * 12.9898 + 78.233));
  const fromPlan = plan.run(probe, rows);
  const fromTf = forwardWithTf(tf, model, probe, rows, plan.inputSize);
  const agrees = fromTf.length === fromPlan.length && fromTf.every((y, k) => Math.abs(y - fromPlan[k]) <= 1e-5 * Math.max(1, Math.abs(y)));
  return agrees ? plan : void 0;
}
function forwardWithTf(tf, model, input, rows, inputSize) {
  let output;
  tf.tidy(() => {
    const y = model.apply(tf.tensor2d(input, [rows, inputSize]), { training: false });
    output = y.dataSync();
  });
  return output;
}
function createPredictor(loaded) {
  const { tf, model, preprocessing: pre, outputWidth, densePlan } = loaded;
  const decode = outputDecoder(pre, outputWidth);
  return {
    predict(instances, field = "instances") {
      const rows = instances.length;
      rejectNestedValues(pre, instances, field);
      const encoded = encodeInstances(pre, instances, field);
      checkFinite(pre, encoded, field);
      const output = densePlan && rows * densePlan.macsPerRow <= DENSE_PLAN_MAX_MACS ? densePlan.run(encoded, rows) : forwardWithTf(tf, model, encoded, rows, pre.inputSize);
      const predictions = new Array(rows);
      for (let i = 0; i < rows; i++) predictions[i] = decode(output, i * outputWidth);
      return predictions;
    }
  };
}
function outputDecoder(pre, width) {
  if (pre.task === "regression") {
    const { mean, std } = pre.targetScale ?? { mean: 0, std: 1 };
    return (output, offset) => output[offset] * std + mean;
  }
  const classes = pre.classes;
  if (width === 1) {
    return (output, offset) => {
      const p = output[offset];
      return { label: classes[p >= 0.5 ? 1 : 0], probabilities: [1 - p, p] };
    };
  }
  return (output, offset) => {
    const probabilities = new Array(width);
    let best = 0;
    for (let k = 0; k < width; k++) {
      probabilities[k] = output[offset + k];
      if (probabilities[k] > probabilities[best]) best = k;
    }
    return { label: classes[best], probabilities };
  };
}
function rejectNestedValues(pre, instances, field) {
  for (let i = 0; i < instances.length; i++) {
    const instance = instances[i];
    if (instance === null || typeof instance !== "object" || Array.isArray(instance) && instance.length !== pre.features.length) continue;
    const values = Array.isArray(instance) ? instance : pre.features.map((f) => instance[f.name]);
    for (let j = 0; j < values.length; j++) {
      const value = values[j];
      if (value === null || typeof value !== "object") continue;
      throw new UserError(`expected a single value, got ${Array.isArray(value) ? "an array" : "an object"}`, { field: `${field}[${i}].${pre.features[j].name}` });
    }
  }
}
function checkFinite(pre, encoded, field) {
  for (let k = 0; k < encoded.length; k++) {
    if (Number.isFinite(encoded[k])) continue;
    const row = Math.floor(k / pre.inputSize);
    let column2 = k - row * pre.inputSize;
    const feature = pre.features.find((f) => (column2 -= featureWidth(f)) < 0);
    throw new UserError("expected a number within float32 range after standardisation (about \xB13.4e38)", { field: `${field}[${row}].${feature?.name}` });
  }
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
      if (history.epochs < epochs) history.stoppedEarlyAt = best;
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
      layers.forEach((layer, i) => layer.seed = deriveSeed(seed, i));
    },
    restore() {
      layers.forEach((layer, i) => layer.seed = original[i]);
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

// src/train/pipeline.ts
function defaultModelDir(config) {
  return join6(".model-ci", config.name);
}
async function trainModel(configFile, opts) {
  const started = performance.now();
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const config = await loadConfig(configFile);
  const out = opts.out ?? defaultModelDir(config);
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
  const config = await loadConfig(configFile);
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

// src/compare/numbers.ts
var EQUAL_EPSILON = 1e-12;
function nearlyEqual(a, b) {
  return Math.abs(a - b) <= EQUAL_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}
function formatNumber(value) {
  if (!Number.isFinite(value)) throw new Error(`cannot format ${value}: metrics are checked to be finite before reporting`);
  if (value === 0) return "0";
  if (Number.isInteger(value)) return integerText(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4) return integerText(Math.round(value));
  if (magnitude < 1e-4) return stripZeros(value.toExponential(3));
  const text = value.toPrecision(4);
  return text.includes("e+") ? integerText(Math.round(value)) : stripZeros(text);
}
function formatSigned(value) {
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}
function formatPercent(value) {
  if (!Number.isFinite(value)) throw new Error(`cannot format ${value}%`);
  if (value === 0) return "0.0%";
  const text = Math.abs(value).toFixed(1);
  return `${value > 0 ? "+" : "-"}${text}%`;
}
function integerText(value) {
  return Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value === 0 ? 0 : value);
}
function stripZeros(text) {
  return text.replace(/(\.\d*?)0+(?=e|$)/, "$1").replace(/\.(?=e|$)/, "");
}

// src/compare/gate.ts
function regression2(direction, base, head) {
  return direction === "higher" ? base - head : head - base;
}
function allowedRegression(gate, base) {
  if (gate.tolerance === void 0) return void 0;
  return gate.relative ? gate.tolerance * Math.abs(base) : gate.tolerance;
}
function withinTolerance(direction, gate, base, head) {
  const allowed = allowedRegression(gate, base);
  if (allowed === void 0) return false;
  const worseBy = regression2(direction, base, head);
  return worseBy <= allowed || nearlyEqual(worseBy, allowed);
}
function evaluateGate(direction, gate, base, head) {
  if (head === void 0) {
    return { passed: false, reason: base === void 0 ? "missing from this run" : `missing from this run (main: ${formatNumber(base)})` };
  }
  const reasons = [];
  if (base !== void 0 && gate.tolerance !== void 0 && !withinTolerance(direction, gate, base, head)) {
    reasons.push(toleranceReason(direction, gate, base, head));
  }
  if (gate.threshold !== void 0 && !meetsThreshold(direction, gate.threshold, head)) {
    reasons.push(
      direction === "higher" ? `${formatNumber(head)} is below the minimum ${formatNumber(gate.threshold)}` : `${formatNumber(head)} is above the maximum ${formatNumber(gate.threshold)}`
    );
  }
  return reasons.length === 0 ? { passed: true } : { passed: false, reason: reasons.join("; ") };
}
function meetsThreshold(direction, threshold, head) {
  if (nearlyEqual(head, threshold)) return true;
  return direction === "higher" ? head > threshold : head < threshold;
}
function toleranceReason(direction, gate, base, head) {
  const moved = `${direction === "higher" ? "fell" : "rose"} by ${formatNumber(Math.abs(head - base))}`;
  const tolerance = gate.tolerance;
  if (!gate.relative) return `${moved}, more than the ${formatNumber(tolerance)} allowed`;
  const share = base === 0 ? `from main's 0` : `(${formatNumber(Math.abs(head - base) / Math.abs(base) * 100)}% of main)`;
  return `${moved} ${share}, more than the ${formatNumber(tolerance * 100)}% allowed`;
}
function describeGate(direction, gate) {
  const parts = [];
  if (gate.tolerance !== void 0) {
    const amount = gate.relative ? `${formatNumber(gate.tolerance * 100)}%` : formatNumber(gate.tolerance);
    parts.push(direction === "higher" ? `\u0394 \u2265 -${amount}` : `\u0394 \u2264 +${amount}`);
  }
  if (gate.threshold !== void 0) parts.push(`${direction === "higher" ? "\u2265" : "\u2264"} ${formatNumber(gate.threshold)}`);
  return parts.join(", ");
}

// src/compare/metric-rows.ts
function metricRows(configs, base, head) {
  const configured = new Map(configs.map((config) => [config.name, config]));
  const others = [.../* @__PURE__ */ new Set([...Object.keys(base ?? {}), ...Object.keys(head)])].filter((name) => !configured.has(name)).sort(byCodePoint);
  const ordered = [
    ...configs.filter((config) => config.name in head || base !== void 0 && config.name in base),
    ...others.map((name) => ({ name, direction: METRICS[name]?.direction ?? guessDirection(name) }))
  ];
  return ordered.map((config) => metricRow(config, base?.[config.name], head[config.name]));
}
function metricRow(config, base, head) {
  const row = { name: config.name, direction: config.direction, status: rowStatus(config, base, head) };
  if (base !== void 0) row.base = base;
  if (head !== void 0) row.head = head;
  if (base !== void 0 && head !== void 0) {
    row.delta = head - base;
    if (base !== 0) row.deltaPct = (head - base) / Math.abs(base) * 100;
  }
  if (config.gate) {
    row.gate = config.gate;
    const result = evaluateGate(config.direction, config.gate, base, head);
    row.gatePassed = result.passed;
    if (result.reason) row.gateReason = result.reason;
  }
  return row;
}
function rowStatus(config, base, head) {
  if (head === void 0) return "removed";
  if (base === void 0) return "new";
  if (nearlyEqual(base, head)) return "unchanged";
  if (regression2(config.direction, base, head) < 0) return "better";
  return config.gate && withinTolerance(config.direction, config.gate, base, head) ? "within-tolerance" : "worse";
}
function guessDirection(name) {
  return /(^|[_-])(loss|mse|mae|rmse|mape|error|err)$|^(loss|mse|mae|rmse|mape|error)/i.test(name) ? "lower" : "higher";
}
function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/compare/inputs-diff.ts
function diffParams(base, head) {
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(base), ...Object.keys(head)])].sort(byCodePoint);
  const changes = [];
  for (const key of keys) {
    const inBase = Object.hasOwn(base, key);
    const inHead = Object.hasOwn(head, key);
    if (inBase && inHead && Object.is(base[key], head[key])) continue;
    const change = { key };
    if (inBase) change.base = base[key];
    if (inHead) change.head = head[key];
    changes.push(change);
  }
  return changes;
}
function diffData(base, head) {
  const files = [.../* @__PURE__ */ new Set([...Object.keys(base), ...Object.keys(head)])].sort(byCodePoint);
  return files.map((file) => {
    const before = Object.hasOwn(base, file) ? base[file] : void 0;
    const after = Object.hasOwn(head, file) ? head[file] : void 0;
    const change = {
      file,
      change: !before ? "added" : !after ? "removed" : before.hash === after.hash ? "unchanged" : "modified"
    };
    if (before) Object.assign(change, { baseRows: before.rows, baseHash: before.hash });
    if (after) Object.assign(change, { headRows: after.rows, headHash: after.hash });
    return change;
  });
}

// src/compare/verdict.ts
function decideVerdict(rows, hasBaseline) {
  if (rows.some((row) => row.gatePassed === false)) return "gate-failed";
  if (!hasBaseline) return "no-baseline";
  const better = rows.some((row) => row.status === "better");
  const worse = rows.some((row) => row.status === "worse");
  if (better && worse) return "mixed";
  if (better) return "better";
  if (worse) return "worse";
  return "unchanged";
}

// src/compare/compare.ts
function compareRuns(input) {
  const { base, head } = input;
  checkFinite2(head.metrics, "this run", { file: ARTIFACT_FILES.metrics });
  if (base) checkFinite2(base.metrics, describeBaseline(input.baseline), {});
  for (const config of input.metrics) {
    if (!(config.name in head.metrics) && !(base && config.name in base.metrics)) {
      throw new UserError(
        `metric "${config.name}" is listed in model-ci.yml but neither this run nor main's baseline measured it; measured: ${Object.keys(head.metrics).join(", ") || "nothing"}`,
        { field: "metrics" }
      );
    }
  }
  const rows = metricRows(input.metrics, base?.metrics, head.metrics);
  const comparison = {
    model: input.model,
    verdict: decideVerdict(rows, base !== void 0),
    rows,
    params: base ? diffParams(base.params, head.params) : [],
    data: base ? diffData(base.data, head.data) : [],
    baseline: base ? input.baseline : { kind: "none" },
    failedGates: rows.filter((row) => row.gatePassed === false)
  };
  if (input.headCommit !== void 0) comparison.headCommit = input.headCommit;
  return comparison;
}
function checkFinite2(metrics, side, location) {
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const hint = typeof value === "number" ? " (did training diverge? check the learning rate)" : "";
      throw new UserError(`metric "${name}" of ${side} is ${typeof value === "number" ? String(value) : JSON.stringify(value)}${hint}; expected a finite number`, {
        ...location,
        field: `metrics.${name}`
      });
    }
  }
}
function describeBaseline(source) {
  return source.commit ? `main's baseline (commit ${source.commit.slice(0, 7)})` : "main's baseline";
}

// src/git/run.ts
import { execFile as execFile2 } from "node:child_process";
var GitError = class extends Error {
  name = "GitError";
  args;
  exitCode;
  stdout;
  stderr;
  constructor(args, exitCode, stdout, stderr) {
    const why = stderr.trim() || stdout.trim() || "no output";
    super(`git ${args.join(" ")} failed (exit ${exitCode}): ${why}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }
};
var MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
function runGit(args, options) {
  return new Promise((resolve3, reject) => {
    const child = execFile2(
      "git",
      args,
      {
        cwd: options.cwd,
        encoding: "buffer",
        maxBuffer: MAX_OUTPUT_BYTES,
        env: { ...process.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", ...options.env }
      },
      (error, stdout, stderr) => {
        if (!error) return resolve3(stdout);
        if (typeof error.code !== "number") return reject(error);
        reject(new GitError(args, error.code, stdout.toString("utf8"), stderr.toString("utf8")));
      }
    );
    child.stdin?.on("error", () => {
    });
    child.stdin?.end(options.input ?? "");
  });
}
async function git(args, options) {
  return (await runGit(args, options)).toString("utf8");
}
function gitBytes(args, options) {
  return runGit(args, options);
}
async function tryGit(args, options) {
  try {
    return await git(args, options);
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}

export {
  VERSION,
  ARTIFACT_FILES,
  GitError,
  git,
  gitBytes,
  tryGit,
  readCsv,
  column,
  cellText,
  dataFileKey,
  featureWidth,
  loadEngine,
  sha256File,
  hashInputs,
  readJsonArtifact,
  loadModel,
  createPredictor,
  trainModel,
  evaluateModel,
  predict,
  formatNumber,
  formatSigned,
  formatPercent,
  describeGate,
  compareRuns
};
