import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  evaluatePullRequest,
  findBaseline
} from "./action-chunk-7TPIQ64N.js";
import "./action-chunk-YMHI6U3X.js";
import "./action-chunk-E25KGV3P.js";
import "./action-chunk-GBMA2WFK.js";
import "./action-chunk-V3MGC6FM.js";
import "./action-chunk-RVZTZNZD.js";
import "./action-chunk-SWRELE74.js";
import "./action-chunk-AEV3ON4H.js";
import "./action-chunk-EXVVL7ZD.js";
import "./action-chunk-VRFJ3H7T.js";
import "./action-chunk-E4N4ZUJS.js";
import "./action-chunk-ABDEFCN6.js";
import "./action-chunk-P2BHVZ2N.js";
import "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";
export {
  evaluatePullRequest,
  findBaseline
};
