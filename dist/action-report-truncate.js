import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  COMMENT_LIMIT,
  truncateReport
} from "./action-chunk-b76d797161.js";
import "./action-chunk-7ba064f90f.js";
import "./action-chunk-e3b0c44298.js";
export {
  COMMENT_LIMIT,
  truncateReport
};
