/**
 * Rows to predict from a CSV, streamed: each record is parsed in place and encoded with the model's
 * preprocessing straight into one float32 matrix of `batchRows` rows, which is handed to the caller
 * when full and then refilled. Memory holds that matrix and the read buffer, whatever the file's size.
 *
 * A byte range makes this one shard of the file: it owns the rows whose record STARTS in the range.
 * Where a record starts depends on every quote before it (a quoted field may hold a newline), so the
 * bytes before the range are tokenized too (not encoded): the boundaries are exactly the ones a reader
 * of the whole file sees, and N shards together read every row exactly once.
 */
import { quote, showName } from '../errors.ts';
import { CsvRecordReader, NON_FINITE, openCsv, parseDecimal, readChunks, trim } from './csv.ts';
import { unseenCategoryMessage } from './encode.ts';
import { type CategoricalFeature, featureWidth, type Preprocessing } from './preprocessing.ts';

const CHUNK_BYTES = 1 << 20;
const BATCH_ROWS = 4096;

export interface ByteRange {
  /** First byte owned (inclusive). */
  start: number;
  /** First byte not owned. */
  end: number;
}

export interface CsvBatchOptions {
  /** Bytes read at a time (default 1 MiB). */
  chunkBytes?: number;
  /** Rows per matrix handed out (default 4096). */
  batchRows?: number;
  /** Only rows whose record starts in this range of the file's bytes. */
  range?: ByteRange;
}

/**
 * Called with the same `matrix` every time (row-major `batchRows × inputSize`, the first `rows` rows
 * filled): use it before returning, it is overwritten with the next rows afterwards.
 */
export type BatchConsumer = (matrix: Float32Array, rows: number) => void | Promise<void>;

export interface CsvBatchSummary {
  rows: number;
  /** Size of the file, for shard ranges. */
  bytes: number;
}

/** The size of a data file, checked as the reader checks it (a regular file under the size limit). */
export async function csvSize(file: string): Promise<number> {
  const { handle, size } = await openCsv(file);
  await handle.close();
  return size;
}

export async function streamCsvBatches(file: string, pre: Preprocessing, consume: BatchConsumer, opts: CsvBatchOptions = {}): Promise<CsvBatchSummary> {
  const { handle, size, shown } = await openCsv(file);
  try {
    const reader = new CsvRowEncoder(shown, pre, opts.batchRows ?? BATCH_ROWS, opts.range);
    await readChunks(handle, shown, opts.chunkBytes ?? CHUNK_BYTES, {
      consume: async (data, final) => {
        let offset = 0;
        for (;;) {
          offset += reader.parse(offset === 0 ? data : data.subarray(offset), final);
          if (!reader.full) return offset;
          await consume(reader.matrix, reader.filled);
          reader.emptied();
          if (reader.finished) return offset;
        }
      },
      done: () => reader.finished,
    });
    reader.finish();
    if (reader.filled > 0) await consume(reader.matrix, reader.filled);
    return { rows: reader.rows, bytes: size };
  } finally {
    await handle.close();
  }
}

/** Where a feature's value is in a record and how it is encoded. */
type FeatureReader =
  | { kind: 'numeric'; name: string; field: number; offset: number; mean: number; std: number }
  | { kind: 'categorical'; name: string; field: number; offset: number; oneHot: boolean; index: Map<string, number>; spec: CategoricalFeature };

class CsvRowEncoder extends CsvRecordReader {
  readonly matrix: Float32Array;
  filled = 0;
  rows = 0;
  /** Past the range's end: nothing more to read. */
  finished = false;
  private readonly pre: Preprocessing;
  private readonly batchRows: number;
  private readonly range: ByteRange | undefined;
  private features: FeatureReader[] | undefined;

  constructor(file: string, pre: Preprocessing, batchRows: number, range: ByteRange | undefined) {
    super(file);
    this.pre = pre;
    this.batchRows = batchRows;
    this.range = range;
    this.matrix = new Float32Array(batchRows * pre.inputSize);
  }

  get full(): boolean {
    return this.paused;
  }

  emptied(): void {
    this.filled = 0;
    this.paused = this.finished;
  }

  protected record(data: Buffer, fields: number, line: number, offset: number): void {
    if (this.blank(data, fields)) return;
    if (!this.features) {
      this.features = this.readHeader(data, fields, line);
      return;
    }
    if (this.range && offset < this.range.start) return;
    if (this.range && offset >= this.range.end) {
      this.finished = true;
      this.paused = true;
      return;
    }
    const width = this.width as number;
    if (fields !== width) throw this.error(line, `line ${line} has ${fields} field${fields === 1 ? '' : 's'}, the header has ${width}`);
    const { inputSize } = this.pre;
    const out = this.matrix;
    const base = this.filled * inputSize;
    out.fill(0, base, base + inputSize);
    for (const feature of this.features) {
      const k = feature.field;
      let start = this.starts[k];
      let end = this.ends[k];
      if (!this.quoted[k]) [start, end] = trim(data, start, end);
      if (start === end) {
        throw this.error(
          line,
          `empty value in column ${showName(feature.name)} on line ${line}; model-ci needs every value (fill it in or drop the row)`,
          feature.name,
        );
      }
      if (feature.kind === 'numeric') {
        const value = this.escaped[k] ? NaN : parseDecimal(data, start, end);
        if (!Number.isFinite(value)) throw this.notANumber(data, k, line, feature.name, value);
        const encoded = (value - feature.mean) / feature.std;
        if (!Number.isFinite(Math.fround(encoded))) {
          throw this.error(
            line,
            `column ${showName(feature.name)} has ${quote(this.text(data, k))} on line ${line}, beyond float32's range (about ±3.4e38) once standardised`,
            feature.name,
          );
        }
        out[base + feature.offset] = encoded;
      } else {
        // A category the training split did not have is refused, as the server refuses it: the model never learnt it.
        const text = this.text(data, k);
        const code = feature.index.get(text);
        if (code === undefined) throw this.error(line, `column ${k + 1}: ${unseenCategoryMessage(feature.spec, text)}`, feature.name);
        if (!feature.oneHot) out[base + feature.offset] = code;
        else out[base + feature.offset + code] = 1;
      }
    }
    this.rows++;
    if (++this.filled === this.batchRows) this.paused = true;
  }

  private notANumber(data: Buffer, k: number, line: number, name: string, value: number) {
    const text = this.text(data, k);
    const what = Number.isNaN(value) && !NON_FINITE.has(text.toLowerCase()) ? 'a number' : 'a finite number (no NaN or Infinity)';
    return this.error(line, `column ${showName(name)} has ${quote(text)} on line ${line}; expected ${what}`, name);
  }

  private readHeader(data: Buffer, fields: number, line: number): FeatureReader[] {
    const names = this.headerNames(data, fields, line);
    const { features, target } = this.pre;
    const known = new Set(features.map((f) => f.name));
    const unknown = names.filter((n) => !known.has(n) && n !== target);
    const missing = features.filter((f) => !names.includes(f.name)).map((f) => f.name);
    const expected = `the model's features are ${features.map((f) => showName(f.name)).join(', ')}${target ? ` (a ${showName(target)} column is ignored)` : ''}`;
    if (missing.length > 0) {
      throw this.error(line, `the header has no column ${missing.slice(0, 10).map(showName).join(', ')}${missing.length > 10 ? ', …' : ''}; ${expected}`);
    }
    if (unknown.length > 0) {
      throw this.error(
        line,
        `the header has column ${unknown.slice(0, 10).map(showName).join(', ')}${unknown.length > 10 ? ', …' : ''}, not a feature of the model; ${expected}`,
      );
    }
    let offset = 0;
    return features.map((f): FeatureReader => {
      const field = names.indexOf(f.name);
      const at = offset;
      offset += featureWidth(f);
      if (f.kind === 'numeric') return { kind: 'numeric', name: f.name, field, offset: at, mean: f.mean, std: f.std };
      return {
        kind: 'categorical',
        name: f.name,
        field,
        offset: at,
        oneHot: f.encoding === 'one-hot',
        index: new Map(f.categories.map((c, i) => [c, i])),
        spec: f,
      };
    });
  }

  finish(): void {
    if (!this.features) throw this.error(undefined, 'the file is empty; expected a header line naming the columns, then one row per line');
    // A shard may own no row of a small file; the whole file must have some.
    if (this.rows === 0 && !this.range) {
      throw this.error(2, `the file has a header of ${this.width} column${this.width === 1 ? '' : 's'} but no rows`);
    }
  }
}
