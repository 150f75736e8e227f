/** What went into the two models: changed params and data files. */
import type { Scalar } from '../domain/config.ts';
import type { DataFileStats } from '../domain/run-artifacts.ts';
import { byCodePoint } from './metric-rows.ts';
import type { DataChange, ParamChange } from './types.ts';

/** Changed keys only (added, removed or different), by dotted path, sorted. */
export function diffParams(base: Record<string, Scalar>, head: Record<string, Scalar>): ParamChange[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort(byCodePoint);
  const changes: ParamChange[] = [];
  for (const key of keys) {
    const inBase = Object.hasOwn(base, key);
    const inHead = Object.hasOwn(head, key);
    if (inBase && inHead && Object.is(base[key], head[key])) continue;
    const change: ParamChange = { key };
    if (inBase) change.base = base[key];
    if (inHead) change.head = head[key];
    changes.push(change);
  }
  return changes;
}

/** Every data file of either side, sorted; a file is modified when its content hash differs. */
export function diffData(base: Record<string, DataFileStats>, head: Record<string, DataFileStats>): DataChange[] {
  const files = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort(byCodePoint);
  return files.map((file) => {
    const before = Object.hasOwn(base, file) ? base[file] : undefined;
    const after = Object.hasOwn(head, file) ? head[file] : undefined;
    const change: DataChange = {
      file,
      change: !before ? 'added' : !after ? 'removed' : before.hash === after.hash ? 'unchanged' : 'modified',
    };
    if (before) Object.assign(change, { baseRows: before.rows, baseHash: before.hash });
    if (after) Object.assign(change, { headRows: after.rows, headHash: after.hash });
    return change;
  });
}
