import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  evaluatePullRequest,
  findBaseline
} from "./action-chunk-e303e81777.js";
import "./action-chunk-17ddbd85c3.js";
import "./action-chunk-9f0ab9e328.js";
import "./action-chunk-ea15b0ecc1.js";
import "./action-chunk-bc1fafee27.js";
import "./action-chunk-4293b75db3.js";
import "./action-chunk-f0f553e796.js";
import "./action-chunk-7a2e6707a8.js";
import "./action-chunk-89980272e8.js";
import "./action-chunk-40eeb72f53.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-afac013251.js";
import "./action-chunk-fa08236832.js";
import "./action-chunk-89c9fbdf46.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-4a2bad3387.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-773d882dc0.js";
import "./action-chunk-e3b0c44298.js";
export {
  evaluatePullRequest,
  findBaseline
};
