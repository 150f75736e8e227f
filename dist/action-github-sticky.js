import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  GITHUB_ACTIONS_BOT,
  MAX_COMMENT_LENGTH,
  isSticky,
  repostStickyComment,
  upsertStickyComment
} from "./action-chunk-ed4360a003.js";
import "./action-chunk-34a48b51a2.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-b76d797161.js";
import "./action-chunk-7ba064f90f.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";
export {
  GITHUB_ACTIONS_BOT,
  MAX_COMMENT_LENGTH,
  isSticky,
  repostStickyComment,
  upsertStickyComment
};
