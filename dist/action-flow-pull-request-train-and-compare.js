import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  evaluatePullRequest,
  findBaseline
} from "./action-chunk-955469a930.js";
import "./action-chunk-17ddbd85c3.js";
import "./action-chunk-92161225ff.js";
import "./action-chunk-67fe986c38.js";
import "./action-chunk-bc1fafee27.js";
import "./action-chunk-50f4f1432b.js";
import "./action-chunk-d2a1d9ef9d.js";
import "./action-chunk-afe352c118.js";
import "./action-chunk-e5fccb96bd.js";
import "./action-chunk-e5a79ce89a.js";
import "./action-chunk-7d1a89a2f0.js";
import "./action-chunk-f8c3a7d0f4.js";
import "./action-chunk-7a2e6707a8.js";
import "./action-chunk-5595f77bb2.js";
import "./action-chunk-4293b75db3.js";
import "./action-chunk-89980272e8.js";
import "./action-chunk-40eeb72f53.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-831e54c8a1.js";
import "./action-chunk-fa08236832.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-afcbbfc458.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-4a2bad3387.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-773d882dc0.js";
import "./action-chunk-e3b0c44298.js";
export {
  evaluatePullRequest,
  findBaseline
};
