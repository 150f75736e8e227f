/**
 * Image references (`registry/path:tag`, `path@sha256:…`) split the way the Docker engine reads them,
 * so the tags we push and the registry API we call agree on the repository name.
 */
import { UserError } from '../errors.ts';

export interface ImageName {
  /** Registry host as written (`ghcr.io`, `127.0.0.1:5000`); `docker.io` when the name has none. */
  registry: string;
  /** Repository path inside the registry (`acme/churn`; `library/x` for official Docker Hub names). */
  path: string;
  /** `registry/path`, or just the path for Docker Hub, as `docker` prints it. */
  name: string;
}

export interface ImageReference extends ImageName {
  tag?: string;
  digest?: string;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const DOCKER_HUB = 'docker.io';

/** Parses an image name without tag or digest; `field` names the input in the error. */
export function parseImageName(input: string, field = 'image'): ImageName {
  const ref = parseImageReference(input, field);
  if (ref.tag || ref.digest) {
    throw new UserError(`expected an image name without tag or digest, got "${input}"`, { field });
  }
  return { registry: ref.registry, path: ref.path, name: ref.name };
}

export function parseImageReference(input: string, field = 'image'): ImageReference {
  let rest = input.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new UserError(`digest "${digest}" of "${input}" is not sha256:<64 hex digits>`, { field });
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new UserError(`tag "${tag}" of "${input}" is not a valid Docker tag`, { field });
  }
  const parts = rest.split('/');
  // Docker's rule: the first component is a registry when it looks like a host (has a dot or a port, or is localhost).
  const hasRegistry = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost');
  const registry = hasRegistry ? parts.shift()! : DOCKER_HUB;
  if (!REGISTRY.test(registry) || parts.length === 0 || parts.some((p) => !PATH_COMPONENT.test(p))) {
    throw new UserError(`"${input}" is not a valid image name: expected [registry/]path with lowercase letters, digits and . _ - separators`, { field });
  }
  const path = registry === DOCKER_HUB && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
  const name = hasRegistry ? `${registry}/${parts.join('/')}` : parts.join('/');
  return { registry, path, name, tag, digest };
}

/** Where the registry's HTTP API lives: Docker Hub's API host differs from its name. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}

/** The engine's `serveraddress` for credentials of a registry. */
export function registryServerAddress(registry: string): string {
  return registry === DOCKER_HUB ? 'https://index.docker.io/v1/' : registry;
}

/** An image pinned by digest inside one repository. */
export interface PinnedImage extends ImageName {
  digest: string;
}

/** Registry hosts are DNS names: `GHCR.io` is `ghcr.io`. Ports and paths are compared as written. */
export function sameRepository(a: ImageName, b: ImageName): boolean {
  return a.registry.toLowerCase() === b.registry.toLowerCase() && a.path === b.path;
}

/**
 * The image a baseline record names, confined to the configured `image` repository. Records live on a
 * branch that anyone with push access can write, so a record is data, never a pointer for credentials:
 * a name in another registry or repository (or not a plain name at all) is refused before any request,
 * and the result is built from the configured name, so what reaches the registry never comes from the
 * record but the digest, and that only as `sha256:<64 hex>`.
 */
export function confineToRepository(recorded: { name: unknown; digest: unknown }, configured: string, where: string): PinnedImage {
  const own = parseImageName(configured);
  const refuse = (why: string) =>
    new UserError(
      `${where} names the image ${quoted(recorded.name)} with digest ${quoted(recorded.digest)}, ${why}; ` +
        `deploy, reuse and rollback only read, push and retag inside the configured image ${own.name}, so nothing was sent to any registry. ` +
        'Records on the baselines branch should be written by model-ci alone (let only the Actions bot push it); ' +
        'if the `image` input changed on purpose, images recorded before it cannot be reused or rolled back to, and a deploy whose inputs changed builds afresh',
      { field: 'image' },
    );
  let theirs: ImageName;
  try {
    theirs = parseImageName(typeof recorded.name === 'string' ? recorded.name : '');
  } catch {
    throw refuse('which is not an image name without tag or digest');
  }
  if (theirs.registry.toLowerCase() !== own.registry.toLowerCase()) throw refuse(`whose registry ${quoted(theirs.registry)} is not ${own.registry}`);
  if (!sameRepository(theirs, own)) throw refuse(`whose repository ${quoted(theirs.path)} is not ${own.path}`);
  if (typeof recorded.digest !== 'string' || !DIGEST.test(recorded.digest)) throw refuse('and the digest is not sha256:<64 hex digits>');
  return { ...own, digest: recorded.digest };
}

/** Record text in a message: JSON-quoted (control characters escaped, so one line) and short. */
function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
