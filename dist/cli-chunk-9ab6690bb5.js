import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DEFAULT_DRIFT_THRESHOLD
} from "./cli-chunk-89980272e8.js";

// src/monitor/drift.ts
var DEFAULT_THRESHOLDS = { drift: DEFAULT_DRIFT_THRESHOLD, moderate: 0.1, minInputs: 100 };
var FLOOR = 1e-4;
function populationStabilityIndex(reference, counts, extra = 0) {
  const total = counts.reduce((a, b) => a + b, 0) + extra;
  if (total === 0) return 0;
  let psi = 0;
  const bins = extra > 0 ? [...counts, extra] : counts;
  bins.forEach((count, i) => {
    const expected = Math.max(reference[i] ?? 0, FLOOR);
    const observed = Math.max(count / total, FLOOR);
    psi += (observed - expected) * Math.log(observed / expected);
  });
  return psi;
}
function featureDrift(observation, thresholds) {
  const inputs = observation.counts.reduce((a, b) => a + b, 0) + observation.unseen;
  const psi = populationStabilityIndex(observation.reference, observation.counts, observation.unseen);
  const status = inputs < thresholds.minInputs ? "too-few-inputs" : psi >= thresholds.drift ? "drift" : psi >= thresholds.moderate ? "moderate" : "stable";
  return { name: observation.name, inputs, psi, status, outOfRange: observation.outOfRange, unseen: observation.unseen };
}

export {
  DEFAULT_THRESHOLDS,
  featureDrift
};
