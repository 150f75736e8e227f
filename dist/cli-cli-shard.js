import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  MAX_SHARDS,
  shardOf,
  shardRange
} from "./cli-chunk-18f2aaa9d6.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";
export {
  MAX_SHARDS,
  shardOf,
  shardRange
};
