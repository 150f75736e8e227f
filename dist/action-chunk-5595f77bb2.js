import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  ARTIFACT_FILES
} from "./action-chunk-4293b75db3.js";

// src/model/artifacts.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function saveModel(tf, model, dir) {
  let saved;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = weightBytes(artifacts.weightData);
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: "layers-model",
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        weightsManifest: [{ paths: [ARTIFACT_FILES.weights], weights: artifacts.weightSpecs ?? [] }],
        ...artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}
      };
      saved = { modelJson: Buffer.from(JSON.stringify(modelJson)), weights };
      return { modelArtifactsInfo: { dateSaved: /* @__PURE__ */ new Date(0), modelTopologyType: "JSON", weightDataBytes: weights.byteLength } };
    })
  );
  if (!saved) throw new Error("tfjs did not hand the model to the save handler");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ARTIFACT_FILES.modelJson), saved.modelJson);
  await writeFile(join(dir, ARTIFACT_FILES.weights), saved.weights);
  return saved;
}
function weightBytes(data) {
  if (data === void 0) return Buffer.alloc(0);
  const parts = Array.isArray(data) ? data : [data];
  return Buffer.concat(parts.map((part) => Buffer.from(part)));
}
function sha256(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return `sha256:${hash.digest("hex")}`;
}
function hashModel(files) {
  return sha256(files.modelJson, files.weights, files.preprocessing);
}
function jsonText(value) {
  return `${JSON.stringify(value, null, 2)}
`;
}
async function writeJsonArtifact(dir, file, value) {
  const text = jsonText(value);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, file), text);
  return text;
}

export {
  saveModel,
  sha256,
  hashModel,
  writeJsonArtifact
};
