/**
 * Which shard of a file a `model-ci predict` process predicts: `--shard K/N` (K from 1), or a
 * Kubernetes Indexed Job's JOB_COMPLETION_INDEX (from 0) with JOB_COMPLETION_COUNT (which the Job's
 * spec passes on: Kubernetes sets only the index). Pure: the caller passes the environment.
 */
import type { ByteRange } from '../data/csv-batches.ts';
import { excerpt, UserError } from '../errors.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** More shards than this is a typo, not a plan (and each shard tokenizes the bytes before its own). */
export const MAX_SHARDS = 10_000;

const SPEC = /^(\d{1,9})\/(\d{1,9})$/;

export function shardOf(option: string | undefined, env: NodeJS.ProcessEnv): Shard | undefined {
  if (option !== undefined) {
    const match = SPEC.exec(option.trim());
    if (!match) throw new UserError(`--shard ${JSON.stringify(excerpt(option))}: expected K/N, two whole numbers with 1 ≤ K ≤ N (e.g. 2/8)`);
    return checked(Number(match[1]), Number(match[2]), `--shard ${option.trim()}`);
  }
  const index = env.JOB_COMPLETION_INDEX;
  const count = env.JOB_COMPLETION_COUNT;
  if (index === undefined && count === undefined) return undefined;
  if (index === undefined || count === undefined) {
    throw new UserError(
      `JOB_COMPLETION_${index === undefined ? 'INDEX' : 'COUNT'} is not set but JOB_COMPLETION_${index === undefined ? 'COUNT' : 'INDEX'} is: ` +
        'a Kubernetes Indexed Job sets the index; pass the count with `env: [{name: JOB_COMPLETION_COUNT, value: "<completions>"}]` (or use --shard K/N)',
    );
  }
  if (!/^\d{1,9}$/.test(index) || !/^\d{1,9}$/.test(count)) {
    throw new UserError(
      `JOB_COMPLETION_INDEX=${JSON.stringify(excerpt(index))} and JOB_COMPLETION_COUNT=${JSON.stringify(excerpt(count))}: expected whole numbers, the index from 0 to the count - 1`,
    );
  }
  const given = `JOB_COMPLETION_INDEX=${index} with JOB_COMPLETION_COUNT=${count}`;
  if (Number(count) >= 1 && Number(index) >= Number(count)) throw new UserError(`${given}: the index counts from 0 and must be below the count`);
  return checked(Number(index) + 1, Number(count), given);
}

function checked(index: number, count: number, given: string): Shard {
  if (count < 1 || count > MAX_SHARDS) throw new UserError(`${given}: the number of shards must be from 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) throw new UserError(`${given}: the shard must be from 1 to ${count} (shards count from 1: 1/${count} … ${count}/${count})`);
  return { index, count };
}

/** Shard K of N owns bytes [⌊(K-1)·size/N⌋, ⌊K·size/N⌋): every process computes the same boundaries, so the ranges tile the file. */
export function shardRange(size: number, { index, count }: Shard): ByteRange {
  const at = (k: number) => Number((BigInt(size) * BigInt(k)) / BigInt(count));
  return { start: at(index - 1), end: at(index) };
}
