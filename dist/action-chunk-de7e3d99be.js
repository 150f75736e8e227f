import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  hasRemote,
  isShallow,
  localCommit,
  resolveCommit
} from "./action-chunk-40eeb72f53.js";
import {
  GitError,
  git,
  gitBytes,
  tryGit
} from "./action-chunk-0c7a57a20e.js";
import {
  VERSION
} from "./action-chunk-413a98cce8.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/docker/reference.ts
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var REGISTRY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^sha256:[0-9a-f]{64}$/;
var DOCKER_HUB = "docker.io";
function parseImageName(input, field = "image") {
  const ref = parseImageReference(input, field);
  if (ref.tag || ref.digest) {
    throw new UserError(`expected an image name without tag or digest, got "${input}"`, { field });
  }
  return { registry: ref.registry, path: ref.path, name: ref.name };
}
function parseImageReference(input, field = "image") {
  let rest = input.trim();
  let digest2;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest2 = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest2)) throw new UserError(`digest "${digest2}" of "${input}" is not sha256:<64 hex digits>`, { field });
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new UserError(`tag "${tag}" of "${input}" is not a valid Docker tag`, { field });
  }
  const parts = rest.split("/");
  const hasRegistry = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === "localhost");
  const registry = hasRegistry ? parts.shift() : DOCKER_HUB;
  if (!REGISTRY.test(registry) || parts.length === 0 || parts.some((p) => !PATH_COMPONENT.test(p))) {
    throw new UserError(`"${input}" is not a valid image name: expected [registry/]path with lowercase letters, digits and . _ - separators`, { field });
  }
  const path = registry === DOCKER_HUB && parts.length === 1 ? `library/${parts[0]}` : parts.join("/");
  const name = hasRegistry ? `${registry}/${parts.join("/")}` : parts.join("/");
  return { registry, path, name, tag, digest: digest2 };
}
function registryApiHost(registry) {
  return registry === DOCKER_HUB ? "registry-1.docker.io" : registry;
}
function registryServerAddress(registry) {
  return registry === DOCKER_HUB ? "https://index.docker.io/v1/" : registry;
}
function sameRepository(a, b) {
  return a.registry.toLowerCase() === b.registry.toLowerCase() && a.path === b.path;
}
function confineToRepository(recorded, configured, where) {
  const own = parseImageName(configured);
  const refuse = (why) => new UserError(
    `${where} names the image ${quoted(recorded.name)} with digest ${quoted(recorded.digest)}, ${why}; deploy, reuse and rollback only read, push and retag inside the configured image ${own.name}, so nothing was sent to any registry. Records on the baselines branch should be written by model-ci alone (let only the Actions bot push it); if the \`image\` input changed on purpose, images recorded before it cannot be reused or rolled back to, and a deploy whose inputs changed builds afresh`,
    { field: "image" }
  );
  let theirs;
  try {
    theirs = parseImageName(typeof recorded.name === "string" ? recorded.name : "");
  } catch {
    throw refuse("which is not an image name without tag or digest");
  }
  if (theirs.registry.toLowerCase() !== own.registry.toLowerCase()) throw refuse(`whose registry ${quoted(theirs.registry)} is not ${own.registry}`);
  if (!sameRepository(theirs, own)) throw refuse(`whose repository ${quoted(theirs.path)} is not ${own.path}`);
  if (typeof recorded.digest !== "string" || !DIGEST.test(recorded.digest)) throw refuse("and the digest is not sha256:<64 hex digits>");
  return { ...own, digest: recorded.digest };
}
function quoted(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}\u2026` : text;
}

// src/baseline/store.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// src/baseline/record.ts
var RECORD_SCHEMA = 1;
var FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

// src/baseline/validate.ts
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var got = (value) => value === void 0 ? "nothing" : JSON.stringify(value)?.slice(0, 60) ?? String(value);
var string = (v) => typeof v === "string" && v !== "" ? null : `expected a non-empty string, got ${got(v)}`;
var finite = (v) => typeof v === "number" && Number.isFinite(v) ? null : `expected a finite number, got ${got(v)}`;
var count = (v) => Number.isInteger(v) && v >= 0 ? null : `expected a whole number \u2265 0, got ${got(v)}`;
var matching = (pattern, expected) => (v) => typeof v === "string" && pattern.test(v) ? null : `expected ${expected}, got ${got(v)}`;
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
var date = (v) => typeof v === "string" && ISO_TIME.test(v) && !Number.isNaN(Date.parse(v)) ? null : `expected an ISO 8601 time such as 2025-03-04T05:06:07Z, got ${got(v)}`;
var digest = matching(/^sha256:[0-9a-f]{64}$/, "sha256:<64 hex digits>");
var commitSha = matching(FULL_SHA, "a full commit SHA (40 hex digits)");
var modelName = matching(MODEL_NAME, 'a model name of letters, digits, ".", "_" and "-"');
var version = matching(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]{1,60})?$/, "a model-ci version such as 1.2.3");
var backend = matching(/^[a-z0-9][a-z0-9-]{0,39}$/, "a backend name such as wasm");
var imageName = (v) => parses(v, (text) => Boolean(parseImageName(text)), "an image name without tag or digest");
var scalar = (v) => v === null || ["string", "number", "boolean"].includes(typeof v) ? null : `expected a string, number, boolean or null, got ${got(v)}`;
var MAX_PROBLEMS = 8;
function parses(value, accept, expected) {
  if (typeof value === "string") {
    try {
      if (accept(value)) return null;
    } catch {
    }
  }
  return `expected ${expected}, got ${got(value)}`;
}
function recordProblems(raw) {
  const problems = [];
  const check = (path, value, rule) => {
    const problem = rule(value);
    if (problem) problems.push(`${path}: ${problem}`);
  };
  const object = (path, value) => {
    if (isObject(value)) return true;
    problems.push(`${path}: expected an object, got ${got(value)}`);
    return false;
  };
  const map = (path, value, each) => {
    if (object(path, value)) for (const [key, item] of Object.entries(value)) each(`${path}.${key}`, item);
  };
  const list = (path, value, rule, optional = false) => {
    if (optional && value === void 0) return;
    if (!Array.isArray(value)) return problems.push(`${path}: expected an array, got ${got(value)}`);
    value.forEach((item, i) => check(`${path}[${i}]`, item, rule));
  };
  check("modelCiVersion", raw.modelCiVersion, version);
  check("model", raw.model, modelName);
  check("commit", raw.commit, commitSha);
  check("backend", raw.backend, backend);
  for (const key of ["inputsHash", "modelHash"]) check(key, raw[key], string);
  check("createdAt", raw.createdAt, date);
  map("metrics", raw.metrics, (path, value) => check(path, value, finite));
  map("params", raw.params, (path, value) => check(path, value, scalar));
  map("data", raw.data, (path, value) => {
    if (!isObject(value)) return problems.push(`${path}: expected { hash, rows }, got ${got(value)}`);
    check(`${path}.hash`, value.hash, string);
    check(`${path}.rows`, value.rows, count);
  });
  if (raw.trainingMs !== void 0) check("trainingMs", raw.trainingMs, finite);
  if (raw.runUrl !== void 0) check("runUrl", raw.runUrl, string);
  for (const key of ["rollbackOf", "reusedFrom"]) if (raw[key] !== void 0) check(key, raw[key], commitSha);
  if (raw.history !== void 0 && object("history", raw.history)) {
    check("history.epochs", raw.history.epochs, count);
    list("history.loss", raw.history.loss, finite);
    list("history.val_loss", raw.history.val_loss, finite, true);
  }
  if (raw.evaluation !== void 0 && object("evaluation", raw.evaluation)) {
    check("evaluation.task", raw.evaluation.task, string);
    check("evaluation.testRows", raw.evaluation.testRows, count);
    list("evaluation.classes", raw.evaluation.classes, string, true);
    const matrix = raw.evaluation.confusionMatrix;
    if (matrix !== void 0 && Array.isArray(matrix)) matrix.forEach((row, i) => list(`evaluation.confusionMatrix[${i}]`, row, count));
    else if (matrix !== void 0) problems.push(`evaluation.confusionMatrix: expected an array of rows, got ${got(matrix)}`);
  }
  if (raw.image !== void 0 && object("image", raw.image)) {
    check("image.name", raw.image.name, imageName);
    check("image.digest", raw.image.digest, digest);
    list("image.tags", raw.image.tags, string);
  }
  return problems;
}
function parseRecord(text, key, where) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { unusable: `${where} is not valid JSON (${error.message})` };
  }
  if (!isObject(raw)) return { unusable: `${where} is not a baseline record (expected a JSON object, got ${got(raw)})` };
  const writer = version(raw.modelCiVersion) === null ? `model-ci ${raw.modelCiVersion}` : "an unknown model-ci version";
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
  const problems = recordProblems(raw);
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
function writeProblems(record) {
  const raw = JSON.parse(JSON.stringify(record));
  const problems = recordProblems(raw);
  if (raw.schema !== RECORD_SCHEMA) problems.unshift(`schema: expected ${RECORD_SCHEMA}, got ${got(raw.schema)}`);
  return problems;
}

// src/baseline/store.ts
var DEFAULT_BRANCH = "model-ci/baselines";
var DEFAULT_IDENTITY = { name: "model-ci", email: "model-ci@users.noreply.github.com" };
var LOST_RACE = /non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref|incorrect old value|reference already exists/i;
var README = `# model-ci baselines

This branch is written by model-ci and holds one JSON record per model and
main commit: \`<model>/<commit>.json\` (metrics, params,
data hashes, model hash, backend, image digest). Pull requests compare against
these records. Do not edit by hand: every change is a commit by model-ci.
`;
var RecordExistsError = class extends UserError {
  existing;
  constructor(model, commit, branch, existing) {
    super(
      `a baseline record of ${model} at ${commit.slice(0, 12)} already exists on ${branch} with different content; it is replaced only when asked (replace)`,
      {
        file: `${branch}:${model}/${commit}.json`
      }
    );
    this.existing = existing;
  }
};
function createBaselineStore(options) {
  const { cwd, remote = "origin", branch = DEFAULT_BRANCH, maxAttempts = 5 } = options;
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
  const pathOf = (model, commit) => `${model}/${commit}.json`;
  const label = (model, commit) => `${branch}:${pathOf(model, commit)}`;
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
  async function keyCommit(commit) {
    if (FULL_SHA.test(commit)) return commit;
    const sha = commit.startsWith("-") ? null : await localCommit(cwd, commit);
    if (!sha) throw new UserError(`${JSON.stringify(commit)} is not a commit in this repository`, { field: "commit" });
    return sha;
  }
  async function read(model, commit) {
    checkModel(model);
    const sha = await keyCommit(commit);
    const at = await tip();
    const text = at && await tryGit(["cat-file", "blob", `${at}:${pathOf(model, sha)}`], { cwd });
    return text ? parseRecord(text, { model, commit: sha }, label(model, sha)) : null;
  }
  async function list(model) {
    const blobs = await recordBlobs(model);
    if (blobs.size === 0) return [];
    const texts = await readBlobs(cwd, [...blobs.values()]);
    const listed2 = [...blobs.keys()].map((commit, i) => ({ commit, ...parseRecord(texts[i], { model, commit }, label(model, commit)) }));
    const time = (entry) => "record" in entry ? Date.parse(entry.record.createdAt) : -Infinity;
    return listed2.sort((a, b) => time(b) - time(a) || 0);
  }
  async function findByInputsHash(model, inputsHash) {
    for (const entry of await list(model)) if ("record" in entry && entry.record.inputsHash === inputsHash) return entry.record;
    return null;
  }
  async function findNearest(model, commit, { maxDepth = 200 } = {}) {
    const blobs = await recordBlobs(model);
    if (blobs.size === 0) return null;
    const { useRemote } = await where();
    const start = await resolveCommit(commit, { cwd, remote, fetch: useRemote, field: "commit", log });
    const walk = async () => (await git(["rev-list", "--first-parent", `--max-count=${maxDepth}`, start], { cwd })).split("\n").filter(Boolean);
    let history = await walk();
    let behind = history.findIndex((sha) => blobs.has(sha));
    while (behind < 0 && history.length < maxDepth && useRemote && await isShallow(cwd)) {
      const step = Math.min(maxDepth - history.length, Math.max(10, history.length));
      log(`looking for ${model}'s nearest baseline: fetching ${step} more commits of history`);
      const before = history.length;
      await git(["fetch", "--no-tags", `--deepen=${step}`, remote, start], { cwd });
      history = await walk();
      behind = history.findIndex((sha) => blobs.has(sha));
      if (history.length === before) break;
    }
    if (behind < 0) return null;
    const found = history[behind];
    const [text] = await readBlobs(cwd, [blobs.get(found)]);
    return { ...parseRecord(text, { model, commit: found }, label(model, found)), commit: found, behind };
  }
  let writing = Promise.resolve();
  function write(record, writeOptions) {
    const next = writing.then(() => writeNow(record, writeOptions));
    writing = next.catch(() => {
    });
    return next;
  }
  async function writeNow(record, { replace = false } = {}) {
    checkModel(record.model);
    if (!FULL_SHA.test(record.commit)) throw new Error(`a baseline record needs a full commit SHA, got ${JSON.stringify(record.commit)}`);
    const problems = writeProblems(record);
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
      if (existing === content) return { commit: parent };
      if (existing && !replace)
        throw new RecordExistsError(record.model, record.commit, branch, parseRecord(existing, record, label(record.model, record.commit)));
      const message = `${existing ? "replace" : "add"} baseline ${record.model} @ ${record.commit.slice(0, 12)}${record.runUrl ? `

${record.runUrl}` : ""}`;
      const commit = await commitFile(cwd, parent, { [path]: content, ...parent ? {} : { "README.md": README } }, message, identity);
      const race = useRemote ? await push(commit) : await moveLocalBranch(ref, commit, parent);
      if (race === null) {
        if (useRemote) await git(["update-ref", ref, commit], { cwd });
        log(`recorded ${record.model} @ ${record.commit.slice(0, 12)} on ${branch} (${commit.slice(0, 12)})`);
        return { commit };
      }
      lastRace = race;
      log(`${branch} moved while writing (${race}); retrying on the new tip (attempt ${attempt + 1} of ${maxAttempts})`);
      await sleep(50 * attempt + Math.random() * 100 * attempt);
    }
    throw new Error(
      `gave up writing the baseline record of ${record.model} @ ${record.commit.slice(0, 12)} after ${maxAttempts} attempts: ${branch} kept moving (${lastRace})`
    );
  }
  async function push(commit) {
    try {
      await git(["push", "--porcelain", "--quiet", remote, `${commit}:refs/heads/${branch}`], { cwd });
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
  async function moveLocalBranch(ref, commit, parent) {
    const moved = await tryGit(["update-ref", "-m", "model-ci: baseline record", ref, commit, parent ?? ""], { cwd });
    return moved === null ? "the local branch changed" : null;
  }
  return { fetch, read, write, findNearest, findByInputsHash, list };
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
  RECORD_SCHEMA,
  parseImageName,
  parseImageReference,
  registryApiHost,
  registryServerAddress,
  confineToRepository,
  createBaselineStore
};
