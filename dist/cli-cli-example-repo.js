import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  git
} from "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-e3b0c44298.js";

// src/cli/example-repo.ts
import { cp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var EXAMPLE_FIXTURE = "breast-cancer";
var DATA_FILE = "data/breast_cancer.csv";
var ADDED_ROWS = 40;
function fixtureDir(name) {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "fixtures", name);
    if (existsSync(join(candidate, "model-ci.yml"))) return candidate;
  }
  throw new Error(`fixtures/${name} not found above ${fileURLToPath(import.meta.url)}`);
}
var IDENTITY = {
  GIT_AUTHOR_NAME: "model-ci example",
  GIT_AUTHOR_EMAIL: "example@model-ci.invalid",
  GIT_COMMITTER_NAME: "model-ci example",
  GIT_COMMITTER_EMAIL: "example@model-ci.invalid"
};
async function exampleGit(dir, args) {
  return (await git(args, { cwd: dir, env: { ...process.env, ...IDENTITY } })).trim();
}
async function createExampleRepo(dir) {
  await cp(fixtureDir(EXAMPLE_FIXTURE), dir, { recursive: true });
  const csvPath = join(dir, DATA_FILE);
  const lines = (await readFile(csvPath, "utf8")).trimEnd().split(/\r?\n/);
  const held = lines.splice(lines.length - ADDED_ROWS, ADDED_ROWS);
  await writeFile(csvPath, `${lines.join("\n")}
`);
  await exampleGit(dir, ["init", "--quiet", "--initial-branch=main"]);
  await exampleGit(dir, ["add", "--all"]);
  await exampleGit(dir, ["commit", "--quiet", "-m", "Breast-cancer model: data, params and model-ci config"]);
  const mainSha = await exampleGit(dir, ["rev-parse", "HEAD"]);
  await exampleGit(dir, ["switch", "--quiet", "-c", "pr"]);
  await writeFile(csvPath, `${[...lines, ...held].join("\n")}
`);
  const paramsPath = join(dir, "params.yaml");
  const params = await readFile(paramsPath, "utf8");
  await writeFile(paramsPath, params.replace(/hidden_units: .*/, "hidden_units: [32]").replace(/dropout: .*/, "dropout: 0.1"));
  await exampleGit(dir, ["commit", "--quiet", "--all", "-m", `Wider network with dropout; ${ADDED_ROWS} more labelled rows`]);
  const prSha = await exampleGit(dir, ["rev-parse", "HEAD"]);
  return { dir, mainSha, prSha };
}
export {
  EXAMPLE_FIXTURE,
  createExampleRepo,
  exampleGit,
  fixtureDir
};
