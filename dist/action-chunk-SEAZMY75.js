import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  httpStatus
} from "./action-chunk-E4545SVN.js";
import {
  UserError
} from "./action-chunk-QFPM7OST.js";

// src/github/pulls.ts
async function getPull(gh, owner, repo, number) {
  try {
    const { data } = await gh.rest.pulls.get({ owner, repo, pull_number: number });
    const headRepoFullName = data.head.repo?.full_name ?? null;
    return {
      number: data.number,
      state: data.state === "closed" ? "closed" : "open",
      merged: data.merged,
      draft: data.draft ?? false,
      headSha: data.head.sha,
      baseSha: data.base.sha,
      headRef: data.head.ref,
      baseRef: data.base.ref,
      headRepoFullName,
      baseRepoFullName: data.base.repo.full_name,
      isFork: headRepoFullName === null || headRepoFullName !== data.base.repo.full_name,
      author: data.user?.login ?? null,
      changedFiles: data.changed_files,
      htmlUrl: data.html_url
    };
  } catch (error) {
    if (httpStatus(error) === 404) {
      throw new UserError(`pull request ${owner}/${repo}#${number} not found (or the token cannot see it)`, { field: "pull_number" });
    }
    throw error;
  }
}
var MAX_LISTED_PULL_FILES = 3e3;
async function listPullFiles(gh, owner, repo, number) {
  const entries = await gh.paginate(gh.rest.pulls.listFiles, { owner, repo, pull_number: number, per_page: 100 });
  const files = entries.map(({ filename, status, previous_filename }) => ({
    filename,
    status,
    ...previous_filename ? { previousFilename: previous_filename } : {}
  }));
  return { files, truncated: files.length >= MAX_LISTED_PULL_FILES };
}

export {
  getPull,
  MAX_LISTED_PULL_FILES,
  listPullFiles
};
