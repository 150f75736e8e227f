import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  httpStatus
} from "./action-chunk-34a48b51a2.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";

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
async function headPushedAt(gh, pull) {
  if (pull.headRepoFullName === null) return null;
  const [owner, repo] = pull.headRepoFullName.split("/");
  try {
    const { data } = await gh.rest.repos.listActivities({ owner, repo, ref: `refs/heads/${pull.headRef}`, per_page: 100 });
    const push = data.find((activity) => activity.after === pull.headSha);
    const at = push ? new Date(push.timestamp) : null;
    return at && Number.isFinite(at.getTime()) ? at : null;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) return null;
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
  headPushedAt,
  MAX_LISTED_PULL_FILES,
  listPullFiles
};
