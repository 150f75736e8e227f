import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import "./cli-chunk-e3b0c44298.js";

// src/kubernetes/write-manifests.ts
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function writeManifestFiles(dir, files) {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, `.${name}.tmp`), text);
    await rename(join(dir, `.${name}.tmp`), join(dir, name));
  }
}
export {
  writeManifestFiles
};
