import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  csvSize,
  streamCsvBatches
} from "./cli-chunk-87fa754479.js";
import "./cli-chunk-75b5eb63a8.js";
import "./cli-chunk-8e297c67c6.js";
import "./cli-chunk-5cf8645060.js";
import "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-25be3d0a7c.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";
export {
  csvSize,
  streamCsvBatches
};
