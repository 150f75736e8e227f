import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  NATIVE_PACKAGES,
  nativeFolder
} from "./action-chunk-RVZTZNZD.js";
import {
  loadConfig
} from "./action-chunk-AEV3ON4H.js";
import "./action-chunk-EXVVL7ZD.js";
import "./action-chunk-VRFJ3H7T.js";
import "./action-chunk-ABDEFCN6.js";
import {
  group,
  info,
  warning
} from "./action-chunk-HE2N44BQ.js";
import "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

// src/action/native-backend.ts
import { join } from "node:path";
async function prepareNativeBackend(settings, context) {
  const backend = settings.backend ?? (await loadConfig(join(context.workspace, settings.config))).backend;
  const packageName = backend === "auto" ? void 0 : NATIVE_PACKAGES[backend];
  if (!packageName) {
    info(`install-native-backend: the ${backend} backend needs no native package`);
    return;
  }
  try {
    const folder = await group(`native backend ${packageName}`, () => nativeFolder(packageName, context.workspace, { install: true, log: info }));
    if (!folder) warning(`install-native-backend: no tool cache on this runner (RUNNER_TOOL_CACHE is unset): ${packageName} must be in the workspace`);
  } catch (error) {
    warning(`could not install ${packageName}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
export {
  prepareNativeBackend
};
