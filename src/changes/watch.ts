/**
 * Pure: does a change touch a watched path, and so must the model be retrained?
 * The reason is one line, because it is what a user reads in the log and the
 * job summary when nothing was retrained.
 */
import { compileGlob } from './glob.ts';
import type { ChangedFile } from './types.ts';

/** How many paths a reason names before it says "…". */
const NAMED_PATHS = 3;

export interface WatchMatch {
  /** The changed paths that are watched, in input order. */
  matched: string[];
  reason: string;
}

/**
 * Which of `files` the `globs` select. Patterns apply in order and the last
 * one that matches a path decides, so `!data/README.md` after `data/**`
 * un-watches one file (GitHub Actions' `paths` and `.gitignore` do the same).
 */
export function matchWatched(files: readonly string[], globs: readonly string[]): WatchMatch {
  const rules = globs.map((glob, index) => {
    const negated = glob.startsWith('!');
    return { negated, matches: compileGlob(negated ? glob.slice(1) : glob, `watch[${index}]`) };
  });
  const matched = files.filter((file) => {
    let watched = false;
    for (const rule of rules) if (rule.matches(file)) watched = !rule.negated;
    return watched;
  });
  if (matched.length > 0) {
    const reason = matched.length <= NAMED_PATHS ? `${listPaths(matched)} changed` : `${matched.length} watched paths changed: ${listPaths(matched)}`;
    return { matched, reason };
  }
  if (files.length === 0) return { matched, reason: 'no files changed' };
  return { matched, reason: `no watched path changed (${files.length} ${files.length === 1 ? 'file' : 'files'} changed: ${listPaths(files)})` };
}

export interface RetrainDecision {
  retrain: boolean;
  reason: string;
}

/**
 * Retrain when forced or when a watched path changed. A rename counts under
 * both names: moving a data file away is as much a change as editing it.
 */
export function decideRetrain(options: { changed: readonly ChangedFile[]; watch: readonly string[]; force?: boolean }): RetrainDecision {
  if (options.force) return { retrain: true, reason: 'forced by input' };
  const paths = [...new Set(options.changed.flatMap((file) => (file.previousPath ? [file.previousPath, file.path] : [file.path])))];
  const { matched, reason } = matchWatched(paths, options.watch);
  return { retrain: matched.length > 0, reason };
}

/** `a, b and c` for up to `NAMED_PATHS` paths, else `a, b, c, …`. */
function listPaths(paths: readonly string[]): string {
  if (paths.length > NAMED_PATHS) return `${paths.slice(0, NAMED_PATHS).join(', ')}, …`;
  if (paths.length === 1) return paths[0];
  return `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
}
