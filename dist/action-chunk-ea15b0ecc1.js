import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  loadEngine
} from "./action-chunk-bc1fafee27.js";
import {
  ARTIFACT_FILES
} from "./action-chunk-4293b75db3.js";
import {
  DEFAULT_ARTIFACTS_DIR
} from "./action-chunk-89980272e8.js";
import {
  VERSION
} from "./action-chunk-413a98cce8.js";
import {
  confineInputs,
  displayPath,
  loadConfig,
  loadParams
} from "./action-chunk-afac013251.js";
import {
  formatBytes,
  limit,
  overLimit
} from "./action-chunk-89c9fbdf46.js";
import {
  tryGit
} from "./action-chunk-4a2bad3387.js";
import {
  UserError,
  excerpt,
  fileErrorReason,
  quote,
  showName
} from "./action-chunk-55db69e02f.js";

// src/train/pipeline.ts
import { join as join2 } from "node:path";

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
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw new UserError(`cannot read data file ${shown}: ${fileErrorReason(error)}`, { file: shown });
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UserError(`cannot read data file ${shown}: it is a directory`, { file: shown });
    if (!stat.isFile()) throw new UserError(`cannot read data file ${shown}: it is not a regular file`, { file: shown });
    const maxBytes = limit("csvBytes");
    if (stat.size > maxBytes) {
      throw new UserError(`the file is ${formatBytes(stat.size)} (${stat.size} bytes), ${overLimit("csvBytes")}`, { file: shown });
    }
    const size = stat.size;
    const parser = new CsvParser(shown, forced, size, float32);
    const hash = createHash("sha256");
    let buffer = Buffer.allocUnsafe(2 * chunkBytes);
    let carried = 0;
    let total = 0;
    for (; ; ) {
      if (carried + chunkBytes > buffer.length) {
        const bigger = Buffer.allocUnsafe(2 * (carried + chunkBytes));
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, carried, chunkBytes, null);
      total += bytesRead;
      if (total > maxBytes) throw new UserError(`the file grew past ${formatBytes(maxBytes)} while read, ${overLimit("csvBytes")}`, { file: shown });
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
  maxColumns = limit("columns");
  maxRows = limit("rows");
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
            throw this.error(
              this.line,
              `unexpected ${JSON.stringify(String.fromCharCode(data[i]))} after a closing quote (a quote inside a quoted field is written "")`
            );
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
    if (!this.header && k >= this.maxColumns) {
      throw this.error(this.line, `the header has too many columns, ${overLimit("columns")}`);
    }
    if (this.header && k >= this.header.length) return;
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
    if (this.rows === this.maxRows) throw this.error(line, `the file has too many rows, ${overLimit("rows")}`);
    if (this.rows === this.capacity) this.growTo(Math.ceil(this.capacity * 1.5));
    const row = this.rows;
    this.rowLines[row] = line;
    for (let k = 0; k < width; k++) this.cell(data, k, row, line);
    this.rows++;
  }
  readHeader(data, fields, line) {
    const names2 = [];
    for (let k = 0; k < fields; k++) {
      const name = this.text(data, k).trim();
      if (name === "") throw this.error(line, `column ${k + 1} of the header has no name`);
      const earlier = names2.indexOf(name);
      if (earlier >= 0) throw this.error(line, `the header names column ${quote(name)} twice (columns ${earlier + 1} and ${k + 1})`, name);
      names2.push(name);
    }
    this.header = names2;
    this.columns = names2.map((name) => new ColumnBuilder(name, this.forced.has(name), this.capacity, this.float32));
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
      throw this.error(line, `empty value in column ${showName(col.name)} on line ${line}; model-ci needs every value (fill it in or drop the row)`, col.name);
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
    if (this.rows === 0) throw this.error(2, `the file has a header of ${this.header.length} column${this.header.length === 1 ? "" : "s"} but no rows`);
    const rows = this.rows;
    const reread = [];
    const columns = this.columns.map((col) => {
      const numbers = col.numbers + col.nonFinite;
      if (col.forced || col.texts > 0 && col.texts >= numbers) {
        if (col.rowsBeforeCodes > 0) reread.push(col.name);
        return { name: col.name, kind: "categorical", codes: exact(col.codes, rows), dictionary: col.dictionary };
      }
      if (col.texts > 0) {
        const { line } = col.firstText;
        throw this.error(
          line,
          `column ${showName(col.name)} holds numbers (${numbers} of ${rows} rows) but line ${line} has text there; fix the value, or list the column under \`data.categorical_columns\` if it holds categories`,
          col.name
        );
      }
      if (col.firstNonFinite) {
        const { line, value } = col.firstNonFinite;
        throw this.error(
          line,
          `column ${showName(col.name)} has ${quote(value)} on line ${line}; values must be finite numbers (no NaN or Infinity)`,
          col.name
        );
      }
      if (col.firstBeyondFloat32) {
        const { line, value } = col.firstBeyondFloat32;
        throw this.error(
          line,
          `column ${showName(col.name)} has ${quote(value)} on line ${line}, beyond \xB13.4e38, the range of the float32 numbers model-ci trains with`,
          col.name
        );
      }
      return { name: col.name, kind: "numeric", values: exact(col.values, rows) };
    });
    const table = { file, columns, rowCount: rows, rowLines: exact(this.rowLines, rows) };
    return { table, reread };
  }
  error(line, message, field) {
    return new UserError(message, { file: this.file, line, field: field === void 0 ? void 0 : excerpt(field) });
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
  throw new UserError(`no column ${quote(name)}; ${headerSummary(table)}`, {
    file: displayPath(table.file),
    line: 1,
    field: excerpt(name)
  });
}
var LISTED_COLUMNS = 20;
function headerSummary(table) {
  const names2 = table.columns.map((c) => c.name);
  if (names2.length === 1) return "the header (line 1) has no commas, so the file has a single column: is it a CSV file?";
  const listed = names2.slice(0, LISTED_COLUMNS).map(showName).join(", ");
  return `the columns are: ${listed}${names2.length > LISTED_COLUMNS ? `, \u2026 (${names2.length} in all)` : ""}`;
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

// src/data/preprocessing.ts
function featureWidth(feature) {
  return feature.kind === "categorical" && feature.encoding === "one-hot" ? feature.categories.length : 1;
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

// src/model/artifacts.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
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
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ARTIFACT_FILES.modelJson), saved.modelJson);
  await writeFile(join(dir, ARTIFACT_FILES.weights), saved.weights);
  return saved;
}
function weightBytes(data) {
  if (data === void 0) return Buffer.alloc(0);
  const parts = Array.isArray(data) ? data : [data];
  return Buffer.concat(parts.map((part) => Buffer.from(part)));
}
function sha256(...parts) {
  const hash = createHash2("sha256");
  for (const part of parts) hash.update(part);
  return `sha256:${hash.digest("hex")}`;
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
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, file), text);
  return text;
}

// src/model/predictor.ts
var DENSE_PLAN_MAX_MACS = 1 << 16;

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
import { createHash as createHash3 } from "node:crypto";
import { createReadStream } from "node:fs";
import { relative as relative2, sep as sep2 } from "node:path";
async function sha256File(file) {
  const hash = createHash3("sha256");
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
  trainModel
};
