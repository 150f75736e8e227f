import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  GitError,
  git,
  gitBytes,
  tryGit
} from "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-e3b0c44298.js";
export {
  GitError,
  git,
  gitBytes,
  tryGit
};
