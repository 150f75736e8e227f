import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  formatBytes,
  limit,
  overLimit
} from "./cli-chunk-82396b2bd9.js";
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  excerpt,
  fileErrorReason,
  quote,
  showName
} from "./cli-chunk-55db69e02f.js";

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
    const names = [];
    for (let k = 0; k < fields; k++) {
      const name = this.text(data, k).trim();
      if (name === "") throw this.error(line, `column ${k + 1} of the header has no name`);
      const earlier = names.indexOf(name);
      if (earlier >= 0) throw this.error(line, `the header names column ${quote(name)} twice (columns ${earlier + 1} and ${k + 1})`, name);
      names.push(name);
    }
    this.width = names.length;
    return names;
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
    const names = this.headerNames(data, fields, line);
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

export {
  readCsv,
  readCsvFile,
  openCsv,
  readChunks,
  NON_FINITE,
  CsvRecordReader,
  trim,
  parseDecimal
};
