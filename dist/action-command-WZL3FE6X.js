import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  runPullRequest
} from "./action-chunk-MFK7J4J5.js";
import {
  createBaselineStore
} from "./action-chunk-YRGWHSPI.js";
import "./action-chunk-PS5QMXXB.js";
import "./action-chunk-SQZ5FKLJ.js";
import {
  readEvent
} from "./action-chunk-LQH2JAV6.js";
import {
  withWorktree
} from "./action-chunk-YMHI6U3X.js";
import {
  git
} from "./action-chunk-E25KGV3P.js";
import {
  didYouMean
} from "./action-chunk-EXVVL7ZD.js";
import {
  BACKENDS
} from "./action-chunk-VRFJ3H7T.js";
import {
  peekModelName
} from "./action-chunk-4E53DJ7Y.js";
import {
  renderReport
} from "./action-chunk-EILFFW7Y.js";
import "./action-chunk-RGYJ3JAM.js";
import {
  writeSummary
} from "./action-chunk-H66N6MT7.js";
import "./action-chunk-E4N4ZUJS.js";
import "./action-chunk-ABDEFCN6.js";
import {
  commentMarker,
  gitHubClient,
  postComment,
  repostStickyComment
} from "./action-chunk-P7JV7L3J.js";
import {
  escapeInline
} from "./action-chunk-DYGCQGUX.js";
import {
  actionLogger
} from "./action-chunk-63QA22LC.js";
import {
  info,
  setOutput
} from "./action-chunk-HE2N44BQ.js";
import {
  getPull
} from "./action-chunk-SEAZMY75.js";
import {
  httpStatus
} from "./action-chunk-E4545SVN.js";
import "./action-chunk-P2BHVZ2N.js";
import {
  UserError,
  isUserError
} from "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

// src/action/command.ts
import { join, resolve } from "node:path";

// src/bot/parse.ts
var COMMANDS = ["retrain", "report", "help"];
var PREFIX = "/model-ci";
var FLAGS = { retrain: ["--backend"], report: [], help: [] };
function parseComment(body) {
  let inFence = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("```") || line.startsWith("~~~")) inFence = !inFence;
    if (inFence || line.startsWith(">")) continue;
    if (line === PREFIX || line.startsWith(`${PREFIX} `) || line.startsWith(`${PREFIX}	`)) return parseLine(line.slice(PREFIX.length).trim());
  }
  return { kind: "none" };
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
  "- `/model-ci retrain [--backend auto|tensorflow-gpu|tensorflow|wasm|cpu]`: retrain the PR's current head and update the report",
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

// src/action/command.ts
var runCommand = async (settings, context) => {
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === "ignored") {
    info(`model-ci: nothing to do: ${event.reason}`);
    return;
  }
  if (event.kind !== "issue_comment") throw new UserError(`mode \`command\` runs on issue_comment events, not on a ${event.kind} event`, { field: "mode" });
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
  const gh = gitHubClient(settings, context);
  const { owner, repo } = context;
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
      const reposted = await repostStickyComment(gh, { owner, repo, issueNumber: event.issueNumber, marker: commentMarker(model), botLogin: settings.botLogin });
      if (!reposted) await reply(`there is no model-ci report on this pull request yet: \`/model-ci retrain\` makes one.`);
    } else {
      await retrain(gh, settings, context, event, parsed.backend);
    }
    await finish(true);
  } catch (error) {
    await finish(false);
    if (isUserError(error)) await reply(`model-ci could not do that: ${escapeInline(error.describe())}`);
    throw error;
  }
};
var command_default = runCommand;
async function retrain(gh, settings, context, event, backend) {
  const pull = await getPull(gh, context.owner, context.repo, event.issueNumber);
  if (pull.state === "closed") throw new UserError(`pull request #${pull.number} is closed`);
  await git(["fetch", "--no-tags", "origin", `+refs/pull/${pull.number}/head:refs/remotes/origin/pull/${pull.number}`], { cwd: context.workspace });
  const result = await withWorktree(
    context.workspace,
    pull.headSha,
    (dir) => runPullRequest({
      repoRoot: dir,
      configPath: settings.config,
      base: pull.baseSha,
      head: pull.headSha,
      force: true,
      backend: backend ?? settings.backend,
      artifactsDir: resolve(context.workspace, settings.artifactsDir),
      store: createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info }),
      log: actionLogger,
      workspace: context.workspace
    })
  );
  if (result.kind === "skipped") throw new Error("a forced retrain cannot be skipped");
  const links = { run: context.runUrl || void 0, summary: context.runUrl || void 0, repository: `${context.serverUrl}/${context.owner}/${context.repo}` };
  const markdown = renderReport({ ...result.report, links, baseRef: pull.baseRef });
  await writeSummary(markdown);
  await postComment(gh, settings, context, pull.number, result.model, markdown);
  setOutput("verdict", result.comparison.verdict);
  setOutput("metrics", JSON.stringify(result.headRun.metrics));
}
export {
  command_default as default
};
