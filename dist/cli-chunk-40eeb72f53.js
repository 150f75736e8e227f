import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  UserError
} from "./cli-chunk-55db69e02f.js";
import {
  GitError,
  git,
  tryGit
} from "./cli-chunk-4a2bad3387.js";

// src/git/history.ts
async function isShallow(cwd) {
  return (await git(["rev-parse", "--is-shallow-repository"], { cwd })).trim() === "true";
}
async function hasRemote(cwd, remote) {
  return await tryGit(["remote", "get-url", remote], { cwd }) !== null;
}
async function localCommit(cwd, rev) {
  const sha = await tryGit(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { cwd });
  return sha === null ? null : sha.trim();
}
async function localCommits(cwd, revs) {
  if (revs.length === 0) return [];
  const split = revs.find((rev) => /[\n\0]/.test(rev));
  if (split !== void 0) throw new Error(`a revision with a line break cannot be looked up in a batch: ${JSON.stringify(split)}`);
  const output = await git(["cat-file", "--batch-check=%(objectname)"], { cwd, input: revs.map((rev) => `${rev}^{commit}
`).join("") });
  const lines = output.split("\n").slice(0, -1);
  if (lines.length !== revs.length)
    throw new Error(`git cat-file --batch-check answered ${lines.length} lines for ${revs.length} revisions: ${JSON.stringify(output)}`);
  return lines.map((line) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(line) ? line : null);
}
function checkRevision(rev, field) {
  if (rev === "" || rev.startsWith("-") || /[\0-\x1f\x7f]/.test(rev)) {
    throw new UserError(`expected a commit SHA, branch or tag, got ${JSON.stringify(rev)}`, { field });
  }
}
var isFullSha = (rev) => /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(rev);
async function resolveCommit(rev, options) {
  const { shas } = await resolveCommits([{ rev, field: options.field }], options);
  return shas[0];
}
async function resolveCommits(requests, options) {
  const { cwd, remote, log } = options;
  for (const { rev, field } of requests) checkRevision(rev, field);
  const revs = requests.map((request) => request.rev);
  const shallow = isShallow(cwd);
  shallow.catch(() => {
  });
  const probed = await localCommits(cwd, [...revs, ...revs.map((rev) => `${rev}^{commit}^`), "HEAD^{commit}^"]);
  const shas = probed.slice(0, revs.length);
  const missing = [...new Set(revs.filter((_, i) => shas[i] === null))];
  if (missing.length === 0) return { shas, historyFetched: 0 };
  const notFound = (rev) => `${JSON.stringify(rev)} is not a commit in this repository`;
  const fieldOf = (rev) => requests.find((request) => request.rev === rev).field;
  if (!options.fetch) throw new UserError(`${notFound(missing[0])} (fetching is off)`, { field: fieldOf(missing[0]) });
  const isShallowRepo = await shallow;
  const cutOff = (i) => probed[revs.length + i] === null;
  const oneDeep = isShallowRepo && probed[probed.length - 1] === null && shas.every((sha, i) => sha === null || cutOff(i));
  const depth = oneDeep && (options.depth ?? 1) > 1 ? options.depth : 1;
  const deepened = depth > 1 ? [...new Set(shas.filter((sha) => sha !== null))] : [];
  const flags = isShallowRepo ? [`--depth=${depth}`] : [];
  const below = [missing.length === 1 ? "it" : "each", ...deepened].join(" and below ");
  log?.(`fetching ${missing.join(", ")} from ${remote}${depth > 1 ? ` with the ${depth - 1} commits below ${below}` : ""}`);
  const bySha = missing.filter(isFullSha);
  const byName = missing.filter((rev) => !isFullSha(rev));
  const fetched = /* @__PURE__ */ new Map();
  let complete = true;
  if (bySha.length > 0 || deepened.length > 0) {
    const { ok } = await fetchEach(cwd, remote, flags, [...bySha, ...deepened]);
    complete &&= ok.every(Boolean);
    const found = await localCommits(cwd, bySha);
    bySha.forEach((rev, i) => {
      fetched.set(rev, found[i]);
    });
  }
  for (const rev of byName) {
    const [ok] = (await fetchEach(cwd, remote, flags, [rev])).ok;
    complete &&= ok;
    fetched.set(rev, ok ? await localCommit(cwd, "FETCH_HEAD") : null);
  }
  const unresolved = missing.find((rev) => !fetched.get(rev));
  if (unresolved !== void 0) {
    const field = fieldOf(unresolved);
    if (!await hasRemote(cwd, remote)) throw new UserError(`${notFound(unresolved)}, and there is no remote "${remote}" to fetch it from`, { field });
    throw new UserError(`${notFound(unresolved)}, nor on the remote "${remote}"`, { field });
  }
  return { shas: revs.map((rev, i) => shas[i] ?? fetched.get(rev)), historyFetched: depth > 1 && complete ? depth - 1 : 0 };
}
var NO_AUTO_MAINTENANCE = ["-c", "maintenance.auto=false", "-c", "gc.auto=0"];
async function fetchEach(cwd, remote, flags, wants) {
  const fetchOf = (some) => git([...NO_AUTO_MAINTENANCE, "fetch", "--no-tags", ...flags, remote, ...some], { cwd });
  try {
    await fetchOf(wants);
    return { ok: wants.map(() => true), errors: [] };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (wants.length === 1) return { ok: [false], errors: [error] };
  }
  const ok = [];
  const errors = [];
  for (const want of wants) {
    try {
      await fetchOf([want]);
      ok.push(true);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      ok.push(false);
      errors.push(error);
    }
  }
  return { ok, errors };
}
async function fetchCommits(cwd, remote, flags, commits) {
  const { ok, errors } = await fetchEach(cwd, remote, flags, [...new Set(commits)]);
  if (!ok.some(Boolean)) throw errors[0];
}

export {
  isShallow,
  hasRemote,
  localCommit,
  resolveCommit,
  resolveCommits,
  fetchCommits
};
