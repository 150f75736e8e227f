import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  compareRuns
} from "./cli-chunk-9f0ab9e328.js";
import "./cli-chunk-4ce564b355.js";
import {
  dataFileKey,
  hashInputs,
  sha256File,
  trainModel
} from "./cli-chunk-d7c2c76510.js";
import {
  loadEngine
} from "./cli-chunk-cd81231bff.js";
import "./cli-chunk-19e7804730.js";
import "./cli-chunk-5595f77bb2.js";
import {
  recordFromRun,
  reusedRecord
} from "./cli-chunk-9a563fdfb0.js";
import {
  isShallow
} from "./cli-chunk-40eeb72f53.js";
import "./cli-chunk-1d7994cc6d.js";
import "./cli-chunk-89980272e8.js";
import {
  buildModelImage,
  computeTags,
  deployImage,
  imageVersion,
  retagRemote
} from "./cli-chunk-f9fed7250e.js";
import {
  VERSION
} from "./cli-chunk-413a98cce8.js";
import "./cli-chunk-a8355befd7.js";
import "./cli-chunk-4293b75db3.js";
import "./cli-chunk-75ac2e035d.js";
import {
  confineToRepository
} from "./cli-chunk-71fa4578e2.js";
import {
  confineInputs,
  loadConfig,
  loadParams
} from "./cli-chunk-ee9543e104.js";
import "./cli-chunk-4fcbb936ca.js";
import "./cli-chunk-fa08236832.js";
import "./cli-chunk-40530c68dd.js";
import {
  tryGit
} from "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-75b5eb63a8.js";
import "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-25be3d0a7c.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/flow/deploy-model.ts
import { join } from "node:path";

// src/train/planned-inputs.ts
async function plannedInputs(configFile, requested, workspace, trackedAt) {
  const config = await confineInputs(await loadConfig(configFile), { trackedAt });
  const params = await loadParams(config.params);
  const { backend } = await loadEngine(requested ?? config.backend, { workspace });
  const files = [config.data.train, ...config.data.test ? [config.data.test] : []];
  const data = Object.fromEntries(await Promise.all(files.map(async (file) => [dataFileKey(config, file), await sha256File(file)])));
  return { inputs: hashInputs({ data, params: params.flat, config, trainerVersion: VERSION, backend }).inputs, backend };
}

// src/flow/deploy-model.ts
async function runDeploy(options) {
  const { log } = options;
  const configFile = join(options.repoRoot, options.configPath);
  const config = await loadConfig(configFile);
  const previous = await log.group("previous baseline", () => previousBaseline(options, config.name));
  if (options.push && previous.record?.image) {
    const planned = await plannedInputs(configFile, options.backend, options.workspace, options.commit);
    if (planned.inputs === previous.record.inputsHash) return reuse(options, previous.record, previous.record.image, previous.source);
    log.info(`inputs changed since ${previous.record.commit.slice(0, 7)}: training`);
  }
  const run = await log.group(
    "train",
    () => trainModel(configFile, {
      out: join(options.artifactsDir, "main"),
      backend: options.backend,
      workspace: options.workspace,
      log: log.info,
      trackedAt: options.commit
    })
  );
  const comparison = compareRuns({
    model: run.config.name,
    metrics: run.config.metrics,
    base: previous.record ? { metrics: previous.record.metrics, params: previous.record.params, data: previous.record.data } : void 0,
    head: { metrics: run.metrics, params: run.params.flat, data: run.manifest.data },
    baseline: previous.source,
    headCommit: options.commit
  });
  const gatesPassed = comparison.failedGates.length === 0;
  if (!gatesPassed) log.warn(`gates failed (${comparison.failedGates.map((row) => row.name).join(", ")}): the image is pushed without moving \`latest\``);
  const imageInput = {
    modelDir: run.out,
    serverFiles: options.serverFiles,
    baseImage: options.baseImage,
    target: target(options, gatesPassed),
    labels: {
      model: run.config.name,
      source: options.repositoryUrl,
      created: (/* @__PURE__ */ new Date()).toISOString(),
      metrics: run.metrics,
      hashes: { data: run.manifest.hashes.data, params: run.manifest.hashes.params, model: run.manifest.hashes.model, inputs: run.manifest.hashes.inputs },
      backend: run.engine.backend
    },
    log: log.info
  };
  const image = await log.group(
    options.push ? "build and push the image" : "build the image",
    () => options.push ? deployImage(options.docker, { ...imageInput, auth: requireAuth(options.auth) }) : buildModelImage(options.docker, imageInput)
  );
  const digest = "digest" in image ? image.digest : void 0;
  const outcome = {
    model: run.config.name,
    metrics: run.metrics,
    backend: run.engine.backend,
    comparison,
    gatesPassed,
    image: { image: image.image, tags: image.tags, version: image.version, digest }
  };
  if (!options.record) return outcome;
  const record = recordFromRun(run, options.commit, { image: digest ? { name: image.image, digest, tags: image.tags } : void 0, runUrl: options.runUrl });
  await writeRecord(options, record);
  return { ...outcome, record };
}
async function reuse(options, previous, previousImage, source) {
  const { log } = options;
  const pinned = confineToRepository(previousImage, options.image.toLowerCase(), `the baseline record of ${previous.model} at ${previous.commit.slice(0, 7)}`);
  log.info(`inputs unchanged since ${previous.commit.slice(0, 7)} (data, params, config, trainer and backend hash to the same): reusing its model and image`);
  const gatesPassed = previousImage.tags.some((tag) => tag.endsWith(":latest"));
  const tags = computeTags(target(options, gatesPassed));
  const credentials = requireAuth(options.auth);
  await log.group("tag the reused image", async () => {
    for (const tag of tags) {
      await retagRemote({ image: pinned.name, from: pinned.digest, to: tag.slice(tag.lastIndexOf(":") + 1), credentials });
      log.info(`${tag} \u2192 ${pinned.digest}`);
    }
  });
  const comparison = compareRuns({
    model: previous.model,
    metrics: (await loadConfig(join(options.repoRoot, options.configPath))).metrics,
    base: { metrics: previous.metrics, params: previous.params, data: previous.data },
    head: { metrics: previous.metrics, params: previous.params, data: previous.data },
    baseline: source,
    headCommit: options.commit
  });
  const image = { name: pinned.name, digest: pinned.digest, tags };
  const outcome = {
    model: previous.model,
    metrics: previous.metrics,
    backend: previous.backend,
    comparison,
    gatesPassed,
    image: { image: pinned.name, tags, version: imageVersion(target(options, gatesPassed)), digest: pinned.digest },
    reusedFrom: previous.commit
  };
  if (!options.record) return outcome;
  const record = reusedRecord(previous, { commit: options.commit, image, runUrl: options.runUrl });
  await writeRecord(options, record);
  return { ...outcome, record };
}
function target(options, gatesPassed) {
  return { image: options.image, sha: options.commit, ref: options.ref, defaultBranch: options.defaultBranch, gatesPassed };
}
async function writeRecord(options, record) {
  await options.log.group("record the baseline", () => options.store.write(record, { replace: true }));
  options.log.info(`recorded ${record.model}@${options.commit.slice(0, 7)} on the baselines branch`);
}
async function previousBaseline(options, model) {
  await options.store.fetch();
  const parent = await parentOf(options.repoRoot, options.commit);
  const nearest = parent ? await options.store.findNearest(model, parent) : null;
  if (nearest && "record" in nearest) {
    return { source: { kind: nearest.behind === 0 ? "record" : "ancestor", commit: nearest.commit, behind: nearest.behind }, record: nearest.record };
  }
  const note = nearest && "unusable" in nearest ? `the previous record is unusable (${nearest.unusable})` : "no earlier baseline";
  options.log.info(`gates: ${note}; only thresholds apply`);
  return { source: { kind: "none", note } };
}
async function parentOf(cwd, commit) {
  const parent = async () => (await tryGit(["rev-parse", "--verify", "--quiet", `${commit}^`], { cwd }))?.trim() || void 0;
  const found = await parent();
  if (found || !await isShallow(cwd)) return found;
  await tryGit(["fetch", "--no-tags", "--deepen=1", "origin", commit], { cwd });
  return parent();
}
function requireAuth(auth) {
  if (!auth) throw new Error("pushing needs registry credentials");
  return auth;
}
export {
  runDeploy
};
