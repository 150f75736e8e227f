/** One file of a commit, read from git's objects (never from the work tree, which a PR controls). */
import { git, gitBytes } from './git.ts';

export type BlobAt = { kind: 'missing' } | { kind: 'not-a-file'; mode: string } | { kind: 'too-big'; bytes: number } | { kind: 'blob'; bytes: Buffer };

/**
 * `path` relative to the repository root, `/`-separated. Only a regular file is read: a symlink's blob
 * is its target's name, and a submodule is another repository.
 */
export async function readBlobAt(repoRoot: string, commit: string, path: string, maxBytes: number): Promise<BlobAt> {
  // `<mode> <type> <object> <size>\t<path>`; nothing when the commit has no such path.
  const entry = (await git(['ls-tree', '-l', '--full-tree', commit, '--', path], { cwd: repoRoot })).split('\t')[0].trim();
  if (entry === '') return { kind: 'missing' };
  const [mode, type, object, size] = entry.split(/\s+/);
  if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) return { kind: 'not-a-file', mode };
  if (Number(size) > maxBytes) return { kind: 'too-big', bytes: Number(size) };
  return { kind: 'blob', bytes: await gitBytes(['cat-file', 'blob', object], { cwd: repoRoot }) };
}
