import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  STORED_MODEL_FILES,
  storedModelPath,
  storedModelProblem
} from "./action-chunk-d5709b9f8a.js";
import {
  parseImageName
} from "./action-chunk-71fa4578e2.js";
import {
  readEvent
} from "./action-chunk-fef4885785.js";
import "./action-chunk-5595f77bb2.js";
import "./action-chunk-4293b75db3.js";
import {
  DEFAULT_ARTIFACTS_DIR,
  DEFAULT_BASELINE_BRANCH,
  DEFAULT_BASE_IMAGE,
  DEFAULT_BOT_LOGIN,
  DEFAULT_CONFIG,
  DEFAULT_DRIFT_THRESHOLD,
  DEFAULT_HOSTED_RUNNER,
  DEFAULT_REPORT_DIR
} from "./action-chunk-89980272e8.js";
import {
  absentNotNull,
  got,
  schemaProblems,
  validator
} from "./action-chunk-18413418a4.js";
import {
  actionLogger
} from "./action-chunk-6afa78d0c2.js";
import {
  error,
  getInput,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./action-chunk-fb78514aca.js";
import {
  hasRemote,
  isShallow,
  localCommit,
  resolveCommit
} from "./action-chunk-40eeb72f53.js";
import {
  VERSION
} from "./action-chunk-413a98cce8.js";
import {
  BACKENDS
} from "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import {
  GitError,
  git,
  gitBytes,
  tryGit
} from "./action-chunk-4a2bad3387.js";
import {
  FULL_SHA,
  MAX_RECENT_RECORDS,
  MODEL_CI_VERSION,
  MODEL_HASH,
  MODEL_NAME,
  RECORD_SCHEMA
} from "./action-chunk-4fcbb936ca.js";
import {
  formatBytes,
  limit,
  overLimit
} from "./action-chunk-82396b2bd9.js";
import {
  UserError,
  isUserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/context.ts
import { readFileSync } from "node:fs";
function readRunContext(env = process.env) {
  const eventPath = env.GITHUB_EVENT_PATH;
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (!eventPath || !env.GITHUB_EVENT_NAME || !repository.includes("/")) {
    throw new UserError(
      "not running inside GitHub Actions (GITHUB_EVENT_PATH, GITHUB_EVENT_NAME and GITHUB_REPOSITORY are required); outside Actions use the `model-ci` command line"
    );
  }
  let payload;
  try {
    payload = JSON.parse(readFileSync(eventPath, "utf8"));
  } catch (error2) {
    throw new UserError(`cannot read the event payload: ${error2.message}`, { file: eventPath });
  }
  const [owner, repo] = repository.split("/");
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const runId = env.GITHUB_RUN_ID ?? "";
  const repoPayload = payload.repository;
  return {
    eventName: env.GITHUB_EVENT_NAME,
    payload,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    actor: env.GITHUB_ACTOR ?? "",
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    runId,
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : "",
    defaultBranch: typeof repoPayload?.default_branch === "string" ? repoPayload.default_branch : "main"
  };
}

// src/action/inputs.ts
var MODES = ["auto", "pr", "deploy", "comment", "command", "plan", "rollback", "train", "candidate", "sweep", "monitor"];
function readSettings(read = (name) => getInput(name)) {
  const token = read("github-token");
  const registryPassword = read("registry-password");
  if (token) setSecret(token);
  if (registryPassword) setSecret(registryPassword);
  const backend = read("backend");
  return {
    mode: oneOf("mode", read("mode") || "auto", MODES),
    config: read("config") || DEFAULT_CONFIG,
    token,
    backend: backend ? oneOf("backend", backend, BACKENDS) : void 0,
    forceRetrain: bool("force-retrain", read("force-retrain"), false),
    failOnRegression: bool("fail-on-regression", read("fail-on-regression"), true),
    comment: bool("comment", read("comment"), true),
    reportDir: read("report-dir") || DEFAULT_REPORT_DIR,
    artifactsDir: read("artifacts-dir") || DEFAULT_ARTIFACTS_DIR,
    baselineBranch: read("baseline-branch") || DEFAULT_BASELINE_BRANCH,
    image: read("image"),
    registryUsername: read("registry-username"),
    registryPassword,
    baseImage: read("base-image") || DEFAULT_BASE_IMAGE,
    push: bool("push", read("push"), true),
    rollbackTo: read("rollback-to"),
    gpuRunnerLabels: labels(read("gpu-runner-labels")),
    hostedRunner: read("hosted-runner") || DEFAULT_HOSTED_RUNNER,
    botLogin: read("bot-login") || DEFAULT_BOT_LOGIN,
    candidate: read("candidate"),
    installNativeBackend: bool("install-native-backend", read("install-native-backend"), false),
    allowPullRequestTarget: bool("allow-pull-request-target", read("allow-pull-request-target"), false),
    monitorUrl: read("monitor-url"),
    driftThreshold: positiveNumber("drift-threshold", read("drift-threshold") || String(DEFAULT_DRIFT_THRESHOLD)),
    driftIssue: bool("drift-issue", read("drift-issue"), true)
  };
}
function oneOf(name, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new UserError(`input \`${name}\` must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}`, { field: name });
}
function bool(name, value, fallback) {
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new UserError(`input \`${name}\` must be true or false; got ${JSON.stringify(value)}`, { field: name });
}
function positiveNumber(name, value) {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number <= 0) {
    throw new UserError(`input \`${name}\` must be a number above 0; got ${JSON.stringify(value)}`, { field: name });
  }
  return number;
}
function labels(value) {
  if (value.trim() === "") return void 0;
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new UserError(`input \`gpu-runner-labels\` must be a JSON list such as ["self-hosted","linux","gpu"]; got ${JSON.stringify(value)}`, {
      field: "gpu-runner-labels"
    });
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((l) => typeof l === "string" && l.trim() !== "")) {
    throw new UserError(`input \`gpu-runner-labels\` must be a non-empty JSON list of label strings; got ${value}`, {
      field: "gpu-runner-labels"
    });
  }
  return parsed;
}

// src/baseline/store.ts
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// src/schemas/record.ts
var text = { type: "string", minLength: 1, description: "a non-empty string" };
var finite = { type: "number", description: "a finite number" };
var count = { type: "integer", minimum: 0, description: "a whole number \u2265 0" };
var pattern = (source, description) => ({ type: "string", pattern: source, description });
var commit = pattern(FULL_SHA.source, "a full commit SHA (40 hex digits)");
var object = { description: "an object" };
var list = { description: "an array" };
var recordSchema = {
  type: "object",
  ...object,
  properties: {
    schema: { type: "integer", description: "a record schema number" },
    modelCiVersion: pattern(MODEL_CI_VERSION.source, "a model-ci version such as 1.2.3"),
    model: pattern(MODEL_NAME.source, 'a model name of letters, digits, ".", "_" and "-"'),
    commit,
    createdAt: pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})$", "an ISO 8601 time such as 2025-03-04T05:06:07Z"),
    backend: pattern("^[a-z0-9][a-z0-9-]{0,39}$", "a backend name such as wasm"),
    metrics: { type: "object", ...object, required: [], additionalProperties: finite },
    params: {
      type: "object",
      ...object,
      required: [],
      additionalProperties: { type: ["string", "number", "boolean"], nullable: true, description: "a string, number, boolean or null" }
    },
    data: {
      type: "object",
      ...object,
      required: [],
      additionalProperties: {
        type: "object",
        description: "{ hash, rows }",
        properties: { hash: text, rows: count },
        required: ["hash", "rows"]
      }
    },
    inputsHash: text,
    modelHash: text,
    history: {
      type: "object",
      ...object,
      ...absentNotNull,
      properties: {
        epochs: count,
        loss: { type: "array", ...list, items: finite },
        val_loss: { type: "array", ...list, items: finite, ...absentNotNull },
        stoppedEarlyAt: { ...count, ...absentNotNull },
        bestEpoch: { ...count, ...absentNotNull }
      },
      required: ["epochs", "loss"]
    },
    evaluation: {
      type: "object",
      ...object,
      ...absentNotNull,
      properties: {
        task: { ...text, type: "string" },
        testRows: count,
        classes: { type: "array", ...list, items: text, ...absentNotNull },
        confusionMatrix: { type: "array", description: "an array of rows", items: { type: "array", ...list, items: count }, ...absentNotNull }
      },
      required: ["task", "testRows"]
    },
    trainingMs: { ...finite, ...absentNotNull },
    image: {
      type: "object",
      ...object,
      ...absentNotNull,
      properties: {
        name: { type: "string", description: "an image name without tag or digest" },
        digest: pattern("^sha256:[0-9a-f]{64}$", "sha256:<64 hex digits>"),
        tags: { type: "array", ...list, items: text }
      },
      required: ["name", "digest", "tags"]
    },
    runUrl: { ...text, ...absentNotNull },
    rollbackOf: { ...commit, ...absentNotNull },
    reusedFrom: { ...commit, ...absentNotNull },
    storedModel: {
      type: "object",
      ...object,
      ...absentNotNull,
      properties: { hash: pattern(MODEL_HASH.source, "sha256:<64 hex digits>"), bytes: count },
      required: ["hash", "bytes"]
    }
  },
  required: ["schema", "modelCiVersion", "model", "commit", "createdAt", "backend", "metrics", "params", "data", "inputsHash", "modelHash"]
};

// src/baseline/validate.ts
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var MAX_PROBLEMS = 8;
async function recordProblems(raw) {
  const validate = await validator(recordSchema);
  if (validate(raw)) return consistencyProblems(raw);
  const problems = schemaProblems(validate.errors, raw).map(({ path, message }) => `${path}: ${message}`);
  return problems.concat(isObject(raw) ? consistencyProblems(raw) : []);
}
function consistencyProblems(record) {
  const problems = [];
  if (typeof record.createdAt === "string" && Number.isNaN(Date.parse(record.createdAt))) {
    problems.push(`createdAt: expected an ISO 8601 time such as 2025-03-04T05:06:07Z, got ${got(record.createdAt)}`);
  }
  if (isObject(record.storedModel) && record.storedModel.hash !== record.modelHash) {
    problems.push(`storedModel.hash: expected the record's modelHash, got ${got(record.storedModel.hash)}`);
  }
  const name = isObject(record.image) ? record.image.name : void 0;
  if (typeof name === "string" && !imageName(name)) problems.push(`image.name: expected an image name without tag or digest, got ${got(name)}`);
  return problems;
}
function imageName(text2) {
  try {
    return Boolean(parseImageName(text2));
  } catch {
    return false;
  }
}
async function parseRecord(text2, key, where) {
  let raw;
  try {
    raw = JSON.parse(text2);
  } catch (error2) {
    return { unusable: `${where} is not valid JSON (${error2.message})` };
  }
  if (!isObject(raw)) return { unusable: `${where} is not a baseline record (expected a JSON object, got ${got(raw)})` };
  const writer = typeof raw.modelCiVersion === "string" && MODEL_CI_VERSION.test(raw.modelCiVersion) ? `model-ci ${raw.modelCiVersion}` : "an unknown model-ci version";
  if (typeof raw.schema !== "number" || !Number.isInteger(raw.schema)) {
    return { unusable: `${where} has no record schema number (written by ${writer}); model-ci ${VERSION} reads schema ${RECORD_SCHEMA}` };
  }
  if (raw.schema > RECORD_SCHEMA) {
    return {
      unusable: `${where} was written by ${writer} with record schema ${raw.schema}; model-ci ${VERSION} reads schema ${RECORD_SCHEMA} \u2014 upgrade model-ci to compare against it`
    };
  }
  if (raw.schema < RECORD_SCHEMA) {
    return {
      unusable: `${where} was written by an older ${writer} with record schema ${raw.schema}; model-ci ${VERSION} reads schema ${RECORD_SCHEMA} and cannot upgrade it without losing information`
    };
  }
  const problems = await recordProblems(raw);
  if (typeof raw.model === "string" && raw.model !== key.model) problems.push(`model: the record says ${got(raw.model)} but is stored under ${got(key.model)}`);
  if (typeof raw.commit === "string" && raw.commit !== key.commit)
    problems.push(`commit: the record says ${got(raw.commit)} but is stored under ${got(key.commit)}`);
  if (problems.length > 0) return { unusable: `${where} (written by ${writer}) cannot be used: ${listed(problems)}` };
  return { record: raw };
}
function listed(problems) {
  const more = problems.length - MAX_PROBLEMS;
  return problems.slice(0, MAX_PROBLEMS).join("; ") + (more > 0 ? `; and ${more} more` : "");
}
async function writeProblems(record) {
  const raw = JSON.parse(JSON.stringify(record));
  const problems = await recordProblems(raw);
  if (raw.schema !== RECORD_SCHEMA) problems.unshift(`schema: expected ${RECORD_SCHEMA}, got ${got(raw.schema)}`);
  return problems;
}

// src/baseline/store.ts
var DEFAULT_IDENTITY = { name: "model-ci", email: "model-ci@users.noreply.github.com" };
var LOST_RACE = /non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref|incorrect old value|reference already exists/i;
var README = `# model-ci baselines

This branch is written by model-ci and holds one JSON record per model and
main commit: \`<model>/<commit>.json\` (metrics, params,
data hashes, model hash, backend, image digest), and the recorded models' files
under \`models/<model hash>/\`. Pull requests compare against these records.
Do not edit by hand: every change is a commit by model-ci.
`;
var RecordExistsError = class extends UserError {
  existing;
  constructor(model, commit2, branch, existing) {
    super(
      `a baseline record of ${model} at ${commit2.slice(0, 12)} already exists on ${branch} with different content; it is replaced only when asked (replace)`,
      {
        file: `${branch}:${model}/${commit2}.json`
      }
    );
    this.existing = existing;
  }
};
function createBaselineStore(options) {
  const { cwd, remote = "origin", branch = DEFAULT_BASELINE_BRANCH, maxAttempts = 5 } = options;
  const log = options.log ?? (() => {
  });
  let settings;
  const where = () => settings ??= (async () => {
    if (await tryGit(["check-ref-format", `refs/heads/${branch}`], { cwd }) === null) {
      throw new UserError(`${JSON.stringify(branch)} is not a valid branch name`, { field: "baseline-branch" });
    }
    const useRemote = await hasRemote(cwd, remote);
    if (!useRemote) log(`no remote "${remote}": baseline records live on the local branch ${branch}`);
    return { useRemote, ref: useRemote ? `refs/remotes/${remote}/${branch}` : `refs/heads/${branch}` };
  })();
  const tip = async () => localCommit(cwd, (await where()).ref);
  const pathOf = (model, commit2) => `${model}/${commit2}.json`;
  const label = (model, commit2) => `${branch}:${pathOf(model, commit2)}`;
  async function fetch() {
    const { useRemote, ref } = await where();
    if (!useRemote) return;
    const depth = await isShallow(cwd) ? ["--depth=1"] : [];
    try {
      await git(["fetch", "--no-tags", ...depth, remote, `+refs/heads/${branch}:${ref}`], { cwd });
    } catch (error2) {
      if (!(error2 instanceof GitError) || !/couldn't find remote ref/i.test(error2.stderr)) throw error2;
      log(`${remote} has no branch ${branch} yet: no baseline recorded`);
      await tryGit(["update-ref", "-d", ref], { cwd });
    }
  }
  async function recordBlobs(model) {
    checkModel(model);
    const at = await tip();
    const blobs = /* @__PURE__ */ new Map();
    if (!at) return blobs;
    const listing = await tryGit(["ls-tree", "-z", `${at}:${model}`], { cwd });
    for (const entry of (listing ?? "").split("\0")) {
      const match = /^\d+ blob ([0-9a-f]+)\t([0-9a-f]+)\.json$/.exec(entry);
      if (match && FULL_SHA.test(match[2])) blobs.set(match[2], match[1]);
    }
    return blobs;
  }
  async function keyCommit(commit2) {
    if (FULL_SHA.test(commit2)) return commit2;
    const sha = commit2.startsWith("-") ? null : await localCommit(cwd, commit2);
    if (!sha) throw new UserError(`${JSON.stringify(commit2)} is not a commit in this repository`, { field: "commit" });
    return sha;
  }
  async function read(model, commit2) {
    checkModel(model);
    const sha = await keyCommit(commit2);
    const at = await tip();
    const text2 = at && await tryGit(["cat-file", "blob", `${at}:${pathOf(model, sha)}`], { cwd });
    return text2 ? await parseRecord(text2, { model, commit: sha }, label(model, sha)) : null;
  }
  async function list2(model) {
    const blobs = await recordBlobs(model);
    if (blobs.size === 0) return [];
    const texts = await readBlobs(cwd, [...blobs.values()]);
    const listed2 = await Promise.all(
      [...blobs.keys()].map(
        async (commit2, i) => ({ commit: commit2, ...await parseRecord(texts[i], { model, commit: commit2 }, label(model, commit2)) })
      )
    );
    const time = (entry) => "record" in entry ? Date.parse(entry.record.createdAt) : -Infinity;
    return listed2.sort((a, b) => time(b) - time(a) || 0);
  }
  async function findByInputsHash(model, inputsHash) {
    for (const entry of await list2(model)) if ("record" in entry && entry.record.inputsHash === inputsHash) return entry.record;
    return null;
  }
  async function findNearest(model, commit2, { maxDepth = 200 } = {}) {
    const [found] = await recordsAlongHistory(model, commit2, 1, maxDepth);
    return found ?? null;
  }
  async function recent(model, commit2, { count: count2 = MAX_RECENT_RECORDS, maxDepth = 200 } = {}) {
    return recordsAlongHistory(model, commit2, Math.max(1, Math.min(count2, MAX_RECENT_RECORDS)), maxDepth);
  }
  async function recordsAlongHistory(model, commit2, wanted, maxDepth) {
    const blobs = await recordBlobs(model);
    if (blobs.size === 0) return [];
    const { useRemote } = await where();
    const start = await resolveCommit(commit2, { cwd, remote, fetch: useRemote, field: "commit", log });
    const walk = async () => (await git(["rev-list", "--first-parent", `--max-count=${maxDepth}`, start], { cwd })).split("\n").filter(Boolean);
    const recorded = (history2) => history2.flatMap((sha, behind) => blobs.has(sha) ? [{ sha, behind }] : []).slice(0, wanted);
    let history = await walk();
    let found = recorded(history);
    while (found.length < wanted && history.length < maxDepth && useRemote && await isShallow(cwd)) {
      const step = Math.min(maxDepth - history.length, Math.max(10, history.length));
      log(`looking for ${model}'s baseline records: fetching ${step} more commits of history`);
      const before = history.length;
      await git(["fetch", "--no-tags", `--deepen=${step}`, remote, start], { cwd });
      history = await walk();
      found = recorded(history);
      if (history.length === before) break;
    }
    if (found.length === 0) return [];
    const texts = await readBlobs(
      cwd,
      found.map(({ sha }) => blobs.get(sha))
    );
    return Promise.all(
      found.map(async ({ sha, behind }, i) => ({ ...await parseRecord(texts[i], { model, commit: sha }, label(model, sha)), commit: sha, behind }))
    );
  }
  let writing = Promise.resolve();
  function write(record, writeOptions) {
    const next = writing.then(() => writeNow(record, writeOptions));
    writing = next.catch(() => {
    });
    return next;
  }
  async function writeNow(record, { replace = false, model } = {}) {
    checkModel(record.model);
    if (model && (record.storedModel?.hash !== model.stored.hash || storedModelProblem(model.stored, model.files))) {
      throw new Error(`the model files given do not match the record's storedModel (${JSON.stringify(record.storedModel)})`);
    }
    const modelFiles = model ? Object.fromEntries(STORED_MODEL_FILES.map((file) => [storedModelPath(model.stored.hash, file), model.files.get(file)])) : {};
    if (!FULL_SHA.test(record.commit)) throw new Error(`a baseline record needs a full commit SHA, got ${JSON.stringify(record.commit)}`);
    const problems = await writeProblems(record);
    if (problems.length > 0) throw new Error(`refusing to write a baseline record that could not be read back: ${problems.join("; ")}`);
    const path = pathOf(record.model, record.commit);
    const content = `${JSON.stringify(record, null, 2)}
`;
    const { useRemote, ref } = await where();
    const identity = options.identity ?? await configuredIdentity(cwd) ?? DEFAULT_IDENTITY;
    let lastRace = "";
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await fetch();
      const parent = await tip();
      const existing = parent && await tryGit(["cat-file", "blob", `${parent}:${path}`], { cwd });
      if (existing === content && await hasFiles(parent, Object.keys(modelFiles))) return { commit: parent };
      if (existing && !replace)
        throw new RecordExistsError(record.model, record.commit, branch, await parseRecord(existing, record, label(record.model, record.commit)));
      const message = `${existing ? "replace" : "add"} baseline ${record.model} @ ${record.commit.slice(0, 12)}${record.runUrl ? `

${record.runUrl}` : ""}`;
      const commit2 = await commitFile(cwd, parent, { [path]: content, ...modelFiles, ...parent ? {} : { "README.md": README } }, message, identity);
      const race = useRemote ? await push(commit2) : await moveLocalBranch(ref, commit2, parent);
      if (race === null) {
        if (useRemote) await git(["update-ref", ref, commit2], { cwd });
        log(`recorded ${record.model} @ ${record.commit.slice(0, 12)} on ${branch} (${commit2.slice(0, 12)})`);
        return { commit: commit2 };
      }
      lastRace = race;
      log(`${branch} moved while writing (${race}); retrying on the new tip (attempt ${attempt + 1} of ${maxAttempts})`);
      await sleep(50 * attempt + Math.random() * 100 * attempt);
    }
    throw new Error(
      `gave up writing the baseline record of ${record.model} @ ${record.commit.slice(0, 12)} after ${maxAttempts} attempts: ${branch} kept moving (${lastRace})`
    );
  }
  async function push(commit2) {
    try {
      await git(["push", "--porcelain", "--quiet", remote, `${commit2}:refs/heads/${branch}`], { cwd });
      return null;
    } catch (error2) {
      if (!(error2 instanceof GitError)) throw error2;
      const output = `${error2.stdout}
${error2.stderr}`;
      if (LOST_RACE.test(output)) return output.match(LOST_RACE)[0];
      throw new UserError(
        `could not push the baseline record to ${remote}/${branch}: ${error2.stderr.trim() || error2.stdout.trim()} \u2014 the job needs write access (permissions: contents: write) and ${branch} must not be protected against it`,
        { field: "baseline-branch" }
      );
    }
  }
  async function moveLocalBranch(ref, commit2, parent) {
    const moved = await tryGit(["update-ref", "-m", "model-ci: baseline record", ref, commit2, parent ?? ""], { cwd });
    return moved === null ? "the local branch changed" : null;
  }
  async function hasFiles(at, paths) {
    for (const path of paths) if (await tryGit(["cat-file", "-e", `${at}:${path}`], { cwd }) === null) return false;
    return true;
  }
  async function readModel(stored, dir) {
    if (!MODEL_HASH.test(stored.hash)) return { refused: "its model hash is not sha256:<64 hex digits>" };
    const max = limit("storedModelBytes");
    if (stored.bytes > max) return { refused: `the record says its model is ${formatBytes(stored.bytes)}, ${overLimit("storedModelBytes")}` };
    const at = await tip();
    if (!at) return { refused: `${branch} is not there` };
    const specs = STORED_MODEL_FILES.map((file) => `${at}:${storedModelPath(stored.hash, file)}`);
    const checks = (await git(["cat-file", "--batch-check"], { cwd, input: `${specs.join("\n")}
` })).trim().split("\n");
    const blobs = [];
    let total = 0;
    for (const [i, line] of checks.entries()) {
      const match = /^([0-9a-f]+) blob (\d+)$/.exec(line);
      if (!match) return { refused: `${STORED_MODEL_FILES[i]} is not on ${branch} under ${storedModelPath(stored.hash, STORED_MODEL_FILES[i])}` };
      total += Number(match[2]);
      blobs.push(match[1]);
    }
    if (total > max) return { refused: `its files are ${formatBytes(total)}, ${overLimit("storedModelBytes")}` };
    const files = /* @__PURE__ */ new Map();
    for (const [i, file] of STORED_MODEL_FILES.entries()) files.set(file, await gitBytes(["cat-file", "blob", blobs[i]], { cwd }));
    const problem = storedModelProblem(stored, files);
    if (problem) return { refused: problem };
    await mkdir(dir, { recursive: true });
    for (const [file, data] of files) await writeFile(`${dir}/${file}`, data);
    return { dir };
  }
  return { fetch, read, write, readModel, findNearest, recent, findByInputsHash, list: list2 };
}
function checkModel(model) {
  if (!MODEL_NAME.test(model)) {
    throw new UserError(
      `model name ${JSON.stringify(model)} cannot name a folder of baseline records: use letters, digits, ".", "_" and "-", starting with a letter or digit`,
      {
        field: "name"
      }
    );
  }
}
async function configuredIdentity(cwd) {
  const name = (await tryGit(["config", "user.name"], { cwd }))?.trim();
  const email = (await tryGit(["config", "user.email"], { cwd }))?.trim();
  return name && email ? { name, email } : null;
}
async function commitFile(cwd, parent, files, message, identity) {
  const scratch = await mkdtemp(join(tmpdir(), "model-ci-index-"));
  try {
    const env = { GIT_INDEX_FILE: join(scratch, "index") };
    await git(parent ? ["read-tree", parent] : ["read-tree", "--empty"], { cwd, env });
    for (const [path, content] of Object.entries(files)) {
      const blob = (await git(["hash-object", "-w", "--stdin"], { cwd, input: content })).trim();
      await git(["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`], { cwd, env });
    }
    const tree = (await git(["write-tree"], { cwd, env })).trim();
    const who = {
      GIT_AUTHOR_NAME: identity.name,
      GIT_AUTHOR_EMAIL: identity.email,
      GIT_COMMITTER_NAME: identity.name,
      GIT_COMMITTER_EMAIL: identity.email
    };
    return (await git(["commit-tree", tree, ...parent ? ["-p", parent] : [], "-m", message], { cwd, env: who })).trim();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
async function readBlobs(cwd, oids) {
  const output = await gitBytes(["cat-file", "--batch"], { cwd, input: `${oids.join("\n")}
` });
  const texts = [];
  let offset = 0;
  for (const oid of oids) {
    const headerEnd = output.indexOf(10, offset);
    const header = output.subarray(offset, headerEnd).toString("utf8");
    const match = /^([0-9a-f]+) blob (\d+)$/.exec(header);
    if (!match || match[1] !== oid) throw new Error(`unexpected git cat-file --batch header ${JSON.stringify(header)} for ${oid}`);
    const size = Number(match[2]);
    texts.push(output.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
    offset = headerEnd + 1 + size + 1;
  }
  return texts;
}

// src/action/kit.ts
function createRunKit(settings, context) {
  const repositoryUrl = `${context.serverUrl}/${context.owner}/${context.repo}`;
  let store;
  let gitHub;
  const kit = {
    links: { run: context.runUrl || void 0, summary: context.runUrl || void 0, repository: repositoryUrl },
    repositoryUrl,
    store: () => store ??= createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info }),
    gitHub: () => gitHub ??= import("./action-github-client.js").then(
      ({ createGitHubClient }) => createGitHubClient({ token: settings.token, baseUrl: context.apiUrl, log: actionLogger })
    ),
    async summary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await summary.addRaw(markdown, true).write();
    },
    async comment(issueNumber, model, markdown) {
      const [gh, { upsertStickyComment }, { commentMarker }, { truncateReport }] = await Promise.all([
        kit.gitHub(),
        import("./action-github-sticky.js"),
        import("./action-report-marker.js"),
        import("./action-report-truncate.js")
      ]);
      const result = await upsertStickyComment(gh, {
        owner: context.owner,
        repo: context.repo,
        issueNumber,
        marker: commentMarker(model),
        body: truncateReport(markdown, void 0, context.runUrl || void 0),
        botLogin: settings.botLogin
      });
      info(`sticky comment ${result.action} (#${result.id})${result.deletedDuplicates ? `, ${result.deletedDuplicates} duplicate(s) removed` : ""}`);
      setOutput("comment-id", String(result.id));
      return result.id;
    },
    setResultOutputs(verdict, metrics, backend, reportPath) {
      setOutput("verdict", verdict);
      setOutput("metrics", JSON.stringify(metrics));
      setOutput("backend", backend);
      setOutput("report-path", reportPath);
    },
    failOnGates(failed) {
      if (failed.length === 0) return;
      for (const row of failed) error(`${row.name}: ${row.gateReason ?? "gate failed"}`, { title: `model-ci gate: ${row.name}`, file: settings.config });
      const names = failed.map((row) => row.name).join(", ");
      if (settings.failOnRegression) setFailed(`gated metric${failed.length > 1 ? "s" : ""} regressed: ${names}`);
      else warning(`gated metric${failed.length > 1 ? "s" : ""} regressed (fail-on-regression is off): ${names}`);
    }
  };
  return kit;
}

// src/action/modes/mode-table.ts
var MODE_TABLE = {
  pr: { load: () => import("./action-action-modes-pr.js"), events: ["pull_request"], auto: ["pull_request", "pull_request_target"] },
  comment: { load: () => import("./action-action-modes-comment.js"), events: ["workflow_run"], auto: ["workflow_run"] },
  deploy: { load: () => import("./action-action-modes-deploy.js"), events: ["push", "workflow_dispatch"], auto: ["push", "workflow_dispatch"] },
  rollback: { load: () => import("./action-action-modes-rollback.js") },
  command: { load: () => import("./action-action-modes-command.js"), events: ["issue_comment"], auto: ["issue_comment"] },
  plan: { load: () => import("./action-action-modes-plan.js") },
  train: { load: () => import("./action-action-modes-train.js") },
  candidate: { load: () => import("./action-action-modes-candidate.js") },
  sweep: { load: () => import("./action-action-modes-sweep.js"), events: ["pull_request"] },
  // A scheduled workflow (or a manual run): any event, the default branch's config.
  monitor: { load: () => import("./action-action-modes-monitor.js") }
};
var TRAINING_MODES = /* @__PURE__ */ new Set(["pr", "deploy", "command", "train", "candidate", "sweep"]);
var SECRET_MODES = /* @__PURE__ */ new Set(["deploy", "command", "rollback"]);
function resolveMode(mode, eventName, rollbackTo, allowPullRequestTarget = false) {
  if (eventName === "pull_request_target" && (mode === "auto" || mode === "pr") && !allowPullRequestTarget) {
    throw new UserError(
      `mode \`${mode}\` refuses the pull_request_target event: it runs with a write token and the repository's secrets, so training a fork's code there hands both to that code. Use the \`pull_request\` event (forks get a read-only token; post the report from a workflow_run job), or set \`allow-pull-request-target: true\` if this workflow never checks out or runs the PR's code with secrets`,
      { field: "allow-pull-request-target" }
    );
  }
  if (mode !== "auto") return mode;
  if (eventName === "workflow_dispatch" && rollbackTo) return "rollback";
  const picked = Object.keys(MODE_TABLE).find((name) => MODE_TABLE[name].auto?.includes(eventName));
  if (picked) return picked;
  throw new UserError(
    `mode \`auto\` does not know what to do on a \`${eventName}\` event; set the \`mode\` input (${Object.keys(MODE_TABLE).join(", ")})`,
    { field: "mode" }
  );
}
function acceptEvent(mode, eventName, event) {
  const accepted = MODE_TABLE[mode].events;
  if (!accepted) return void 0;
  if (event.kind === "ignored") {
    const kind = kindOfEventName(eventName);
    if (kind && accepted.includes(kind)) return { skip: event.reason };
  } else if (accepted.includes(event.kind)) {
    return event;
  }
  throw new UserError(`mode \`${mode}\` runs on ${accepted.join(" or ")} events, not on a ${eventName} event`, { field: "mode" });
}
var EVENT_KINDS = ["pull_request", "push", "issue_comment", "workflow_run", "workflow_dispatch"];
var kindOfEventName = (eventName) => eventName === "pull_request_target" ? "pull_request" : EVENT_KINDS.find((kind) => kind === eventName);

// src/main.ts
async function run() {
  try {
    const settings = readSettings();
    const context = readRunContext();
    const mode = resolveMode(settings.mode, context.eventName, settings.rollbackTo, settings.allowPullRequestTarget);
    info(`model-ci: mode ${mode} on ${context.eventName} (${context.owner}/${context.repo}@${context.sha.slice(0, 7)})`);
    if (SECRET_MODES.has(mode) || context.eventName === "pull_request_target") (await import("./action-model-native.js")).markJobHoldsSecrets();
    if (settings.installNativeBackend && TRAINING_MODES.has(mode)) await (await import("./action-action-native-backend.js")).prepareNativeBackend(settings, context);
    const row = MODE_TABLE[mode];
    const event = row.events ? acceptEvent(mode, context.eventName, readEvent(context.eventName, context.payload)) : void 0;
    if (event && "skip" in event) {
      info(`model-ci: nothing to do: ${event.skip}`);
      return;
    }
    const { default: runMode } = await row.load();
    await runMode({ settings, context, kit: createRunKit(settings, context), event });
  } catch (error2) {
    if (isUserError(error2)) {
      setFailed(error2.describe());
    } else {
      error(error2 instanceof Error ? error2.stack ?? error2.message : String(error2));
      setFailed(`model-ci failed unexpectedly: ${error2 instanceof Error ? error2.message : String(error2)}`);
    }
  }
}

// src/index.ts
await run();
