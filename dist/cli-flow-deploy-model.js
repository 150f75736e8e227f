import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  escapeCell,
  escapeInline,
  link
} from "./cli-chunk-7ba064f90f.js";
import {
  recordFromRun,
  reusedRecord
} from "./cli-chunk-9a563fdfb0.js";
import {
  bundleModel
} from "./cli-chunk-d5709b9f8a.js";
import {
  compareRuns
} from "./cli-chunk-fc38cb9dd1.js";
import "./cli-chunk-9dc7177ef9.js";
import {
  isShallow
} from "./cli-chunk-40eeb72f53.js";
import {
  dataFileKey,
  hashInputs,
  sha256File,
  trainModel
} from "./cli-chunk-a7fff9f74d.js";
import "./cli-chunk-da0da7856f.js";
import "./cli-chunk-a06b141fe7.js";
import "./cli-chunk-75b5eb63a8.js";
import "./cli-chunk-19e7804730.js";
import {
  loadEngine
} from "./cli-chunk-a8ec06f77a.js";
import "./cli-chunk-8e297c67c6.js";
import "./cli-chunk-649b7577f9.js";
import "./cli-chunk-5cf8645060.js";
import "./cli-chunk-5595f77bb2.js";
import {
  formatNumber
} from "./cli-chunk-1d7994cc6d.js";
import "./cli-chunk-89980272e8.js";
import "./cli-chunk-c63c95fa23.js";
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
import {
  ARTIFACT_FILES
} from "./cli-chunk-4293b75db3.js";
import "./cli-chunk-75ac2e035d.js";
import {
  confineToRepository
} from "./cli-chunk-71fa4578e2.js";
import {
  confineInputs,
  loadConfig,
  loadParams
} from "./cli-chunk-831e54c8a1.js";
import "./cli-chunk-a4e2cf860a.js";
import "./cli-chunk-4fcbb936ca.js";
import "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-fa08236832.js";
import "./cli-chunk-40530c68dd.js";
import "./cli-chunk-25be3d0a7c.js";
import "./cli-chunk-55db69e02f.js";
import {
  tryGit
} from "./cli-chunk-4a2bad3387.js";
import {
  stringify
} from "./cli-chunk-2ca2999deb.js";
import "./cli-chunk-e3b0c44298.js";

// src/flow/deploy-model.ts
import { join } from "node:path";

// src/report/model-card.ts
var HF_TASK = {
  "binary-classification": "tabular-classification",
  "multiclass-classification": "tabular-classification",
  regression: "tabular-regression"
};
function renderModelCard(input, opts = {}) {
  const { card = {}, lineage } = input;
  const sections = [
    ...opts.frontMatter === false ? [] : [frontMatter(input)],
    `# ${escapeInline(input.model)}`,
    "",
    ...paragraphs(card.description ?? `A ${input.task.replace(/-/g, " ")} model trained and deployed by model-ci.`),
    "## Intended use",
    "",
    ...paragraphs(card.intendedUse ?? "Not stated: add `card.intended_use` to model-ci.yml."),
    "## Limitations",
    "",
    ...paragraphs(card.limitations ?? "Not stated: add `card.limitations` to model-ci.yml."),
    "## Data",
    "",
    "| file | rows | sha256 |",
    "| --- | ---: | --- |",
    ...Object.entries(input.data).map(([file, stats]) => `| ${escapeCell(file)} | ${stats.rows} | \`${stats.hash.replace(/^sha256:/, "").slice(0, 16)}\u2026\` |`),
    "",
    `Trained on ${input.trainRows} rows, evaluated on ${input.testRows} held-out rows.`,
    "",
    ...labelBalance(input.evaluation),
    "## Metrics",
    "",
    "| metric | value |",
    "| --- | ---: |",
    ...Object.entries(input.metrics).map(([name, value]) => `| ${escapeCell(name)} | ${formatNumber(value)} |`),
    "",
    "## Params",
    "",
    "| param | value |",
    "| --- | --- |",
    ...Object.entries(input.params).map(([key, value]) => `| ${escapeCell(key)} | ${escapeCell(String(value))} |`),
    "",
    "## Lineage",
    "",
    `- commit: ${lineage.commit ? link(`\`${lineage.commit.slice(0, 12)}\``, lineage.repositoryUrl && `${lineage.repositoryUrl}/commit/${lineage.commit}`) : "unknown"}`,
    ...lineage.runUrl ? [`- run: ${link("the deploy job", lineage.runUrl)}`] : [],
    `- trained: ${escapeInline(lineage.trainedAt)} by model-ci ${escapeInline(lineage.modelCiVersion)} on ${escapeInline(lineage.backend)}`,
    `- inputs hash: \`${lineage.hashes.inputs}\``,
    `- model hash: \`${lineage.hashes.model}\``,
    ...lineage.image ? [
      `- image: \`${lineage.image.name}${lineage.image.digest ? `@${lineage.image.digest}` : ""}\` (${lineage.image.tags.map((t) => `\`${t.slice(t.lastIndexOf(":") + 1)}\``).join(", ")})`
    ] : [],
    ""
  ];
  return sections.join("\n");
}
function frontMatter(input) {
  const task = HF_TASK[input.task];
  const metadata = {
    ...input.card?.license ? { license: input.card.license.toLowerCase() } : {},
    library_name: "tensorflowjs",
    tags: ["model-ci", task],
    "model-index": [
      {
        name: input.model,
        results: [
          {
            task: { type: task },
            dataset: { type: "csv", name: Object.keys(input.data)[0] ?? "unknown", split: "test" },
            metrics: Object.entries(input.metrics).map(([name, value]) => ({ type: name, name, value }))
          }
        ]
      }
    ]
  };
  return `---
${stringify(metadata, { lineWidth: 0 })}---
`;
}
function paragraphs(text) {
  return text.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.trim()).filter(Boolean).flatMap((paragraph) => [escapeInline(paragraph), ""]);
}
function labelBalance(evaluation) {
  if (!evaluation.classes || !evaluation.confusionMatrix) return [];
  const counts = evaluation.confusionMatrix.map((row) => row.reduce((a, b) => a + b, 0));
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  return [
    "| class | test rows | share |",
    "| --- | ---: | ---: |",
    ...evaluation.classes.map((label, k) => `| ${escapeCell(label)} | ${counts[k]} | ${(100 * counts[k] / total).toFixed(1)}% |`),
    ""
  ];
}

// src/flow/deploy-model.ts
import { writeFile } from "node:fs/promises";

// src/train/planned-inputs.ts
async function plannedInputs(configFile, requested, workspace, trackedAt) {
  const config = await confineInputs(await loadConfig(configFile), { trackedAt });
  const params = await loadParams(config.params);
  const { backend } = await loadEngine(requested ?? config.backend, { workspace, training: true });
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
  const cardInput = modelCardInput(run, options);
  await writeFile(join(run.out, ARTIFACT_FILES.card), renderModelCard(cardInput));
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
    image: { image: image.image, tags: image.tags, version: image.version, digest },
    card: renderModelCard({ ...cardInput, lineage: { ...cardInput.lineage, image: { name: image.image, digest, tags: image.tags } } }, { frontMatter: false })
  };
  if (!options.record) return outcome;
  const model = await bundleModel(run.out);
  if ("skipped" in model) log.warn(`the record is written without the model's files (${model.skipped}): pull requests will train the base instead`);
  const record = recordFromRun(run, options.commit, {
    image: digest ? { name: image.image, digest, tags: image.tags } : void 0,
    runUrl: options.runUrl,
    storedModel: "stored" in model ? model.stored : void 0
  });
  await writeRecord(options, record, "stored" in model ? model : void 0);
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
function modelCardInput(run, options) {
  return {
    model: run.config.name,
    task: run.config.task,
    card: run.config.card,
    data: run.manifest.data,
    trainRows: run.manifest.trainRows,
    testRows: run.manifest.testRows,
    evaluation: run.evaluation,
    params: run.params.flat,
    metrics: run.metrics,
    lineage: {
      commit: options.commit,
      repositoryUrl: options.repositoryUrl,
      runUrl: options.runUrl,
      trainedAt: run.manifest.startedAt,
      backend: run.engine.backend,
      modelCiVersion: run.manifest.modelCiVersion,
      hashes: { inputs: run.manifest.hashes.inputs, model: run.manifest.hashes.model }
    }
  };
}
function target(options, gatesPassed) {
  return { image: options.image, sha: options.commit, ref: options.ref, defaultBranch: options.defaultBranch, gatesPassed };
}
async function writeRecord(options, record, model) {
  await options.log.group("record the baseline", () => options.store.write(record, { replace: true, model }));
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
