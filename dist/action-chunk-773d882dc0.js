import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/model/native.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
var NATIVE_VERSION = "4.22.0";
var NATIVE_INTEGRITY = {
  "@tensorflow/tfjs-node": "sha512-uHrXeUlfgkMxTZqHkESSV7zSdKdV0LlsBeblqkuKU9nnfxB1pC6DtoyYVaLxznzZy7WQSegjcohxxCjAf6Dc7w==",
  "@tensorflow/tfjs-node-gpu": "sha512-p//NN6DGiN4hInUmIkRffaFVMcdTREUMjPyjW04J7OXvB2zBlQimj61eFKSgRrH3f5TnOfKzb0n56he/B6a4bw=="
};
var MANIFEST = "model-ci-manifest.json";
var NativeRefused = class extends Error {
  folder;
  constructor(message, folder) {
    super(message);
    this.folder = folder;
  }
};
var jobHoldsSecrets = false;
function markJobHoldsSecrets() {
  jobHoldsSecrets = true;
}
var installedHere = /* @__PURE__ */ new Map();
function toolCacheFolder(packageName, toolCache = process.env.RUNNER_TOOL_CACHE) {
  return toolCache ? join(toolCache, "model-ci", packageName.replace("/", "+"), NATIVE_VERSION) : void 0;
}
async function nativeFolder(packageName, workspace, options = {}) {
  const secrets = options.secrets ?? jobHoldsSecrets;
  if (has(workspace, packageName)) {
    if (!secrets) return workspace;
    options.log?.(`not loading ${packageName} from the workspace: this job holds secrets and the workspace may hold a pull request's files`);
  }
  const folder = secrets ? jobFolder(packageName, options.runnerTemp) : toolCacheFolder(packageName, options.toolCache);
  if (!folder) return void 0;
  if (has(folder, packageName)) {
    const refusal = secrets ? await unlessInstalledHere(folder) : await unlessManifestMatches(folder, packageName);
    if (!refusal) {
      options.log?.(`${packageName} ${NATIVE_VERSION} verified in ${folder}`);
      return folder;
    }
    if (!options.install) throw new NativeRefused(`refused: ${refusal}`, folder);
    options.log?.(`notice: refusing ${packageName} in ${folder}: ${refusal}; reinstalling it`);
  }
  if (!options.install) return void 0;
  await install(packageName, folder, options);
  return folder;
}
function has(folder, packageName) {
  return existsSync(join(folder, "node_modules", packageName, "package.json"));
}
function jobFolder(packageName, runnerTemp = process.env.RUNNER_TEMP) {
  return runnerTemp ? join(runnerTemp, "model-ci-native", packageName.replace("/", "+"), NATIVE_VERSION) : void 0;
}
async function unlessInstalledHere(folder) {
  const recorded = installedHere.get(folder);
  if (!recorded) return "this job holds secrets and did not install it itself";
  return await treeHash(folder) === recorded ? void 0 : "its files changed since this job installed them";
}
async function unlessManifestMatches(folder, packageName) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(folder, MANIFEST), "utf8"));
  } catch {
    return `it has no readable ${MANIFEST}: model-ci did not install it`;
  }
  if (manifest.package !== packageName || manifest.version !== NATIVE_VERSION || manifest.integrity !== NATIVE_INTEGRITY[packageName]) {
    return `its manifest is not for the ${packageName} ${NATIVE_VERSION} tarball model-ci pins`;
  }
  return await treeHash(folder) === manifest.tree ? void 0 : "its files do not match the hash recorded when model-ci installed it";
}
async function install(packageName, folder, options) {
  const run = (args, cwd) => promisify(execFile)(options.npm ?? "npm", args, { cwd, timeout: 10 * 6e4, maxBuffer: 16 << 20 }).then((out) => out.stdout);
  options.log?.(`installing ${packageName} ${NATIVE_VERSION} into ${folder}; its install script downloads libtensorflow`);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const staging = await mkdtemp(join(options.runnerTemp ?? process.env.RUNNER_TEMP ?? tmpdir(), "model-ci-pack-"));
  try {
    const [packed] = JSON.parse(
      await run(["pack", "--json", "--pack-destination", staging, options.source ?? `${packageName}@${NATIVE_VERSION}`], staging)
    );
    const expected = NATIVE_INTEGRITY[packageName];
    if (!expected || packed?.integrity !== expected) {
      throw new Error(
        `the ${packageName} tarball's integrity ${packed?.integrity ?? "(none)"} is not the ${expected ?? "(none pinned)"} model-ci pins for ${NATIVE_VERSION}; not installed`
      );
    }
    await writeFile(
      join(folder, "package.json"),
      `${JSON.stringify({ name: "model-ci-native-backend", private: true, allowScripts: { [packageName]: true } }, null, 2)}
`
    );
    await run(["install", "--no-audit", "--no-fund", "--no-save", join(staging, packed.filename.replace(/^.*[\\/]/, ""))], folder);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const tree = await treeHash(folder);
  const manifest = { package: packageName, version: NATIVE_VERSION, integrity: NATIVE_INTEGRITY[packageName], tree };
  await writeFile(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}
`);
  installedHere.set(folder, tree);
}
async function treeHash(folder) {
  const hash = createHash("sha256");
  const walk = async (dir) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const name = relative(folder, path);
      if (name === MANIFEST) continue;
      if (entry.isSymbolicLink()) {
        hash.update(`link\0${name}\0${await readlink(path)}\0`);
      } else if (entry.isDirectory()) {
        hash.update(`dir\0${name}\0`);
        await walk(path);
      } else if (entry.isFile()) {
        hash.update(`file\0${name}\0`);
        const content = createHash("sha256");
        for await (const chunk of createReadStream(path)) content.update(chunk);
        hash.update(`${content.digest("hex")}\0`);
      } else {
        hash.update(`other\0${name}\0`);
      }
    }
  };
  await walk(folder);
  return hash.digest("hex");
}
async function gpuLibraryVersions(root = "/") {
  const versions = {};
  const cuda = await readFile(join(root, "usr/local/cuda/version.json"), "utf8").then(
    (text) => JSON.parse(text).cuda?.version,
    () => void 0
  );
  if (cuda) versions.cuda = cuda;
  for (const header of ["usr/include/cudnn_version.h", "usr/include/x86_64-linux-gnu/cudnn_version_v8.h", "usr/local/cuda/include/cudnn_version.h"]) {
    const text = await readFile(join(root, header), "utf8").catch(() => void 0);
    const part = (name) => text ? new RegExp(`#define\\s+CUDNN_${name}\\s+(\\d+)`).exec(text)?.[1] : void 0;
    const [major, minor, patch] = [part("MAJOR"), part("MINOR"), part("PATCHLEVEL")];
    if (major && minor) {
      versions.cudnn = [major, minor, patch].filter(Boolean).join(".");
      break;
    }
  }
  return versions;
}

export {
  NATIVE_VERSION,
  NATIVE_INTEGRITY,
  NativeRefused,
  markJobHoldsSecrets,
  toolCacheFolder,
  nativeFolder,
  treeHash,
  gpuLibraryVersions
};
