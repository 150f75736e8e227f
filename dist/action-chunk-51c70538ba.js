import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  schemaProblems,
  sha,
  str,
  validator
} from "./action-chunk-18413418a4.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/action/candidate-file.ts
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/schemas/candidate.ts
var CANDIDATE_SCHEMA = 1;
var candidateSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    schema: { type: "integer", const: CANDIDATE_SCHEMA },
    headSha: sha,
    id: { type: "string", pattern: "^c[0-9]{1,3}$" },
    name: str(),
    params: { type: "object", required: [], maxProperties: 50 },
    backend: str(50),
    run: {
      type: "object",
      additionalProperties: false,
      properties: {
        metrics: { type: "object", required: [], additionalProperties: { type: "number" }, maxProperties: 100 },
        params: {
          type: "object",
          required: [],
          additionalProperties: { type: ["string", "number", "boolean"], maxLength: 2e3, nullable: true },
          maxProperties: 1e3
        },
        data: {
          type: "object",
          required: [],
          additionalProperties: {
            type: "object",
            additionalProperties: false,
            properties: { hash: str(100), rows: { type: "number" } },
            required: ["hash", "rows"]
          },
          maxProperties: 1e3
        }
      },
      required: ["metrics", "params", "data"]
    }
  },
  required: ["schema", "headSha", "id", "name", "params", "backend", "run"]
};

// src/action/candidate-file.ts
var PREFIX = "candidate-";
async function writeCandidateFile(dir, headSha, result) {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${PREFIX}${result.id}.json`);
  await writeFile(file, `${JSON.stringify({ schema: CANDIDATE_SCHEMA, headSha, ...result })}
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
    } catch {
      throw new UserError("not a candidate result: the file is not JSON", { file });
    }
    const validate = await validator(candidateSchema);
    if (!validate(value)) {
      const [first] = schemaProblems(validate.errors, value);
      throw new UserError(`not a candidate result: ${first?.path || "(root)"}: ${first?.message ?? "unknown problem"}`, {
        file,
        field: first?.path || void 0
      });
    }
    const { schema: _schema, headSha: sha2, ...result } = value;
    if (sha2 !== headSha) throw new UserError(`the candidate result is for commit ${sha2.slice(0, 12)}, not ${headSha.slice(0, 12)}`, { file });
    results.push(result);
  }
  return results;
}

export {
  writeCandidateFile,
  readCandidateFiles
};
