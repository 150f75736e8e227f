import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  recordFromRun,
  reusedRecord,
  rolledBackRecord
} from "./cli-chunk-9a563fdfb0.js";
import "./cli-chunk-413a98cce8.js";
import "./cli-chunk-4fcbb936ca.js";
import "./cli-chunk-e3b0c44298.js";
export {
  recordFromRun,
  reusedRecord,
  rolledBackRecord
};
