import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  VERSION
} from "./cli-chunk-413a98cce8.js";
import {
  buildContext
} from "./cli-chunk-a8355befd7.js";
import {
  renderDockerfile
} from "./cli-chunk-75ac2e035d.js";
import {
  parseImageName,
  parseImageReference,
  registryApiHost,
  registryServerAddress
} from "./cli-chunk-71fa4578e2.js";
import {
  UserError
} from "./cli-chunk-55db69e02f.js";

// src/docker/build.ts
import { Readable } from "node:stream";

// src/docker/progress.ts
var EngineStreamError = class extends Error {
  name = "EngineStreamError";
};
var StreamTimeoutError = class extends Error {
  name = "StreamTimeoutError";
};
function followProgress(stream, options) {
  const events = [];
  return new Promise((resolve, reject) => {
    let buffer = "";
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stream.removeListener("data", onData);
      if (error) {
        options.abort?.abort(error);
        stream.destroy?.();
        reject(error);
      } else resolve(events);
    };
    const timer = setTimeout(() => finish(new StreamTimeoutError(`no end after ${Math.round(options.timeoutMs / 1e3)} s`)), options.timeoutMs);
    const handle = (line) => {
      if (line.trim() === "") return;
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        throw new Error(`the engine sent a line that is not JSON: ${line.slice(0, 200)}`);
      }
      events.push(event);
      if (event.error !== void 0 || event.errorDetail !== void 0) {
        throw new EngineStreamError(event.errorDetail?.message || event.error || "unknown error");
      }
      options.onEvent?.(event);
    };
    const onData = (chunk) => {
      buffer += chunk.toString();
      let newline;
      try {
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          handle(line);
        }
      } catch (error) {
        finish(error);
      }
    };
    stream.on("data", onData);
    stream.on("error", (error) => finish(error));
    stream.on("end", () => {
      try {
        handle(buffer);
        finish();
      } catch (error) {
        finish(error);
      }
    });
    stream.on("close", () => finish(new Error("the engine closed the progress stream before its end")));
  });
}

// src/docker/build.ts
var DEFAULT_BUILD_TIMEOUT_MS = 15 * 6e4;
async function buildImage(docker, options) {
  const { tags, log = () => {
  } } = options;
  if (tags.length === 0) throw new Error("buildImage needs at least one tag");
  const refs = tags.map((tag) => parseImageReference(tag, "tags"));
  const timeoutMs = options.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;
  const abort = new AbortController();
  const context = Buffer.isBuffer(options.context) ? Readable.from([options.context]) : options.context;
  let step = "";
  let imageId;
  try {
    const stream = await docker.buildImage(context, {
      t: tags[0],
      // The classic builder: BuildKit (`2`) would need a session and pulls its Dockerfile frontend from Docker Hub.
      version: "1",
      nocache: options.noCache ?? false,
      rm: true,
      forcerm: true,
      abortSignal: abort.signal
    });
    await followProgress(stream, {
      timeoutMs,
      abort,
      onEvent: (event) => {
        if (event.aux?.ID) imageId = event.aux.ID;
        for (const line of (event.stream ?? "").split("\n")) {
          const text = line.trimEnd();
          if (text === "") continue;
          const match = /^Step \d+\/\d+ : (.*)$/.exec(text);
          if (match) step = match[1];
          log(text);
        }
      }
    });
  } catch (error) {
    throw buildError(error, step, timeoutMs);
  }
  if (!imageId) throw new Error("docker build ended without reporting an image ID");
  const image = docker.getImage(imageId);
  for (const ref of refs.slice(1)) await image.tag({ repo: ref.name, tag: ref.tag ?? "latest" });
  return { imageId };
}
function buildError(error, step, timeoutMs) {
  if (error instanceof StreamTimeoutError) {
    return new Error(`docker build did not finish within ${Math.round(timeoutMs / 1e3)} s${step ? ` (at step: ${step})` : ""}`);
  }
  const from = /^FROM\s+(\S+)/i.exec(step);
  if (error instanceof EngineStreamError && from) {
    return new UserError(`base image ${from[1]} not found: ${error.message}`, { field: "base-image" });
  }
  if (error instanceof EngineStreamError) return new Error(`docker build failed${step ? ` at step "${step}"` : ""}: ${error.message}`);
  return new Error(`docker build failed: ${error.message}`, { cause: error });
}

// src/docker/labels.ts
var LABEL_PREFIX = "dev.model-ci";
function computeLabels(input) {
  const labels = {
    "org.opencontainers.image.title": input.model,
    "org.opencontainers.image.description": input.description,
    "org.opencontainers.image.source": input.source,
    "org.opencontainers.image.url": input.url ?? input.source,
    "org.opencontainers.image.revision": input.revision,
    "org.opencontainers.image.created": input.created,
    "org.opencontainers.image.version": input.version,
    "org.opencontainers.image.licenses": input.licenses,
    [`${LABEL_PREFIX}.model`]: input.model,
    [`${LABEL_PREFIX}.metrics`]: compactJson(input.metrics),
    [`${LABEL_PREFIX}.data-hash`]: input.hashes.data,
    [`${LABEL_PREFIX}.params-hash`]: input.hashes.params,
    [`${LABEL_PREFIX}.model-hash`]: input.hashes.model,
    [`${LABEL_PREFIX}.inputs-hash`]: input.hashes.inputs,
    [`${LABEL_PREFIX}.backend`]: input.backend,
    [`${LABEL_PREFIX}.version`]: VERSION
  };
  return Object.fromEntries(Object.entries(labels).filter((entry) => entry[1] !== void 0 && entry[1] !== ""));
}
function compactJson(metrics) {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(metrics).sort().map((k) => [k, metrics[k]])
    )
  );
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

// src/docker/push.ts
var DEFAULT_PUSH_TIMEOUT_MS = 10 * 6e4;
async function pushImage(docker, options) {
  const { retries = 3, backoffMs = 2e3, timeoutMs = DEFAULT_PUSH_TIMEOUT_MS, log = () => {
  } } = options;
  if (options.tags.length === 0) throw new Error("pushImage needs at least one tag");
  const refs = options.tags.map((tag) => parseImageReference(tag, "tags"));
  const { registry, name, path } = refs[0];
  const other = refs.find((ref) => ref.name !== name || !ref.tag);
  if (other) throw new Error(`pushImage pushes tags of one repository (${name}); got ${other.name}:${other.tag ?? "(no tag)"}`);
  const authconfig = {
    username: options.auth.username,
    password: options.auth.password,
    serveraddress: options.auth.serveraddress ?? registryServerAddress(registry)
  };
  const client = registryClient(registry, options.auth);
  let digest;
  let layersPushed = 0;
  let bytesPushed = 0;
  for (const ref of refs) {
    const tag = ref.tag;
    let result;
    for (let attempt = 0; ; attempt++) {
      try {
        result = await pushTag(docker, name, tag, authconfig, timeoutMs, log);
        break;
      } catch (error) {
        const failure = classify(error, registry, `${name}:${tag}`, timeoutMs);
        if (!failure.transient || attempt >= retries) throw failure.error;
        const wait = backoffMs * 2 ** attempt;
        log(`push of ${name}:${tag} failed (${failure.error.message}); retry ${attempt + 1}/${retries} in ${wait / 1e3} s`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    if (digest && result.digest !== digest) throw new Error(`${name}:${tag} was pushed as ${result.digest}, but the other tags as ${digest}`);
    digest = result.digest;
    layersPushed += result.layersPushed;
    bytesPushed += result.bytesPushed;
    const served = await client.getManifest(path, tag);
    if (served.digest !== digest) {
      throw new Error(`registry serves ${name}:${tag} as ${served.digest}, but the push reported ${digest}`);
    }
  }
  log(`verified ${name}@${digest} on the registry for ${refs.map((r) => r.tag).join(", ")}`);
  return { digest, layersPushed, bytesPushed };
}
async function pushTag(docker, name, tag, authconfig, timeoutMs, log) {
  const abort = new AbortController();
  const stream = await docker.getImage(name).push({ tag, authconfig, abortSignal: abort.signal });
  let digest;
  let lastStatus = "";
  const uploaded = /* @__PURE__ */ new Map();
  const lastKind = /* @__PURE__ */ new Map();
  try {
    await followProgress(stream, {
      timeoutMs,
      abort,
      onEvent: (event) => {
        if (event.aux?.Digest) digest = event.aux.Digest;
        if (event.status === "Pushing" && event.id) {
          uploaded.set(event.id, Math.max(uploaded.get(event.id) ?? 0, event.progressDetail?.current ?? 0));
        } else if (event.status === "Pushed" && event.id && !uploaded.has(event.id)) {
          uploaded.set(event.id, 0);
        }
        if (!event.status || ["Pushing", "Waiting", "Preparing"].includes(event.status)) return;
        const line = event.id ? `${event.id}: ${event.status}` : event.status;
        lastStatus = line;
        const kind = event.status.startsWith("Retrying in") ? "retrying" : event.status;
        if (event.id && lastKind.get(event.id) === kind) return;
        if (event.id) lastKind.set(event.id, kind);
        log(line);
      }
    });
  } catch (error) {
    if (error instanceof StreamTimeoutError && lastStatus) throw new StreamTimeoutError(`${error.message}; the engine last said: ${lastStatus}`);
    throw error;
  }
  if (!digest) throw new Error(`the engine finished pushing ${name}:${tag} without reporting a digest`);
  return { digest, layersPushed: uploaded.size, bytesPushed: [...uploaded.values()].reduce((a, b) => a + b, 0) };
}
var AUTH_FAILURE = /unauthorized|authentication required|no basic auth credentials|incorrect username or password|denied|\b40[13]\b/i;
var TRANSIENT = /connection refused|connection reset|broken pipe|\beof\b|timeout|timed out|temporarily unavailable|service unavailable|bad gateway|too many requests|\b5\d\d\b|no end after/i;
function classify(error, registry, ref, timeoutMs) {
  if (error instanceof UserError) return { error, transient: false };
  const message = error.message;
  if (AUTH_FAILURE.test(message)) {
    return { error: new UserError(`registry refused credentials for ${registry}: ${message}`, { field: "registry-password" }), transient: false };
  }
  if (error instanceof StreamTimeoutError) {
    return { error: new Error(`push of ${ref} did not finish within ${Math.round(timeoutMs / 1e3)} s (${message})`), transient: true };
  }
  const what = error instanceof EngineStreamError ? "the engine reported" : "the engine request failed";
  return { error: new Error(`push of ${ref} failed, ${what}: ${message}`, { cause: error }), transient: TRANSIENT.test(message) };
}

// src/docker/tags.ts
var SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function parseSemVer(text) {
  const m = SEMVER.exec(text);
  if (!m) return void 0;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4], build: m[5] };
}
function sanitizeTag(text) {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9_.-]+/g, "-").replace(/^[.-]+/, "").slice(0, 128).replace(/[.-]+$/, "");
  return cleaned;
}
function imageVersion(input) {
  return refTags(input.ref)[0] ?? shaTag(input.sha);
}
function computeTags(input) {
  const image = parseImageName(input.image.toLowerCase(), "image").name;
  const tags = [shaTag(input.sha), ...refTags(input.ref)];
  const branch = input.ref.startsWith("refs/heads/") ? input.ref.slice("refs/heads/".length) : void 0;
  if (input.gatesPassed && branch !== void 0 && branch === input.defaultBranch) tags.push("latest");
  return [...new Set(tags)].map((tag) => `${image}:${tag}`);
}
function shaTag(sha) {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) throw new UserError(`expected a commit SHA (hex), got "${sha}"`, { field: "sha" });
  return `sha-${sha.slice(0, 7).toLowerCase()}`;
}
function refTags(ref) {
  const branch = /^refs\/heads\/(.+)$/.exec(ref);
  if (branch) return nonEmpty([sanitizeTag(branch[1])]);
  const pull = /^refs\/pull\/(\d+)\//.exec(ref);
  if (pull) return [`pr-${pull[1]}`];
  const tag = /^refs\/tags\/(.+)$/.exec(ref);
  if (!tag) return [];
  const version = parseSemVer(tag[1]);
  if (!version) return nonEmpty([sanitizeTag(tag[1])]);
  const { major, minor, patch, prerelease } = version;
  if (prerelease) return [sanitizeTag(`${major}.${minor}.${patch}-${prerelease}`)];
  return [`${major}.${minor}.${patch}`, `${major}.${minor}`, ...major > 0 ? [`${major}`] : []];
}
function nonEmpty(tags) {
  return tags.filter((t) => t.length > 0);
}

// src/docker/build-and-push.ts
async function buildModelImage(docker, input) {
  const log = input.log ?? (() => {
  });
  const tags = computeTags(input.target);
  const image = parseImageName(input.target.image.toLowerCase()).name;
  const version = imageVersion(input.target);
  const labels = computeLabels({ ...input.labels, revision: input.target.sha, version });
  const context = await buildContext({
    dockerfile: renderDockerfile({ baseImage: input.baseImage, port: input.port, labels }),
    serverFiles: input.serverFiles,
    modelDir: input.modelDir
  });
  log(`building ${image} (${tags.map((t) => t.slice(image.length + 1)).join(", ")}) from ${input.baseImage}`);
  const { imageId } = await buildImage(docker, { context, tags, timeoutMs: input.buildTimeoutMs, noCache: input.noCache, log });
  return { image, tags, imageId, version, labels };
}
async function deployImage(docker, input) {
  const built = await buildModelImage(docker, input);
  const pushed = await pushImage(docker, {
    tags: built.tags,
    auth: input.auth,
    retries: input.retries,
    timeoutMs: input.pushTimeoutMs,
    log: input.log
  });
  return { ...built, ...pushed };
}

export {
  retagRemote,
  imageVersion,
  computeTags,
  buildModelImage,
  deployImage
};
