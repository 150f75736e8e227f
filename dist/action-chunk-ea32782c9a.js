import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  parseImageName,
  registryApiHost,
  registryServerAddress
} from "./action-chunk-71fa4578e2.js";
import {
  VERSION
} from "./action-chunk-413a98cce8.js";
import {
  RECORD_SCHEMA
} from "./action-chunk-4fcbb936ca.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/action/registry-auth.ts
function imageName(settings, context) {
  return (settings.image || `ghcr.io/${context.owner}/${context.repo}`).toLowerCase();
}
function registryAuth(settings, context) {
  const { registry } = parseImageName(imageName(settings, context));
  if (settings.registryPassword) {
    if (!settings.registryUsername) throw new UserError("`registry-password` is set but `registry-username` is not", { field: "registry-username" });
    return { username: settings.registryUsername, password: settings.registryPassword, serveraddress: registryServerAddress(registry) };
  }
  if (registry === "ghcr.io" && settings.token) {
    return { username: settings.registryUsername || context.actor || "github-actions", password: settings.token, serveraddress: registry };
  }
  throw new UserError(`pushing to ${registry} needs \`registry-username\` and \`registry-password\` (or set \`push: false\`)`, { field: "registry-password" });
}

// src/baseline/derive.ts
function recordFromRun(run, commit, extra = {}) {
  return {
    schema: RECORD_SCHEMA,
    modelCiVersion: VERSION,
    model: run.config.name,
    commit,
    createdAt: extra.createdAt ?? (/* @__PURE__ */ new Date()).toISOString(),
    backend: run.engine.backend,
    metrics: run.metrics,
    params: run.params.flat,
    data: run.manifest.data,
    inputsHash: run.manifest.hashes.inputs,
    modelHash: run.manifest.hashes.model,
    history: run.history,
    evaluation: run.evaluation,
    trainingMs: run.manifest.trainingMs,
    ...extra.image ? { image: extra.image } : {},
    ...extra.runUrl ? { runUrl: extra.runUrl } : {},
    ...extra.storedModel ? { storedModel: extra.storedModel } : {}
  };
}
function reusedRecord(previous, to) {
  return { ...carriedOver(previous, to), reusedFrom: previous.commit };
}
function rolledBackRecord(target, to) {
  return { ...carriedOver(target, to), rollbackOf: target.commit };
}
function carriedOver(record, to) {
  const { rollbackOf: _rollbackOf, reusedFrom: _reusedFrom, runUrl: _runUrl, ...model } = record;
  return {
    ...model,
    commit: to.commit,
    createdAt: to.createdAt ?? (/* @__PURE__ */ new Date()).toISOString(),
    image: to.image,
    ...to.runUrl ? { runUrl: to.runUrl } : {}
  };
}

// src/docker/registry.ts
import { createHash } from "node:crypto";
var REQUEST_TIMEOUT_MS = 6e4;
var MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
function registryBaseUrl(registry) {
  const host = registryApiHost(registry);
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  return `${loopback ? "http" : "https"}://${host}`;
}
function registryClient(registry, credentials) {
  const base = registryBaseUrl(registry);
  const tokens = /* @__PURE__ */ new Map();
  async function request(method, path, url, init = {}) {
    const scope = `repository:${path}:${method === "GET" || method === "HEAD" ? "pull" : "pull,push"}`;
    const send = (authorization2) => fetch(url, {
      method,
      headers: { ...init.headers, ...authorization2 ? { authorization: authorization2 } : {} },
      body: init.body,
      redirect: "follow",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    }).catch((error) => {
      throw new Error(`registry ${registry} unreachable (${method} ${url}): ${causeOf(error)}`);
    });
    let response = await send(tokens.get(scope));
    if (response.status !== 401) return response;
    const authorization = await authorize(response.headers.get("www-authenticate"), scope);
    tokens.set(scope, authorization);
    response = await send(authorization);
    if (response.status === 401 || response.status === 403) {
      throw new UserError(`registry refused credentials for ${registry} (HTTP ${response.status} on ${method} ${path})`, {
        field: "registry-password"
      });
    }
    return response;
  }
  async function authorize(challenge, fallbackScope) {
    const parsed = parseChallenge(challenge ?? "");
    if (!credentials && parsed.scheme !== "bearer") {
      throw new UserError(`registry ${registry} requires credentials and none were given`, { field: "registry-username" });
    }
    const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}` : void 0;
    if (parsed.scheme === "basic") return basic;
    if (parsed.scheme !== "bearer" || !parsed.params.realm) {
      throw new Error(`registry ${registry} asked for unsupported authentication: ${challenge}`);
    }
    const tokenUrl = new URL(parsed.params.realm);
    if (parsed.params.service) tokenUrl.searchParams.set("service", parsed.params.service);
    tokenUrl.searchParams.set("scope", parsed.params.scope ?? fallbackScope);
    const response = await fetch(tokenUrl, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(
      (error) => {
        throw new Error(`token service of ${registry} unreachable (${tokenUrl.origin}): ${causeOf(error)}`);
      }
    );
    if (response.status === 401 || response.status === 403) {
      throw new UserError(`registry refused credentials for ${registry} (token service answered HTTP ${response.status})`, {
        field: "registry-password"
      });
    }
    if (!response.ok) throw new Error(`token service of ${registry} answered HTTP ${response.status}: ${await response.text()}`);
    const body = await response.json();
    const token = body.token ?? body.access_token;
    if (!token) throw new Error(`token service of ${registry} answered without a token`);
    return `Bearer ${token}`;
  }
  return {
    async getManifest(path, reference) {
      const response = await request("GET", path, `${base}/v2/${path}/manifests/${reference}`, {
        headers: { accept: MANIFEST_TYPES.join(", ") }
      });
      if (!response.ok) throw await apiError(response, `GET manifest ${path}:${reference}`);
      const body = Buffer.from(await response.arrayBuffer());
      const digest = `sha256:${createHash("sha256").update(body).digest("hex")}`;
      const stated = response.headers.get("docker-content-digest");
      if (stated && stated !== digest) {
        throw new Error(`registry ${registry} sent manifest ${path}:${reference} whose bytes hash to ${digest}, not the ${stated} it stated`);
      }
      if (reference.startsWith("sha256:") && reference !== digest) {
        throw new Error(`registry ${registry} answered ${path}@${reference} with a manifest of digest ${digest}`);
      }
      return { digest, mediaType: response.headers.get("content-type")?.split(";")[0] ?? MANIFEST_TYPES[3], body };
    },
    async putManifest(path, tag, manifest) {
      const response = await request("PUT", path, `${base}/v2/${path}/manifests/${tag}`, {
        headers: { "content-type": manifest.mediaType },
        body: manifest.body
      });
      if (!response.ok) throw await apiError(response, `PUT manifest ${path}:${tag}`);
      await response.arrayBuffer();
      return response.headers.get("docker-content-digest") ?? manifest.digest;
    },
    async listTags(path) {
      const response = await request("GET", path, `${base}/v2/${path}/tags/list`);
      if (response.status === 404) return [];
      if (!response.ok) throw await apiError(response, `GET tags of ${path}`);
      return (await response.json()).tags ?? [];
    }
  };
  async function apiError(response, what) {
    const text = await response.text();
    let detail = text.slice(0, 300);
    try {
      const errors = JSON.parse(text).errors ?? [];
      if (errors.length > 0) detail = errors.map((e) => `${e.code}: ${e.message}`).join("; ");
    } catch {
    }
    return new Error(`registry ${registry}: ${what} answered HTTP ${response.status}: ${detail}`);
  }
}
function parseChallenge(header) {
  const space = header.indexOf(" ");
  const scheme = (space < 0 ? header : header.slice(0, space)).trim().toLowerCase();
  const params = {};
  for (const m of header.slice(space + 1).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) params[m[1].toLowerCase()] = m[2] ?? m[3];
  return { scheme, params };
}
async function retagRemote(input) {
  const name = parseImageName(input.image);
  const client = registryClient(name.registry, input.credentials);
  const manifest = await client.getManifest(name.path, input.from);
  const stored = await client.putManifest(name.path, input.to, manifest);
  if (stored !== manifest.digest) {
    throw new Error(`registry ${name.registry} stored ${name.name}:${input.to} as ${stored}, expected ${manifest.digest}`);
  }
  const check = await client.getManifest(name.path, input.to);
  if (check.digest !== manifest.digest) {
    throw new Error(`${name.name}:${input.to} resolves to ${check.digest} after retagging, expected ${manifest.digest}`);
  }
  return { digest: manifest.digest };
}
function causeOf(error) {
  const cause = error.cause;
  return cause?.code ?? cause?.message ?? error.message;
}

export {
  recordFromRun,
  reusedRecord,
  rolledBackRecord,
  registryClient,
  retagRemote,
  imageName,
  registryAuth
};
