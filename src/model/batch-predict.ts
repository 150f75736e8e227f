/**
 * Batch prediction (`model-ci predict`): rows in, formatted predictions out, batch by batch. A CSV
 * is streamed (read, encoded, predicted and written a batch at a time, so memory does not grow with
 * the file); JSON instances are already in memory and go through the server's encoder.
 */
import { streamCsvBatches, type ByteRange } from '../data/csv-batches.ts';
import { encodeChecked, type BatchModel } from './predictor.ts';
import { predictionFormatter, type Format } from './prediction-format.ts';

/** Where the bytes go; awaited (and done with `bytes` once settled), so a slow sink holds the reader back. */
export type ByteSink = (bytes: Uint8Array) => void | Promise<void>;

export interface CsvPredictOptions {
  format: Format;
  /** Only the rows of this shard of the file. */
  range?: ByteRange;
  /** Write the format's head (CSV's header): only the first shard does, so shards concatenate to the whole. */
  head?: boolean;
  chunkBytes?: number;
  batchRows?: number;
}

const BATCH_ROWS = 4096;

export async function predictCsv(model: BatchModel, file: string, sink: ByteSink, opts: CsvPredictOptions): Promise<{ rows: number }> {
  const formatter = predictionFormatter(model.preprocessing, model.outputWidth, opts.format);
  const batchRows = opts.batchRows ?? BATCH_ROWS;
  // One output buffer, refilled per batch: a batch's text as one string would be a large object the
  // collector keeps until a full collection, and memory would grow with the file.
  const out = Buffer.allocUnsafe(Buffer.byteLength(formatter.head) + batchRows * formatter.maxRowBytes + 16);
  // The head goes out with the first batch: a bad header or first rows leave stdout empty.
  let head = (opts.head ?? true) ? formatter.head : '';
  let before = 0;
  const { rows } = await streamCsvBatches(
    file,
    model.preprocessing,
    async (matrix, count) => {
      const output = model.forward(matrix, count);
      let at = out.write(head, 0);
      for (let i = 0; i < count; i++) {
        const separator = formatter.separator(before + i);
        if (separator) at += out.write(separator, at);
        at += out.write(formatter.row(output, i * model.outputWidth), at);
      }
      await sink(out.subarray(0, at));
      head = '';
      before += count;
    },
    { range: opts.range, chunkBytes: opts.chunkBytes, batchRows },
  );
  await sink(Buffer.from(head + formatter.tail(rows)));
  return { rows };
}

export async function predictInstances(model: BatchModel, instances: readonly unknown[], sink: ByteSink, format: Format): Promise<{ rows: number }> {
  const formatter = predictionFormatter(model.preprocessing, model.outputWidth, format);
  const encoded = encodeChecked(model.preprocessing, instances);
  const rows = instances.length;
  const output = model.forward(encoded, rows);
  let text = formatter.head;
  for (let i = 0; i < rows; i++) text += formatter.separator(i) + formatter.row(output, i * model.outputWidth);
  await sink(Buffer.from(text + formatter.tail(rows)));
  return { rows };
}
