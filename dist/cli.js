#!/usr/bin/env node
import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DEFAULT_THRESHOLDS
} from "./cli-chunk-9ab6690bb5.js";
import {
  shardOf
} from "./cli-chunk-18f2aaa9d6.js";
import {
  formatNumber
} from "./cli-chunk-1d7994cc6d.js";
import {
  DEFAULT_ARTIFACTS_DIR,
  DEFAULT_BASE_IMAGE,
  DEFAULT_CONFIG
} from "./cli-chunk-89980272e8.js";
import {
  FORMATS
} from "./cli-chunk-c63c95fa23.js";
import {
  VERSION
} from "./cli-chunk-413a98cce8.js";
import {
  ARTIFACT_FILES
} from "./cli-chunk-4293b75db3.js";
import {
  didYouMean
} from "./cli-chunk-fa08236832.js";
import {
  BACKENDS
} from "./cli-chunk-40530c68dd.js";
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  isUserError
} from "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/cli.ts
import { text } from "node:stream/consumers";

// src/cli/command-spec.ts
import { parseArgs } from "node:util";
var EXIT = { ok: 0, bug: 1, userError: 2, gateFailed: 3 };
var EXIT_CODES_HELP = `Exit codes:
  0  success
  1  a bug in model-ci (the message includes a stack trace; please report it)
  2  a mistake in the command line, config, params, data or model folder (the message says what and where)
  3  a gated metric regressed (report), or features drifted (monitor)`;
var HELP_OPTION = { type: "boolean", short: "h", description: "show this help" };
function parseCommandArgs(command, argv) {
  const options = { ...command.options, help: HELP_OPTION };
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...spec.short ? { short: spec.short } : {} }])),
    allowPositionals: true,
    strict: false,
    tokens: true
  });
  const where = `model-ci ${command.name}`;
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (!spec) {
      const flags = Object.keys(options).map((name) => `--${name}`);
      throw new UserError(`unknown option ${token.rawName} for \`${where}\`${didYouMean(token.rawName, flags)}; see \`${where} --help\``);
    }
    if (spec.type === "string" && (token.value === void 0 || !token.inlineValue && token.value.startsWith("-") && token.value !== "-")) {
      throw new UserError(`option ${token.rawName} needs a value: ${token.rawName} <${spec.value ?? "value"}>`);
    }
    if (spec.type === "boolean" && token.inlineValue) {
      throw new UserError(`option ${token.rawName} takes no value`);
    }
  }
  if (positionals.length > (command.maxPositionals ?? 0)) {
    const extra = positionals[command.maxPositionals ?? 0];
    throw new UserError(`unexpected argument ${JSON.stringify(extra)} for \`${where}\`; see \`${where} --help\``);
  }
  return { values, positionals };
}
function commandHelp(command) {
  const options = { ...command.options, help: HELP_OPTION };
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.type === "string" ? ` <${spec.value ?? "value"}>` : ""}`;
    return [flag, spec.description];
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = [
    `Usage: model-ci ${command.name} ${command.usage}`,
    "",
    command.description,
    "",
    "Options:",
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`)
  ];
  if (command.examples?.length) lines.push("", "Examples:", ...command.examples.map((e) => `  ${e}`));
  lines.push("", EXIT_CODES_HELP);
  return `${lines.join("\n")}
`;
}
function choice(value, choices, flag) {
  if (value === void 0 || typeof value === "boolean") return void 0;
  if (choices.includes(value)) return value;
  throw new UserError(`${flag} ${JSON.stringify(value)} is not one of ${choices.join(", ")}${didYouMean(value, choices)}`);
}
var CONFIG_OPTION = { type: "string", short: "c", value: "file", description: `the model-ci config (default ${DEFAULT_CONFIG})` };
function backendOption(fallback) {
  return { type: "string", short: "b", value: "name", description: `${BACKENDS.join(" | ")} (default: ${fallback})` };
}
function configOf(args) {
  return stringOption(args, "config") ?? DEFAULT_CONFIG;
}
function backendOf(args) {
  return choice(args.values.backend, BACKENDS, "--backend");
}
function stringOption(args, name) {
  const value = args.values[name];
  return typeof value === "string" ? value : void 0;
}

// src/cli/build.ts
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
var build = {
  name: "build",
  summary: "build the model server image from a trained model folder, against the local Docker engine",
  usage: `--model <dir> --image <name> [--base-image ${DEFAULT_BASE_IMAGE}]`,
  description: [
    "Builds the image a deploy would push: the model server bundle and the model folder on the base",
    "image, model files in the last layer. Tags it sha-<7> of the commit the model was trained from",
    "(or of HEAD). The engine is DOCKER_HOST, else the default socket. Nothing is pushed."
  ].join("\n"),
  options: {
    model: { type: "string", short: "m", value: "dir", description: "trained model folder (from `model-ci train`)" },
    image: { type: "string", value: "name", description: "image name without tag, e.g. registry.example/team/churn" },
    "base-image": { type: "string", value: "image", description: `base image (default ${DEFAULT_BASE_IMAGE}; Debian/glibc)` }
  },
  examples: ["model-ci build --model .model-ci/breast-cancer --image local/breast-cancer"],
  async run(args, io) {
    const modelDir = stringOption(args, "model");
    const image = stringOption(args, "image");
    if (!modelDir || !image) throw new UserError("`model-ci build` needs --model <dir> and --image <name>");
    const [{ serverBundleFiles }, { connectEngine }, { buildModelImage }, { serverDistDir }, { tryGit }] = await Promise.all([
      import("./cli-docker-build-context.js"),
      import("./cli-docker-connect.js"),
      import("./cli-docker-build-and-push.js"),
      import("./cli-docker-server-dist.js"),
      import("./cli-git-git.js")
    ]);
    const manifest = await readManifest(resolve(modelDir));
    const sha = manifest.commit ?? (await tryGit(["rev-parse", "HEAD"], { cwd: process.cwd() }))?.trim();
    if (!sha) throw new UserError("cannot tell which commit the model is from: run inside the git repository it was trained in", { field: "commit" });
    const docker = await connectEngine();
    const built = await buildModelImage(docker, {
      modelDir: resolve(modelDir),
      serverFiles: await serverBundleFiles(serverDistDir()),
      baseImage: stringOption(args, "base-image") ?? DEFAULT_BASE_IMAGE,
      target: { image, sha, ref: "", defaultBranch: "main", gatesPassed: false },
      labels: {
        model: manifest.name,
        created: (/* @__PURE__ */ new Date()).toISOString(),
        metrics: JSON.parse(await readFile(join(modelDir, ARTIFACT_FILES.metrics), "utf8")),
        hashes: { data: manifest.hashes.data, params: manifest.hashes.params, model: manifest.hashes.model, inputs: manifest.hashes.inputs },
        backend: manifest.backend
      },
      log: (line) => io.stderr(`${line}
`)
    });
    io.stdout(`${built.tags.join("\n")}
`);
    return 0;
  }
};
async function readManifest(modelDir) {
  const file = join(modelDir, ARTIFACT_FILES.run);
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new UserError("not a trained model folder: run.json is missing or unreadable (train it with `model-ci train`)", { file });
  }
}

// src/cli/terminal-text.ts
function columns(rows, indent = "  ") {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => (indent + row.map((cell, c) => cell.padEnd(widths[c])).join("  ")).trimEnd()).join("\n");
}
function metricsTable(metrics, configured) {
  const direction = new Map(configured.map((m) => [m.name, m.direction]));
  const rows = Object.entries(metrics).map(([name, value]) => [
    name,
    // A diverged run's NaN is shown, not a crash: the CLI reports what training produced.
    Number.isFinite(value) ? formatNumber(value) : String(value),
    direction.get(name) === "lower" ? "lower is better" : "higher is better"
  ]);
  return columns([["metric", "value", ""], ...rows]);
}
function confusionTable(evaluation, maxClasses = 10) {
  const { classes, confusionMatrix } = evaluation;
  if (!classes || !confusionMatrix || classes.length > maxClasses) return void 0;
  const rows = [["actual \\ predicted", ...classes], ...confusionMatrix.map((counts, i) => [classes[i], ...counts.map(String)])];
  return columns(rows);
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(ms < 1e4 ? 2 : 1)} s`;
}
function failedGateLines(failed) {
  return failed.map((row) => `model-ci: gate failed: ${row.name}: ${row.gateReason ?? "failed"}
`).join("");
}

// src/cli/evaluate.ts
var evaluate = {
  name: "evaluate",
  summary: "re-evaluate a saved model on the config's test split",
  usage: "[--config model-ci.yml] [--model .model-ci/<name>] [--backend auto]",
  description: [
    "Loads a model folder written by `model-ci train` and scores it on the config's test split,",
    "with the preprocessing saved beside the model. Writes nothing."
  ].join("\n"),
  options: {
    config: CONFIG_OPTION,
    model: { type: "string", short: "m", value: "dir", description: "model folder (default .model-ci/<name>)" },
    backend: backendOption("the config's backend")
  },
  examples: ["model-ci evaluate --model .model-ci/breast-cancer"],
  async run(args, io) {
    const configFile = configOf(args);
    const backend = backendOf(args);
    const { evaluateModel } = await import("./cli-train-pipeline.js");
    const run = await evaluateModel(configFile, stringOption(args, "model"), { backend, log: (line) => io.stderr(`${line}
`) });
    const lines = [
      `evaluated ${displayPath(run.modelDir)} on the test split of ${run.config.name}: ${run.evaluation.testRows} rows, backend ${run.engine.backend}`,
      metricsTable(run.metrics, run.config.metrics)
    ];
    const confusion = confusionTable(run.evaluation);
    if (confusion) lines.push("", confusion);
    io.stdout(`${lines.join("\n")}
`);
    return 0;
  }
};

// src/cli/example.ts
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function flow() {
  const [fromRun, store, load, csv, table, context, engine, deploy, dist, exampleRepo, logger, pullRequest, report2, pipeline, storedModel] = await Promise.all([
    import("./cli-baseline-derive.js"),
    import("./cli-baseline-store.js"),
    import("./cli-config-load.js"),
    import("./cli-data-csv.js"),
    import("./cli-data-table.js"),
    import("./cli-docker-build-context.js"),
    import("./cli-docker-connect.js"),
    import("./cli-flow-deploy-model.js"),
    import("./cli-docker-server-dist.js"),
    import("./cli-cli-example-repo.js"),
    import("./cli-logger.js"),
    import("./cli-flow-pull-request-decide.js"),
    import("./cli-report-report.js"),
    import("./cli-train-pipeline.js"),
    import("./cli-baseline-stored-model.js")
  ]);
  return {
    recordFromRun: fromRun.recordFromRun,
    createBaselineStore: store.createBaselineStore,
    loadConfig: load.loadConfig,
    readCsv: csv.readCsv,
    cellText: table.cellText,
    column: table.column,
    serverBundleFiles: context.serverBundleFiles,
    connectEngine: engine.connectEngine,
    runDeploy: deploy.runDeploy,
    serverDistDir: dist.serverDistDir,
    createExampleRepo: exampleRepo.createExampleRepo,
    exampleGit: exampleRepo.exampleGit,
    consoleLogger: logger.consoleLogger,
    runPullRequest: pullRequest.runPullRequest,
    renderReport: report2.renderReport,
    trainModel: pipeline.trainModel,
    bundleModel: storedModel.bundleModel
  };
}
var IMAGE = "model-ci-example/breast-cancer";
var example = {
  name: "example",
  summary: "the whole flow over fixtures/breast-cancer in a temporary git repository",
  usage: `[--base-image ${DEFAULT_BASE_IMAGE}] [--keep]`,
  description: [
    "Makes a git repository from fixtures/breast-cancer with a main commit (trained and recorded as",
    "the baseline) and a pull-request branch that widens the network and adds 40 rows, then prints",
    "the PR comment model-ci would post. When a Docker engine is reachable (DOCKER_HOST), it goes on:",
    "merges the PR, builds the model server image, starts it and sends one prediction."
  ].join("\n"),
  options: {
    "base-image": { type: "string", value: "image", description: `base image of the server image (default $MODEL_CI_BASE_IMAGE or ${DEFAULT_BASE_IMAGE})` },
    keep: { type: "boolean", description: "keep the temporary repository and print its path" }
  },
  async run(args, io) {
    const {
      consoleLogger,
      createExampleRepo,
      createBaselineStore,
      exampleGit,
      trainModel,
      recordFromRun,
      runPullRequest,
      renderReport,
      connectEngine,
      bundleModel
    } = await flow();
    const log = consoleLogger((line) => io.stderr(`${line}
`));
    const dir = await mkdtemp(join2(tmpdir(), "model-ci-example-"));
    try {
      const repo = await createExampleRepo(dir);
      const store = createBaselineStore({ cwd: dir, log: log.info });
      const artifacts = join2(dir, DEFAULT_ARTIFACTS_DIR);
      io.stderr("\n== 1. main: train the model and record it as the baseline\n");
      await exampleGit(dir, ["switch", "--quiet", "main"]);
      const mainRun = await trainModel(join2(dir, "model-ci.yml"), { out: join2(artifacts, "main"), log: log.info });
      const model = await bundleModel(mainRun.out);
      const stored = "stored" in model ? model : void 0;
      await store.write(recordFromRun(mainRun, repo.mainSha, { storedModel: stored?.stored }), { model: stored });
      await exampleGit(dir, ["switch", "--quiet", "pr"]);
      io.stderr("\n== 2. pull request: params and data changed; retrain and compare against main\n");
      const pr = await runPullRequest({
        repoRoot: dir,
        configPath: "model-ci.yml",
        base: "main",
        head: "pr",
        artifactsDir: join2(artifacts, "pr"),
        store,
        log,
        fetch: false
      });
      if (pr.kind === "skipped") throw new Error(`the example PR changes params and data, yet nothing was retrained: ${pr.reason}`);
      io.stderr("\n== The comment model-ci posts on the pull request:\n\n");
      io.stdout(renderReport({ ...pr.report, baseRef: "main" }));
      io.stderr("\n== 3. merge: build the model server image, start it, ask it for a prediction\n");
      const docker = await connectEngine().catch((error) => {
        if (!isUserError(error)) throw error;
        io.stderr(`${error.message}
`);
        io.stderr(
          "The deploy half needs a Docker engine. On Debian, as root: `bash .ci/docker.sh start`, then\n`set -a; . /tmp/model-ci-docker/env; set +a` (the engine and its local base image) and run the example again.\n"
        );
        return void 0;
      });
      if (docker) await deployAndPredict(docker, dir, artifacts, stringOption(args, "base-image"), io);
      return EXIT.ok;
    } finally {
      if (args.values.keep) io.stderr(`
kept the example repository: ${dir}
`);
      else await rm(dir, { recursive: true, force: true });
    }
  }
};
async function deployAndPredict(docker, dir, artifacts, baseImage, io) {
  const { consoleLogger, exampleGit, runDeploy, createBaselineStore, serverBundleFiles, serverDistDir } = await flow();
  const log = consoleLogger((line) => io.stderr(`${line}
`));
  await exampleGit(dir, ["switch", "--quiet", "main"]);
  await exampleGit(dir, ["merge", "--quiet", "--no-ff", "pr", "-m", "Merge pull request: wider network, more rows"]);
  const commit = await exampleGit(dir, ["rev-parse", "HEAD"]);
  const outcome = await runDeploy({
    repoRoot: dir,
    configPath: "model-ci.yml",
    commit,
    ref: "refs/heads/main",
    defaultBranch: "main",
    artifactsDir: join2(artifacts, "deploy"),
    store: createBaselineStore({ cwd: dir, log: log.info }),
    log,
    docker,
    image: IMAGE,
    baseImage: baseImage ?? process.env.MODEL_CI_BASE_IMAGE ?? DEFAULT_BASE_IMAGE,
    serverFiles: await serverBundleFiles(serverDistDir()),
    push: false,
    record: true
  });
  const tag = outcome.image.tags[0];
  io.stderr(`built ${outcome.image.tags.join(", ")}
`);
  const port = await freePort();
  const container = await docker.createContainer({ Image: tag, Env: [`PORT=${port}`], HostConfig: { NetworkMode: "host" } });
  try {
    await container.start();
    const url = `http://127.0.0.1:${port}`;
    await waitForHealthy(`${url}/healthz`, 6e4);
    const row = await firstDataRow(dir);
    const response = await fetch(`${url}/v1/models/breast-cancer:predict`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ instances: [row.features] })
    });
    const body = await response.text();
    io.stdout(`
POST ${url}/v1/models/breast-cancer:predict (first row of the data, label ${row.label})
\u2192 ${response.status} ${body}
`);
    if (!response.ok) throw new Error(`the model server answered ${response.status}: ${body}`);
  } finally {
    await container.remove({ force: true }).catch(() => void 0);
  }
}
async function firstDataRow(dir) {
  const { loadConfig, readCsv, cellText, column } = await flow();
  const config = await loadConfig(join2(dir, "model-ci.yml"));
  const table = await readCsv(config.data.train);
  const features = Object.fromEntries(table.columns.filter((c) => c.name !== config.data.target).map((c) => [c.name, Number(cellText(c, 0))]));
  return { features, label: cellText(column(table, config.data.target), 0) };
}
function freePort() {
  return new Promise((resolve4, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve4(port));
    });
  });
}
async function waitForHealthy(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the model server did not become healthy at ${url} within ${timeoutMs / 1e3} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// src/cli/manifests.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join3, resolve as resolve2 } from "node:path";
var manifests = {
  name: "manifests",
  summary: "write Kubernetes manifests (KServe InferenceService, Deployment + Service + HPA) for a pushed image",
  usage: "--image <name@digest> (--name <model> | --model <dir>) [--out <dir>] [options]",
  description: [
    "Writes, for an image pinned by digest, a KServe InferenceService (custom predictor container,",
    "optional canary) to inferenceservice.yaml and a plain Deployment + Service + HorizontalPodAutoscaler",
    "to deployment.yaml, with readiness and liveness probes on the server health routes, a non-root",
    "read-only container and resource requests. Without --out, prints both to stdout.",
    "Apply with `kubectl apply -f <dir>/deployment.yaml` or, on KServe, `-f <dir>/inferenceservice.yaml`.",
    "With --batch-input and --batch-claim, also batch-job.yaml: a Kubernetes Indexed Job whose pods each",
    "predict one byte range of the CSV (`model-ci predict --shard`) into <input>.predictions-<index>.csv."
  ].join("\n"),
  options: {
    image: { type: "string", value: "name@digest", description: "the pushed image, pinned by digest (the deploy output `digest`)" },
    name: { type: "string", value: "model", description: "the model's name (model-ci.yml `name`)" },
    model: { type: "string", short: "m", value: "dir", description: "a trained model folder, to take the name from its run.json" },
    out: { type: "string", short: "o", value: "dir", description: "folder to write inferenceservice.yaml and deployment.yaml into" },
    namespace: { type: "string", value: "ns", description: "namespace of every object (default: none, kubectl picks)" },
    canary: { type: "string", value: "percent", description: "KServe canaryTrafficPercent: the new revision's share of traffic" },
    "min-replicas": { type: "string", value: "n", description: "fewest replicas (default 1)" },
    "max-replicas": { type: "string", value: "n", description: "most replicas the autoscaler may run (default 3)" },
    port: { type: "string", value: "port", description: "container port (default 8501, the image default)" },
    "batch-input": { type: "string", value: "path", description: "also write batch-job.yaml: an Indexed Job predicting this CSV of --batch-claim" },
    "batch-claim": { type: "string", value: "claim", description: "the PersistentVolumeClaim holding --batch-input (mounted at /data)" },
    "batch-parts": { type: "string", value: "n", description: "pods that split the CSV by byte range (default 4)" }
  },
  examples: [
    "model-ci manifests --image ghcr.io/acme/churn@sha256:<digest> --name churn --out k8s/",
    "model-ci manifests --image ghcr.io/acme/churn@sha256:<digest> --model .model-ci/churn --canary 10 | kubectl apply -f -"
  ],
  async run(args, io) {
    const image = stringOption(args, "image");
    if (!image) throw new UserError("`model-ci manifests` needs --image <name@sha256:\u2026>, the pushed image pinned by digest");
    const [{ batchPredictJob, modelManifests, manifestFiles }, { stringify }] = await Promise.all([import("./cli-kubernetes-manifests.js"), import("./cli-yaml-browser-index.js")]);
    const model = await modelName(args);
    const files = manifestFiles(
      modelManifests({
        model,
        image,
        namespace: stringOption(args, "namespace"),
        canaryPercent: integerOption(args, "canary"),
        minReplicas: integerOption(args, "min-replicas"),
        maxReplicas: integerOption(args, "max-replicas"),
        port: integerOption(args, "port")
      })
    );
    const batchInput = stringOption(args, "batch-input");
    const batchClaim = stringOption(args, "batch-claim");
    if (batchInput === void 0 !== (batchClaim === void 0)) throw new UserError("--batch-input and --batch-claim go together");
    if (batchInput !== void 0 && batchClaim !== void 0) {
      const job = batchPredictJob({
        model,
        image,
        namespace: stringOption(args, "namespace"),
        parts: integerOption(args, "batch-parts") ?? 4,
        claim: batchClaim,
        input: batchInput
      });
      files["batch-job.yaml"] = stringify(job, { lineWidth: 0 });
    }
    const out = stringOption(args, "out");
    if (!out) {
      io.stdout(Object.values(files).join("---\n"));
      return 0;
    }
    const { writeManifestFiles } = await import("./cli-kubernetes-write-manifests.js");
    await writeManifestFiles(resolve2(out), files);
    for (const name of Object.keys(files)) io.stderr(`wrote ${join3(out, name)}
`);
    return 0;
  }
};
async function modelName(args) {
  const name = stringOption(args, "name");
  const modelDir = stringOption(args, "model");
  if (name && modelDir) throw new UserError("give --name or --model, not both");
  if (name) return name;
  if (!modelDir) throw new UserError("`model-ci manifests` needs --name <model> or --model <dir> to name the objects");
  const file = join3(modelDir, ARTIFACT_FILES.run);
  let manifest;
  try {
    manifest = JSON.parse(await readFile2(file, "utf8"));
  } catch {
    throw new UserError("not a trained model folder: run.json is missing or unreadable", { file });
  }
  const found = manifest.name;
  if (typeof found !== "string") throw new UserError("run.json has no model name", { file, field: "name" });
  return found;
}
function integerOption(args, name) {
  const value = stringOption(args, name);
  if (value === void 0) return void 0;
  if (!/^[0-9]{1,7}$/.test(value)) throw new UserError(`--${name} expects a whole number, got ${JSON.stringify(value.slice(0, 20))}`, { field: name });
  return Number(value);
}

// src/cli/monitor.ts
var monitor = {
  name: "monitor",
  summary: "compute drift of a model server's inputs against the training data",
  usage: "(--url <server> | --csv <logged-inputs> --model <dir>) [--name <model>] [--threshold 0.25]",
  description: [
    "Reads the counts a running model server keeps on /metrics (or counts a CSV of logged request inputs",
    "with the model folder's preprocessing.json) and compares each feature with the training split's",
    "drift bins: population stability index (PSI) below 0.1 stable, from 0.1 moderate shift, from 0.25 drift.",
    "Prints one line per feature; exits 3 when a feature drifted. Counts are cumulative since the server started."
  ].join("\n"),
  options: {
    url: { type: "string", short: "u", value: "url", description: "the model server (http://host:8501) or its /metrics URL" },
    csv: { type: "string", value: "file", description: "logged request inputs, a CSV with a header naming the features" },
    model: { type: "string", short: "m", value: "dir", description: "model folder (with --csv): the training bins" },
    name: { type: "string", short: "n", value: "name", description: "refuse metrics of a server that serves another model" },
    threshold: { type: "string", value: "psi", description: `PSI from which a feature has drifted (default ${DEFAULT_THRESHOLDS.drift})` },
    moderate: { type: "string", value: "psi", description: `PSI from which a shift is reported as moderate (default ${DEFAULT_THRESHOLDS.moderate})` },
    "min-inputs": { type: "string", value: "n", description: `fewest inputs for a verdict (default ${DEFAULT_THRESHOLDS.minInputs})` },
    markdown: { type: "boolean", description: "print the report as markdown (as the action posts it)" }
  },
  examples: ["model-ci monitor --url http://localhost:8501 --name iris", "model-ci monitor --csv requests.csv --model .model-ci/iris"],
  async run(args, io) {
    const url = stringOption(args, "url");
    const csv = stringOption(args, "csv");
    const modelDir = stringOption(args, "model");
    if (url === void 0 === (csv === void 0)) throw new UserError("give exactly one source: --url <server> or --csv <file> (with --model <dir>)");
    if (csv !== void 0 && modelDir === void 0) throw new UserError("--csv needs --model <dir>: the model folder holds the training drift bins");
    const [{ monitorDrift }, { driftMarkdown, driftText }] = await Promise.all([import("./cli-flow-monitor-drift.js"), import("./cli-monitor-report.js")]);
    let source;
    if (url !== void 0) {
      source = { kind: "server", url };
    } else {
      const [{ readJsonArtifact }, { checkPreprocessing }, { instancesFromCsv }, { join: join4 }] = await Promise.all([
        import("./cli-model-artifacts.js"),
        import("./cli-model-model-files.js"),
        import("./cli-cli-instances.js"),
        import("node:path")
      ]);
      const preprocessing = checkPreprocessing(
        await readJsonArtifact(modelDir, ARTIFACT_FILES.preprocessing),
        join4(modelDir, ARTIFACT_FILES.preprocessing)
      );
      source = { kind: "inputs", file: csv, rows: await instancesFromCsv(csv, preprocessing), preprocessing };
    }
    const report2 = await monitorDrift({ source, expected: { name: stringOption(args, "name") }, thresholds: thresholdsOf(args) });
    io.stdout(args.values.markdown ? driftMarkdown(report2) : driftText(report2));
    if (report2.drifted.length > 0) {
      io.stderr(`model-ci: drift: ${report2.drifted.length} feature${report2.drifted.length === 1 ? "" : "s"} at PSI \u2265 ${report2.thresholds.drift}
`);
      return EXIT.gateFailed;
    }
    return EXIT.ok;
  }
};
function thresholdsOf(args) {
  const number = (flag, integer) => {
    const text2 = stringOption(args, flag);
    if (text2 === void 0) return void 0;
    const value = Number(text2);
    if (text2.trim() === "" || !Number.isFinite(value) || value < 0 || integer && !Number.isInteger(value)) {
      throw new UserError(`--${flag} expects a${integer ? "n integer" : " number"} \u2265 0, got ${JSON.stringify(text2)}`);
    }
    return value;
  };
  const thresholds = {};
  const drift = number("threshold", false);
  const moderate = number("moderate", false);
  const minInputs = number("min-inputs", true);
  if (drift !== void 0) thresholds.drift = drift;
  if (moderate !== void 0) thresholds.moderate = moderate;
  if (minInputs !== void 0) thresholds.minInputs = minInputs;
  return thresholds;
}

// src/cli/predict.ts
var predict = {
  name: "predict",
  summary: "predict rows from a CSV or JSON file with a saved model",
  usage: "--model <dir> (--csv <file> | --json <file> | -) [--format json|jsonl|csv] [--out <file>] [--shard K/N]",
  description: [
    'Prints {"predictions": [...]} as JSON on stdout, one prediction per input row:',
    `  classification  {"label": "...", "probabilities": [p, ...]}  (in the order of the model's classes)`,
    "  regression      a number, in the target's units",
    "the same answers the model server gives (TensorFlow Serving's REST shape).",
    "--format jsonl prints one such prediction per line; --format csv a header (label and p_<class> per",
    "class, or prediction) and one row per input row.",
    "A CSV has a header naming the features (a target column is ignored). JSON is an array of",
    'instances, or {"instances": [...]}; an instance is an array in feature order or an object',
    'keyed by feature name. "-" reads JSON from stdin.',
    "",
    "A model of Dense layers (what `model-ci train` builds) predicts in plain JavaScript from its files,",
    "without loading TensorFlow.js (--backend then changes nothing); any other model runs in TensorFlow.js.",
    "A CSV is streamed: read, predicted and written a few thousand rows at a time, so memory stays the",
    "same whatever its size. With --out the predictions go to a temporary file renamed to <file> at the",
    "end: on an error nothing is written. On stdout the rows before an error have been printed (exit 2).",
    "",
    "--shard K/N predicts only the rows whose line starts in the K-th of N equal byte ranges of the CSV,",
    "so N processes split one file and their outputs, concatenated in order, equal one process's output",
    "(only the first shard prints the CSV header; --format defaults to jsonl, json cannot be split).",
    "Without --shard, a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (from 0) and JOB_COMPLETION_COUNT",
    "pick the shard."
  ].join("\n"),
  options: {
    model: { type: "string", short: "m", value: "dir", description: "model folder written by `model-ci train` (required)" },
    csv: { type: "string", value: "file", description: "rows to predict, as CSV with a header" },
    json: { type: "string", value: "file", description: "rows to predict, as JSON" },
    format: { type: "string", value: "format", description: "json (default), jsonl or csv" },
    out: { type: "string", short: "o", value: "file", description: "write the predictions to <file> (all or nothing) instead of stdout" },
    shard: { type: "string", value: "K/N", description: "predict only shard K of N of the CSV (from 1)" },
    backend: backendOption("auto")
  },
  maxPositionals: 1,
  examples: [
    "model-ci predict --model .model-ci/iris --csv new-flowers.csv",
    "model-ci predict --model .model-ci/iris --csv big.csv --format csv --out predictions.csv",
    "model-ci predict --model .model-ci/iris --csv big.csv --shard 3/8 --out part-3.jsonl",
    `echo '[{"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}]' | model-ci predict --model .model-ci/iris -`
  ],
  async run(args, io) {
    const modelDir = stringOption(args, "model");
    if (!modelDir) throw new UserError("--model <dir> is required: the folder written by `model-ci train`");
    const csv = stringOption(args, "csv");
    const json = stringOption(args, "json");
    const stdin = args.positionals[0];
    if (stdin !== void 0 && stdin !== "-")
      throw new UserError(`unexpected argument ${JSON.stringify(stdin)}; use --csv <file>, --json <file> or - for stdin`);
    const sources = [csv, json, stdin].filter((s) => s !== void 0);
    if (sources.length !== 1) {
      throw new UserError(`give exactly one input: --csv <file>, --json <file> or - for JSON on stdin (got ${sources.length === 0 ? "none" : sources.length})`);
    }
    const shard = shardOf(stringOption(args, "shard"), process.env);
    const format = formatOf(stringOption(args, "format"), shard !== void 0);
    if (shard && csv === void 0) throw new UserError("--shard splits a CSV file by bytes; give the rows with --csv <file> (JSON input cannot be split)");
    const out = stringOption(args, "out");
    const backend = backendOf(args);
    const log = (line) => io.stderr(`${line}
`);
    const [{ loadBatchModel }, { predictCsv, predictInstances }, { instancesFromJson, readJsonFile }, { csvSize }, { shardRange }, { writeOutput }] = await Promise.all([
      import("./cli-model-predictor.js"),
      import("./cli-model-batch-predict.js"),
      import("./cli-cli-instances.js"),
      import("./cli-data-csv-batches.js"),
      import("./cli-cli-shard.js"),
      import("./cli-cli-prediction-output.js")
    ]);
    const instances = csv !== void 0 ? void 0 : json !== void 0 ? await readJsonFile(json) : instancesFromJson(await io.readStdin(), "stdin");
    const range = shard && csv !== void 0 ? shardRange(await csvSize(csv), shard) : void 0;
    const model = await loadBatchModel(modelDir, { backend, log });
    try {
      await writeOutput(
        out,
        io,
        (sink) => csv !== void 0 ? predictCsv(model, csv, sink, { format, range, head: (shard?.index ?? 1) === 1 }) : predictInstances(model, instances, sink, format)
      );
    } finally {
      model.dispose();
    }
    return 0;
  }
};
function formatOf(option, sharded) {
  if (option === void 0) return sharded ? "jsonl" : "json";
  if (!FORMATS.includes(option)) {
    throw new UserError(`--format ${JSON.stringify(option.slice(0, 40))}: expected one of ${FORMATS.join(", ")}`);
  }
  if (sharded && option === "json") {
    throw new UserError("--format json writes one document, which shards cannot split; use --format jsonl or csv (their parts concatenate to the whole)");
  }
  return option;
}

// src/cli/report.ts
import { dirname, relative, resolve as resolve3 } from "node:path";
var report = {
  name: "report",
  summary: "the pull-request report: the working tree's model against a git ref's baseline",
  usage: "--base <ref> [--config model-ci.yml] [--backend auto] [--out dir]",
  description: [
    "Trains the model of the working tree, finds the baseline of <ref> (its record on the",
    "model-ci/baselines branch, the nearest recorded ancestor, or <ref> trained in a temporary",
    "worktree) and prints the markdown report model-ci would post on a pull request.",
    "Exits 3 when a gated metric regressed."
  ].join("\n"),
  options: {
    base: { type: "string", value: "ref", description: "the branch, tag or commit to compare against, e.g. main" },
    config: CONFIG_OPTION,
    backend: backendOption("the config's backend"),
    out: { type: "string", short: "o", value: "dir", description: "where both models are written (default .model-ci/report)" }
  },
  examples: ["model-ci report --base main", "model-ci report --base origin/main --config models/churn/model-ci.yml"],
  async run(args, io) {
    const base = stringOption(args, "base");
    if (!base) throw new UserError("`model-ci report` needs --base <ref>, the branch or commit to compare against (e.g. --base main)");
    const configFile = resolve3(configOf(args));
    const [{ createBaselineStore }, { consoleLogger }, { runPullRequest }, { renderReport }] = await Promise.all([
      import("./cli-baseline-store.js"),
      import("./cli-logger.js"),
      import("./cli-flow-pull-request-decide.js"),
      import("./cli-report-report.js")
    ]);
    const repoRoot = await repositoryRoot(dirname(configFile));
    const result = await runPullRequest({
      repoRoot,
      configPath: relative(repoRoot, configFile),
      base,
      head: "HEAD",
      // Asked for a report: train even when git sees no watched change (the working tree may be uncommitted).
      force: true,
      backend: backendOf(args),
      artifactsDir: resolve3(stringOption(args, "out") ?? ".model-ci/report"),
      store: createBaselineStore({ cwd: repoRoot }),
      log: consoleLogger((line) => io.stderr(`${line}
`)),
      fetch: false
    });
    if (result.kind === "skipped") throw new Error("a forced report cannot be skipped");
    io.stdout(renderReport({ ...result.report, baseRef: base }));
    if (result.comparison.failedGates.length === 0) return EXIT.ok;
    io.stderr(failedGateLines(result.comparison.failedGates));
    return EXIT.gateFailed;
  }
};
async function repositoryRoot(dir) {
  const { git } = await import("./cli-git-git.js");
  try {
    return (await git(["rev-parse", "--show-toplevel"], { cwd: dir })).trim();
  } catch {
    throw new UserError("`model-ci report` compares against git history: run it inside a git repository", { file: dir });
  }
}

// src/cli/serve.ts
var serve = {
  name: "serve",
  summary: "serve a model folder over HTTP, as the Docker image does",
  usage: "<model-dir> [--port 8501] [--host 127.0.0.1] [--name <name>]",
  description: [
    `Answers TensorFlow Serving's REST API: POST /v1/models/<name>:predict with {"instances": [...]},`,
    "GET /v1/models/<name> and /v1/models/<name>/metadata, plus GET /healthz and Prometheus GET /metrics.",
    "GET / is a page to try the model in a browser.",
    "Runs until Ctrl-C or SIGTERM, then finishes the requests in flight."
  ].join("\n"),
  options: {
    port: { type: "string", short: "p", value: "port", description: "port to listen on (default 8501, 0 picks a free one)" },
    host: { type: "string", value: "address", description: "address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)" },
    name: { type: "string", short: "n", value: "name", description: "model name in the URL (default: the name in run.json)" },
    backend: backendOption("auto")
  },
  maxPositionals: 1,
  examples: ["model-ci serve .model-ci/iris", `curl -s localhost:8501/v1/models/iris:predict -d '{"instances": [[5.1, 3.5, 1.4, 0.2]]}'`],
  async run(args, io) {
    const modelDir = args.positionals[0];
    if (!modelDir) throw new UserError("give the model folder to serve: model-ci serve <model-dir>");
    const rawPort = stringOption(args, "port") ?? "8501";
    const port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port expects an integer from 0 to 65535, got ${JSON.stringify(rawPort)}`);
    const { serve: serveModel } = await import("./cli-serve-serve.js");
    const server = await serveModel(modelDir, {
      port,
      host: stringOption(args, "host") ?? "127.0.0.1",
      name: stringOption(args, "name"),
      backend: backendOf(args),
      log: (event) => {
        for (const notice of event.notices ?? []) io.stderr(`notice: ${notice}
`);
        if (event.event === "start") {
          io.stderr(`serving ${event.name} (version ${event.version}, ${event.backend}) at ${event.url}/v1/models/${event.name}:predict \u2014 Ctrl-C to stop
`);
        } else if (event.event === "stop") {
          io.stderr(`stopped after ${event.signal}
`);
        } else {
          io.stderr(`${JSON.stringify(event)}
`);
        }
      }
    });
    await server.closed;
    return EXIT.ok;
  }
};

// src/cli/train.ts
var train = {
  name: "train",
  summary: "train the model of a config, evaluate it on the test split, write its artifacts",
  usage: "[--config model-ci.yml] [--out .model-ci/<name>] [--backend auto]",
  description: [
    "Loads the config and its params, fits preprocessing on the training split, trains the",
    "network, evaluates it on the test split and writes model.json, weights.bin,",
    "preprocessing.json, metrics.json, history.json, evaluation.json and run.json.",
    "Progress goes to stderr, the summary to stdout."
  ].join("\n"),
  options: {
    config: CONFIG_OPTION,
    out: { type: "string", short: "o", value: "dir", description: "artifacts folder (default .model-ci/<name>)" },
    backend: backendOption("the config's backend"),
    quiet: { type: "boolean", short: "q", description: "no per-epoch progress" }
  },
  examples: ["model-ci train", "model-ci train --config fixtures/iris/model-ci.yml --backend cpu --out /tmp/iris"],
  async run(args, io) {
    const configFile = configOf(args);
    const backend = backendOf(args);
    const progress = (line) => io.stderr(`${line}
`);
    const { trainModel } = await import("./cli-train-pipeline.js");
    const run = await trainModel(configFile, {
      out: stringOption(args, "out"),
      backend,
      log: args.values.quiet ? (line) => line.startsWith("notice:") && progress(line) : progress
    });
    const { history, manifest } = run;
    const epochs = history.stoppedEarlyAt === void 0 ? `${history.epochs} epochs` : `${history.epochs} epochs, stopped early, kept epoch ${(history.bestEpoch ?? history.stoppedEarlyAt) + 1}`;
    const lines = [
      `trained ${run.config.name} (${run.config.task}) on ${run.engine.backend} in ${seconds(run.durations.trainMs)}: ${manifest.trainRows} training rows, ${epochs}`,
      `test split: ${manifest.testRows} rows`,
      metricsTable(run.metrics, run.config.metrics)
    ];
    const confusion = confusionTable(run.evaluation);
    if (confusion) lines.push("", confusion);
    lines.push("", `artifacts: ${displayPath(run.out)} (total ${seconds(run.durations.totalMs)})`);
    io.stdout(`${lines.join("\n")}
`);
    return 0;
  }
};

// src/cli/commands.ts
var COMMANDS = [train, evaluate, predict, report, serve, monitor, build, manifests, example];

// src/cli/run-command.ts
async function runCommand(command, argv, io) {
  try {
    const args = parseCommandArgs(command, argv);
    if (args.values.help) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    return exitCodeOf(error, io);
  }
}
function exitCodeOf(error, io) {
  if (isUserError(error)) {
    io.stderr(`model-ci: ${error.describe()}
`);
    return EXIT.userError;
  }
  io.stderr(
    `model-ci: internal error (a bug; please report it with the command you ran):
${error instanceof Error ? error.stack ?? error.message : String(error)}
`
  );
  return EXIT.bug;
}

// src/cli/dispatch.ts
function topLevelHelp(commands = COMMANDS) {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: model-ci <command> [options]",
    "",
    "CI/CD for ML models: train, evaluate and serve TensorFlow.js models from a model-ci.yml.",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show this help (`model-ci <command> --help` for a command)",
    "  -v, --version  print the version",
    "",
    EXIT_CODES_HELP,
    ""
  ].join("\n");
}
async function runCli(argv, io, commands = COMMANDS) {
  try {
    const [first, ...rest] = argv;
    if (first === void 0) {
      io.stderr(topLevelHelp(commands));
      return EXIT.userError;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      const topic = first === "help" ? rest[0] : void 0;
      io.stdout(topic ? commandHelp(findCommand(topic, commands)) : topLevelHelp(commands));
      return EXIT.ok;
    }
    if (first === "--version" || first === "-v") {
      io.stdout(`${VERSION}
`);
      return EXIT.ok;
    }
    return await runCommand(findCommand(first, commands), rest, io);
  } catch (error) {
    return exitCodeOf(error, io);
  }
}
function findCommand(name, commands) {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const what = name.startsWith("-") ? "option" : "command";
  throw new UserError(
    `unknown ${what} ${JSON.stringify(name)}${didYouMean(
      name,
      commands.map((c) => c.name)
    )}; commands are ${commands.map((c) => c.name).join(", ")} (see \`model-ci --help\`)`
  );
}

// src/cli.ts
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  writeStdout: (bytes) => new Promise((resolve4, reject) => process.stdout.write(bytes, (error) => error ? reject(error) : resolve4())),
  stderr: (chunk) => process.stderr.write(chunk),
  readStdin: () => text(process.stdin)
});
