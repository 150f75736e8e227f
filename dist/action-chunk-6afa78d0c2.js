import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  debug,
  group,
  info,
  warning
} from "./action-chunk-fb78514aca.js";

// src/action/core-logger.ts
var actionLogger = {
  info: (message) => info(message),
  warn: (message) => warning(message),
  debug: (message) => debug(message),
  group: (title, fn) => group(title, fn)
};

export {
  actionLogger
};
