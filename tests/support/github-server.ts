/**
 * A local stand-in for api.github.com: the few REST endpoints model-ci calls,
 * with in-memory state, fault injection, a request log, and a contract check of
 * every request and response against GitHub's own OpenAPI description
 * (`@octokit/openapi`). A mismatch is recorded as a violation (tests assert there
 * are none) rather than thrown, so the client sees what GitHub would answer.
 *
 * Endpoints: issues (list open/closed, create, update title/body/state), issue comments (list/create/get/update/delete, paginated with Link
 * headers), issue-comment reactions (list/create/delete), collaborator
 * permission, pull request get, pull request files (capped at 3000 like GitHub), repository activity
 * (pushes to a branch, newest first, the time GitHub recorded each).
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';

// ---------------------------------------------------------------------------
// The contract: GitHub's OpenAPI 3.0 description, compiled with Ajv.
// ---------------------------------------------------------------------------

const SPEC_ID = 'https://api.github.com/openapi.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface ParameterCheck {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  type: string | undefined;
  validate: ValidateFunction;
}

interface OperationContract {
  operationId: string;
  parameters: ParameterCheck[];
  body: { required: boolean; properties: string[] | null; validate: ValidateFunction } | null;
  /** Per documented status: a validator of its JSON body, or null when it has none (204). */
  responses: Map<number, ValidateFunction | null>;
}

/** Turns OpenAPI 3.0's `nullable` into JSON Schema (Ajv only accepts it next to `type`). */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = toJsonSchema(value);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
}

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

class Contract {
  readonly spec: JsonObject;
  readonly examples: JsonObject;
  private readonly ajv: Ajv;
  private readonly operations = new Map<string, OperationContract>();
  private readonly knownRoutes: Array<{ method: string; pattern: RegExp; template: string }>;
  readonly validateError: ValidateFunction;

  constructor(templates: string[]) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
    const paths = raw.paths as JsonObject;
    this.knownRoutes = Object.entries(paths).flatMap(([template, item]) =>
      Object.keys(item as JsonObject)
        .filter((key) => key !== 'parameters')
        .map((method) => ({ method: method.toUpperCase(), pattern: templatePattern(template), template })),
    );
    const components = raw.components as JsonObject;
    this.examples = components.examples as JsonObject;
    this.spec = {
      $id: SPEC_ID,
      paths: Object.fromEntries(templates.map((t) => [t, toJsonSchema(paths[t])])),
      components: toJsonSchema(components),
    };
    // strict: false because OpenAPI adds keywords JSON Schema lacks (example, discriminator, x-github…).
    this.ajv = new Ajv({ strict: false, allErrors: true });
    (ajvFormats as unknown as (ajv: Ajv) => void)(this.ajv);
    // Formats OpenAPI names but does not define; GitHub uses them descriptively.
    this.ajv.addFormat('int64', true);
    this.ajv.addFormat('uri-template', true);
    this.ajv.addSchema(this.spec);
    this.validateError = this.compile('/components/schemas/basic-error');
  }

  private compile(pointer: string): ValidateFunction {
    return this.ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
  }

  /** Follows `$ref`s to the node they name, returning its JSON pointer too. */
  private resolve(pointer: string): { pointer: string; node: JsonObject } {
    let node: Json = this.spec;
    for (const part of pointer.split('/').slice(1)) {
      node = (node as JsonObject)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    const ref = (node as JsonObject).$ref;
    return typeof ref === 'string' ? this.resolve(ref.slice(1)) : { pointer, node: node as JsonObject };
  }

  isDocumented(method: string, path: string): string | null {
    return this.knownRoutes.find((r) => r.method === method && r.pattern.test(path))?.template ?? null;
  }

  operation(method: string, template: string): OperationContract {
    const key = `${method} ${template}`;
    const cached = this.operations.get(key);
    if (cached) return cached;
    const itemPointer = `/paths/${escapePointer(template)}`;
    const opPointer = `${itemPointer}/${method.toLowerCase()}`;
    const { node: op } = this.resolve(opPointer);
    const item = this.resolve(itemPointer).node;

    const parameterPointers = [
      ...((item.parameters as Json[] | undefined) ?? []).map((_, i) => `${itemPointer}/parameters/${i}`),
      ...((op.parameters as Json[] | undefined) ?? []).map((_, i) => `${opPointer}/parameters/${i}`),
    ];
    const parameters = parameterPointers
      .map((p) => this.resolve(p))
      .filter(({ node }) => node.in === 'path' || node.in === 'query')
      .map(({ pointer, node }) => {
        const schema = this.resolve(`${pointer}/schema`).node;
        return {
          name: node.name as string,
          in: node.in as 'path' | 'query',
          required: node.required === true,
          type: typeof schema.type === 'string' ? schema.type : Array.isArray(schema.type) ? (schema.type[0] as string) : undefined,
          validate: this.compile(`${pointer}/schema`),
        };
      });

    let body: OperationContract['body'] = null;
    if (op.requestBody) {
      const { pointer, node } = this.resolve(`${opPointer}/requestBody`);
      const schemaPointer = `${pointer}/content/application~1json/schema`;
      const schema = this.resolve(schemaPointer).node;
      body = {
        required: node.required === true,
        properties: schema.properties ? Object.keys(schema.properties as JsonObject) : null,
        validate: this.compile(schemaPointer),
      };
    }

    const responses = new Map<number, ValidateFunction | null>();
    for (const status of Object.keys(op.responses as JsonObject)) {
      const { pointer, node } = this.resolve(`${opPointer}/responses/${status}`);
      const content = node.content as JsonObject | undefined;
      responses.set(Number(status), content?.['application/json'] ? this.compile(`${pointer}/content/application~1json/schema`) : null);
    }

    const contract = { operationId: op.operationId as string, parameters, body, responses };
    this.operations.set(key, contract);
    return contract;
  }
}

function templatePattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function formatErrors(errors: ErrorObject[] | null | undefined, prefix: string): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${prefix}${e.instancePath || ''} ${e.message}${e.params && 'missingProperty' in e.params ? '' : ` (${e.schemaPath})`}`)
    .join('; ');
}

let sharedContract: Contract | undefined;

// ---------------------------------------------------------------------------
// In-memory GitHub.
// ---------------------------------------------------------------------------

export interface Identity {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

/** The identity of `secrets.GITHUB_TOKEN`, as GitHub reports it. */
export const GITHUB_ACTIONS_BOT_USER: Identity = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/** The token the server accepts by default; it acts as `github-actions[bot]` with write access. */
export const TEST_TOKEN = 'ghs_modelcitest00000000000000000000000000';

export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface StoredComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: Identity;
  createdAt: string;
  updatedAt: string;
}

export interface StoredActivity {
  id: number;
  /** `refs/heads/<branch>` */
  ref: string;
  before: string;
  after: string;
  /** When GitHub recorded the push (ISO 8601, whole seconds). */
  timestamp: string;
  type: 'push' | 'force_push' | 'branch_creation';
  actor: Identity;
}

export interface StoredReaction {
  id: number;
  commentId: number;
  content: string;
  user: Identity;
  createdAt: string;
}

export interface PullFileSeed {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousFilename?: string;
}

export interface PullSeed {
  number: number;
  headSha?: string;
  baseSha?: string;
  headRef?: string;
  baseRef?: string;
  /** Owner of the fork the head lives in; omitted for a same-repository branch. */
  forkOwner?: string;
  author?: string;
  state?: 'open' | 'closed';
  draft?: boolean;
  files?: Array<string | PullFileSeed>;
}

/** An issue opened through the API (not a seeded pull request's). */
export interface StoredIssue {
  id: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  user: Identity;
  createdAt: string;
  updatedAt: string;
}

interface Issue {
  number: number;
  opened?: StoredIssue;
  pull: (Required<Omit<PullSeed, 'forkOwner' | 'files'>> & { forkOwner: string | null; files: PullFileSeed[] }) | null;
}

interface Repo {
  owner: string;
  repo: string;
  id: number;
  issues: Map<number, Issue>;
  roles: Map<string, Role>;
  activities: StoredActivity[];
}

/** Which requests a fault, hang or hold applies to; all given conditions must hold. */
export interface RequestMatch {
  method?: string;
  /** Exact pathname, or a pattern tested against it. */
  path?: string | RegExp;
}

/**
 * 403 is a secondary rate limit (message and `retry-after` as GitHub sends them);
 * 429 a primary one (`x-ratelimit-remaining: 0`, reset `retryAfter` seconds away);
 * 502 comes from the proxy as HTML, like GitHub's.
 */
export type Fault =
  | { status: 500 }
  | { status: 502 }
  | { status: 403; retryAfter?: number }
  | { status: 429; retryAfter?: number }
  | { status: 422; message?: string };

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** 0 while pending, or when the server never answered (a hang). */
  status: number;
  operationId: string | null;
  token: string | null;
  userAgent: string | null;
}

export interface Violation {
  method: string;
  url: string;
  where: 'request' | 'response' | 'route';
  problem: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw non-JSON body (the proxy's HTML 502). */
  text?: string;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  handle: (ctx: RequestContext) => Reply;
}

interface RequestContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: JsonObject;
  actor: { identity: Identity; readOnly: boolean };
  url: URL;
}

const ROUTES: Array<[string, string]> = [
  ['GET', '/repos/{owner}/{repo}/issues'],
  ['POST', '/repos/{owner}/{repo}/issues'],
  ['PATCH', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'],
  ['POST', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'],
  ['DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}'],
  ['GET', '/repos/{owner}/{repo}/collaborators/{username}/permission'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['GET', '/repos/{owner}/{repo}/activity'],
];

const MAX_COMMENT_LENGTH = 65_536;
const MAX_PULL_FILES = 3000;
const DOCS = 'https://docs.github.com/rest';

export class GitHubServer {
  /** Base URL for `GITHUB_API_URL` / `baseUrl`. */
  url = '';
  readonly requests: RequestRecord[] = [];
  readonly violations: Violation[] = [];

  private readonly http: http.Server;
  private readonly contract: Contract;
  private readonly routes: Route[];
  private readonly repos = new Map<string, Repo>();
  private readonly commentsById = new Map<number, StoredComment>();
  private readonly reactionsById = new Map<number, StoredReaction>();
  private readonly tokens = new Map<string, { identity: Identity; readOnly: boolean }>();
  private readonly users = new Map<string, Identity>();
  private readonly faults: Array<{ remaining: number; fault: Fault; match: RequestMatch }> = [];
  private readonly hangs: Array<{ remaining: number; match: RequestMatch }> = [];
  private readonly holds: Array<{ count: number; match: RequestMatch; waiting: Array<() => void> }> = [];
  private nextId = 1_000_000_001;

  private constructor(contract: Contract) {
    this.contract = contract;
    this.routes = ROUTES.map(([method, template]) => ({
      method,
      template,
      pattern: templatePattern(template),
      names: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      handle: this.handlerFor(method, template),
    }));
    this.users.set(GITHUB_ACTIONS_BOT_USER.login, GITHUB_ACTIONS_BOT_USER);
    this.tokens.set(TEST_TOKEN, { identity: GITHUB_ACTIONS_BOT_USER, readOnly: false });
    this.http = http.createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        this.violations.push({ method: req.method ?? '', url: req.url ?? '', where: 'route', problem: `server bug: ${String(error)}` });
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  static async start(): Promise<GitHubServer> {
    sharedContract ??= new Contract(ROUTES.map(([, template]) => template));
    const server = new GitHubServer(sharedContract);
    await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    const { port } = server.http.address() as { port: number };
    server.url = `http://127.0.0.1:${port}`;
    return server;
  }

  async close(): Promise<void> {
    for (const hold of this.holds)
      hold.waiting.splice(0).forEach((release) => {
        release();
      });
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Throws when any request or response broke the contract; call it after each test. */
  assertNoViolations(): void {
    if (this.violations.length > 0) {
      const lines = this.violations.map((v) => `  ${v.method} ${v.url} [${v.where}] ${v.problem}`);
      throw new Error(`GitHub contract violations:\n${lines.join('\n')}`);
    }
  }

  // ---- seeding and inspection ------------------------------------------------

  /** A token acting as `login`; `readOnly` answers writes with 403 like a fork PR's token. */
  addToken(token: string, login: string, options: { type?: Identity['type']; readOnly?: boolean } = {}): void {
    this.tokens.set(token, { identity: this.user(login, options.type), readOnly: options.readOnly ?? false });
  }

  addIssue(owner: string, repo: string, number: number): void {
    this.repoState(owner, repo).issues.set(number, { number, pull: null });
  }

  addPull(owner: string, repo: string, seed: PullSeed): void {
    this.repoState(owner, repo).issues.set(seed.number, {
      number: seed.number,
      pull: {
        number: seed.number,
        headSha: seed.headSha ?? 'a'.repeat(40),
        baseSha: seed.baseSha ?? 'b'.repeat(40),
        headRef: seed.headRef ?? 'feature',
        baseRef: seed.baseRef ?? 'main',
        forkOwner: seed.forkOwner ?? null,
        author: seed.author ?? 'octocat',
        state: seed.state ?? 'open',
        draft: seed.draft ?? false,
        files: (seed.files ?? []).map((f) => (typeof f === 'string' ? { filename: f } : f)),
      },
    });
  }

  addComment(owner: string, repo: string, issueNumber: number, comment: { body: string; author?: string; authorType?: Identity['type'] }): StoredComment {
    this.issue(owner, repo, issueNumber);
    const now = timestamp();
    const stored: StoredComment = {
      id: this.nextId++,
      owner,
      repo,
      issueNumber,
      body: comment.body,
      user: comment.author ? this.user(comment.author, comment.authorType) : GITHUB_ACTIONS_BOT_USER,
      createdAt: now,
      updatedAt: now,
    };
    this.commentsById.set(stored.id, stored);
    return stored;
  }

  /** Issues opened through the API, by number. */
  openedIssues(owner: string, repo: string): Array<StoredIssue & { number: number }> {
    const issues = this.repos.get(`${owner}/${repo}`.toLowerCase())?.issues.values() ?? [];
    return [...issues].filter((i) => i.opened).map((i) => ({ ...(i.opened as StoredIssue), number: i.number }));
  }

  /** Seeds an issue as if opened through the API (by `author`, default the bot). */
  addOpenedIssue(
    owner: string,
    repo: string,
    issue: { title: string; body: string; author?: string; authorType?: Identity['type']; state?: 'open' | 'closed' },
  ): number {
    const repoState = this.repoState(owner, repo);
    const number = Math.max(0, ...repoState.issues.keys()) + 1;
    const now = timestamp();
    repoState.issues.set(number, {
      number,
      pull: null,
      opened: {
        id: this.nextId++,
        title: issue.title,
        body: issue.body,
        state: issue.state ?? 'open',
        user: issue.author ? this.user(issue.author, issue.authorType) : GITHUB_ACTIONS_BOT_USER,
        createdAt: now,
        updatedAt: now,
      },
    });
    return number;
  }

  /** The issue's comments, oldest first. */
  comments(owner: string, repo: string, issueNumber: number): StoredComment[] {
    return [...this.commentsById.values()].filter((c) => c.owner === owner && c.repo === repo && c.issueNumber === issueNumber).sort((a, b) => a.id - b.id);
  }

  reactions(commentId: number): StoredReaction[] {
    return [...this.reactionsById.values()].filter((r) => r.commentId === commentId);
  }

  /** Records a push to `branch` of `owner/repo` at `timestamp` (GitHub's clock, not the commit's dates). */
  addPush(
    owner: string,
    repo: string,
    push: { branch: string; after: string; timestamp: string; before?: string; actor?: string; type?: StoredActivity['type'] },
  ): StoredActivity {
    const activity: StoredActivity = {
      id: this.nextId++,
      ref: `refs/heads/${push.branch}`,
      before: push.before ?? '0'.repeat(40),
      after: push.after,
      timestamp: push.timestamp,
      type: push.type ?? 'push',
      actor: this.user(push.actor ?? 'octocat'),
    };
    this.repoState(owner, repo).activities.push(activity);
    return activity;
  }

  setRole(owner: string, repo: string, login: string, role: Role): void {
    this.user(login);
    this.repoState(owner, repo).roles.set(login, role);
  }

  // ---- faults ------------------------------------------------------------------

  /** The next `count` matching requests get `fault` instead of an answer. */
  failNext(count: number, fault: Fault, match: RequestMatch = {}): void {
    this.faults.push({ remaining: count, fault, match });
  }

  /** The next `count` matching requests are never answered (the client must time out). */
  hangNext(count = 1, match: RequestMatch = {}): void {
    this.hangs.push({ remaining: count, match });
  }

  /** Matching requests wait until `count` of them have arrived, then all proceed: forces a race. */
  holdUntil(count: number, match: RequestMatch): void {
    this.holds.push({ count, match, waiting: [] });
  }

  // ---- request handling -----------------------------------------------------------

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: raw ? safeParse(raw) : undefined,
      status: 0,
      operationId: null,
      token: auth?.[1] ?? null,
      userAgent: req.headers['user-agent'] ?? null,
    };
    this.requests.push(record);
    const violate = (where: Violation['where'], problem: string) => this.violations.push({ method, url: `${url.pathname}${url.search}`, where, problem });

    const route = this.routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      const documented = this.contract.isDocumented(method, url.pathname);
      violate('route', documented ? `${method} ${documented} is GitHub's but not implemented by this server` : 'no such GitHub API route');
      return this.send(res, record, null, { status: 404, body: { message: 'Not Found', documentation_url: DOCS } });
    }
    const contract = this.contract.operation(method, route.template);
    record.operationId = contract.operationId;
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(route.pattern.exec(url.pathname)![i + 1])]));

    const problems = this.checkRequest(req, contract, params, record.query, raw);
    problems.forEach((problem) => {
      violate('request', problem);
    });

    const hold = this.holds.find((h) => matches(h.match, method, url.pathname));
    if (hold) {
      await new Promise<void>((release) => {
        hold.waiting.push(release);
        if (hold.waiting.length >= hold.count) {
          this.holds.splice(this.holds.indexOf(hold), 1);
          hold.waiting.forEach((r) => {
            r();
          });
        }
      });
    }
    if (take(this.hangs, method, url.pathname)) return; // never answered; close() drops the socket

    this.send(res, record, contract, this.reply(route, params, record, raw, problems, url));
  }

  private reply(route: Route, params: Record<string, string>, record: RequestRecord, raw: string, problems: string[], url: URL): Reply {
    if (!record.token) return { status: 401, body: { message: 'Requires authentication', documentation_url: DOCS } };
    const actor = this.tokens.get(record.token);
    if (!actor) return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS } };
    if (raw && record.body === undefined) return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } };
    if (problems.length > 0) {
      return { status: 422, body: { message: `Invalid request.\n\n${problems.join('\n')}`, documentation_url: DOCS, status: '422' } };
    }
    const fault = take(this.faults, record.method, record.path);
    if (fault) return faultReply(fault.fault);
    if (actor.readOnly && record.method !== 'GET') {
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' } };
    }
    try {
      return route.handle({ params, query: record.query, body: (record.body ?? {}) as JsonObject, actor, url });
    } catch (error) {
      if (error instanceof NotFound) return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
      throw error;
    }
  }

  private checkRequest(
    req: http.IncomingMessage,
    contract: OperationContract,
    params: Record<string, string>,
    query: Record<string, string>,
    raw: string,
  ): string[] {
    const problems: string[] = [];
    if (!req.headers['user-agent']) problems.push('no User-Agent header (GitHub rejects such requests)');
    for (const parameter of contract.parameters) {
      const source = parameter.in === 'path' ? params : query;
      const value = source[parameter.name];
      if (value === undefined) {
        if (parameter.required) problems.push(`missing ${parameter.in} parameter "${parameter.name}"`);
        continue;
      }
      if (!parameter.validate(coerce(value, parameter.type))) {
        problems.push(formatErrors(parameter.validate.errors, `${parameter.in} parameter "${parameter.name}"`));
      }
    }
    const knownQuery = new Set(contract.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of Object.keys(query)) {
      if (!knownQuery.has(name)) problems.push(`query parameter "${name}" is not documented for ${contract.operationId}`);
    }
    if (contract.body) {
      const body = raw ? safeParse(raw) : undefined;
      if (body === undefined) {
        if (contract.body.required) problems.push(raw ? 'body is not JSON' : 'missing JSON body');
      } else {
        if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) problems.push('body sent without Content-Type: application/json');
        if (!contract.body.validate(body)) problems.push(formatErrors(contract.body.validate.errors, 'body'));
        // Stricter than GitHub, which ignores unknown fields: for us an unknown field is a typo that silently does nothing.
        if (contract.body.properties && body && typeof body === 'object' && !Array.isArray(body)) {
          for (const key of Object.keys(body)) {
            if (!contract.body.properties.includes(key)) problems.push(`body field "${key}" is not documented for ${contract.operationId}`);
          }
        }
      }
    } else if (raw) {
      problems.push(`${contract.operationId} takes no body`);
    }
    return problems;
  }

  private send(res: http.ServerResponse, record: RequestRecord, contract: OperationContract | null, reply: Reply): void {
    record.status = reply.status;
    const headers: Record<string, string> = {
      'x-github-request-id': `MODELCI:${this.requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...reply.headers,
    };
    if (reply.text !== undefined) {
      res.writeHead(reply.status, { ...headers, 'content-type': 'text/html' }).end(reply.text);
      return;
    }
    if (contract) {
      const problem = this.checkResponse(contract, reply);
      if (problem) this.violations.push({ method: record.method, url: record.path, where: 'response', problem });
    }
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
  }

  private checkResponse(contract: OperationContract, reply: Reply): string | null {
    const documented = contract.responses.get(reply.status);
    if (documented === undefined) {
      // Undocumented statuses GitHub returns from any endpoint carry its generic error shape.
      if (reply.status < 400) return `status ${reply.status} is not documented for ${contract.operationId}`;
      return this.contract.validateError(reply.body) ? null : formatErrors(this.contract.validateError.errors, 'error body');
    }
    if (documented === null) return reply.body === undefined ? null : `status ${reply.status} of ${contract.operationId} has no body`;
    return documented(reply.body) ? null : formatErrors(documented.errors, `${reply.status} body`);
  }

  // ---- endpoints -------------------------------------------------------------------

  private handlerFor(method: string, template: string): Route['handle'] {
    const key = `${method} ${template}`;
    switch (key) {
      case 'GET /repos/{owner}/{repo}/issues':
        // Issues opened through the API; `state` filters (default open), newest first as GitHub sorts by default.
        return ({ params, query, url }) => {
          const state = query.state ?? 'open';
          const issues = [...this.repo(params.owner, params.repo).issues.values()]
            .filter((i) => i.opened && (state === 'all' || i.opened.state === state))
            .sort((a, b) => b.number - a.number);
          return this.page(
            issues.map((i) => this.issueJson(params.owner, params.repo, i)),
            query,
            url,
          );
        };
      case 'POST /repos/{owner}/{repo}/issues':
        return ({ params, body, actor }) => {
          const tooLong = this.checkCommentBody((body.body as string | undefined) ?? '', 'Issue');
          if (tooLong) return tooLong;
          const number = this.addOpenedIssue(params.owner, params.repo, {
            title: body.title as string,
            body: (body.body as string | undefined) ?? '',
            author: actor.identity.login,
            authorType: actor.identity.type,
          });
          const json = this.issueJson(params.owner, params.repo, this.issue(params.owner, params.repo, number));
          return { status: 201, body: json, headers: { location: json.url as string } };
        };
      case 'PATCH /repos/{owner}/{repo}/issues/{issue_number}':
        return ({ params, body }) => {
          const issue = this.issue(params.owner, params.repo, Number(params.issue_number));
          if (!issue.opened) throw new NotFound();
          if (typeof body.body === 'string') {
            const tooLong = this.checkCommentBody(body.body, 'Issue');
            if (tooLong) return tooLong;
            issue.opened.body = body.body;
          }
          if (typeof body.title === 'string') issue.opened.title = body.title;
          if (body.state === 'open' || body.state === 'closed') issue.opened.state = body.state;
          issue.opened.updatedAt = timestamp();
          return { status: 200, body: this.issueJson(params.owner, params.repo, issue) };
        };
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments':
        return ({ params, query, url }) => {
          this.issue(params.owner, params.repo, Number(params.issue_number));
          const all = this.comments(params.owner, params.repo, Number(params.issue_number));
          return this.page(
            all.map((c) => this.commentJson(c)),
            query,
            url,
          );
        };
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments':
        return ({ params, body, actor }) => {
          this.issue(params.owner, params.repo, Number(params.issue_number));
          const tooLong = this.checkCommentBody(body.body as string, 'IssueComment');
          if (tooLong) return tooLong;
          const comment = this.addComment(params.owner, params.repo, Number(params.issue_number), {
            body: body.body as string,
            author: actor.identity.login,
            authorType: actor.identity.type,
          });
          const json = this.commentJson(comment);
          return { status: 201, body: json, headers: { location: json.url as string } };
        };
      case 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}':
        return ({ params }) => ({ status: 200, body: this.commentJson(this.comment(params)) });
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}':
        return ({ params, body }) => {
          const comment = this.comment(params);
          const tooLong = this.checkCommentBody(body.body as string, 'IssueComment');
          if (tooLong) return tooLong;
          comment.body = body.body as string;
          comment.updatedAt = timestamp();
          return { status: 200, body: this.commentJson(comment) };
        };
      case 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}':
        return ({ params }) => {
          const comment = this.comment(params);
          this.commentsById.delete(comment.id);
          for (const reaction of this.reactions(comment.id)) this.reactionsById.delete(reaction.id);
          return { status: 204 };
        };
      case 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions':
        return ({ params, query, url }) => {
          const comment = this.comment(params);
          const list = this.reactions(comment.id).filter((r) => !query.content || r.content === query.content);
          return this.page(
            list.map((r) => this.reactionJson(r)),
            query,
            url,
          );
        };
      case 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions':
        return ({ params, body, actor }) => {
          const comment = this.comment(params);
          const existing = this.reactions(comment.id).find((r) => r.content === body.content && r.user.login === actor.identity.login);
          if (existing) return { status: 200, body: this.reactionJson(existing) };
          const reaction: StoredReaction = {
            id: this.nextId++,
            commentId: comment.id,
            content: body.content as string,
            user: actor.identity,
            createdAt: timestamp(),
          };
          this.reactionsById.set(reaction.id, reaction);
          return { status: 201, body: this.reactionJson(reaction) };
        };
      case 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}':
        return ({ params }) => {
          const comment = this.comment(params);
          const reaction = this.reactionsById.get(Number(params.reaction_id));
          if (!reaction || reaction.commentId !== comment.id) throw new NotFound();
          this.reactionsById.delete(reaction.id);
          return { status: 204 };
        };
      case 'GET /repos/{owner}/{repo}/collaborators/{username}/permission':
        return ({ params }) => {
          const repo = this.repo(params.owner, params.repo);
          const identity = this.users.get(params.username);
          if (!identity) throw new NotFound();
          const role = repo.roles.get(params.username) ?? 'none';
          return { status: 200, body: this.permissionJson(identity, role) };
        };
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}':
        return ({ params }) => ({ status: 200, body: this.pullJson(params.owner, params.repo, this.pull(params)) });
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files':
        return ({ params, query, url }) => {
          const pull = this.pull(params);
          const files = pull.files.slice(0, MAX_PULL_FILES).map((f) => this.fileJson(params.owner, params.repo, pull.headSha, f));
          return this.page(files, query, url);
        };
      case 'GET /repos/{owner}/{repo}/activity':
        // GitHub pages this listing with before/after cursors; one page (per_page, at most 100) is served.
        return ({ params, query }) => {
          const ref = query.ref && !query.ref.startsWith('refs/') ? `refs/heads/${query.ref}` : query.ref;
          const ascending = query.direction === 'asc';
          const list = this.repo(params.owner, params.repo)
            .activities.filter((a) => (!ref || a.ref === ref) && (!query.activity_type || a.type === query.activity_type))
            .sort((a, b) => (ascending ? 1 : -1) * (a.timestamp.localeCompare(b.timestamp) || a.id - b.id));
          const perPage = Math.min(Number(query.per_page ?? 30) || 30, 100);
          return { status: 200, body: list.slice(0, perPage).map((a) => this.activityJson(a)) };
        };
      default:
        throw new Error(`no handler for ${key}`);
    }
  }

  private checkCommentBody(body: string, resource: string): Reply | null {
    if (body.length <= MAX_COMMENT_LENGTH) return null;
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)` }],
        documentation_url: `${DOCS}/issues/comments#create-an-issue-comment`,
        status: '422',
      },
    };
  }

  /** GitHub's pagination: `per_page` up to 100 (default 30), 1-based `page`, `Link` with next/prev/first/last. */
  private page(items: unknown[], query: Record<string, string>, url: URL): Reply {
    const perPage = Math.min(Number(query.per_page ?? 30) || 30, 100);
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number) => {
      const target = new URL(url);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(n));
      return target.href;
    };
    const rels: string[] = [];
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(Math.min(page - 1, last))}>; rel="prev"`);
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: rels.length ? { link: rels.join(', ') } : {} };
  }

  // ---- state access -------------------------------------------------------------------

  private user(login: string, type?: Identity['type']): Identity {
    let identity = this.users.get(login);
    if (!identity) {
      identity = { login, id: 100 + this.users.size, type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User') };
      this.users.set(login, identity);
    }
    return identity;
  }

  private repoState(owner: string, repo: string): Repo {
    const key = `${owner}/${repo}`.toLowerCase();
    let state = this.repos.get(key);
    if (!state) {
      state = { owner, repo, id: 500 + this.repos.size, issues: new Map(), roles: new Map(), activities: [] };
      this.repos.set(key, state);
    }
    return state;
  }

  private repo(owner: string, repo: string): Repo {
    const state = this.repos.get(`${owner}/${repo}`.toLowerCase());
    if (!state) throw new NotFound();
    return state;
  }

  private issue(owner: string, repo: string, number: number): Issue {
    const issue = this.repo(owner, repo).issues.get(number);
    if (!issue) throw new NotFound();
    return issue;
  }

  private pull(params: Record<string, string>): NonNullable<Issue['pull']> {
    const pull = this.issue(params.owner, params.repo, Number(params.pull_number)).pull;
    if (!pull) throw new NotFound();
    return pull;
  }

  private comment(params: Record<string, string>): StoredComment {
    const comment = this.commentsById.get(Number(params.comment_id));
    if (!comment || comment.owner.toLowerCase() !== params.owner.toLowerCase() || comment.repo.toLowerCase() !== params.repo.toLowerCase()) {
      throw new NotFound();
    }
    return comment;
  }

  // ---- response shapes, from the examples in GitHub's own description ---------------

  private example(name: string): JsonObject {
    const value = (this.contract.examples[name] as JsonObject).value;
    return structuredClone(value) as JsonObject;
  }

  private userJson(identity: Identity): JsonObject {
    const template = this.example('issue-comment').user as JsonObject;
    const json = JSON.parse(
      JSON.stringify(template)
        .replaceAll('https://api.github.com', this.url)
        .replaceAll('/octocat', `/${encodeURIComponent(identity.login)}`),
    ) as JsonObject;
    return { ...json, login: identity.login, id: identity.id, node_id: nodeId('U', identity.id), type: identity.type };
  }

  private issueJson(owner: string, repo: string, issue: Issue): JsonObject {
    const opened = issue.opened as StoredIssue;
    // The example is issue 1347 of octocat/Hello-World; its URLs say so.
    const json = JSON.parse(
      JSON.stringify(this.example('issue'))
        .replaceAll('https://api.github.com', this.url)
        .replaceAll('octocat/Hello-World', `${owner}/${repo}`)
        .replaceAll('/1347', `/${issue.number}`),
    ) as JsonObject;
    delete json.pull_request;
    return {
      ...json,
      id: opened.id,
      node_id: nodeId('I', opened.id),
      number: issue.number,
      title: opened.title,
      body: opened.body,
      state: opened.state,
      locked: false,
      user: this.userJson(opened.user),
      labels: [],
      assignee: null,
      assignees: [],
      milestone: null,
      comments: this.comments(owner, repo, issue.number).length,
      closed_at: opened.state === 'closed' ? opened.updatedAt : null,
      closed_by: null,
      created_at: opened.createdAt,
      updated_at: opened.updatedAt,
      author_association: opened.user.type === 'Bot' ? 'NONE' : 'OWNER',
    };
  }

  private commentJson(comment: StoredComment): JsonObject {
    const repoUrl = `${this.url}/repos/${comment.owner}/${comment.repo}`;
    return {
      ...this.example('issue-comment'),
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      url: `${repoUrl}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${comment.owner}/${comment.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${repoUrl}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: this.userJson(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    };
  }

  private activityJson(activity: StoredActivity): JsonObject {
    return {
      id: activity.id,
      node_id: nodeId('RA', activity.id),
      before: activity.before,
      after: activity.after,
      ref: activity.ref,
      timestamp: activity.timestamp,
      activity_type: activity.type,
      actor: this.userJson(activity.actor),
    };
  }

  private reactionJson(reaction: StoredReaction): JsonObject {
    return {
      ...this.example('reaction'),
      id: reaction.id,
      node_id: nodeId('REA', reaction.id),
      user: this.userJson(reaction.user),
      content: reaction.content,
      created_at: reaction.createdAt,
    };
  }

  private permissionJson(identity: Identity, role: Role): JsonObject {
    const template = this.example('repository-collaborator-permission-response-if-user-has-admin-permissions');
    // GitHub's legacy `permission` folds maintain into write and triage into read.
    const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    const user = { ...(template.user as JsonObject), ...this.userJson(identity), role_name: role };
    return { ...template, permission, role_name: role, user };
  }

  private pullJson(owner: string, repo: string, pull: NonNullable<Issue['pull']>): JsonObject {
    const rewrite = (value: Json, from: string, to: string) =>
      JSON.parse(JSON.stringify(value).replaceAll('https://api.github.com', this.url).replaceAll(from, to)) as JsonObject;
    // The example is pull request 1347 of octocat/Hello-World; its URLs say so.
    const json = rewrite(rewrite(this.example('pull-request'), 'octocat/Hello-World', `${owner}/${repo}`), '/1347', `/${pull.number}`);
    const base = json.base as JsonObject;
    const baseRepo = { ...(base.repo as JsonObject), name: repo, full_name: `${owner}/${repo}`, fork: false };
    const headRepo = pull.forkOwner
      ? { ...rewrite(baseRepo, `${owner}/${repo}`, `${pull.forkOwner}/${repo}`), full_name: `${pull.forkOwner}/${repo}`, fork: true }
      : baseRepo;
    const author = this.userJson(this.user(pull.author));
    return {
      ...json,
      number: pull.number,
      state: pull.state,
      draft: pull.draft,
      user: author,
      requested_teams: [],
      changed_files: pull.files.length,
      head: { ...(json.head as JsonObject), sha: pull.headSha, ref: pull.headRef, label: `${pull.forkOwner ?? owner}:${pull.headRef}`, repo: headRepo },
      base: { ...base, sha: pull.baseSha, ref: pull.baseRef, label: `${owner}:${pull.baseRef}`, repo: baseRepo },
    };
  }

  private fileJson(owner: string, repo: string, headSha: string, file: PullFileSeed): JsonObject {
    const template = (this.example('diff-entry-items') as unknown as JsonObject[])[0];
    const path = file.filename.split('/').map(encodeURIComponent).join('/');
    return {
      ...template,
      filename: file.filename,
      status: file.status ?? 'modified',
      blob_url: `https://github.com/${owner}/${repo}/blob/${headSha}/${path}`,
      raw_url: `https://github.com/${owner}/${repo}/raw/${headSha}/${path}`,
      contents_url: `${this.url}/repos/${owner}/${repo}/contents/${path}?ref=${headSha}`,
      ...(file.previousFilename ? { previous_filename: file.previousFilename } : {}),
    };
  }
}

class NotFound extends Error {}

function faultReply(fault: Fault): Reply {
  switch (fault.status) {
    case 500:
      return { status: 500, body: { message: 'Server Error' } };
    case 502:
      return { status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    case 403:
      return {
        status: 403,
        headers: { 'retry-after': String(fault.retryAfter ?? 1) },
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '403',
        },
      };
    case 429:
      return {
        status: 429,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + (fault.retryAfter ?? 1)),
        },
        body: { message: 'API rate limit exceeded for installation.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`, status: '429' },
      };
    case 422:
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: fault.message ?? 'body is too long (maximum is 65536 characters)' }],
          documentation_url: DOCS,
          status: '422',
        },
      };
  }
}

function matches(match: RequestMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (typeof match.path === 'string' && match.path !== path) return false;
  if (match.path instanceof RegExp && !match.path.test(path)) return false;
  return true;
}

/** Consumes one use of the first matching entry. */
function take<T extends { remaining: number; match: RequestMatch }>(queue: T[], method: string, path: string): T | undefined {
  const entry = queue.find((e) => matches(e.match, method, path));
  if (!entry) return undefined;
  if (--entry.remaining <= 0) queue.splice(queue.indexOf(entry), 1);
  return entry;
}

function coerce(value: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function safeParse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** GitHub's timestamps: UTC, whole seconds. */
function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(prefix: string, id: number): string {
  return Buffer.from(`0${prefix.length}:${prefix}${id}`).toString('base64');
}
