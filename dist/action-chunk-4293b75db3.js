import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/domain/run-artifacts.ts
var ARTIFACT_FILES = {
  modelJson: "model.json",
  weights: "weights.bin",
  preprocessing: "preprocessing.json",
  metrics: "metrics.json",
  history: "history.json",
  evaluation: "evaluation.json",
  run: "run.json",
  /** Written by a deploy, shipped in the image: src/report/model-card.ts. */
  card: "card.md"
};

export {
  ARTIFACT_FILES
};
