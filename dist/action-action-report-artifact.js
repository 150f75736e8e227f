import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  ARTIFACT_FILE,
  parseReportArtifact,
  readReportArtifact,
  writeReportArtifact
} from "./action-chunk-65b836ed7b.js";
import "./action-chunk-50f4f1432b.js";
import "./action-chunk-d2a1d9ef9d.js";
import "./action-chunk-f8c3a7d0f4.js";
import "./action-chunk-18413418a4.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";
export {
  ARTIFACT_FILE,
  parseReportArtifact,
  readReportArtifact,
  writeReportArtifact
};
