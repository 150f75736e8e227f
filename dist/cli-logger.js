import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import "./cli-chunk-e3b0c44298.js";

// src/logger.ts
var consoleLogger = (write = (line) => process.stderr.write(`${line}
`)) => ({
  info: write,
  warn: (message) => write(`warning: ${message}`),
  async group(title, fn) {
    write(`\u2500\u2500 ${title}`);
    return fn();
  }
});
export {
  consoleLogger
};
