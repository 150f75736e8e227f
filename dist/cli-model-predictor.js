import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  createJsonPredictor,
  createPredictor,
  encodeChecked,
  loadBatchModel,
  loadModel
} from "./cli-chunk-a8ec06f77a.js";
import "./cli-chunk-8e297c67c6.js";
import "./cli-chunk-649b7577f9.js";
import "./cli-chunk-5cf8645060.js";
import "./cli-chunk-5595f77bb2.js";
import "./cli-chunk-c63c95fa23.js";
import "./cli-chunk-4293b75db3.js";
import "./cli-chunk-40530c68dd.js";
import "./cli-chunk-25be3d0a7c.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";
export {
  createJsonPredictor,
  createPredictor,
  encodeChecked,
  loadBatchModel,
  loadModel
};
