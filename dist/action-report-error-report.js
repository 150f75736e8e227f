import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  renderErrorReport
} from "./action-chunk-47e8c2b8fc.js";
import "./action-chunk-1a035e3934.js";
import "./action-chunk-d99e2d5373.js";
import "./action-chunk-f0f553e796.js";
import "./action-chunk-983340aefc.js";
import "./action-chunk-7ba064f90f.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";
export {
  renderErrorReport
};
