import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  MAX_COMMENT_LENGTH,
  isSticky
} from "./action-chunk-ed4360a003.js";
import {
  gitHubMessage,
  httpStatus
} from "./action-chunk-34a48b51a2.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-b76d797161.js";
import "./action-chunk-7ba064f90f.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/github/drift-issue.ts
async function upsertDriftIssue(gh, target) {
  const { owner, repo, marker, title } = target;
  const body = `${marker}
${target.body}`;
  if (body.length > MAX_COMMENT_LENGTH) throw new Error(`drift issue body is ${body.length} characters, over GitHub's limit of ${MAX_COMMENT_LENGTH}`);
  const where = `${owner}/${repo}`;
  const open = await gh.paginate(gh.rest.issues.listForRepo, { owner, repo, state: "open", per_page: 100 });
  const ours = open.filter((issue) => !issue.pull_request && isSticky({ id: issue.id, body: issue.body ?? void 0, user: issue.user }, marker, target.botLogin)).sort((a, b) => a.number - b.number);
  const existing = ours[0];
  if (existing) {
    if (existing.body === body && existing.title === title) return { action: "unchanged", number: existing.number };
    await write(where, () => gh.rest.issues.update({ owner, repo, issue_number: existing.number, title, body }));
    return { action: "updated", number: existing.number };
  }
  const created = await write(where, () => gh.rest.issues.create({ owner, repo, title, body }));
  return { action: "created", number: created.data.number };
}
async function write(where, request) {
  try {
    return await request();
  } catch (error) {
    if (httpStatus(error) === 403) {
      throw new UserError(`the token may not write issues in ${where} (403: ${gitHubMessage(error)}); give the job \`permissions: issues: write\``, {
        field: "permissions"
      });
    }
    throw error;
  }
}
export {
  upsertDriftIssue
};
