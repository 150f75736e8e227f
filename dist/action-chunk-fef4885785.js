import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/github/events.ts
var HANDLED_EVENTS = ["pull_request", "pull_request_target", "push", "issue_comment", "workflow_run", "workflow_dispatch"];
var PULL_REQUEST_ACTIONS = ["opened", "synchronize", "reopened"];
function readEvent(eventName, payload, options = {}) {
  const root = new Fields(payload, "", options.file);
  const action = eventName === "push" || eventName === "workflow_dispatch" ? null : root.optionalString("action");
  switch (eventName) {
    case "pull_request":
    case "pull_request_target":
      if (!PULL_REQUEST_ACTIONS.includes(action ?? "")) {
        return ignored(eventName, action, `model-ci acts on pull requests ${PULL_REQUEST_ACTIONS.join(", ")}`);
      }
      return readPullRequest(root, eventName === "pull_request_target");
    case "push":
      return readPush(root);
    case "issue_comment":
      if (action !== "created") return ignored(eventName, action, "only new comments can carry commands");
      return readIssueComment(root);
    case "workflow_run":
      if (action !== "completed") return ignored(eventName, action, "reports are posted once the run has completed");
      return readWorkflowRun(root);
    case "workflow_dispatch":
      return readWorkflowDispatch(root);
    default:
      return ignored(eventName, action, `model-ci handles ${HANDLED_EVENTS.join(", ")}`);
  }
}
function ignored(eventName, action, reason) {
  return { kind: "ignored", eventName, action, reason };
}
function readPullRequest(root, target) {
  const pull = root.object("pull_request");
  const head = pull.object("head");
  const base = pull.object("base");
  const baseRepo = base.object("repo").string("full_name");
  const headRepo = head.nullableObject("repo");
  const headRepoFullName = headRepo ? headRepo.string("full_name") : null;
  return {
    kind: "pull_request",
    action: root.string("action"),
    repository: readRepository(root),
    number: pull.positiveInteger("number"),
    baseSha: base.sha("sha"),
    headSha: head.sha("sha"),
    baseRef: base.string("ref"),
    headRef: head.string("ref"),
    headRepoFullName,
    isFork: headRepoFullName === null || headRepoFullName !== baseRepo,
    target,
    draft: pull.optionalBoolean("draft") ?? false,
    sender: readActor(root.object("sender"))
  };
}
function readPush(root) {
  const ref = root.string("ref");
  return {
    kind: "push",
    repository: readRepository(root),
    ref,
    branch: shortRef(ref, "refs/heads/"),
    tag: shortRef(ref, "refs/tags/"),
    before: root.sha("before"),
    after: root.sha("after"),
    created: root.optionalBoolean("created") ?? false,
    deleted: root.optionalBoolean("deleted") ?? false,
    forced: root.optionalBoolean("forced") ?? false,
    sender: readActor(root.object("sender"))
  };
}
function readIssueComment(root) {
  const issue = root.object("issue");
  const comment = root.object("comment");
  return {
    kind: "issue_comment",
    action: "created",
    repository: readRepository(root),
    issueNumber: issue.positiveInteger("number"),
    isPullRequest: issue.nullableObject("pull_request") !== null,
    comment: {
      id: comment.positiveInteger("id"),
      body: comment.optionalString("body") ?? "",
      author: readActor(comment.object("user")),
      authorAssociation: comment.optionalString("author_association") ?? "NONE",
      createdAt: comment.string("created_at")
    },
    sender: readActor(root.object("sender"))
  };
}
function readWorkflowRun(root) {
  const run = root.object("workflow_run");
  const repository = readRepository(root);
  const headRepo = run.nullableObject("head_repository");
  const headRepoFullName = headRepo ? headRepo.string("full_name") : null;
  return {
    kind: "workflow_run",
    action: "completed",
    repository,
    runId: run.positiveInteger("id"),
    runAttempt: run.optionalPositiveInteger("run_attempt"),
    workflowName: run.optionalString("name") ?? root.nullableObject("workflow")?.optionalString("name") ?? "",
    event: run.string("event"),
    conclusion: run.optionalString("conclusion"),
    headSha: run.sha("head_sha"),
    headBranch: run.optionalString("head_branch"),
    headRepoFullName,
    isFork: headRepoFullName === null || headRepoFullName !== repository.fullName,
    pullRequests: run.array("pull_requests").map((pull) => {
      const head = pull.object("head");
      const base = pull.object("base");
      return {
        number: pull.positiveInteger("number"),
        headSha: head.sha("sha"),
        baseSha: base.sha("sha"),
        headRef: head.string("ref"),
        baseRef: base.string("ref")
      };
    }),
    sender: readActor(root.object("sender"))
  };
}
function readWorkflowDispatch(root) {
  const ref = root.string("ref");
  const inputs = root.nullableObject("inputs");
  return {
    kind: "workflow_dispatch",
    repository: readRepository(root),
    ref,
    branch: shortRef(ref, "refs/heads/"),
    workflow: root.string("workflow"),
    inputs: inputs ? inputs.primitives() : {},
    sender: readActor(root.object("sender"))
  };
}
function shortRef(ref, prefix) {
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : null;
}
function readRepository(root) {
  const repository = root.object("repository");
  const fullName = repository.string("full_name");
  const [owner, repo, ...rest] = fullName.split("/");
  if (!owner || !repo || rest.length > 0) repository.fail("full_name", 'expected "owner/repo"');
  return { owner, repo, fullName };
}
function readActor(user) {
  return { login: user.string("login"), type: user.string("type") };
}
var Fields = class _Fields {
  value;
  path;
  file;
  constructor(value, path, file) {
    this.path = path;
    this.file = file;
    this.value = value;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw fieldError(path || "(payload)", "expected an object", value, file);
    }
  }
  fail(key, expected) {
    throw fieldError([this.path, key].filter(Boolean).join("."), expected, this.value[key], this.file);
  }
  child(key, value) {
    return new _Fields(value, [this.path, key].filter(Boolean).join("."), this.file);
  }
  object(key) {
    const value = this.value[key];
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.fail(key, "expected an object");
    return this.child(key, value);
  }
  nullableObject(key) {
    const value = this.value[key];
    return value === null || value === void 0 ? null : this.object(key);
  }
  array(key) {
    const value = this.value[key];
    if (!Array.isArray(value)) this.fail(key, "expected an array");
    return value.map((item, i) => this.child(`${key}[${i}]`, item));
  }
  string(key) {
    const value = this.value[key];
    if (typeof value !== "string" || value === "") this.fail(key, "expected a non-empty string");
    return value;
  }
  optionalString(key) {
    const value = this.value[key];
    if (value === void 0 || value === null) return null;
    if (typeof value !== "string") this.fail(key, "expected a string");
    return value;
  }
  optionalBoolean(key) {
    const value = this.value[key];
    if (value === void 0 || value === null) return null;
    if (typeof value !== "boolean") this.fail(key, "expected true or false");
    return value;
  }
  positiveInteger(key) {
    const value = this.value[key];
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) this.fail(key, "expected a positive integer");
    return value;
  }
  optionalPositiveInteger(key) {
    return this.value[key] === void 0 || this.value[key] === null ? null : this.positiveInteger(key);
  }
  /** A full commit SHA (SHA-1, or SHA-256 for repositories that use it). */
  sha(key) {
    const value = this.value[key];
    if (typeof value !== "string" || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)) this.fail(key, "expected a full commit SHA");
    return value;
  }
  /** `workflow_dispatch` inputs: strings, or booleans and numbers for typed inputs. */
  primitives() {
    const out = {};
    for (const [key, value] of Object.entries(this.value)) {
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
        this.fail(key, "expected a string, number or boolean");
      }
      out[key] = value;
    }
    return out;
  }
};
function fieldError(field, expected, got, file) {
  return new UserError(`event payload field "${field}": ${expected}, got ${describe(got)}`, { file, field });
}
function describe(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 60 ? `a ${value.length}-character string` : JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return String(value);
}

export {
  readEvent
};
