import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  SERVER_ENTRY
} from "./cli-chunk-75ac2e035d.js";
import "./cli-chunk-71fa4578e2.js";
import "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/docker/server-dist.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function serverDistDir() {
  const here = dirname(fileURLToPath(import.meta.url));
  return existsSync(join(here, SERVER_ENTRY)) ? here : join(here, "..", "..", "dist");
}
export {
  serverDistDir
};
