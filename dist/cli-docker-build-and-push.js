import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  buildModelImage,
  deployImage
} from "./cli-chunk-f9fed7250e.js";
import "./cli-chunk-413a98cce8.js";
import "./cli-chunk-a8355befd7.js";
import "./cli-chunk-4293b75db3.js";
import "./cli-chunk-75ac2e035d.js";
import "./cli-chunk-71fa4578e2.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";
export {
  buildModelImage,
  deployImage
};
