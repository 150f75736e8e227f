import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  readCsv
} from "./cli-chunk-75b5eb63a8.js";
import {
  cellText
} from "./cli-chunk-19e7804730.js";
import "./cli-chunk-82396b2bd9.js";
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError
} from "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/cli/instances.ts
import { readFile } from "node:fs/promises";
async function instancesFromCsv(file, pre) {
  const categorical = pre.features.filter((f) => f.kind === "categorical").map((f) => f.name);
  const table = await readCsv(file, { categorical });
  const columns = table.columns.filter((c) => c.name !== pre.target);
  const instances = [];
  for (let row = 0; row < table.rowCount; row++) {
    const instance = {};
    for (const col of columns) instance[col.name] = col.kind === "numeric" ? col.values[row] : cellText(col, row);
    instances.push(instance);
  }
  return instances;
}
function instancesFromJson(text, source) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`is not valid JSON (${error.message})`, { file: source });
  }
  const instances = Array.isArray(value) ? value : value?.instances;
  if (!Array.isArray(instances)) {
    throw new UserError('expected a JSON array of instances or an object {"instances": [...]}', { file: source });
  }
  return instances;
}
async function readJsonFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = error.code;
    throw new UserError(code === "ENOENT" ? "no such file" : `cannot be read (${code ?? String(error)})`, { file: displayPath(file) });
  }
  return instancesFromJson(text, displayPath(file));
}
export {
  instancesFromCsv,
  instancesFromJson,
  readJsonFile
};
