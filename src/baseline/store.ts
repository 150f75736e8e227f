/**
 * The baseline store: main's baseline records on an orphan branch
 * (`model-ci/baselines`) of the repository itself, one JSON file per record at
 * `<model>/<commit>.json`.
 *
 * Why a git branch rather than workflow artifacts, a cache or a release asset:
 * - durable: no 90-day artifact expiry, no cache eviction;
 * - auditable: every write is a commit, browsable on GitHub, revertible;
 * - keyed by commit: the path is the key, so a lookup is one `cat-file`, and the
 *   nearest ancestor with a record is one tree listing plus one `rev-list`;
 * - readable by a fork PR's read-only token: `git fetch origin model-ci/baselines`;
 * - safe under concurrent writers: a push is a compare-and-swap on the branch
 *   tip, so a writer that lost the race fetches the new tip and redoes its
 *   commit on top of it.
 *
 * Writes use git plumbing only (`hash-object`, a temporary index through
 * `GIT_INDEX_FILE`, `commit-tree`, `push`/`update-ref`): the work tree, the
 * real index and HEAD are never touched, so a job can write a record in the
 * middle of its own checkout. With no remote (a plain local repository used by
 * the CLI) the branch is a local one and `update-ref` does the compare-and-swap.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../errors.ts';
import { hasRemote, isShallow, localCommit, resolveCommit } from '../git/history.ts';
import { GitError, git, gitBytes, tryGit } from '../git/git.ts';
import { FULL_SHA, MAX_RECENT_RECORDS, MODEL_HASH, MODEL_NAME, type BaselineRecord, type StoredModel } from '../domain/record.ts';
import { formatBytes, limit, overLimit } from '../limits.ts';
import { STORED_MODEL_FILES, storedModelPath, storedModelProblem, type ModelBundle } from './stored-model.ts';
import { parseRecord, writeProblems, type StoredRecord } from './validate.ts';
import { DEFAULT_BASELINE_BRANCH } from '../defaults.ts';

export type { StoredRecord } from './validate.ts';

export interface BaselineStoreOptions {
  /** A folder inside the repository. */
  cwd: string;
  remote?: string;
  branch?: string;
  log?: (message: string) => void;
  /** Who commits records; default: git's configured user, else `model-ci` (a fresh CI runner has none). */
  identity?: { name: string; email: string };
  /** How many times a write is redone after losing a race with another writer. */
  maxAttempts?: number;
}

export interface WriteOptions {
  replace?: boolean;
  /** The record's model files (`record.storedModel` names them): stored content-addressed in the same commit. */
  model?: ModelBundle;
}

/** A record found by walking main's history; `behind` is how many first-parent commits below the one asked for. */
export type NearestRecord = StoredRecord & { commit: string; behind: number };

/** A record of the listing; `commit` comes from its path, so it is known even when the record is unusable. */
export type ListedRecord = StoredRecord & { commit: string };

export interface BaselineStore {
  /** Fetches the branch from the remote; a remote without the branch is not an error (nothing recorded yet). */
  fetch(): Promise<void>;
  /** The record of `model` at `commit` (a SHA, or a revision this repository has), null when there is none. */
  read(model: string, commit: string): Promise<StoredRecord | null>;
  /**
   * Stores `record` at `record.model`/`record.commit`. Writing the same content
   * again is a no-op; different content for an existing record is refused
   * (`RecordExistsError`) unless `replace` (the deploy adds the image digest so).
   */
  write(record: BaselineRecord, options?: WriteOptions): Promise<{ commit: string }>;
  /**
   * Main's model files named by a record's `storedModel`, checked (sizes bounded before reading, bytes
   * hashed against the record) and written into `dir`; `{ refused }` says why they cannot be used.
   */
  readModel(stored: StoredModel, dir: string): Promise<{ dir: string } | { refused: string }>;
  /** The record at `commit` or at its nearest first-parent ancestor within `maxDepth` commits, fetching history a shallow clone lacks. */
  findNearest(model: string, commit: string, options?: { maxDepth?: number }): Promise<NearestRecord | null>;
  /** The newest usable record trained from the same inputs (data, params, config, trainer, backend): reuse it instead of training. */
  findByInputsHash(model: string, inputsHash: string): Promise<BaselineRecord | null>;
  /** Every record of `model`, newest first; unusable ones last. */
  list(model: string): Promise<ListedRecord[]>;
  /**
   * The records of `model` along `commit`'s first-parent history, newest first: at most `count`
   * (default and cap `MAX_RECENT_RECORDS`), within `maxDepth` commits. Unusable records are included, as in `list`.
   */
  recent(model: string, commit: string, options?: { count?: number; maxDepth?: number }): Promise<NearestRecord[]>;
}

const DEFAULT_IDENTITY = { name: 'model-ci', email: 'model-ci@users.noreply.github.com' };
/** Push failures that mean "the branch moved under us": fetch and redo. Anything else (permissions, protection) is final. */
const LOST_RACE = /non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref|incorrect old value|reference already exists/i;

const README = `# model-ci baselines

This branch is written by model-ci and holds one JSON record per model and
main commit: \`<model>/<commit>.json\` (metrics, params,
data hashes, model hash, backend, image digest), and the recorded models' files
under \`models/<model hash>/\`. Pull requests compare against these records.
Do not edit by hand: every change is a commit by model-ci.
`;

export class RecordExistsError extends UserError {
  readonly existing: StoredRecord;

  constructor(model: string, commit: string, branch: string, existing: StoredRecord) {
    super(
      `a baseline record of ${model} at ${commit.slice(0, 12)} already exists on ${branch} with different content; it is replaced only when asked (replace)`,
      {
        file: `${branch}:${model}/${commit}.json`,
      },
    );
    this.existing = existing;
  }
}

export function createBaselineStore(options: BaselineStoreOptions): BaselineStore {
  const { cwd, remote = 'origin', branch = DEFAULT_BASELINE_BRANCH, maxAttempts = 5 } = options;
  const log = options.log ?? (() => {});
  let settings: Promise<{ ref: string; useRemote: boolean }> | undefined;

  /** Where the branch's tip is read from: the remote-tracking ref, or the local branch when there is no remote. */
  const where = () =>
    (settings ??= (async () => {
      if ((await tryGit(['check-ref-format', `refs/heads/${branch}`], { cwd })) === null) {
        throw new UserError(`${JSON.stringify(branch)} is not a valid branch name`, { field: 'baseline-branch' });
      }
      const useRemote = await hasRemote(cwd, remote);
      if (!useRemote) log(`no remote "${remote}": baseline records live on the local branch ${branch}`);
      return { useRemote, ref: useRemote ? `refs/remotes/${remote}/${branch}` : `refs/heads/${branch}` };
    })());

  const tip = async () => localCommit(cwd, (await where()).ref);
  const pathOf = (model: string, commit: string) => `${model}/${commit}.json`;
  const label = (model: string, commit: string) => `${branch}:${pathOf(model, commit)}`;

  async function fetch(): Promise<void> {
    const { useRemote, ref } = await where();
    if (!useRemote) return;
    // Only the tip's tree is ever read: a shallow CI clone fetches one commit, a full clone stays full.
    const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
    try {
      await git(['fetch', '--no-tags', ...depth, remote, `+refs/heads/${branch}:${ref}`], { cwd });
    } catch (error) {
      if (!(error instanceof GitError) || !/couldn't find remote ref/i.test(error.stderr)) throw error;
      log(`${remote} has no branch ${branch} yet: no baseline recorded`);
      await tryGit(['update-ref', '-d', ref], { cwd });
    }
  }

  /** Commits in the model's folder at the tip, mapped to their blob ids: one tree listing. */
  async function recordBlobs(model: string): Promise<Map<string, string>> {
    checkModel(model);
    const at = await tip();
    const blobs = new Map<string, string>();
    if (!at) return blobs;
    const listing = await tryGit(['ls-tree', '-z', `${at}:${model}`], { cwd });
    for (const entry of (listing ?? '').split('\0')) {
      const match = /^\d+ blob ([0-9a-f]+)\t([0-9a-f]+)\.json$/.exec(entry);
      if (match && FULL_SHA.test(match[2])) blobs.set(match[2], match[1]);
    }
    return blobs;
  }

  async function keyCommit(commit: string): Promise<string> {
    if (FULL_SHA.test(commit)) return commit;
    const sha = commit.startsWith('-') ? null : await localCommit(cwd, commit);
    if (!sha) throw new UserError(`${JSON.stringify(commit)} is not a commit in this repository`, { field: 'commit' });
    return sha;
  }

  async function read(model: string, commit: string): Promise<StoredRecord | null> {
    checkModel(model);
    const sha = await keyCommit(commit);
    const at = await tip();
    const text = at && (await tryGit(['cat-file', 'blob', `${at}:${pathOf(model, sha)}`], { cwd }));
    return text ? await parseRecord(text, { model, commit: sha }, label(model, sha)) : null;
  }

  async function list(model: string): Promise<ListedRecord[]> {
    const blobs = await recordBlobs(model);
    if (blobs.size === 0) return [];
    const texts = await readBlobs(cwd, [...blobs.values()]);
    const listed = await Promise.all(
      [...blobs.keys()].map(
        async (commit, i): Promise<ListedRecord> => ({ commit, ...(await parseRecord(texts[i], { model, commit }, label(model, commit))) }),
      ),
    );
    const time = (entry: ListedRecord) => ('record' in entry ? Date.parse(entry.record.createdAt) : -Infinity);
    return listed.sort((a, b) => time(b) - time(a) || 0);
  }

  async function findByInputsHash(model: string, inputsHash: string): Promise<BaselineRecord | null> {
    for (const entry of await list(model)) if ('record' in entry && entry.record.inputsHash === inputsHash) return entry.record;
    return null;
  }

  async function findNearest(model: string, commit: string, { maxDepth = 200 } = {}): Promise<NearestRecord | null> {
    const [found] = await recordsAlongHistory(model, commit, 1, maxDepth);
    return found ?? null;
  }

  async function recent(model: string, commit: string, { count = MAX_RECENT_RECORDS, maxDepth = 200 } = {}): Promise<NearestRecord[]> {
    return recordsAlongHistory(model, commit, Math.max(1, Math.min(count, MAX_RECENT_RECORDS)), maxDepth);
  }

  /** The first `wanted` records along `commit`'s first-parent history (newest first), within `maxDepth` commits. */
  async function recordsAlongHistory(model: string, commit: string, wanted: number, maxDepth: number): Promise<NearestRecord[]> {
    const blobs = await recordBlobs(model);
    if (blobs.size === 0) return [];
    const { useRemote } = await where();
    const start = await resolveCommit(commit, { cwd, remote, fetch: useRemote, field: 'commit', log });
    const walk = async () => (await git(['rev-list', '--first-parent', `--max-count=${maxDepth}`, start], { cwd })).split('\n').filter(Boolean);
    const recorded = (history: string[]) => history.flatMap((sha, behind) => (blobs.has(sha) ? [{ sha, behind }] : [])).slice(0, wanted);
    let history = await walk();
    let found = recorded(history);
    // Deepen a shallow clone in doubling steps: the record is usually a few commits down, and 200 commits of a big repository are not free.
    while (found.length < wanted && history.length < maxDepth && useRemote && (await isShallow(cwd))) {
      const step = Math.min(maxDepth - history.length, Math.max(10, history.length));
      log(`looking for ${model}'s baseline records: fetching ${step} more commits of history`);
      const before = history.length;
      await git(['fetch', '--no-tags', `--deepen=${step}`, remote, start], { cwd });
      history = await walk();
      found = recorded(history);
      if (history.length === before) break;
    }
    if (found.length === 0) return [];
    const texts = await readBlobs(
      cwd,
      found.map(({ sha }) => blobs.get(sha)!),
    );
    return Promise.all(
      found.map(async ({ sha, behind }, i) => ({ ...(await parseRecord(texts[i], { model, commit: sha }, label(model, sha))), commit: sha, behind })),
    );
  }

  // Writes of one store run one after another: racing one another through the push would spend the bounded retries on ourselves.
  let writing: Promise<unknown> = Promise.resolve();
  function write(record: BaselineRecord, writeOptions?: WriteOptions): Promise<{ commit: string }> {
    const next = writing.then(() => writeNow(record, writeOptions));
    writing = next.catch(() => {});
    return next;
  }

  async function writeNow(record: BaselineRecord, { replace = false, model }: WriteOptions = {}): Promise<{ commit: string }> {
    checkModel(record.model);
    if (model && (record.storedModel?.hash !== model.stored.hash || storedModelProblem(model.stored, model.files))) {
      throw new Error(`the model files given do not match the record's storedModel (${JSON.stringify(record.storedModel)})`);
    }
    // Content-addressed: a model already on the branch is the same bytes at the same path, so writing it again changes nothing.
    const modelFiles = model ? Object.fromEntries(STORED_MODEL_FILES.map((file) => [storedModelPath(model.stored.hash, file), model.files.get(file)!])) : {};
    if (!FULL_SHA.test(record.commit)) throw new Error(`a baseline record needs a full commit SHA, got ${JSON.stringify(record.commit)}`);
    const problems = await writeProblems(record);
    if (problems.length > 0) throw new Error(`refusing to write a baseline record that could not be read back: ${problems.join('; ')}`);
    const path = pathOf(record.model, record.commit);
    const content = `${JSON.stringify(record, null, 2)}\n`;
    const { useRemote, ref } = await where();
    const identity = options.identity ?? (await configuredIdentity(cwd)) ?? DEFAULT_IDENTITY;
    let lastRace = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await fetch();
      const parent = await tip();
      const existing = parent && (await tryGit(['cat-file', 'blob', `${parent}:${path}`], { cwd }));
      if (existing === content && (await hasFiles(parent!, Object.keys(modelFiles)))) return { commit: parent! };
      if (existing && !replace)
        throw new RecordExistsError(record.model, record.commit, branch, await parseRecord(existing, record, label(record.model, record.commit)));
      const message = `${existing ? 'replace' : 'add'} baseline ${record.model} @ ${record.commit.slice(0, 12)}${record.runUrl ? `\n\n${record.runUrl}` : ''}`;
      const commit = await commitFile(cwd, parent, { [path]: content, ...modelFiles, ...(parent ? {} : { 'README.md': README }) }, message, identity);
      const race = useRemote ? await push(commit) : await moveLocalBranch(ref, commit, parent);
      if (race === null) {
        if (useRemote) await git(['update-ref', ref, commit], { cwd });
        log(`recorded ${record.model} @ ${record.commit.slice(0, 12)} on ${branch} (${commit.slice(0, 12)})`);
        return { commit };
      }
      lastRace = race;
      log(`${branch} moved while writing (${race}); retrying on the new tip (attempt ${attempt + 1} of ${maxAttempts})`);
      // Jitter so two writers that collided do not collide again in lockstep.
      await sleep(50 * attempt + Math.random() * 100 * attempt);
    }
    throw new Error(
      `gave up writing the baseline record of ${record.model} @ ${record.commit.slice(0, 12)} after ${maxAttempts} attempts: ${branch} kept moving (${lastRace})`,
    );
  }

  /** Pushes `commit` as the new tip: null when it landed, else why another writer won the race. */
  async function push(commit: string): Promise<string | null> {
    try {
      await git(['push', '--porcelain', '--quiet', remote, `${commit}:refs/heads/${branch}`], { cwd });
      return null;
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const output = `${error.stdout}\n${error.stderr}`;
      if (LOST_RACE.test(output)) return output.match(LOST_RACE)![0];
      throw new UserError(
        `could not push the baseline record to ${remote}/${branch}: ${error.stderr.trim() || error.stdout.trim()} — the job needs write access (permissions: contents: write) and ${branch} must not be protected against it`,
        { field: 'baseline-branch' },
      );
    }
  }

  async function moveLocalBranch(ref: string, commit: string, parent: string | null): Promise<string | null> {
    // An empty old value means "must not exist yet": creating the branch is a compare-and-swap too.
    const moved = await tryGit(['update-ref', '-m', 'model-ci: baseline record', ref, commit, parent ?? ''], { cwd });
    return moved === null ? 'the local branch changed' : null;
  }

  async function hasFiles(at: string, paths: string[]): Promise<boolean> {
    for (const path of paths) if ((await tryGit(['cat-file', '-e', `${at}:${path}`], { cwd })) === null) return false;
    return true;
  }

  async function readModel(stored: StoredModel, dir: string): Promise<{ dir: string } | { refused: string }> {
    // The record passed its schema, but a caller may hand anything: the hash is the path, so check it here too.
    if (!MODEL_HASH.test(stored.hash)) return { refused: 'its model hash is not sha256:<64 hex digits>' };
    const max = limit('storedModelBytes');
    if (stored.bytes > max) return { refused: `the record says its model is ${formatBytes(stored.bytes)}, ${overLimit('storedModelBytes')}` };
    const at = await tip();
    if (!at) return { refused: `${branch} is not there` };
    const specs = STORED_MODEL_FILES.map((file) => `${at}:${storedModelPath(stored.hash, file)}`);
    // Sizes first (one batch-check), so nothing over the limit is ever read.
    const checks = (await git(['cat-file', '--batch-check'], { cwd, input: `${specs.join('\n')}\n` })).trim().split('\n');
    const blobs: string[] = [];
    let total = 0;
    for (const [i, line] of checks.entries()) {
      const match = /^([0-9a-f]+) blob (\d+)$/.exec(line);
      if (!match) return { refused: `${STORED_MODEL_FILES[i]} is not on ${branch} under ${storedModelPath(stored.hash, STORED_MODEL_FILES[i])}` };
      total += Number(match[2]);
      blobs.push(match[1]);
    }
    if (total > max) return { refused: `its files are ${formatBytes(total)}, ${overLimit('storedModelBytes')}` };
    const files = new Map<string, Buffer>();
    for (const [i, file] of STORED_MODEL_FILES.entries()) files.set(file, await gitBytes(['cat-file', 'blob', blobs[i]], { cwd }));
    const problem = storedModelProblem(stored, files);
    if (problem) return { refused: problem };
    await mkdir(dir, { recursive: true });
    for (const [file, data] of files) await writeFile(`${dir}/${file}`, data);
    return { dir };
  }

  return { fetch, read, write, readModel, findNearest, recent, findByInputsHash, list };
}

function checkModel(model: string): void {
  if (!MODEL_NAME.test(model)) {
    throw new UserError(
      `model name ${JSON.stringify(model)} cannot name a folder of baseline records: use letters, digits, ".", "_" and "-", starting with a letter or digit`,
      {
        field: 'name',
      },
    );
  }
}

async function configuredIdentity(cwd: string): Promise<{ name: string; email: string } | null> {
  const name = (await tryGit(['config', 'user.name'], { cwd }))?.trim();
  const email = (await tryGit(['config', 'user.email'], { cwd }))?.trim();
  return name && email ? { name, email } : null;
}

/** A commit of `parent`'s tree plus `files`, made in a temporary index: the repository's own index and work tree are left alone. */
async function commitFile(
  cwd: string,
  parent: string | null,
  files: Record<string, string | Buffer>,
  message: string,
  identity: { name: string; email: string },
): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'model-ci-index-'));
  try {
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    await git(parent ? ['read-tree', parent] : ['read-tree', '--empty'], { cwd, env });
    for (const [path, content] of Object.entries(files)) {
      const blob = (await git(['hash-object', '-w', '--stdin'], { cwd, input: content })).trim();
      await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { cwd, env });
    }
    const tree = (await git(['write-tree'], { cwd, env })).trim();
    const who = {
      GIT_AUTHOR_NAME: identity.name,
      GIT_AUTHOR_EMAIL: identity.email,
      GIT_COMMITTER_NAME: identity.name,
      GIT_COMMITTER_EMAIL: identity.email,
    };
    return (await git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], { cwd, env: who })).trim();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Reads blobs in one `cat-file --batch`, whose framing is in bytes: `<oid> blob <size>\n<content>\n`. */
async function readBlobs(cwd: string, oids: readonly string[]): Promise<string[]> {
  const output = await gitBytes(['cat-file', '--batch'], { cwd, input: `${oids.join('\n')}\n` });
  const texts: string[] = [];
  let offset = 0;
  for (const oid of oids) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const match = /^([0-9a-f]+) blob (\d+)$/.exec(header);
    if (!match || match[1] !== oid) throw new Error(`unexpected git cat-file --batch header ${JSON.stringify(header)} for ${oid}`);
    const size = Number(match[2]);
    texts.push(output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    offset = headerEnd + 1 + size + 1;
  }
  return texts;
}
