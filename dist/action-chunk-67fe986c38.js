import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  loadEngine
} from "./action-chunk-bc1fafee27.js";
import {
  accuracy,
  classScores,
  confusionMatrix,
  createRng,
  logLoss,
  macroScores,
  mae,
  r2,
  rmse,
  rocAuc,
  seededShuffle
} from "./action-chunk-d2a1d9ef9d.js";
import {
  allRows,
  column,
  encodeTable,
  fitPreprocessing,
  lineOfRow
} from "./action-chunk-e5a79ce89a.js";
import {
  DRIFT_BINS,
  DRIFT_CATEGORY_BINS,
  featureWidth
} from "./action-chunk-7d1a89a2f0.js";
import {
  hashModel,
  saveModel,
  sha256,
  writeJsonArtifact
} from "./action-chunk-5595f77bb2.js";
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
  loadConfig,
  loadParams
} from "./action-chunk-831e54c8a1.js";
import {
  TASKS
} from "./action-chunk-40530c68dd.js";
import {
  displayPath
} from "./action-chunk-25be3d0a7c.js";
import {
  tryGit
} from "./action-chunk-4a2bad3387.js";
import {
  formatBytes,
  limit,
  overLimit
} from "./action-chunk-82396b2bd9.js";
import {
  UserError,
  excerpt,
  fileErrorReason,
  quote,
  showName
} from "./action-chunk-55db69e02f.js";

// src/train/pipeline.ts
import { join as join4 } from "node:path";

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
  const { handle, size, shown } = await openCsv(file);
  try {
    const parser = new CsvParser(shown, forced, size, float32);
    const hash = createHash("sha256");
    await readChunks(handle, shown, chunkBytes, {
      onRead: (bytes) => hash.update(bytes),
      consume: (data, final) => parser.parse(data, final)
    });
    const { table, reread } = parser.finish(file);
    return { file: { table, hash: `sha256:${hash.digest("hex")}` }, reread };
  } finally {
    await handle.close();
  }
}
async function openCsv(file) {
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
    if (stat.size > limit("csvBytes")) {
      throw new UserError(`the file is ${formatBytes(stat.size)} (${stat.size} bytes), ${overLimit("csvBytes")}`, { file: shown });
    }
    return { handle, size: stat.size, shown };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
async function readChunks(handle, shown, chunkBytes, { onRead, consume, done }) {
  const maxBytes = limit("csvBytes");
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
    onRead?.(buffer.subarray(carried, carried + bytesRead));
    const data = buffer.subarray(0, carried + bytesRead);
    const final = bytesRead === 0;
    const consumed = await consume(data, final);
    if (final || done?.()) break;
    carried = data.length - consumed;
    data.copyWithin(0, consumed);
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
var CsvRecordReader = class {
  file;
  line = 1;
  /** Offset in the file of `data[0]` in the next call of `parse`. */
  bytesParsed = 0;
  /** The header's width once read: fields past it are counted, not kept. */
  width;
  /** Set by `record` to make `parse` return right after that record (the consumer's matrix is full). */
  paused = false;
  maxColumns = limit("columns");
  bomChecked = false;
  // Field bounds of the record being read; `escaped` marks quoted fields holding "" pairs.
  starts = [];
  ends = [];
  quoted = [];
  escaped = [];
  constructor(file) {
    this.file = file;
  }
  /** Called when a chunk ends inside a record. */
  incomplete() {
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
        this.incomplete();
        return recordStart;
      }
      this.record(data, fields, recordLine, this.bytesParsed + recordStart);
      if (this.paused) {
        this.bytesParsed += i;
        return i;
      }
    }
    this.bytesParsed += n;
    return n;
  }
  keepField(k, start, end, quoted, escaped) {
    if (this.width === void 0 && k >= this.maxColumns) {
      throw this.error(this.line, `the header has too many columns, ${overLimit("columns")}`);
    }
    if (this.width !== void 0 && k >= this.width) return;
    this.starts[k] = start;
    this.ends[k] = end;
    this.quoted[k] = quoted;
    this.escaped[k] = escaped;
  }
  /** Whether the record is a blank line, which is not a row (a one-column table cannot tell it from a missing value, so neither does any other). */
  blank(data, fields) {
    return fields === 1 && !this.quoted[0] && trimmedEmpty(data, this.starts[0], this.ends[0]);
  }
  /** The header's column names, checked: none empty, none twice. */
  headerNames(data, fields, line) {
    const names2 = [];
    for (let k = 0; k < fields; k++) {
      const name = this.text(data, k).trim();
      if (name === "") throw this.error(line, `column ${k + 1} of the header has no name`);
      const earlier = names2.indexOf(name);
      if (earlier >= 0) throw this.error(line, `the header names column ${quote(name)} twice (columns ${earlier + 1} and ${k + 1})`, name);
      names2.push(name);
    }
    this.width = names2.length;
    return names2;
  }
  /** Field `k`'s text: unquoted fields trimmed, "" pairs of quoted ones unescaped. */
  text(data, k) {
    let start = this.starts[k];
    let end = this.ends[k];
    if (!this.quoted[k]) [start, end] = trim(data, start, end);
    const text = data.toString("utf8", start, end);
    return this.escaped[k] ? text.replaceAll('""', '"') : text;
  }
  error(line, message, field) {
    return new UserError(message, { file: this.file, line, field: field === void 0 ? void 0 : excerpt(field) });
  }
};
var CsvParser = class extends CsvRecordReader {
  forced;
  fileSize;
  float32;
  maxRows = limit("rows");
  header;
  columns = [];
  rows = 0;
  capacity = 1024;
  rowLines = new Uint32Array(this.capacity);
  constructor(file, forced, fileSize, float32) {
    super(file);
    this.forced = forced;
    this.fileSize = fileSize;
    this.float32 = float32;
  }
  incomplete() {
    this.estimateCapacity();
  }
  record(data, fields, line) {
    if (this.blank(data, fields)) return;
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
    const names2 = this.headerNames(data, fields, line);
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

// src/data/row-key.ts
import { createHash as createHash2 } from "node:crypto";
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
    return createHash2("sha256").update(buffer.subarray(0, at)).digest("hex");
  };
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

// src/model/predictor.ts
import { join as join2 } from "node:path";

// src/model/dense-plan.ts
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
  return planOf(layers);
}
function planOf(keras) {
  if (keras.length === 0 || keras.some((l, i) => i > 0 && l.inputs !== keras[i - 1].units)) return void 0;
  const layers = keras.map((l) => ({ ...l, kernel: transposed(l.kernel, l.inputs, l.units) }));
  let capacity = -1;
  let buffers = [];
  return {
    inputSize: layers[0].inputs,
    outputWidth: layers[layers.length - 1].units,
    macsPerRow: layers.reduce((sum, l) => sum + l.inputs * l.units, 0),
    run: (input, rows) => {
      if (rows > capacity) {
        capacity = rows;
        buffers = layers.map((l) => new Float32Array(rows * l.units));
      }
      let x = input;
      for (let l = 0; l < layers.length; l++) x = dense(layers[l], x, rows, buffers[l]);
      return x.subarray(0, rows * layers[layers.length - 1].units);
    }
  };
}
function transposed(kernel, inputs, units) {
  const out = new Float32Array(kernel.length);
  for (let i = 0; i < inputs; i++) for (let u = 0; u < units; u++) out[u * inputs + i] = kernel[i * units + u];
  return out;
}
function dense({ inputs, units, kernel, bias, activation }, x, rows, out) {
  for (let r = 0; r < rows; r++) {
    const xo = r * inputs;
    const oo = r * units;
    for (let u = 0; u < units; u++) {
      let sum = bias ? bias[u] : 0;
      const ko = u * inputs;
      for (let i = 0; i < inputs; i++) sum += x[xo + i] * kernel[ko + i];
      out[oo + u] = sum;
    }
    activation(out, oo, units);
  }
  return out;
}

// src/model/model-files.ts
import { readFile } from "node:fs/promises";
import { join, relative as relative2, resolve, sep as sep2 } from "node:path";
var BYTES_PER_ELEMENT = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };
async function readModelFiles(dir) {
  const root = resolve(dir);
  const modelJsonBytes = await readRequired(root, ARTIFACT_FILES.modelJson);
  const modelJson = parseJson(modelJsonBytes, join(root, ARTIFACT_FILES.modelJson));
  const { modelTopology, weightSpecs, paths } = checkModelJson(modelJson, join(root, ARTIFACT_FILES.modelJson));
  const shards = [];
  for (const path of paths) {
    const shard = await readRequired(root, shardPath(root, path));
    shards.push(shard);
  }
  const weights = Buffer.concat(shards);
  checkWeightBytes(weightSpecs, weights.byteLength, paths, root);
  const preprocessingBytes = await readRequired(root, ARTIFACT_FILES.preprocessing);
  const preprocessingFile = join(root, ARTIFACT_FILES.preprocessing);
  const preprocessing = checkPreprocessing(parseJson(preprocessingBytes, preprocessingFile), preprocessingFile);
  const metricsBytes = await readOptional(join(root, ARTIFACT_FILES.metrics));
  const metrics = metricsBytes ? checkMetrics(parseJson(metricsBytes, join(root, ARTIFACT_FILES.metrics)), join(root, ARTIFACT_FILES.metrics)) : {};
  const runBytes = await readOptional(join(root, ARTIFACT_FILES.run));
  const run = runBytes ? checkRun(parseJson(runBytes, join(root, ARTIFACT_FILES.run)), join(root, ARTIFACT_FILES.run)) : void 0;
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return {
    dir: root,
    modelTopology,
    weightSpecs,
    weightData,
    preprocessing,
    metrics,
    run,
    contentHash: hashModel({ modelJson: modelJsonBytes, weights, preprocessing: preprocessingBytes.toString("utf8") })
  };
}
async function readRequired(root, name) {
  const file = resolve(root, name);
  try {
    return await readFile(file);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "is missing from the model folder" : `cannot be read (${code ?? String(error)})`;
    throw new UserError(`${name} ${why}; a model folder holds model.json, weights.bin and preprocessing.json`, { file: displayPath(file) });
  }
}
async function readOptional(file) {
  try {
    return await readFile(file);
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
      if (!Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0))
        fail(file, `${where}.shape`, "an array of non-negative integers");
      const elementType = isObject(spec.quantization) && typeof spec.quantization.dtype === "string" ? spec.quantization.dtype : spec.dtype;
      if (!(elementType in BYTES_PER_ELEMENT)) fail(file, `${where}.dtype`, `one of ${Object.keys(BYTES_PER_ELEMENT).join(", ")}`);
      weightSpecs.push(spec);
    });
  });
  return { modelTopology: value.modelTopology, weightSpecs, paths };
}
function shardPath(root, path) {
  const full = resolve(root, path);
  if (!full.startsWith(root + sep2)) {
    throw new UserError(`weight file ${JSON.stringify(path)} is outside the model folder`, {
      file: displayPath(join(root, ARTIFACT_FILES.modelJson)),
      field: "weightsManifest"
    });
  }
  return relative2(root, full);
}
function checkWeightBytes(specs, actual, paths, root) {
  const expected = specs.reduce((sum, spec) => {
    const elementType = spec.quantization?.dtype ?? spec.dtype;
    return sum + spec.shape.reduce((n, d) => n * d, 1) * BYTES_PER_ELEMENT[elementType];
  }, 0);
  if (expected !== actual) {
    throw new UserError(
      `${paths.length === 1 ? "holds" : `with ${paths.slice(1).join(", ")} hold`} ${actual} bytes but model.json's weightsManifest describes ${expected}: the weights do not belong to this model.json, or the file is truncated`,
      { file: displayPath(join(root, paths[0] ?? ARTIFACT_FILES.weights)) }
    );
  }
}
function checkPreprocessing(value, file) {
  if (!isObject(value)) fail(file, "preprocessing.json", "an object");
  if (value.version !== 1) fail(file, "version", `1 (got ${JSON.stringify(value.version)})`);
  if (!TASKS.includes(value.task)) fail(file, "task", `one of ${TASKS.join(", ")}`);
  if (typeof value.target !== "string") fail(file, "target", "the name of the target column");
  if (!Array.isArray(value.features) || value.features.length === 0) fail(file, "features", "a non-empty array of feature specs");
  const names2 = /* @__PURE__ */ new Set();
  const features = value.features.map((feature, i) => {
    const spec = checkFeature(feature, file, `features[${i}]`);
    if (names2.has(spec.name)) fail(file, `features[${i}].name`, `a unique name (${JSON.stringify(spec.name)} appears twice)`);
    names2.add(spec.name);
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
  if (value.predictionDrift !== void 0) {
    const bins = task === "regression" ? void 0 : value.classes.length;
    checkDrift(value.predictionDrift, file, "predictionDrift", task === "regression" ? "numeric" : "categorical", bins);
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
    for (const bound of ["min", "max"]) {
      if (value[bound] !== void 0 && !isFiniteNumber(value[bound])) fail(file, `${where}.${bound}`, "a finite number");
    }
    if (value.drift !== void 0) checkDrift(value.drift, file, `${where}.drift`, "numeric");
  } else if (value.kind === "categorical") {
    if (value.encoding !== "one-hot" && value.encoding !== "index") fail(file, `${where}.encoding`, '"one-hot" or "index"');
    if (!Array.isArray(value.categories) || !value.categories.every((c) => typeof c === "string")) fail(file, `${where}.categories`, "an array of strings");
    if (value.drift !== void 0) checkDrift(value.drift, file, `${where}.drift`, "categorical", value.categories.length);
  } else {
    fail(file, `${where}.kind`, '"numeric" or "categorical"');
  }
  return value;
}
function checkDrift(value, file, where, kind, categories) {
  if (!isObject(value) || !Array.isArray(value.shares) || !value.shares.every((s) => isFiniteNumber(s) && s >= 0)) {
    fail(file, `${where}.shares`, "an array of bin shares (numbers \u2265 0)");
  }
  const bins = value.shares.length;
  const limit2 = kind === "numeric" ? DRIFT_BINS : DRIFT_CATEGORY_BINS;
  if (bins === 0 || bins > limit2) fail(file, `${where}.shares`, `1 to ${limit2} bins (got ${bins})`);
  if (kind === "numeric") {
    const edges = value.edges;
    if (!Array.isArray(edges) || edges.length !== bins - 1 || !edges.every((e, i) => isFiniteNumber(e) && (i === 0 || e > edges[i - 1]))) {
      fail(file, `${where}.edges`, `${bins - 1} ascending finite cut points, one fewer than the shares`);
    }
    return;
  }
  const categoryBins = value.categoryBins;
  if (categoryBins === void 0) {
    if (bins !== categories) fail(file, `${where}.shares`, `one share per category (${categories}), got ${bins}`);
  } else if (!Array.isArray(categoryBins) || categoryBins.length !== categories || !categoryBins.every((b) => Number.isInteger(b) && b >= 0 && b < bins)) {
    fail(file, `${where}.categoryBins`, `one bin index (0 to ${bins - 1}) per category (${categories})`);
  }
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

// src/model/predictor.ts
var DENSE_PLAN_MAX_MACS = 1 << 16;
async function loadModel(dir, options = {}) {
  const files = await readModelFiles(dir);
  const engine = await loadEngine(options.backend ?? "auto", { workspace: options.workspace, log: options.log });
  const { tf, backend, notices } = engine;
  const modelJsonFile = displayPath(join2(files.dir, ARTIFACT_FILES.modelJson));
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
  if (inputShape?.length !== 2 || inputShape[1] !== pre.inputSize) {
    model.dispose();
    throw new UserError(
      `takes input shape ${JSON.stringify(model.inputs.map((i) => i.shape))} but preprocessing.json encodes ${pre.inputSize} values per row: they come from different runs`,
      { file: modelJsonFile }
    );
  }
  const outputShape = model.outputs.length === 1 ? model.outputs[0].shape : void 0;
  const outputWidth = outputShape?.length === 2 ? outputShape[1] ?? 0 : 0;
  const expected = outputWidths(pre);
  if (!expected.includes(outputWidth)) {
    model.dispose();
    throw new UserError(
      `outputs ${JSON.stringify(model.outputs.map((o) => o.shape))} but a ${pre.task} model with these classes outputs ${expected.join(" or ")} per row`,
      {
        file: modelJsonFile
      }
    );
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
function outputWidths(pre) {
  return pre.task === "regression" ? [1] : pre.task === "binary-classification" ? [1, 2] : [pre.classes?.length ?? 0];
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
var SELU_SCALE2 = 1.0507009873554805;
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
      for (let i = 0; i < end; i++) h[a + i] = h[z + i] < 0 ? SELU_SCALEALPHA * Math.expm1(h[z + i]) : SELU_SCALE2 * h[z + i];
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
      for (let i = 0; i < end; i++) h[dz + i] = h[z + i] > 0 ? h[da + i] * SELU_SCALE2 : h[da + i] * SELU_SCALEALPHA * Math.exp(h[z + i]);
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
import { readFile as readFile2 } from "node:fs/promises";
import { dirname, join as join3 } from "node:path";
import { fileURLToPath } from "node:url";
var WASM_FILE = "dense-kernels.wasm";
var SOURCE = "kernels.as.ts";
var ASC_FLAGS = ["-O3", "--runtime", "stub", "--noAssert", "--enable", "simd", "--disable", "bulk-memory"];
var wasmApi = globalThis.WebAssembly;
var compiled;
async function compileKernels(sourceFile = join3(dirname(fileURLToPath(import.meta.url)), SOURCE)) {
  const compiler = "assemblyscript/asc";
  const asc = await import(compiler);
  const source = await readFile2(sourceFile, "utf8");
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
    const prebuilt = join3(dirname(fileURLToPath(import.meta.url)), WASM_FILE);
    const bytes = existsSync(prebuilt) ? await readFile2(prebuilt) : await compileKernels();
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
var ACTIVATIONS2 = ["relu", "tanh", "sigmoid", "elu", "selu", "linear", "softmax"];
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
      if (!ACTIVATIONS2.includes(String(config.activation))) return { uncovered: `layer ${layer.name} has the activation ${config.activation}` };
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
import { createHash as createHash3 } from "node:crypto";
import { createReadStream } from "node:fs";
import { relative as relative3, sep as sep3 } from "node:path";
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
  const rel = (file) => relative3(config.root, file).split(sep3).join("/");
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
  return join4(DEFAULT_ARTIFACTS_DIR, config.name);
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
  readCsvFile,
  rowKeys,
  loadDataset,
  dataFileKey,
  pairPredictions,
  pairingProblem,
  addedInputs,
  listNames,
  evaluate,
  loadModel,
  predictRows,
  sha256File,
  hashInputs,
  trainModel
};
