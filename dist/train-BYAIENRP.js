import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  setResultOutputs
} from "./chunk-RSFITAWB.js";
import "./chunk-IKJDYQAE.js";
import "./chunk-DOKTCUVK.js";
import {
  trainModel
} from "./chunk-RP6XDFB7.js";
import "./chunk-KXCGM42R.js";
import "./chunk-AADEROUG.js";
import "./chunk-ID7VQIZD.js";
import "./chunk-HMAK5SCA.js";
import "./chunk-ZOWBQWBA.js";
import "./chunk-UX6ZKB65.js";
import "./chunk-W6S3SRNE.js";
import {
  actionLogger
} from "./chunk-O2QFVXDL.js";
import {
  group,
  info,
  setOutput
} from "./chunk-MKMLDSNF.js";
import "./chunk-6DWFLFQC.js";
import "./chunk-C5KZMDF4.js";
import "./chunk-X7SRBJM7.js";

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
