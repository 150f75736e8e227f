/**
 * CSV (RFC 4180) → Table, streamed in chunks straight into typed arrays: a cell
 * is decoded, stored in its column's array and forgotten, so memory holds the
 * columns and one chunk, never a row of strings.
 *
 * A column is numeric when its values are numbers; text columns (at least half
 * their values not numbers, or listed in `categorical`) become categories. A
 * number column with a few stray words is a data error, reported at the first one.
 * Numbers are kept as Float64 (exactly as JavaScript parses them) or, for training,
 * as Float32: half the memory, and the precision the network computes in.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { displayPath } from '../display-path.ts';
import { formatBytes, limit, overLimit } from '../limits.ts';
import { excerpt, fileErrorReason, quote, showName, UserError } from '../errors.ts';
import type { Column, Table } from './table.ts';

const CHUNK_BYTES = 1 << 20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

export interface CsvOptions {
  /** Columns to read as categories even when their values look like numbers. */
  categorical?: string[];
  /** Bytes read at a time (default 1 MiB); tiny reads put a chunk boundary inside every kind of token. */
  chunkBytes?: number;
  /**
   * Store numeric columns as Float32Array, each value rounded once from its exact double. A value beyond
   * float32's range (±3.4e38) is then an error rather than a silent Infinity.
   */
  float32?: boolean;
}

export interface CsvFile {
  table: Table;
  /** `sha256:<hex>` of the file's bytes. */
  hash: string;
}

export async function readCsv(file: string, opts: CsvOptions = {}): Promise<Table> {
  return (await readCsvFile(file, opts)).table;
}

/** Reads a CSV and hashes its bytes in the same pass. */
export async function readCsvFile(file: string, opts: CsvOptions = {}): Promise<CsvFile> {
  const forced = new Set(opts.categorical ?? []);
  const settings = { chunkBytes: opts.chunkBytes ?? CHUNK_BYTES, float32: opts.float32 ?? false };
  const result = await parseFile(file, forced, settings);
  if (result.reread.length === 0) return result.file;
  // A text column whose first values looked like numbers has lost their exact text ("1.0", "007"):
  // read the file again with it marked categorical from the first row. Rare, so a second pass is cheap.
  return (await parseFile(file, new Set([...forced, ...result.reread]), settings)).file;
}

interface ParseSettings {
  chunkBytes: number;
  float32: boolean;
}

interface ParseResult {
  file: CsvFile;
  reread: string[];
}

async function parseFile(file: string, forced: Set<string>, { chunkBytes, float32 }: ParseSettings): Promise<ParseResult> {
  const { handle, size, shown } = await openCsv(file);
  try {
    const parser = new CsvParser(shown, forced, size, float32);
    const hash = createHash('sha256');
    await readChunks(handle, shown, chunkBytes, {
      onRead: (bytes) => hash.update(bytes),
      consume: (data, final) => parser.parse(data, final),
    });
    const { table, reread } = parser.finish(file);
    return { file: { table, hash: `sha256:${hash.digest('hex')}` }, reread };
  } finally {
    await handle.close();
  }
}

export interface OpenCsv {
  handle: FileHandle;
  size: number;
  /** The name messages show. */
  shown: string;
}

/** Opens a data file for reading, refusing what is not a regular file or is over the size limit. */
export async function openCsv(file: string): Promise<OpenCsv> {
  const shown = displayPath(file);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new UserError(`cannot read data file ${shown}: ${fileErrorReason(error)}`, { file: shown });
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UserError(`cannot read data file ${shown}: it is a directory`, { file: shown });
    // A device or a pipe reports no size and may never end.
    if (!stat.isFile()) throw new UserError(`cannot read data file ${shown}: it is not a regular file`, { file: shown });
    if (stat.size > limit('csvBytes')) {
      throw new UserError(`the file is ${formatBytes(stat.size)} (${stat.size} bytes), ${overLimit('csvBytes')}`, { file: shown });
    }
    return { handle, size: stat.size, shown };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export interface ChunkConsumer {
  /** Sees every byte read, once, in order. */
  onRead?: (bytes: Buffer) => void;
  /**
   * Parses complete records at the start of `data` and returns how many bytes it consumed; the rest is
   * an unfinished record, handed back with the next read. `final` marks the end of the file.
   */
  consume: (data: Buffer, final: boolean) => number | Promise<number>;
  /** Stop reading early (a shard past its byte range). */
  done?: () => boolean;
}

/** Reads `handle` from its start in chunks of `chunkBytes` into one reused buffer that only grows for a record longer than a chunk. */
export async function readChunks(handle: FileHandle, shown: string, chunkBytes: number, { onRead, consume, done }: ChunkConsumer): Promise<void> {
  const maxBytes = limit('csvBytes');
  // One buffer for the whole file, so reading allocates nothing per chunk (a file's worth of
  // garbage otherwise, which the collector may not reclaim before the data is encoded).
  let buffer = Buffer.allocUnsafe(2 * chunkBytes);
  let carried = 0;
  let total = 0;
  for (;;) {
    if (carried + chunkBytes > buffer.length) {
      // A record longer than a chunk: make room for it and the next read.
      const bigger = Buffer.allocUnsafe(2 * (carried + chunkBytes));
      buffer.copy(bigger, 0, 0, carried);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, carried, chunkBytes, null);
    total += bytesRead;
    if (total > maxBytes) throw new UserError(`the file grew past ${formatBytes(maxBytes)} while read, ${overLimit('csvBytes')}`, { file: shown });
    onRead?.(buffer.subarray(carried, carried + bytesRead));
    const data = buffer.subarray(0, carried + bytesRead);
    const final = bytesRead === 0;
    const consumed = await consume(data, final);
    if (final || done?.()) break;
    // The unfinished record moves to the front and is parsed again with the next read.
    carried = data.length - consumed;
    data.copyWithin(0, consumed);
  }
}

/** Where a value was first seen, for messages. */
interface Sighting {
  line: number;
  value: string;
}

/** One column being filled. Numbers go to `values`; once a text value appears, every later value is also interned into `codes`. */
class ColumnBuilder {
  readonly name: string;
  readonly forced: boolean;
  values: Float64Array | Float32Array;
  codes: Int32Array | undefined;
  readonly index = new Map<string, number>();
  readonly dictionary: string[] = [];
  numbers = 0;
  texts = 0;
  nonFinite = 0;
  /** Rows stored before `codes` existed: their text is lost if the column turns out categorical. */
  rowsBeforeCodes = 0;
  firstText: Sighting | undefined;
  firstNonFinite: Sighting | undefined;
  /** A finite double that float32 cannot hold. */
  firstBeyondFloat32: Sighting | undefined;

  constructor(name: string, forced: boolean, capacity: number, float32: boolean) {
    this.name = name;
    this.forced = forced;
    const size = forced ? 0 : capacity;
    this.values = float32 ? new Float32Array(size) : new Float64Array(size);
    if (forced) this.codes = new Int32Array(capacity);
  }

  grow(capacity: number, rows: number): void {
    if (!this.forced) this.values = resized(this.values, capacity, rows);
    if (this.codes) this.codes = resized(this.codes, capacity, rows);
  }

  startCodes(capacity: number, row: number): void {
    this.codes = new Int32Array(capacity);
    this.codes.fill(-1, 0, row);
    this.rowsBeforeCodes = row;
  }

  intern(text: string, row: number): void {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      this.index.set(text, code);
      this.dictionary.push(text);
    }
    this.codes![row] = code;
  }
}

function resized<T extends Float64Array | Float32Array | Int32Array | Uint32Array>(array: T, capacity: number, rows: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array.subarray(0, rows));
  return next;
}

export const NON_FINITE = new Set(['nan', 'inf', 'infinity', '+inf', '+infinity', '-inf', '-infinity', '+nan', '-nan']);

/**
 * The RFC 4180 tokenizer: finds the fields of each complete record in a chunk and hands them to
 * `record`, which reads them in place (no string per field unless it asks for one).
 */
export abstract class CsvRecordReader {
  protected readonly file: string;
  protected line = 1;
  /** Offset in the file of `data[0]` in the next call of `parse`. */
  protected bytesParsed = 0;
  /** The header's width once read: fields past it are counted, not kept. */
  protected width: number | undefined;
  /** Set by `record` to make `parse` return right after that record (the consumer's matrix is full). */
  protected paused = false;
  private readonly maxColumns = limit('columns');
  private bomChecked = false;
  // Field bounds of the record being read; `escaped` marks quoted fields holding "" pairs.
  protected starts: number[] = [];
  protected ends: number[] = [];
  protected quoted: boolean[] = [];
  protected escaped: boolean[] = [];

  constructor(file: string) {
    this.file = file;
  }

  /** One complete record of `fields` fields, starting on `line` at byte `offset` of the file. */
  protected abstract record(data: Buffer, fields: number, line: number, offset: number): void;

  /** Called when a chunk ends inside a record. */
  protected incomplete(): void {}

  /** Parses every complete record of `data`; returns how many bytes were consumed (the rest is an unfinished record). */
  parse(data: Buffer, final: boolean): number {
    let i = 0;
    if (!this.bomChecked && (data.length >= 3 || final)) {
      this.bomChecked = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) i = 3;
    }
    if (!this.bomChecked) return 0;
    const n = data.length;
    while (i < n) {
      const recordStart = i;
      const recordLine = this.line;
      let fields = 0;
      let complete = false;
      for (;;) {
        let start = i;
        let end: number;
        let quoted = false;
        let escaped = false;
        if (data[i] === QUOTE) {
          quoted = true;
          let j = i + 1;
          let closed = false;
          while (j < n) {
            const byte = data[j];
            if (byte === QUOTE) {
              if (data[j + 1] === QUOTE) {
                escaped = true;
                j += 2;
                continue;
              }
              if (j + 1 < n || final) {
                closed = true;
                break;
              }
              break; // a quote at the chunk's end may be the first of a "" pair
            }
            if (byte === LF) this.line++;
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
              `unexpected ${JSON.stringify(String.fromCharCode(data[i]))} after a closing quote (a quote inside a quoted field is written "")`,
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
        if (byte === CR && i + 1 >= n && !final) break; // CR LF may be split across chunks
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

  private keepField(k: number, start: number, end: number, quoted: boolean, escaped: boolean): void {
    if (this.width === undefined && k >= this.maxColumns) {
      // Before a column is allocated: 100,000 columns of typed arrays is gigabytes.
      throw this.error(this.line, `the header has too many columns, ${overLimit('columns')}`);
    }
    // A row wider than the header is an error `record` reports with its count; its extra fields need no room.
    if (this.width !== undefined && k >= this.width) return;
    this.starts[k] = start;
    this.ends[k] = end;
    this.quoted[k] = quoted;
    this.escaped[k] = escaped;
  }

  /** Whether the record is a blank line, which is not a row (a one-column table cannot tell it from a missing value, so neither does any other). */
  protected blank(data: Buffer, fields: number): boolean {
    return fields === 1 && !this.quoted[0] && trimmedEmpty(data, this.starts[0], this.ends[0]);
  }

  /** The header's column names, checked: none empty, none twice. */
  protected headerNames(data: Buffer, fields: number, line: number): string[] {
    const names: string[] = [];
    for (let k = 0; k < fields; k++) {
      const name = this.text(data, k).trim();
      if (name === '') throw this.error(line, `column ${k + 1} of the header has no name`);
      const earlier = names.indexOf(name);
      if (earlier >= 0) throw this.error(line, `the header names column ${quote(name)} twice (columns ${earlier + 1} and ${k + 1})`, name);
      names.push(name);
    }
    this.width = names.length;
    return names;
  }

  /** Field `k`'s text: unquoted fields trimmed, "" pairs of quoted ones unescaped. */
  protected text(data: Buffer, k: number): string {
    let start = this.starts[k];
    let end = this.ends[k];
    if (!this.quoted[k]) [start, end] = trim(data, start, end);
    const text = data.toString('utf8', start, end);
    return this.escaped[k] ? text.replaceAll('""', '"') : text;
  }

  protected error(line: number | undefined, message: string, field?: string): UserError {
    return new UserError(message, { file: this.file, line, field: field === undefined ? undefined : excerpt(field) });
  }
}

class CsvParser extends CsvRecordReader {
  private readonly forced: Set<string>;
  private readonly fileSize: number;
  private readonly float32: boolean;
  private readonly maxRows = limit('rows');
  private header: string[] | undefined;
  private columns: ColumnBuilder[] = [];
  private rows = 0;
  private capacity = 1024;
  private rowLines = new Uint32Array(this.capacity);

  constructor(file: string, forced: Set<string>, fileSize: number, float32: boolean) {
    super(file);
    this.forced = forced;
    this.fileSize = fileSize;
    this.float32 = float32;
  }

  protected override incomplete(): void {
    this.estimateCapacity();
  }

  protected record(data: Buffer, fields: number, line: number): void {
    if (this.blank(data, fields)) return;
    if (!this.header) {
      this.readHeader(data, fields, line);
      return;
    }
    const width = this.header.length;
    if (fields !== width) {
      throw this.error(line, `line ${line} has ${fields} field${fields === 1 ? '' : 's'}, the header has ${width}`);
    }
    if (this.rows === this.maxRows) throw this.error(line, `the file has too many rows, ${overLimit('rows')}`);
    if (this.rows === this.capacity) this.growTo(Math.ceil(this.capacity * 1.5));
    const row = this.rows;
    this.rowLines[row] = line;
    for (let k = 0; k < width; k++) this.cell(data, k, row, line);
    this.rows++;
  }

  private readHeader(data: Buffer, fields: number, line: number): void {
    const names = this.headerNames(data, fields, line);
    this.header = names;
    this.columns = names.map((name) => new ColumnBuilder(name, this.forced.has(name), this.capacity, this.float32));
  }

  /** Once a first chunk has been read, size the columns for the whole file instead of growing them step by step. */
  private estimateCapacity(): void {
    if (this.rows < 16 || this.bytesParsed === 0) return;
    const estimate = Math.ceil((this.fileSize / this.bytesParsed) * this.rows * 1.05) + 16;
    if (estimate > this.capacity * 1.5) this.growTo(estimate);
  }

  private growTo(capacity: number): void {
    this.capacity = capacity;
    this.rowLines = resized(this.rowLines, capacity, this.rows);
    for (const col of this.columns) col.grow(capacity, this.rows);
  }

  private cell(data: Buffer, k: number, row: number, line: number): void {
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
        // Float32Array rounds on store; a double beyond its range would become Infinity.
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

  private nonFinite(col: ColumnBuilder, line: number, data: Buffer, k: number, row: number): void {
    col.nonFinite++;
    col.firstNonFinite ??= { line, value: this.text(data, k) };
    col.values[row] = NaN;
    if (col.codes) col.intern(this.text(data, k), row);
  }

  finish(file: string): { table: Table; reread: string[] } {
    if (!this.header) throw this.error(undefined, 'the file is empty; expected a header line naming the columns, then one row per line');
    if (this.rows === 0) throw this.error(2, `the file has a header of ${this.header.length} column${this.header.length === 1 ? '' : 's'} but no rows`);
    const rows = this.rows;
    const reread: string[] = [];
    const columns = this.columns.map((col): Column => {
      const numbers = col.numbers + col.nonFinite;
      if (col.forced || (col.texts > 0 && col.texts >= numbers)) {
        if (col.rowsBeforeCodes > 0) reread.push(col.name);
        return { name: col.name, kind: 'categorical', codes: exact(col.codes!, rows), dictionary: col.dictionary };
      }
      if (col.texts > 0) {
        // The value is not quoted: it failed to be a number, and the file may not be a CSV at all.
        const { line } = col.firstText!;
        throw this.error(
          line,
          `column ${showName(col.name)} holds numbers (${numbers} of ${rows} rows) but line ${line} has text there; ` +
            'fix the value, or list the column under `data.categorical_columns` if it holds categories',
          col.name,
        );
      }
      if (col.firstNonFinite) {
        const { line, value } = col.firstNonFinite;
        throw this.error(
          line,
          `column ${showName(col.name)} has ${quote(value)} on line ${line}; values must be finite numbers (no NaN or Infinity)`,
          col.name,
        );
      }
      if (col.firstBeyondFloat32) {
        const { line, value } = col.firstBeyondFloat32;
        throw this.error(
          line,
          `column ${showName(col.name)} has ${quote(value)} on line ${line}, beyond ±3.4e38, the range of the float32 numbers model-ci trains with`,
          col.name,
        );
      }
      return { name: col.name, kind: 'numeric', values: exact(col.values, rows) };
    });
    const table: Table = { file, columns, rowCount: rows, rowLines: exact(this.rowLines, rows) };
    return { table, reread };
  }
}

/** The array cut to `rows`: a copy when the spare capacity is worth freeing, a view otherwise. */
function exact<T extends Float64Array | Float32Array | Int32Array | Uint32Array>(array: T, rows: number): T {
  if (array.length === rows) return array;
  return (array.length - rows > rows / 16 ? array.slice(0, rows) : array.subarray(0, rows)) as T;
}

export function trim(data: Buffer, start: number, end: number): [number, number] {
  while (start < end && (data[start] === SPACE || data[start] === TAB)) start++;
  while (end > start && (data[end - 1] === SPACE || data[end - 1] === TAB)) end--;
  return [start, end];
}

function trimmedEmpty(data: Buffer, start: number, end: number): boolean {
  const [s, e] = trim(data, start, end);
  return s === e;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

// Powers of ten that doubles hold exactly.
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The value of a plain decimal number (optional sign, digits with an optional point,
 * optional exponent; no hex, no `Infinity`), or NaN when the bytes are not one.
 * Up to 15 significant digits and a power of ten up to 22 are computed directly, which is
 * exact (one correctly rounded operation on exact operands); the rest goes through Number().
 */
export function parseDecimal(data: Buffer, start: number, end: number): number {
  let i = start;
  const negative = data[i] === 0x2d;
  if (negative || data[i] === 0x2b) i++;
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let fraction = 0;
  for (; i < end && isDigit(data[i]); i++, digits++) {
    mantissa = mantissa * 10 + (data[i] - 0x30);
    if (mantissa > 0) significant++;
  }
  if (i < end && data[i] === 0x2e) {
    for (i++; i < end && isDigit(data[i]); i++, digits++, fraction++) {
      mantissa = mantissa * 10 + (data[i] - 0x30);
      if (mantissa > 0) significant++;
    }
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (i < end && (data[i] === 0x65 || data[i] === 0x45)) {
    i++;
    const negativeExponent = data[i] === 0x2d;
    if (negativeExponent || data[i] === 0x2b) i++;
    let exponentDigits = 0;
    for (; i < end && isDigit(data[i]); i++, exponentDigits++) exponent = Math.min(exponent * 10 + (data[i] - 0x30), 1e6);
    if (exponentDigits === 0) return NaN;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return NaN;
  const power = exponent - fraction;
  if (significant <= 15 && power >= -22 && power <= 22) {
    const magnitude = power >= 0 ? mantissa * POW10[power] : mantissa / POW10[-power];
    return negative ? -magnitude : magnitude;
  }
  return Number(data.toString('latin1', start, end));
}
