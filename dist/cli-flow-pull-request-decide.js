import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  fetchCommits,
  hasRemote,
  isShallow,
  resolveCommits
} from "./cli-chunk-40eeb72f53.js";
import {
  UserError
} from "./cli-chunk-55db69e02f.js";
import {
  GitError,
  git,
  tryGit
} from "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-e3b0c44298.js";

// src/flow/pull-request/decide.ts
import { join } from "node:path";

// src/changes/diff.ts
var DEEPEN_STEPS = [10, 50, 200, 1e3];
async function resolvePullCommits(options) {
  const steps = options.deepenSteps ?? DEEPEN_STEPS;
  const { shas, historyFetched } = await resolveCommits(
    [
      { rev: options.base, field: "base" },
      { rev: options.head, field: "head" }
    ],
    { cwd: options.cwd, remote: options.remote ?? "origin", fetch: options.fetch ?? true, depth: 1 + (steps[0] ?? 0), log: options.log }
  );
  return { base: shas[0], head: shas[1], historyFetched };
}
async function changedFiles(options) {
  try {
    return { files: await changedFilesWithGit(options), source: "git" };
  } catch (error) {
    if (!options.fallback || !isGitUnableToAnswer(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    options.log?.(`git could not list the changed files (${reason}); using the fallback`);
    return { files: await options.fallback(reason), source: "api" };
  }
}
function isGitUnableToAnswer(error) {
  return error instanceof GitError || error instanceof UserError || error instanceof Error && error.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER";
}
async function changedFilesWithGit(options) {
  const { cwd, remote = "origin", log } = options;
  const fetch = options.fetch ?? true;
  const { base, head, historyFetched } = options.resolved ?? await resolvePullCommits(options);
  const steps = options.deepenSteps ?? DEEPEN_STEPS;
  const mergeBase = await findMergeBase(cwd, base, head, { remote, fetch, log, steps, historyFetched });
  const output = await git(["diff", "--name-status", "-z", "-M", "--no-color", "--no-ext-diff", mergeBase, head, "--"], { cwd });
  return parseNameStatus(output);
}
async function findMergeBase(cwd, base, head, options) {
  const mergeBase = async () => (await tryGit(["merge-base", base, head], { cwd }))?.trim() || null;
  let found = await mergeBase();
  if (found) return found;
  const canFetch = options.fetch && await isShallow(cwd) && await hasRemote(cwd, options.remote);
  if (canFetch) {
    let depth = 0;
    let shallow = true;
    for (const step of options.steps) {
      depth += step;
      if (depth <= options.historyFetched) continue;
      options.log?.(`no merge base of ${base.slice(0, 7)} and ${head.slice(0, 7)} in this shallow clone; deepening history by ${step} (to ${depth})`);
      await fetchCommits(cwd, options.remote, [`--deepen=${step}`], [base, head]);
      if (found = await mergeBase()) return found;
      if (!(shallow = await isShallow(cwd))) break;
    }
    if (shallow) {
      options.log?.("still no merge base; fetching the full history (--unshallow)");
      await fetchCommits(cwd, options.remote, ["--unshallow"], [base, head]);
      if (found = await mergeBase()) return found;
    }
  }
  throw new UserError(`commits ${base} (base) and ${head} (head) share no history${canFetch ? ", even after fetching all of it" : ""}`, {
    field: "base"
  });
}
var STATUS = { A: "added", C: "added", D: "deleted", M: "modified", R: "renamed", T: "modified" };
function parseNameStatus(output) {
  const fields = output.split("\0");
  if (fields[fields.length - 1] === "") fields.pop();
  const files = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++];
    const status = STATUS[code[0]];
    if (!status) throw new Error(`unexpected status ${JSON.stringify(code)} in git diff --name-status output`);
    if (code[0] === "R") {
      files.push({ path: fields[i + 1], status, previousPath: fields[i] });
      i += 2;
    } else if (code[0] === "C") {
      files.push({ path: fields[i + 1], status });
      i += 2;
    } else {
      files.push({ path: fields[i++], status });
    }
  }
  return files;
}

// src/changes/glob.ts
var MAX_EXPANSIONS = 1024;
function compileGlob(pattern, field = "glob") {
  const normalized = pattern.replace(/^(\.\/)+/, "").replace(/^\/+/, "").replace(/\/+$/, "");
  if (normalized === "") throw new UserError(`empty pattern ${JSON.stringify(pattern)}: expected a path or glob relative to the repository root`, { field });
  const alternatives = expandBraces(normalized, field).map((p) => compileTokens(p, field));
  return (path) => alternatives.some((tokens) => matchTokens(tokens, path));
}
function expandBraces(pattern, field) {
  const open = findUnescaped(pattern, "{", 0);
  if (open < 0) return [pattern];
  let depth = 0;
  const commas = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
    } else if (c === "{") {
      depth++;
    } else if (c === "," && depth === 1) {
      commas.push(i);
    } else if (c === "}" && --depth === 0) {
      const bounds = [open, ...commas, i];
      const prefix = pattern.slice(0, open);
      const suffix = pattern.slice(i + 1);
      const expanded = [];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const alternative = pattern.slice(bounds[k] + 1, bounds[k + 1]);
        expanded.push(...expandBraces(prefix + alternative + suffix, field));
        if (expanded.length > MAX_EXPANSIONS) {
          throw new UserError(`pattern ${JSON.stringify(pattern)} expands to more than ${MAX_EXPANSIONS} alternatives`, { field });
        }
      }
      return expanded;
    }
  }
  throw new UserError(`pattern ${JSON.stringify(pattern)} has a "{" without its closing "}"`, { field });
}
function findUnescaped(text, char, from) {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === char) return i;
  }
  return -1;
}
function compileTokens(pattern, field) {
  const tokens = [];
  const literal = (ch) => tokens.push({ kind: "char", test: (c) => c === ch });
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    const segmentStart = i === 0 || pattern[i - 1] === "/";
    if (c === "*" && pattern[i + 1] === "*" && segmentStart && (i + 2 === pattern.length || pattern[i + 2] === "/")) {
      tokens.push({ kind: i + 2 === pattern.length ? "rest" : "folders" });
      i += 3;
    } else if (c === "*") {
      while (pattern[i] === "*") i++;
      tokens.push({ kind: "star" });
    } else if (c === "?") {
      tokens.push({ kind: "char", test: (ch) => ch !== "/" });
      i++;
    } else if (c === "[") {
      const close = findClassEnd(pattern, i);
      if (close < 0) throw new UserError(`pattern ${JSON.stringify(pattern)} has a "[" without its closing "]"`, { field });
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      const set = body.replace(/\\(.)/g, "$1").replace(/[\\\]^]/g, (m) => `\\${m}`);
      const member = new RegExp(`^[${set}]$`, "s");
      tokens.push({ kind: "char", test: (ch) => ch !== "/" && member.test(ch) !== negated });
      i = close + 1;
    } else if (c === "\\" && i + 1 < pattern.length) {
      literal(pattern[i + 1]);
      i += 2;
    } else {
      literal(c);
      i++;
    }
  }
  return tokens;
}
var TAIL = -1;
function matchTokens(tokens, path) {
  const end = 2 * tokens.length;
  const close = (states, state) => {
    if (states.has(state)) return;
    states.add(state);
    if (state === TAIL || state % 2 === 1 || state === end) return;
    const kind = tokens[state / 2].kind;
    if (kind !== "char") close(states, state + 2);
  };
  let current = /* @__PURE__ */ new Set();
  close(current, 0);
  for (const c of path) {
    const next = /* @__PURE__ */ new Set();
    for (const state of current) {
      if (state === TAIL) close(next, TAIL);
      else if (state === end) {
        if (c === "/") close(next, TAIL);
      } else if (state % 2 === 1) close(next, c === "/" ? state - 1 : state);
      else {
        const token = tokens[state / 2];
        if (token.kind === "char") {
          if (token.test(c)) close(next, state + 2);
        } else if (token.kind === "star") {
          if (c !== "/") close(next, state);
        } else if (token.kind === "folders") {
          close(next, c === "/" ? state : state + 1);
        } else {
          close(next, state);
        }
      }
    }
    if (next.size === 0) return false;
    current = next;
  }
  return current.has(end) || current.has(TAIL);
}
function findClassEnd(pattern, open) {
  let i = open + 1;
  if (pattern[i] === "!" || pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "]") return i;
  }
  return -1;
}

// src/changes/watch.ts
var NAMED_PATHS = 3;
function matchWatched(files, globs) {
  const rules = globs.map((glob, index) => {
    const negated = glob.startsWith("!");
    return { negated, matches: compileGlob(negated ? glob.slice(1) : glob, `watch[${index}]`) };
  });
  const matched = files.filter((file) => {
    let watched = false;
    for (const rule of rules) if (rule.matches(file)) watched = !rule.negated;
    return watched;
  });
  if (matched.length > 0) {
    const reason = matched.length <= NAMED_PATHS ? `${listPaths(matched)} changed` : `${matched.length} watched paths changed: ${listPaths(matched)}`;
    return { matched, reason };
  }
  if (files.length === 0) return { matched, reason: "no files changed" };
  return { matched, reason: `no watched path changed (${files.length} ${files.length === 1 ? "file" : "files"} changed: ${listPaths(files)})` };
}
function decideRetrain(options) {
  if (options.force) return { retrain: true, reason: "forced by input" };
  const paths = [...new Set(options.changed.flatMap((file) => file.previousPath ? [file.previousPath, file.path] : [file.path]))];
  const { matched, reason } = matchWatched(paths, options.watch);
  return { retrain: matched.length > 0, reason };
}
function listPaths(paths) {
  if (paths.length > NAMED_PATHS) return `${paths.slice(0, NAMED_PATHS).join(", ")}, \u2026`;
  if (paths.length === 1) return paths[0];
  return `${paths.slice(0, -1).join(", ")} and ${paths[paths.length - 1]}`;
}

// src/flow/pull-request/decide.ts
async function runPullRequest(options) {
  const { repoRoot, log } = options;
  const changes = listChanges(options);
  changes.catch(() => {
  });
  const { loadConfig } = await import("./cli-config-load.js");
  const configFile = join(repoRoot, options.configPath);
  const config = await loadConfig(configFile, { repoRoot });
  const { commits, changed } = await changes;
  const { base: baseSha, head: headSha } = commits;
  const decision = decideRetrain({ changed: changed.files, watch: config.watch, force: options.force });
  if (!decision.retrain) return { kind: "skipped", model: config.name, reason: decision.reason, baseSha, headSha };
  log.info(`retraining ${config.name}: ${decision.reason}`);
  const { evaluatePullRequest } = await import("./cli-flow-pull-request-train-and-compare.js");
  return evaluatePullRequest(options, { config, configFile, baseSha, headSha, reason: decision.reason });
}
async function listChanges(options) {
  const fetch = options.fetch ?? true;
  const commits = await resolvePullCommits({ cwd: options.repoRoot, base: options.base, head: options.head, fetch, log: options.log.info });
  const changed = await changedFiles({
    cwd: options.repoRoot,
    base: options.base,
    head: options.head,
    resolved: commits,
    fetch,
    fallback: options.changedFilesFallback,
    log: options.log.info
  });
  return { commits, changed };
}
export {
  runPullRequest
};
