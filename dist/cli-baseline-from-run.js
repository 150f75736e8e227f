import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  recordFromRun
} from "./cli-chunk-a343802047.js";
import "./cli-chunk-8097cd9e48.js";
import "./cli-chunk-413a98cce8.js";
import "./cli-chunk-e3b0c44298.js";
export {
  recordFromRun
};
