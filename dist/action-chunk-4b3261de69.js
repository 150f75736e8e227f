import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  summary
} from "./action-chunk-fb78514aca.js";

// src/action/summary.ts
async function writeSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(markdown, true).write();
}

export {
  writeSummary
};
