import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  MAX_SWEEP_CANDIDATES,
  SWEEPABLE,
  loadConfig,
  loadParams
} from "./cli-chunk-831e54c8a1.js";
import "./cli-chunk-a4e2cf860a.js";
import {
  MODEL_NAME
} from "./cli-chunk-4fcbb936ca.js";
import "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-fa08236832.js";
import "./cli-chunk-40530c68dd.js";
import "./cli-chunk-25be3d0a7c.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-2ca2999deb.js";
import "./cli-chunk-e3b0c44298.js";
export {
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  MAX_SWEEP_CANDIDATES,
  MODEL_NAME,
  SWEEPABLE,
  loadConfig,
  loadParams
};
