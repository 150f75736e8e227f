import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  MAX_SWEEP_CANDIDATES,
  SWEEPABLE,
  loadConfig,
  loadParams
} from "./action-chunk-831e54c8a1.js";
import "./action-chunk-fa08236832.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-afcbbfc458.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-4a2bad3387.js";
import {
  MODEL_NAME
} from "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";
export {
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  MAX_SWEEP_CANDIDATES,
  MODEL_NAME,
  SWEEPABLE,
  loadConfig,
  loadParams
};
