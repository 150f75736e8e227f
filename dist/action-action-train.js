import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  trainModel
} from "./action-chunk-6441d629b6.js";
import "./action-chunk-7099422b82.js";
import "./action-chunk-96abf0e6f9.js";
import "./action-chunk-0f2d6ff849.js";
import {
  setResultOutputs
} from "./action-chunk-c73047ee21.js";
import "./action-chunk-9631ec5816.js";
import "./action-chunk-7a5ab46020.js";
import "./action-chunk-0c7a57a20e.js";
import "./action-chunk-949e6a9a52.js";
import {
  actionLogger
} from "./action-chunk-90713e0a1a.js";
import {
  group,
  info,
  setOutput
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/train.ts
import { join, resolve } from "node:path";
var runTrain = async (settings, context) => {
  const out = resolve(context.workspace, settings.artifactsDir, "model");
  const run = await group(
    "train",
    () => trainModel(join(context.workspace, settings.config), { out, backend: settings.backend, workspace: context.workspace, log: actionLogger.info })
  );
  setOutput("retrained", "true");
  setResultOutputs("trained", run.metrics, run.engine.backend, "");
  info(`trained ${run.config.name} on ${run.engine.backend}: ${JSON.stringify(run.metrics)} \u2192 ${out}`);
};
var train_default = runTrain;
export {
  train_default as default
};
