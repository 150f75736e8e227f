import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  defaultModelDir,
  evaluateModel,
  predict,
  prepareData,
  trainModel
} from "./cli-chunk-a8319d5481.js";
import "./cli-chunk-a9df380f34.js";
import "./cli-chunk-19e7804730.js";
import "./cli-chunk-6caf269d7d.js";
import "./cli-chunk-413a98cce8.js";
import "./cli-chunk-96abf0e6f9.js";
import "./cli-chunk-ee9543e104.js";
import "./cli-chunk-fa08236832.js";
import "./cli-chunk-949e6a9a52.js";
import "./cli-chunk-0c7a57a20e.js";
import "./cli-chunk-75b5eb63a8.js";
import "./cli-chunk-209d6be06e.js";
import "./cli-chunk-831eef0768.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";
export {
  defaultModelDir,
  evaluateModel,
  predict,
  prepareData,
  trainModel
};
