import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  NATIVE_PACKAGES
} from "./action-chunk-bc1fafee27.js";
import {
  group,
  info,
  warning
} from "./action-chunk-fb78514aca.js";
import {
  loadConfig
} from "./action-chunk-831e54c8a1.js";
import "./action-chunk-fa08236832.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-afcbbfc458.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-4a2bad3387.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import "./action-chunk-55db69e02f.js";
import {
  nativeFolder
} from "./action-chunk-773d882dc0.js";
import "./action-chunk-e3b0c44298.js";

// src/action/native-backend.ts
import { join } from "node:path";
async function prepareNativeBackend(settings, context) {
  const backend = settings.backend ?? (await loadConfig(join(context.workspace, settings.config))).backend;
  const packageName = backend === "auto" || backend === "dense" ? void 0 : NATIVE_PACKAGES[backend];
  if (!packageName) {
    info(`install-native-backend: the ${backend} backend needs no native package`);
    return;
  }
  try {
    const folder = await group(`native backend ${packageName}`, () => nativeFolder(packageName, context.workspace, { install: true, log: info }));
    if (!folder)
      warning(
        `install-native-backend: no tool cache on this runner (RUNNER_TOOL_CACHE, or RUNNER_TEMP in a job that holds secrets, is unset): ${packageName} must be in the workspace`
      );
  } catch (error) {
    warning(`could not install ${packageName}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
export {
  prepareNativeBackend
};
