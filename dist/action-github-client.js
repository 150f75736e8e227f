import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DEFAULT_GITHUB_API_URL,
  createGitHubClient,
  gitHubMessage,
  httpStatus
} from "./action-chunk-34a48b51a2.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-e3b0c44298.js";
export {
  DEFAULT_GITHUB_API_URL,
  createGitHubClient,
  gitHubMessage,
  httpStatus
};
