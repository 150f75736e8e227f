import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  gitHubClient,
  postComment
} from "./action-chunk-P7JV7L3J.js";
import "./action-chunk-DYGCQGUX.js";
import "./action-chunk-63QA22LC.js";
import "./action-chunk-HE2N44BQ.js";
import "./action-chunk-E4545SVN.js";
import "./action-chunk-P2BHVZ2N.js";
import "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";
export {
  gitHubClient,
  postComment
};
