import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/docker/reference.ts
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var REGISTRY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^sha256:[0-9a-f]{64}$/;
var DOCKER_HUB = "docker.io";
function parseImageName(input, field = "image") {
  const ref = parseImageReference(input, field);
  if (ref.tag || ref.digest) {
    throw new UserError(`expected an image name without tag or digest, got "${input}"`, { field });
  }
  return { registry: ref.registry, path: ref.path, name: ref.name };
}
function parseImageReference(input, field = "image") {
  let rest = input.trim();
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new UserError(`digest "${digest}" of "${input}" is not sha256:<64 hex digits>`, { field });
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new UserError(`tag "${tag}" of "${input}" is not a valid Docker tag`, { field });
  }
  const parts = rest.split("/");
  const hasRegistry = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === "localhost");
  const registry = hasRegistry ? parts.shift() : DOCKER_HUB;
  if (!REGISTRY.test(registry) || parts.length === 0 || parts.some((p) => !PATH_COMPONENT.test(p))) {
    throw new UserError(`"${input}" is not a valid image name: expected [registry/]path with lowercase letters, digits and . _ - separators`, { field });
  }
  const path = registry === DOCKER_HUB && parts.length === 1 ? `library/${parts[0]}` : parts.join("/");
  const name = hasRegistry ? `${registry}/${parts.join("/")}` : parts.join("/");
  return { registry, path, name, tag, digest };
}
function registryApiHost(registry) {
  return registry === DOCKER_HUB ? "registry-1.docker.io" : registry;
}
function registryServerAddress(registry) {
  return registry === DOCKER_HUB ? "https://index.docker.io/v1/" : registry;
}
function sameRepository(a, b) {
  return a.registry.toLowerCase() === b.registry.toLowerCase() && a.path === b.path;
}
function confineToRepository(recorded, configured, where) {
  const own = parseImageName(configured);
  const refuse = (why) => new UserError(
    `${where} names the image ${quoted(recorded.name)} with digest ${quoted(recorded.digest)}, ${why}; deploy, reuse and rollback only read, push and retag inside the configured image ${own.name}, so nothing was sent to any registry. Records on the baselines branch should be written by model-ci alone (let only the Actions bot push it); if the \`image\` input changed on purpose, images recorded before it cannot be reused or rolled back to, and a deploy whose inputs changed builds afresh`,
    { field: "image" }
  );
  let theirs;
  try {
    theirs = parseImageName(typeof recorded.name === "string" ? recorded.name : "");
  } catch {
    throw refuse("which is not an image name without tag or digest");
  }
  if (theirs.registry.toLowerCase() !== own.registry.toLowerCase()) throw refuse(`whose registry ${quoted(theirs.registry)} is not ${own.registry}`);
  if (!sameRepository(theirs, own)) throw refuse(`whose repository ${quoted(theirs.path)} is not ${own.path}`);
  if (typeof recorded.digest !== "string" || !DIGEST.test(recorded.digest)) throw refuse("and the digest is not sha256:<64 hex digits>");
  return { ...own, digest: recorded.digest };
}
function quoted(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}\u2026` : text;
}

export {
  parseImageName,
  parseImageReference,
  registryApiHost,
  registryServerAddress,
  confineToRepository
};
