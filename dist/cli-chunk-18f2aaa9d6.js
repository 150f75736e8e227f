import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  UserError,
  excerpt
} from "./cli-chunk-55db69e02f.js";

// src/cli/shard.ts
var MAX_SHARDS = 1e4;
var SPEC = /^(\d{1,9})\/(\d{1,9})$/;
function shardOf(option, env) {
  if (option !== void 0) {
    const match = SPEC.exec(option.trim());
    if (!match) throw new UserError(`--shard ${JSON.stringify(excerpt(option))}: expected K/N, two whole numbers with 1 \u2264 K \u2264 N (e.g. 2/8)`);
    return checked(Number(match[1]), Number(match[2]), `--shard ${option.trim()}`);
  }
  const index = env.JOB_COMPLETION_INDEX;
  const count = env.JOB_COMPLETION_COUNT;
  if (index === void 0 && count === void 0) return void 0;
  if (index === void 0 || count === void 0) {
    throw new UserError(
      `JOB_COMPLETION_${index === void 0 ? "INDEX" : "COUNT"} is not set but JOB_COMPLETION_${index === void 0 ? "COUNT" : "INDEX"} is: a Kubernetes Indexed Job sets the index; pass the count with \`env: [{name: JOB_COMPLETION_COUNT, value: "<completions>"}]\` (or use --shard K/N)`
    );
  }
  if (!/^\d{1,9}$/.test(index) || !/^\d{1,9}$/.test(count)) {
    throw new UserError(
      `JOB_COMPLETION_INDEX=${JSON.stringify(excerpt(index))} and JOB_COMPLETION_COUNT=${JSON.stringify(excerpt(count))}: expected whole numbers, the index from 0 to the count - 1`
    );
  }
  const given = `JOB_COMPLETION_INDEX=${index} with JOB_COMPLETION_COUNT=${count}`;
  if (Number(count) >= 1 && Number(index) >= Number(count)) throw new UserError(`${given}: the index counts from 0 and must be below the count`);
  return checked(Number(index) + 1, Number(count), given);
}
function checked(index, count, given) {
  if (count < 1 || count > MAX_SHARDS) throw new UserError(`${given}: the number of shards must be from 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) throw new UserError(`${given}: the shard must be from 1 to ${count} (shards count from 1: 1/${count} \u2026 ${count}/${count})`);
  return { index, count };
}
function shardRange(size, { index, count }) {
  const at = (k) => Number(BigInt(size) * BigInt(k) / BigInt(count));
  return { start: at(index - 1), end: at(index) };
}

export {
  MAX_SHARDS,
  shardOf,
  shardRange
};
