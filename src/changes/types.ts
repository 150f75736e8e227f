/** Files changed between two commits, as a pull request's "Files changed" lists them. */

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  /** Path relative to the repository root, `/`-separated; for a deletion, the path that was deleted. */
  path: string;
  status: ChangeStatus;
  /** The path before a rename. */
  previousPath?: string;
}

export interface ChangedFiles {
  files: ChangedFile[];
  /** `git` when computed locally, `api` when the caller's fallback (GitHub's file list) supplied it. */
  source: 'git' | 'api';
}
