/**
 * Batch prediction (`model-ci predict`): rows in, formatted predictions out, batch by batch. A CSV
 * is streamed (read, encoded, predicted and written a batch at a time, so memory does not grow with
 * the file); JSON instances are already in memory and go through the server's encoder.
 */
import { streamCsvBatches, type ByteRange } from '../data/csv-batches.ts';
import { encodeChecked, type BatchModel } from './predictor.ts';
import { predictionFormatter, type Format } from './prediction-format.ts';

/** Where the text goes; awaited, so a slow sink holds the reader back. */
export type TextSink = (text: string) => void | Promise<void>;

export interface CsvPredictOptions {
  format: Format;
  /** Only the rows of this shard of the file. */
  range?: ByteRange;
  /** Write the format's head (CSV's header): only the first shard does, so shards concatenate to the whole. */
  head?: boolean;
  chunkBytes?: number;
  batchRows?: number;
}

export async function predictCsv(model: BatchModel, file: string, sink: TextSink, opts: CsvPredictOptions): Promise<{ rows: number }> {
  const formatter = predictionFormatter(model.preprocessing, model.outputWidth, opts.format);
  // The head goes out with the first batch: a bad header or first rows leave stdout empty.
  let head = (opts.head ?? true) ? formatter.head() : '';
  let before = 0;
  const { rows } = await streamCsvBatches(
    file,
    model.preprocessing,
    async (matrix, count) => {
      await sink(head + formatter.rows(model.forward(matrix, count), count, before));
      head = '';
      before += count;
    },
    { range: opts.range, chunkBytes: opts.chunkBytes, batchRows: opts.batchRows },
  );
  await sink(head + formatter.tail(rows));
  return { rows };
}

export async function predictInstances(model: BatchModel, instances: readonly unknown[], sink: TextSink, format: Format): Promise<{ rows: number }> {
  const formatter = predictionFormatter(model.preprocessing, model.outputWidth, format);
  const encoded = encodeChecked(model.preprocessing, instances);
  const rows = instances.length;
  await sink(formatter.head() + formatter.rows(model.forward(encoded, rows), rows, 0) + formatter.tail(rows));
  return { rows };
}
