import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/data/preprocessing.ts
var DRIFT_BINS = 10;
var DRIFT_CATEGORY_BINS = 32;
function featureWidth(feature) {
  return feature.kind === "categorical" && feature.encoding === "one-hot" ? feature.categories.length : 1;
}

export {
  DRIFT_BINS,
  DRIFT_CATEGORY_BINS,
  featureWidth
};
