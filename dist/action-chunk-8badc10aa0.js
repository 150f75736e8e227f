import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  require_ajv
} from "./action-chunk-1b931d9861.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import {
  __toESM
} from "./action-chunk-e3b0c44298.js";

// src/action/candidate-file.ts
var import_ajv = __toESM(require_ajv(), 1);
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
var SCHEMA_VERSION = 1;
var PREFIX = "candidate-";
async function writeCandidateFile(dir, headSha, result) {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${PREFIX}${result.id}.json`);
  await writeFile(file, `${JSON.stringify({ schema: SCHEMA_VERSION, headSha, ...result })}
`);
  return file;
}
async function readCandidateFiles(dir, headSha) {
  const entries = await readdir(dir, { recursive: true }).catch(() => {
    throw new UserError("no candidate results: the folder is missing (did the candidate jobs upload their report-dir?)", { file: dir });
  });
  const files = entries.filter((entry) => /(^|\/)candidate-[a-z0-9]+\.json$/.test(entry)).sort();
  if (files.length === 0) throw new UserError("no candidate results (candidate-*.json) found", { file: dir });
  const results = [];
  for (const name of files) {
    const file = join(dir, name);
    let value;
    try {
      value = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw new UserError(`not a candidate result: ${error.message}`, { file });
    }
    const validate = validator();
    if (!validate(value))
      throw new UserError(`not a candidate result: ${validate.errors?.[0]?.instancePath || "(root)"} ${validate.errors?.[0]?.message ?? ""}`, { file });
    const { schema: _schema, headSha: sha, ...result } = value;
    if (sha !== headSha) throw new UserError(`the candidate result is for commit ${sha.slice(0, 12)}, not ${headSha.slice(0, 12)}`, { file });
    results.push(result);
  }
  return results;
}
var str = (maxLength = 500) => ({ type: "string", maxLength });
var num = { type: "number" };
var object = (properties, required) => ({ type: "object", properties, required, additionalProperties: false });
var record = (values, maxProperties = 1e3) => ({ type: "object", additionalProperties: values, maxProperties });
var schema = object(
  {
    schema: { const: SCHEMA_VERSION },
    headSha: { type: "string", pattern: "^[0-9a-f]{40}([0-9a-f]{24})?$" },
    id: { type: "string", pattern: "^c[0-9]{1,3}$" },
    name: str(),
    params: record({}, 50),
    backend: str(50),
    run: object(
      {
        metrics: record(num, 100),
        params: record({ anyOf: [str(2e3), num, { type: "boolean" }, { type: "null" }] }),
        data: record(object({ hash: str(100), rows: num }, ["hash", "rows"]), 1e3)
      },
      ["metrics", "params", "data"]
    )
  },
  ["schema", "headSha", "id", "name", "params", "backend", "run"]
);
var compiled;
var validator = () => compiled ??= new import_ajv.Ajv({ strict: true }).compile(schema);

export {
  writeCandidateFile,
  readCandidateFiles
};
