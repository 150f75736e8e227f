import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  evaluatePullRequest,
  findBaseline
} from "./action-chunk-5c185c6fe2.js";
import "./action-chunk-2e81b14362.js";
import "./action-chunk-fe883b627b.js";
import "./action-chunk-9f0ab9e328.js";
import "./action-chunk-40eeb72f53.js";
import "./action-chunk-6441d629b6.js";
import "./action-chunk-7099422b82.js";
import "./action-chunk-96abf0e6f9.js";
import "./action-chunk-0f2d6ff849.js";
import "./action-chunk-f0f553e796.js";
import "./action-chunk-9631ec5816.js";
import "./action-chunk-7a5ab46020.js";
import "./action-chunk-0c7a57a20e.js";
import "./action-chunk-949e6a9a52.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";
export {
  evaluatePullRequest,
  findBaseline
};
