import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  renderErrorReport
} from "./action-chunk-47e8c2b8fc.js";
import "./action-chunk-948fca9dba.js";
import "./action-chunk-6fa89fedaf.js";
import "./action-chunk-afe352c118.js";
import "./action-chunk-e5fccb96bd.js";
import "./action-chunk-e5a79ce89a.js";
import "./action-chunk-7d1a89a2f0.js";
import "./action-chunk-f8c3a7d0f4.js";
import "./action-chunk-7ba064f90f.js";
import "./action-chunk-983340aefc.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-82396b2bd9.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";
export {
  renderErrorReport
};
