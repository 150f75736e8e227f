import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  fileErrorReason
} from "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/cli/prediction-output.ts
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
async function writeOutput(out, io, produce) {
  if (out === void 0) {
    return produce(async (bytes) => {
      if (bytes.length === 0) return;
      if (io.writeStdout) await io.writeStdout(bytes);
      else io.stdout(Buffer.from(bytes).toString("utf8"));
    });
  }
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temporary, "wx", 420);
  } catch (error) {
    throw new UserError(`cannot write ${displayPath(out)}: ${fileErrorReason(error)}`, { file: displayPath(out) });
  }
  try {
    const result = await produce(async (bytes) => {
      if (bytes.length > 0) await handle.write(bytes);
    });
    await handle.close();
    await rename(temporary, out).catch((error) => {
      throw new UserError(`cannot write ${displayPath(out)}: ${fileErrorReason(error)}`, { file: displayPath(out) });
    });
    return result;
  } catch (error) {
    await handle.close().catch(() => {
    });
    await rm(temporary, { force: true });
    throw error;
  }
}
export {
  writeOutput
};
