import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/domain/record.ts
var RECORD_SCHEMA = 1;
var FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var MAX_RECENT_RECORDS = 20;
var MODEL_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
var MODEL_CI_VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]{1,60})?$/;
var MODEL_HASH = /^sha256:[0-9a-f]{64}$/;

export {
  RECORD_SCHEMA,
  FULL_SHA,
  MAX_RECENT_RECORDS,
  MODEL_NAME,
  MODEL_CI_VERSION,
  MODEL_HASH
};
