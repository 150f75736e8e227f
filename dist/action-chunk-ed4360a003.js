import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  gitHubMessage,
  httpStatus
} from "./action-chunk-34a48b51a2.js";
import {
  COMMENT_LIMIT
} from "./action-chunk-b76d797161.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/github/sticky.ts
var MAX_COMMENT_LENGTH = COMMENT_LIMIT;
var GITHUB_ACTIONS_BOT = "github-actions[bot]";
async function upsertStickyComment(gh, target) {
  const { owner, repo, issueNumber, marker } = target;
  const body = startsWithMarker(target.body, marker) ? target.body : `${marker}
${target.body}`;
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new Error(
      `comment for ${owner}/${repo}#${issueNumber} is ${body.length} characters, over GitHub's limit of ${MAX_COMMENT_LENGTH}: the report must be truncated before posting`
    );
  }
  const where = `${owner}/${repo}#${issueNumber}`;
  const isOurs = (comment, login) => isSticky(comment, marker, login ?? target.botLogin);
  const existing = (await listComments(gh, owner, repo, issueNumber)).filter((c) => isOurs(c)).sort(byId);
  if (existing.length > 0) {
    const [keep2, ...duplicates] = existing;
    let action = "unchanged";
    if (keep2.body !== body) {
      await write(where, () => gh.rest.issues.updateComment({ owner, repo, comment_id: keep2.id, body }));
      action = "updated";
    }
    const deletedDuplicates2 = await deleteComments(gh, owner, repo, duplicates);
    return { action, id: keep2.id, deletedDuplicates: deletedDuplicates2 };
  }
  const created = (await write(where, () => gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }))).data;
  const ourLogin = created.user?.login;
  const ours = (await listComments(gh, owner, repo, issueNumber)).filter((c) => isOurs(c, ourLogin)).sort(byId);
  const [keep] = ours;
  if (!keep || keep.id === created.id) {
    return { action: "created", id: created.id, deletedDuplicates: await deleteComments(gh, owner, repo, ours.slice(1)) };
  }
  const deletedDuplicates = await deleteComments(
    gh,
    owner,
    repo,
    ours.filter((c) => c.id !== keep.id)
  );
  if (keep.body !== body) {
    await write(where, () => gh.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body }));
    return { action: "updated", id: keep.id, deletedDuplicates };
  }
  return { action: "unchanged", id: keep.id, deletedDuplicates };
}
async function repostStickyComment(gh, target) {
  const { owner, repo, issueNumber, marker } = target;
  const where = `${owner}/${repo}#${issueNumber}`;
  const ours = (await listComments(gh, owner, repo, issueNumber)).filter((c) => isSticky(c, marker, target.botLogin)).sort(byId);
  const latest = ours.at(-1);
  if (!latest?.body) return null;
  const created = (await write(where, () => gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: latest.body }))).data;
  await deleteComments(gh, owner, repo, ours);
  return { id: created.id };
}
function isSticky(comment, marker, botLogin) {
  return startsWithMarker(comment.body ?? "", marker) && comment.user !== null && isOurAuthor(comment.user, botLogin);
}
var startsWithMarker = (body, marker) => body === marker || body.startsWith(`${marker}
`);
function isOurAuthor(user, botLogin) {
  if (botLogin) return user.login.toLowerCase() === botLogin.toLowerCase();
  return user.login === GITHUB_ACTIONS_BOT || user.type === "Bot";
}
var byId = (a, b) => a.id - b.id;
async function listComments(gh, owner, repo, issueNumber) {
  try {
    return await gh.paginate(gh.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  } catch (error) {
    if (httpStatus(error) === 404) {
      throw new UserError(`pull request or issue ${owner}/${repo}#${issueNumber} not found (or the token cannot see it)`, {
        field: "issue_number"
      });
    }
    throw error;
  }
}
async function write(where, request) {
  try {
    return await request();
  } catch (error) {
    const status = httpStatus(error);
    if (status === 422) {
      throw new Error(`GitHub rejected the comment on ${where} (422): ${gitHubMessage(error)}`, { cause: error });
    }
    if (status === 403) {
      throw new UserError(
        `the token may not write comments on ${where} (403: ${gitHubMessage(error)}); give the job \`permissions: pull-requests: write\`, and post reports for fork pull requests from a workflow_run workflow`,
        { field: "permissions" }
      );
    }
    throw error;
  }
}
async function deleteComments(gh, owner, repo, comments) {
  let deleted = 0;
  for (const comment of comments) {
    try {
      await gh.rest.issues.deleteComment({ owner, repo, comment_id: comment.id });
      deleted++;
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return deleted;
}

export {
  MAX_COMMENT_LENGTH,
  GITHUB_ACTIONS_BOT,
  upsertStickyComment,
  repostStickyComment,
  isSticky
};
