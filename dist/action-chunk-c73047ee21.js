import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  error,
  setFailed,
  setOutput,
  warning
} from "./action-chunk-fb78514aca.js";

// src/action/results.ts
function setResultOutputs(verdict, metrics, backend, reportPath) {
  setOutput("verdict", verdict);
  setOutput("metrics", JSON.stringify(metrics));
  setOutput("backend", backend);
  setOutput("report-path", reportPath);
}
function failOnGates(settings, failed, configFile) {
  if (failed.length === 0) return;
  for (const row of failed) error(`${row.name}: ${row.gateReason ?? "gate failed"}`, { title: `model-ci gate: ${row.name}`, file: configFile });
  const names = failed.map((row) => row.name).join(", ");
  if (settings.failOnRegression) setFailed(`gated metric${failed.length > 1 ? "s" : ""} regressed: ${names}`);
  else warning(`gated metric${failed.length > 1 ? "s" : ""} regressed (fail-on-regression is off): ${names}`);
}

export {
  setResultOutputs,
  failOnGates
};
