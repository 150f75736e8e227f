import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  trainModel
} from "./action-chunk-V3MGC6FM.js";
import "./action-chunk-RVZTZNZD.js";
import "./action-chunk-SWRELE74.js";
import "./action-chunk-AEV3ON4H.js";
import "./action-chunk-EXVVL7ZD.js";
import "./action-chunk-VRFJ3H7T.js";
import {
  setResultOutputs
} from "./action-chunk-ZDYM73AP.js";
import "./action-chunk-ABDEFCN6.js";
import {
  actionLogger
} from "./action-chunk-63QA22LC.js";
import {
  group,
  info,
  setOutput
} from "./action-chunk-HE2N44BQ.js";
import "./action-chunk-P2BHVZ2N.js";
import "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

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
