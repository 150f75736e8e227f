import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  CsvRecordReader,
  NON_FINITE,
  openCsv,
  parseDecimal,
  readChunks,
  trim
} from "./cli-chunk-75b5eb63a8.js";
import {
  unseenCategoryMessage
} from "./cli-chunk-8e297c67c6.js";
import {
  featureWidth
} from "./cli-chunk-5cf8645060.js";
import {
  quote,
  showName
} from "./cli-chunk-55db69e02f.js";

// src/data/csv-batches.ts
var CHUNK_BYTES = 1 << 20;
var BATCH_ROWS = 4096;
async function csvSize(file) {
  const { handle, size } = await openCsv(file);
  await handle.close();
  return size;
}
async function streamCsvBatches(file, pre, consume, opts = {}) {
  const { handle, size, shown } = await openCsv(file);
  try {
    const reader = new CsvRowEncoder(shown, pre, opts.batchRows ?? BATCH_ROWS, opts.range);
    await readChunks(handle, shown, opts.chunkBytes ?? CHUNK_BYTES, {
      consume: async (data, final) => {
        let offset = 0;
        for (; ; ) {
          offset += reader.parse(offset === 0 ? data : data.subarray(offset), final);
          if (!reader.full) return offset;
          await consume(reader.matrix, reader.filled);
          reader.emptied();
          if (reader.finished) return offset;
        }
      },
      done: () => reader.finished
    });
    reader.finish();
    if (reader.filled > 0) await consume(reader.matrix, reader.filled);
    return { rows: reader.rows, bytes: size };
  } finally {
    await handle.close();
  }
}
var CsvRowEncoder = class extends CsvRecordReader {
  matrix;
  filled = 0;
  rows = 0;
  /** Past the range's end: nothing more to read. */
  finished = false;
  pre;
  batchRows;
  range;
  features;
  constructor(file, pre, batchRows, range) {
    super(file);
    this.pre = pre;
    this.batchRows = batchRows;
    this.range = range;
    this.matrix = new Float32Array(batchRows * pre.inputSize);
  }
  get full() {
    return this.paused;
  }
  emptied() {
    this.filled = 0;
    this.paused = this.finished;
  }
  record(data, fields, line, offset) {
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
    const width = this.width;
    if (fields !== width) throw this.error(line, `line ${line} has ${fields} field${fields === 1 ? "" : "s"}, the header has ${width}`);
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
          feature.name
        );
      }
      if (feature.kind === "numeric") {
        const value = this.escaped[k] ? NaN : parseDecimal(data, start, end);
        if (!Number.isFinite(value)) throw this.notANumber(data, k, line, feature.name, value);
        const encoded = (value - feature.mean) / feature.std;
        if (!Number.isFinite(Math.fround(encoded))) {
          throw this.error(
            line,
            `column ${showName(feature.name)} has ${quote(this.text(data, k))} on line ${line}, beyond float32's range (about \xB13.4e38) once standardised`,
            feature.name
          );
        }
        out[base + feature.offset] = encoded;
      } else {
        const text = this.text(data, k);
        const code = feature.index.get(text);
        if (code === void 0) throw this.error(line, `column ${k + 1}: ${unseenCategoryMessage(feature.spec, text)}`, feature.name);
        if (!feature.oneHot) out[base + feature.offset] = code;
        else out[base + feature.offset + code] = 1;
      }
    }
    this.rows++;
    if (++this.filled === this.batchRows) this.paused = true;
  }
  notANumber(data, k, line, name, value) {
    const text = this.text(data, k);
    const what = Number.isNaN(value) && !NON_FINITE.has(text.toLowerCase()) ? "a number" : "a finite number (no NaN or Infinity)";
    return this.error(line, `column ${showName(name)} has ${quote(text)} on line ${line}; expected ${what}`, name);
  }
  readHeader(data, fields, line) {
    const names = this.headerNames(data, fields, line);
    const { features, target } = this.pre;
    const known = new Set(features.map((f) => f.name));
    const unknown = names.filter((n) => !known.has(n) && n !== target);
    const missing = features.filter((f) => !names.includes(f.name)).map((f) => f.name);
    const expected = `the model's features are ${features.map((f) => showName(f.name)).join(", ")}${target ? ` (a ${showName(target)} column is ignored)` : ""}`;
    if (missing.length > 0) {
      throw this.error(line, `the header has no column ${missing.slice(0, 10).map(showName).join(", ")}${missing.length > 10 ? ", \u2026" : ""}; ${expected}`);
    }
    if (unknown.length > 0) {
      throw this.error(
        line,
        `the header has column ${unknown.slice(0, 10).map(showName).join(", ")}${unknown.length > 10 ? ", \u2026" : ""}, not a feature of the model; ${expected}`
      );
    }
    let offset = 0;
    return features.map((f) => {
      const field = names.indexOf(f.name);
      const at = offset;
      offset += featureWidth(f);
      if (f.kind === "numeric") return { kind: "numeric", name: f.name, field, offset: at, mean: f.mean, std: f.std };
      return {
        kind: "categorical",
        name: f.name,
        field,
        offset: at,
        oneHot: f.encoding === "one-hot",
        index: new Map(f.categories.map((c, i) => [c, i])),
        spec: f
      };
    });
  }
  finish() {
    if (!this.features) throw this.error(void 0, "the file is empty; expected a header line naming the columns, then one row per line");
    if (this.rows === 0 && !this.range) {
      throw this.error(2, `the file has a header of ${this.width} column${this.width === 1 ? "" : "s"} but no rows`);
    }
  }
};

export {
  csvSize,
  streamCsvBatches
};
