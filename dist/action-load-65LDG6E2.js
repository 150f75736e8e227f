import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  MAX_SWEEP_CANDIDATES,
  SWEEPABLE,
  loadConfig,
  loadParams
} from "./action-chunk-AEV3ON4H.js";
import "./action-chunk-EXVVL7ZD.js";
import "./action-chunk-VRFJ3H7T.js";
import "./action-chunk-ABDEFCN6.js";
import "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";
export {
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  MAX_SWEEP_CANDIDATES,
  SWEEPABLE,
  loadConfig,
  loadParams
};
