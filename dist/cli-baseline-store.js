import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  STORED_MODEL_FILES,
  storedModelPath,
  storedModelProblem
} from "./cli-chunk-d5709b9f8a.js";
import {
  hasRemote,
  isShallow,
  localCommit,
  resolveCommit
} from "./cli-chunk-40eeb72f53.js";
import "./cli-chunk-5595f77bb2.js";
import {
  DEFAULT_BASELINE_BRANCH
} from "./cli-chunk-89980272e8.js";
import {
  VERSION
} from "./cli-chunk-413a98cce8.js";
import "./cli-chunk-4293b75db3.js";
import {
  parseImageName
} from "./cli-chunk-71fa4578e2.js";
import {
  FULL_SHA,
  MAX_RECENT_RECORDS,
  MODEL_CI_VERSION,
  MODEL_HASH,
  MODEL_NAME,
  RECORD_SCHEMA
} from "./cli-chunk-4fcbb936ca.js";
import {
  formatBytes,
  limit,
  overLimit
} from "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  excerpt,
  shorten
} from "./cli-chunk-55db69e02f.js";
import {
  GitError,
  git,
  gitBytes,
  tryGit
} from "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-e3b0c44298.js";

// src/baseline/store.ts
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// src/schemas/parts.ts
var sha = { type: "string", pattern: FULL_SHA.source };
var absentNotNull = { nullable: true, not: { type: "null" } };

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

// src/schemas/validator.ts
var instance;
var compiled = /* @__PURE__ */ new WeakMap();
var ajv = () => instance ??= import("./cli-ajv-dist-ajv.js").then(
  ({ default: exported }) => new exported({ strict: true, allowUnionTypes: true, allErrors: true, verbose: true, discriminator: true })
);
function validator(schema) {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv().then((instance2) => instance2.compile(schema));
    compiled.set(schema, validate);
  }
  return validate;
}
function schemaProblems(errors, root) {
  const seen = /* @__PURE__ */ new Set();
  const problems = [];
  for (const error of errors ?? []) {
    if (["oneOf", "anyOf", "if"].includes(error.keyword) && problems.length > 0) continue;
    const missing = error.keyword === "required" ? String(error.params.missingProperty) : void 0;
    const pointer = missing === void 0 ? error.instancePath : `${error.instancePath}/${escapePointer(missing)}`;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    problems.push({ path: dotted(pointer, root), pointer, message: describe(error, missing) });
  }
  return problems;
}
function describe(error, missing) {
  if (missing !== void 0) {
    const field = error.parentSchema?.properties?.[missing];
    return `expected ${field?.description ?? "a value"}, got nothing`;
  }
  if (error.keyword === "additionalProperties" && error.params.additionalProperty !== void 0) {
    return `unexpected field "${excerpt(String(error.params.additionalProperty), 60)}"`;
  }
  if (error.keyword === "discriminator") return `${error.message ?? "unknown kind"}, got ${got(error.data)}`;
  const expected = typeof error.parentSchema?.description === "string" ? error.parentSchema.description : (error.message ?? error.keyword).replace(/^must be /, "");
  return `expected ${expected}, got ${got(error.data)}`;
}
function got(value) {
  if (value === void 0) return "nothing";
  if (typeof value === "string") return `"${excerpt(value, 60)}"`;
  return shorten(JSON.stringify(value) ?? String(value), 60).replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
var escapePointer = (key) => key.replace(/~/g, "~0").replace(/\//g, "~1");
function dotted(pointer, root) {
  let path = "";
  let at = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    path += Array.isArray(at) ? `[${key}]` : path === "" ? key : `.${key}`;
    at = typeof at === "object" && at !== null ? at[key] : void 0;
  }
  return excerpt(path, 200);
}

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
  } catch (error) {
    return { unusable: `${where} is not valid JSON (${error.message})` };
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
    } catch (error) {
      if (!(error instanceof GitError) || !/couldn't find remote ref/i.test(error.stderr)) throw error;
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
    const sha2 = commit2.startsWith("-") ? null : await localCommit(cwd, commit2);
    if (!sha2) throw new UserError(`${JSON.stringify(commit2)} is not a commit in this repository`, { field: "commit" });
    return sha2;
  }
  async function read(model, commit2) {
    checkModel(model);
    const sha2 = await keyCommit(commit2);
    const at = await tip();
    const text2 = at && await tryGit(["cat-file", "blob", `${at}:${pathOf(model, sha2)}`], { cwd });
    return text2 ? await parseRecord(text2, { model, commit: sha2 }, label(model, sha2)) : null;
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
    const recorded = (history2) => history2.flatMap((sha2, behind) => blobs.has(sha2) ? [{ sha: sha2, behind }] : []).slice(0, wanted);
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
      found.map(({ sha: sha2 }) => blobs.get(sha2))
    );
    return Promise.all(
      found.map(async ({ sha: sha2, behind }, i) => ({ ...await parseRecord(texts[i], { model, commit: sha2 }, label(model, sha2)), commit: sha2, behind }))
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
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const output = `${error.stdout}
${error.stderr}`;
      if (LOST_RACE.test(output)) return output.match(LOST_RACE)[0];
      throw new UserError(
        `could not push the baseline record to ${remote}/${branch}: ${error.stderr.trim() || error.stdout.trim()} \u2014 the job needs write access (permissions: contents: write) and ${branch} must not be protected against it`,
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
export {
  RecordExistsError,
  createBaselineStore
};
