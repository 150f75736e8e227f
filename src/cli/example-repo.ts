/**
 * The built-in example's repository: fixtures/breast-cancer as a real git repository with a main
 * commit and a pull-request branch that changes params and adds rows — what a user's repo looks like
 * when model-ci runs on a PR.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git } from '../git/git.ts';

export const EXAMPLE_FIXTURE = 'breast-cancer';
const DATA_FILE = 'data/breast_cancer.csv';
/** Rows main lacks and the PR adds. */
const ADDED_ROWS = 40;

/** The fixture folder, from the bundle (dist/) or from source (src/cli/). */
export function fixtureDir(name: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'fixtures', name);
    if (existsSync(join(candidate, 'model-ci.yml'))) return candidate;
  }
  throw new Error(`fixtures/${name} not found above ${fileURLToPath(import.meta.url)}`);
}

// The example must run on a machine with no git identity configured.
const IDENTITY = {
  GIT_AUTHOR_NAME: 'model-ci example',
  GIT_AUTHOR_EMAIL: 'example@model-ci.invalid',
  GIT_COMMITTER_NAME: 'model-ci example',
  GIT_COMMITTER_EMAIL: 'example@model-ci.invalid',
};

export async function exampleGit(dir: string, args: string[]): Promise<string> {
  return (await git(args, { cwd: dir, env: { ...process.env, ...IDENTITY } })).trim();
}

export interface ExampleRepo {
  dir: string;
  mainSha: string;
  prSha: string;
}

/** Creates the repository in `dir` (empty): main = the fixture minus the last rows, branch `pr` = params change + those rows. */
export async function createExampleRepo(dir: string): Promise<ExampleRepo> {
  await cp(fixtureDir(EXAMPLE_FIXTURE), dir, { recursive: true });
  const csvPath = join(dir, DATA_FILE);
  const lines = (await readFile(csvPath, 'utf8')).trimEnd().split(/\r?\n/);
  const held = lines.splice(lines.length - ADDED_ROWS, ADDED_ROWS);
  await writeFile(csvPath, `${lines.join('\n')}\n`);
  await exampleGit(dir, ['init', '--quiet', '--initial-branch=main']);
  await exampleGit(dir, ['add', '--all']);
  await exampleGit(dir, ['commit', '--quiet', '-m', 'Breast-cancer model: data, params and model-ci config']);
  const mainSha = await exampleGit(dir, ['rev-parse', 'HEAD']);

  await exampleGit(dir, ['switch', '--quiet', '-c', 'pr']);
  await writeFile(csvPath, `${[...lines, ...held].join('\n')}\n`);
  const paramsPath = join(dir, 'params.yaml');
  const params = await readFile(paramsPath, 'utf8');
  await writeFile(paramsPath, params.replace(/hidden_units: .*/, 'hidden_units: [32]').replace(/dropout: .*/, 'dropout: 0.1'));
  await exampleGit(dir, ['commit', '--quiet', '--all', '-m', `Wider network with dropout; ${ADDED_ROWS} more labelled rows`]);
  const prSha = await exampleGit(dir, ['rev-parse', 'HEAD']);
  return { dir, mainSha, prSha };
}
