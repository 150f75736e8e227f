import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  MAX_SWEEP_CANDIDATES,
  SWEEPABLE,
  loadConfig,
  loadParams
} from "./cli-chunk-IWU643VF.js";
import "./cli-chunk-WGR6NP7H.js";
export {
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  MAX_SWEEP_CANDIDATES,
  SWEEPABLE,
  loadConfig,
  loadParams
};
