import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  STORED_MODEL_FILES,
  bundleModel,
  storedModelPath,
  storedModelProblem
} from "./cli-chunk-d5709b9f8a.js";
import "./cli-chunk-5595f77bb2.js";
import "./cli-chunk-4293b75db3.js";
import "./cli-chunk-4fcbb936ca.js";
import "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-25be3d0a7c.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";
export {
  STORED_MODEL_FILES,
  bundleModel,
  storedModelPath,
  storedModelProblem
};
