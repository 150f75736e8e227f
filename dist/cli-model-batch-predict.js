import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  streamCsvBatches
} from "./cli-chunk-87fa754479.js";
import "./cli-chunk-75b5eb63a8.js";
import {
  encodeChecked
} from "./cli-chunk-a8ec06f77a.js";
import "./cli-chunk-8e297c67c6.js";
import "./cli-chunk-649b7577f9.js";
import "./cli-chunk-5cf8645060.js";
import "./cli-chunk-5595f77bb2.js";
import {
  predictionFormatter
} from "./cli-chunk-c63c95fa23.js";
import "./cli-chunk-4293b75db3.js";
import "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-40530c68dd.js";
import "./cli-chunk-25be3d0a7c.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/model/batch-predict.ts
var BATCH_ROWS = 4096;
async function predictCsv(model, file, sink, opts) {
  const formatter = predictionFormatter(model.preprocessing, model.outputWidth, opts.format);
  const batchRows = opts.batchRows ?? BATCH_ROWS;
  const out = Buffer.allocUnsafe(Buffer.byteLength(formatter.head) + batchRows * formatter.maxRowBytes + 16);
  let head = opts.head ?? true ? formatter.head : "";
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
      head = "";
      before += count;
    },
    { range: opts.range, chunkBytes: opts.chunkBytes, batchRows }
  );
  await sink(Buffer.from(head + formatter.tail(rows)));
  return { rows };
}
async function predictInstances(model, instances, sink, format) {
  const formatter = predictionFormatter(model.preprocessing, model.outputWidth, format);
  const encoded = encodeChecked(model.preprocessing, instances);
  const rows = instances.length;
  const output = model.forward(encoded, rows);
  let text = formatter.head;
  for (let i = 0; i < rows; i++) text += formatter.separator(i) + formatter.row(output, i * model.outputWidth);
  await sink(Buffer.from(text + formatter.tail(rows)));
  return { rows };
}
export {
  predictCsv,
  predictInstances
};
