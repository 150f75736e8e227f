import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  createGitHubClient,
  gitHubMessage,
  httpStatus
} from "./action-chunk-34a48b51a2.js";
import {
  link,
  safeUrl
} from "./action-chunk-7ba064f90f.js";
import {
  actionLogger
} from "./action-chunk-90713e0a1a.js";
import {
  info,
  setOutput
} from "./action-chunk-fb78514aca.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/github/sticky.ts
var MAX_COMMENT_LENGTH = 65536;
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

// src/report/marker.ts
function commentMarker(name) {
  return `<!-- model-ci:${name.replace(/[%<>!\s\u0000-\u001f\u007f]|-(?=-)/gu, percentEncode)} -->`;
}
function percentEncode(text) {
  return [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

// src/report/truncate.ts
var COMMENT_LIMIT = 65536;
var MARGIN = 1e3;
function truncateReport(markdown, limit = COMMENT_LIMIT, summaryUrl) {
  const target = limit - MARGIN;
  if (markdown.length <= target) return markdown;
  const note = `> [!WARNING]
> This report was cut to fit GitHub's comment size limit. ${safeUrl(summaryUrl) ? `${link("The full report is in the job summary", summaryUrl)}.` : "The full report is in the job summary of this run."}
`;
  const markerEnd = markdown.indexOf("\n") + 1 || markdown.length;
  let budget = target - note.length - 1;
  for (; ; ) {
    let cut = markdown.lastIndexOf("\n", budget - 1) + 1;
    if (cut <= markerEnd) cut = Math.max(markerEnd, safeCut(markdown, budget));
    const kept = markdown.slice(0, cut);
    const result = `${kept}${kept.endsWith("\n") ? "" : "\n"}${closersFor(kept)}
${note}`;
    if (result.length <= target || cut <= markerEnd) return result;
    budget -= result.length - target;
  }
}
function safeCut(text, at) {
  const code = text.charCodeAt(at - 1);
  return code >= 55296 && code <= 56319 ? at - 1 : at;
}
function closersFor(text) {
  let fence;
  let openDetails = 0;
  for (const line of text.split("\n")) {
    const marker = /^( {0,3})(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (marker && marker[2][0] === fence.char && marker[2].length >= fence.length && line.trim() === marker[2]) fence = void 0;
    } else if (marker) {
      fence = { char: marker[2][0], length: marker[2].length, indent: marker[1] };
    } else if (/^<details[\s>]/.test(line)) {
      openDetails++;
    } else if (/^<\/details>/.test(line) && openDetails > 0) {
      openDetails--;
    }
  }
  const lines = [];
  if (fence) lines.push(fence.indent + fence.char.repeat(fence.length));
  for (let i = 0; i < openDetails; i++) lines.push("</details>");
  return lines.map((line) => `${line}
`).join("");
}

// src/action/publish.ts
function gitHubClient(settings, context) {
  return createGitHubClient({ token: settings.token, baseUrl: context.apiUrl, log: actionLogger });
}
async function postComment(gh, settings, context, issueNumber, model, markdown) {
  const result = await upsertStickyComment(gh, {
    owner: context.owner,
    repo: context.repo,
    issueNumber,
    marker: commentMarker(model),
    body: truncateReport(markdown, void 0, context.runUrl || void 0),
    botLogin: settings.botLogin
  });
  info(`sticky comment ${result.action} (#${result.id})${result.deletedDuplicates ? `, ${result.deletedDuplicates} duplicate(s) removed` : ""}`);
  setOutput("comment-id", String(result.id));
  return result.id;
}

export {
  commentMarker,
  repostStickyComment,
  gitHubClient,
  postComment
};
