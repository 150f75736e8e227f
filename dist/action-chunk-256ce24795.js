import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  parse
} from "./action-chunk-7a5ab46020.js";

// src/action/model-name.ts
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
function peekModelName(configFile) {
  try {
    const doc = parse(readFileSync(configFile, "utf8"));
    if (typeof doc?.name === "string" && doc.name.trim() !== "") return doc.name.trim();
  } catch {
  }
  return basename(dirname(configFile)) || "model";
}

export {
  peekModelName
};
