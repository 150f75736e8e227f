import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  defaultModelDir,
  evaluateModel,
  predict,
  prepareData,
  trainModel
} from "./cli-chunk-a7fff9f74d.js";
import "./cli-chunk-da0da7856f.js";
import "./cli-chunk-a06b141fe7.js";
import "./cli-chunk-75b5eb63a8.js";
import "./cli-chunk-19e7804730.js";
import "./cli-chunk-a8ec06f77a.js";
import "./cli-chunk-8e297c67c6.js";
import "./cli-chunk-649b7577f9.js";
import "./cli-chunk-5cf8645060.js";
import "./cli-chunk-5595f77bb2.js";
import "./cli-chunk-89980272e8.js";
import "./cli-chunk-c63c95fa23.js";
import "./cli-chunk-413a98cce8.js";
import "./cli-chunk-4293b75db3.js";
import "./cli-chunk-831e54c8a1.js";
import "./cli-chunk-a4e2cf860a.js";
import "./cli-chunk-4fcbb936ca.js";
import "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-fa08236832.js";
import "./cli-chunk-40530c68dd.js";
import "./cli-chunk-25be3d0a7c.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-2ca2999deb.js";
import "./cli-chunk-e3b0c44298.js";
export {
  defaultModelDir,
  evaluateModel,
  predict,
  prepareData,
  trainModel
};
