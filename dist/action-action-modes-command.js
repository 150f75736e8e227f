import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  renderReport
} from "./action-chunk-948fca9dba.js";
import "./action-chunk-6fa89fedaf.js";
import "./action-chunk-afe352c118.js";
import "./action-chunk-e5fccb96bd.js";
import "./action-chunk-e5a79ce89a.js";
import "./action-chunk-7d1a89a2f0.js";
import "./action-chunk-f8c3a7d0f4.js";
import {
  getPull,
  headPushedAt
} from "./action-chunk-0d62e16402.js";
import {
  peekModelName,
  runPullRequest
} from "./action-chunk-b15c7b517e.js";
import "./action-chunk-4b574b9bdf.js";
import {
  withPullRequestHead
} from "./action-chunk-7a2e6707a8.js";
import {
  actionLogger
} from "./action-chunk-6afa78d0c2.js";
import {
  info,
  setOutput
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-40eeb72f53.js";
import {
  repostStickyComment
} from "./action-chunk-ed4360a003.js";
import {
  httpStatus
} from "./action-chunk-34a48b51a2.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-b76d797161.js";
import {
  escapeInline
} from "./action-chunk-7ba064f90f.js";
import {
  commentMarker
} from "./action-chunk-983340aefc.js";
import {
  didYouMean
} from "./action-chunk-fa08236832.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-afcbbfc458.js";
import {
  BACKENDS
} from "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-4a2bad3387.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import {
  UserError,
  isUserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/modes/command.ts
import { join, resolve } from "node:path";

// src/bot/parse.ts
var COMMANDS = ["retrain", "report", "help"];
var PREFIX = "/model-ci";
var FLAGS = { retrain: ["--backend"], report: [], help: [] };
function parseComment(body) {
  for (const line of plainTextLines(body)) {
    if (line === PREFIX || line.startsWith(`${PREFIX} `) || line.startsWith(`${PREFIX}	`)) return parseLine(line.slice(PREFIX.length).trim());
  }
  return { kind: "none" };
}
function* plainTextLines(body) {
  let fence;
  let inHtmlComment = false;
  let inQuotedParagraph = false;
  for (const raw of body.split(/\r\n?|\n/)) {
    if (inHtmlComment) {
      if (raw.includes("-->")) inHtmlComment = false;
      continue;
    }
    const indent = indentColumns(raw);
    const text = raw.trimStart();
    if (fence) {
      const closing = /^(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (indent < 4 && closing && closing[1][0] === fence.char && closing[1].length >= fence.length) fence = void 0;
      continue;
    }
    const opening = indent < 4 ? /^(`{3,}|~{3,})(.*)$/.exec(text) : null;
    if (opening && !(opening[1][0] === "`" && opening[2].includes("`"))) {
      fence = { char: opening[1][0], length: opening[1].length };
      inQuotedParagraph = false;
      continue;
    }
    if (text === "") {
      inQuotedParagraph = false;
      continue;
    }
    const visible = text.replace(/<!--[\s\S]*?-->/g, "");
    const open = visible.indexOf("<!--");
    if (open >= 0) inHtmlComment = true;
    if (indent < 4 && text.startsWith(">")) {
      inQuotedParagraph = text.slice(1).trim() !== "";
      continue;
    }
    if (inQuotedParagraph || indent >= 4) continue;
    yield (open >= 0 ? visible.slice(0, open) : visible).trim();
  }
}
function indentColumns(line) {
  let columns = 0;
  for (const char of line) {
    if (char === " ") columns++;
    else if (char === "	") columns += 4 - columns % 4;
    else break;
  }
  return columns;
}
function parseLine(rest) {
  const [name = "", ...args] = rest.split(/\s+/).filter(Boolean);
  if (name === "") return { kind: "command", name: "help" };
  if (!COMMANDS.includes(name)) {
    return { kind: "invalid", message: `unknown command \u201C${quote(name)}\u201D${didYouMean(name, COMMANDS)}; commands: ${COMMANDS.join(", ")}` };
  }
  const command = name;
  let backend;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split("=", 2);
    if (!FLAGS[command].includes(flag)) {
      const allowed = FLAGS[command].length > 0 ? `; \`${command}\` takes ${FLAGS[command].join(", ")}` : `; \`${command}\` takes no flags`;
      return { kind: "invalid", message: `unknown flag \u201C${quote(args[i])}\u201D for \`${command}\`${allowed}` };
    }
    const value = inline ?? args[++i];
    if (value === void 0) return { kind: "invalid", message: `\`--backend\` needs a value: one of ${BACKENDS.join(", ")}` };
    if (!BACKENDS.includes(value)) {
      return { kind: "invalid", message: `unknown backend \u201C${quote(value)}\u201D${didYouMean(value, BACKENDS)}; backends: ${BACKENDS.join(", ")}` };
    }
    backend = value;
  }
  return { kind: "command", name: command, ...backend ? { backend } : {} };
}
var quote = (text) => escapeInline(text.length > 40 ? `${text.slice(0, 40)}\u2026` : text);
var HELP_TEXT = [
  "model-ci commands (from people with write access to this repository):",
  "",
  "- `/model-ci retrain [--backend auto|dense|tensorflow-gpu|tensorflow|wasm|cpu]`: retrain the PR's head and update the report (refused when the head was pushed after your comment: look, then ask again)",
  "- `/model-ci report`: post the current report again at the bottom of the conversation",
  "- `/model-ci help`: this message"
].join("\n");

// src/github/permissions.ts
var WRITE_ROLES = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
function allowsWrite(permission, roleName) {
  return permission === "admin" || permission === "write" || roleName !== null && WRITE_ROLES.has(roleName);
}
async function getRepoPermission(gh, owner, repo, username) {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
    const permission = ["admin", "write", "read"].includes(data.permission) ? data.permission : "none";
    const roleName = data.role_name || null;
    return { permission, roleName, canWrite: allowsWrite(permission, roleName) };
  } catch (error) {
    if (httpStatus(error) === 404) return { permission: "none", roleName: null, canWrite: false };
    throw error;
  }
}
async function hasWriteAccess(gh, owner, repo, username) {
  return (await getRepoPermission(gh, owner, repo, username)).canWrite;
}

// src/github/reactions.ts
async function react(gh, owner, repo, commentId, content) {
  const response = await gh.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content });
  return { id: response.data.id, created: response.status === 201 };
}

// src/action/modes/command.ts
var runCommand = async (run) => {
  const { settings, context, kit, event } = run;
  const author = event.comment.author;
  if (author.type === "Bot" || author.login.toLowerCase() === settings.botLogin.toLowerCase()) {
    info(`model-ci: ignoring a comment by the bot ${author.login}`);
    return;
  }
  const parsed = parseComment(event.comment.body);
  if (parsed.kind === "none") {
    info("model-ci: the comment holds no /model-ci command");
    return;
  }
  if (!settings.token) throw new UserError("mode `command` needs `github-token`", { field: "github-token" });
  const gh = await kit.gitHub();
  const { owner, repo } = context;
  if (!event.isPullRequest && !await hasWriteAccess(gh, owner, repo, author.login)) {
    info(`model-ci: ignoring /model-ci on issue #${event.issueNumber} from ${author.login}, who has no write access: no reply outside pull requests`);
    return;
  }
  const claim = await react(gh, owner, repo, event.comment.id, "eyes");
  if (!claim.created) {
    info(`model-ci: comment ${event.comment.id} was already handled (a redelivery or a twin run)`);
    return;
  }
  const reply = async (text) => {
    await gh.rest.issues.createComment({ owner, repo, issue_number: event.issueNumber, body: `@${author.login} ${text}` });
  };
  const finish = async (ok) => {
    await react(gh, owner, repo, event.comment.id, ok ? "rocket" : "confused");
  };
  try {
    if (!event.isPullRequest) {
      await reply("model-ci commands work on pull requests only.");
      return await finish(false);
    }
    if (!await hasWriteAccess(gh, owner, repo, author.login)) {
      await reply("sorry, model-ci commands can only be run by people with write access to this repository. A maintainer can run it for you.");
      return await finish(false);
    }
    if (parsed.kind === "invalid") {
      await reply(`${parsed.message}

${HELP_TEXT}`);
      return await finish(false);
    }
    info(`model-ci: /model-ci ${parsed.name} from ${author.login} on #${event.issueNumber}`);
    if (parsed.name === "help") {
      await reply(HELP_TEXT);
    } else if (parsed.name === "report") {
      const model = peekModelName(join(context.workspace, settings.config));
      const reposted = await repostStickyComment(gh, {
        owner,
        repo,
        issueNumber: event.issueNumber,
        marker: commentMarker(model),
        botLogin: settings.botLogin
      });
      if (!reposted) await reply(`there is no model-ci report on this pull request yet: \`/model-ci retrain\` makes one.`);
    } else {
      const outcome = await retrain(gh, run, parsed.backend);
      await reply(outcome.text);
      return await finish(outcome.trained);
    }
    await finish(true);
  } catch (error) {
    await finish(false);
    if (isUserError(error)) await reply(`model-ci could not do that: ${escapeInline(error.describe())}`);
    throw error;
  }
};
var command_default = runCommand;
async function retrain(gh, { settings, context, kit, event }, backend) {
  const pull = await getPull(gh, context.owner, context.repo, event.issueNumber);
  if (pull.state === "closed") throw new UserError(`pull request #${pull.number} is closed`);
  const moved = await movedSince(gh, pull, event.comment.createdAt);
  if (moved) {
    info(
      `model-ci: the head of #${pull.number} (${pull.headSha}) was pushed at ${moved.toISOString()}, after the command (${event.comment.createdAt}): not retraining`
    );
    return {
      trained: false,
      text: `the head of this pull request moved after your command: ${commitName(pull.headSha)} was pushed at ${moved.toISOString()}, after your comment. Nothing was trained; look at the new commits and comment \`/model-ci retrain\` again to train them.`
    };
  }
  const result = await withPullRequestHead(
    context.workspace,
    pull,
    (dir) => runPullRequest({
      repoRoot: dir,
      configPath: settings.config,
      base: pull.baseSha,
      head: pull.headSha,
      force: true,
      backend: backend ?? settings.backend,
      artifactsDir: resolve(context.workspace, settings.artifactsDir),
      store: kit.store(),
      log: actionLogger,
      workspace: context.workspace,
      // This run holds a write token (and the job's secrets): train the commit's files only.
      trackedInputs: true
    })
  );
  if (result.kind === "skipped") throw new Error("a forced retrain cannot be skipped");
  const markdown = renderReport({ ...result.report, links: kit.links, baseRef: pull.baseRef });
  await kit.summary(markdown);
  await kit.comment(pull.number, result.model, markdown);
  setOutput("verdict", result.comparison.verdict);
  setOutput("metrics", JSON.stringify(result.headRun.metrics));
  return { trained: true, text: `retrained ${commitName(pull.headSha)}, the head of this pull request; the report is updated.` };
}
async function movedSince(gh, pull, commentCreatedAt) {
  const commented = Date.parse(commentCreatedAt);
  if (!Number.isFinite(commented))
    throw new UserError(`the comment's created_at is not a time: ${escapeInline(commentCreatedAt.slice(0, 40))}`, { field: "comment.created_at" });
  const pushed = await headPushedAt(gh, pull);
  if (!pushed) {
    info(`model-ci: GitHub shows no push time for ${pull.headSha.slice(0, 7)} on ${pull.headRef}: cannot tell whether it came after the command`);
    return null;
  }
  return Math.floor(pushed.getTime() / 1e3) >= Math.floor(commented / 1e3) ? pushed : null;
}
var commitName = (sha) => `\`${sha.slice(0, 7)}\` (\`${sha}\`)`;
export {
  command_default as default
};
