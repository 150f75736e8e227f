/**
 * Real git repositories in a temporary folder, for tests. Every repository is
 * made with an identity and a default branch given through the environment and
 * command line, so the machine's own git configuration cannot change a result.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { git as runGit } from '../../src/git/git.ts';

export const TEST_IDENTITY = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.test',
};

export interface Repo {
  dir: string;
  /** Runs git in this repository with the test identity; returns trimmed stdout. */
  git(...args: string[]): Promise<string>;
  /** Writes (string) or deletes (null) files, stages everything and commits; returns the new commit's SHA. */
  commit(files: Record<string, string | null>, message?: string): Promise<string>;
  /** SHA of `rev` (default HEAD). */
  sha(rev?: string): Promise<string>;
}

export interface Sandbox {
  root: string;
  /** A new repository on branch `main` with one commit holding `files` (default a README). */
  repo(name: string, files?: Record<string, string>): Promise<Repo>;
  /** A bare copy of `source` to act as its "origin"; `source` gets it as its `origin` remote. */
  origin(source: Repo, name?: string): Promise<string>;
  /** Clones `bare` (a path) through `file://`, as `actions/checkout` would over https. */
  clone(bare: string, name: string, options?: { depth?: number; branch?: string; singleBranch?: boolean }): Promise<Repo>;
  dispose(): Promise<void>;
}

export async function createSandbox(prefix = 'model-ci-git-'): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const sandbox: Sandbox = {
    root,
    async repo(name, files = { 'README.md': '# test\n' }) {
      const dir = join(root, name);
      await mkdir(dir, { recursive: true });
      await gitIn(dir, 'init', '--quiet', '--initial-branch=main');
      const repo = openRepo(dir);
      await repo.commit(files, 'initial commit');
      return repo;
    },
    async origin(source, name = 'origin.git') {
      const bare = join(root, name);
      await gitIn(root, 'clone', '--quiet', '--bare', source.dir, bare);
      await source.git('remote', 'add', 'origin', pathToFileURL(bare).href);
      await source.git('fetch', '--quiet', 'origin');
      return bare;
    },
    async clone(bare, name, options = {}) {
      const dir = join(root, name);
      const args = ['clone', '--quiet'];
      if (options.depth) args.push(`--depth=${options.depth}`);
      if (options.branch) args.push(`--branch=${options.branch}`);
      if (options.singleBranch) args.push('--single-branch');
      await gitIn(root, ...args, pathToFileURL(bare).href, dir);
      return openRepo(dir);
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
  return sandbox;
}

export function openRepo(dir: string): Repo {
  const repo: Repo = {
    dir,
    git: (...args) => gitIn(dir, ...args),
    async commit(files, message = 'change') {
      for (const [path, content] of Object.entries(files)) {
        const file = join(dir, path);
        if (content === null) {
          await rm(file, { force: true });
        } else {
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, content);
        }
      }
      await repo.git('add', '--all');
      await repo.git('commit', '--quiet', '--allow-empty', '-m', message);
      return repo.sha();
    },
    sha: (rev = 'HEAD') => repo.git('rev-parse', '--verify', `${rev}^{commit}`),
  };
  return repo;
}

async function gitIn(cwd: string, ...args: string[]): Promise<string> {
  return (await runGit(args, { cwd, env: TEST_IDENTITY })).trim();
}
