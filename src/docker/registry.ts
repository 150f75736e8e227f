/**
 * The few registry API (OCI distribution) calls the engine cannot make for us: read a manifest's
 * digest back after a push, and copy a manifest to another tag for rollback. Authentication follows
 * the registry's `WWW-Authenticate` challenge: `Basic` (htpasswd registries) or `Bearer` token
 * exchange (GHCR, Docker Hub), with the same username/password the push used.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../errors.ts';
import { parseImageName, registryApiHost } from './reference.ts';

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface Manifest {
  digest: string;
  mediaType: string;
  body: Buffer;
}

/** Manifests are a few kB: a registry that takes longer than this is not answering. */
const REQUEST_TIMEOUT_MS = 60_000;

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export interface RegistryClient {
  getManifest(path: string, reference: string): Promise<Manifest>;
  /** Stores `manifest` under `tag` and returns the digest the registry computed. */
  putManifest(path: string, tag: string, manifest: Manifest): Promise<string>;
  /** Tags of a repository; `[]` when the repository does not exist. */
  listTags(path: string): Promise<string[]>;
}

/**
 * Loopback registries are plain HTTP, as the engine treats them (insecure by default); every other
 * registry is HTTPS.
 */
export function registryBaseUrl(registry: string): string {
  const host = registryApiHost(registry);
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  return `${loopback ? 'http' : 'https'}://${host}`;
}

export function registryClient(registry: string, credentials?: RegistryCredentials): RegistryClient {
  const base = registryBaseUrl(registry);
  const tokens = new Map<string, string>();

  async function request(method: string, path: string, url: string, init: { headers?: Record<string, string>; body?: Buffer } = {}) {
    const scope = `repository:${path}:${method === 'GET' || method === 'HEAD' ? 'pull' : 'pull,push'}`;
    const send = (authorization?: string) =>
      fetch(url, {
        method,
        headers: { ...init.headers, ...(authorization ? { authorization } : {}) },
        body: init.body,
        redirect: 'follow',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).catch((error: Error) => {
        throw new Error(`registry ${registry} unreachable (${method} ${url}): ${causeOf(error)}`);
      });
    let response = await send(tokens.get(scope));
    if (response.status !== 401) return response;
    const authorization = await authorize(response.headers.get('www-authenticate'), scope);
    tokens.set(scope, authorization);
    response = await send(authorization);
    if (response.status === 401 || response.status === 403) {
      throw new UserError(`registry refused credentials for ${registry} (HTTP ${response.status} on ${method} ${path})`, {
        field: 'registry-password',
      });
    }
    return response;
  }

  async function authorize(challenge: string | null, fallbackScope: string): Promise<string> {
    const parsed = parseChallenge(challenge ?? '');
    if (!credentials && parsed.scheme !== 'bearer') {
      throw new UserError(`registry ${registry} requires credentials and none were given`, { field: 'registry-username' });
    }
    const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
    if (parsed.scheme === 'basic') return basic!;
    if (parsed.scheme !== 'bearer' || !parsed.params.realm) {
      throw new Error(`registry ${registry} asked for unsupported authentication: ${challenge}`);
    }
    const tokenUrl = new URL(parsed.params.realm);
    if (parsed.params.service) tokenUrl.searchParams.set('service', parsed.params.service);
    tokenUrl.searchParams.set('scope', parsed.params.scope ?? fallbackScope);
    const response = await fetch(tokenUrl, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(
      (error: Error) => {
        throw new Error(`token service of ${registry} unreachable (${tokenUrl.origin}): ${causeOf(error)}`);
      },
    );
    if (response.status === 401 || response.status === 403) {
      throw new UserError(`registry refused credentials for ${registry} (token service answered HTTP ${response.status})`, {
        field: 'registry-password',
      });
    }
    if (!response.ok) throw new Error(`token service of ${registry} answered HTTP ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new Error(`token service of ${registry} answered without a token`);
    return `Bearer ${token}`;
  }

  return {
    async getManifest(path, reference) {
      const response = await request('GET', path, `${base}/v2/${path}/manifests/${reference}`, {
        headers: { accept: MANIFEST_TYPES.join(', ') },
      });
      if (!response.ok) throw await apiError(response, `GET manifest ${path}:${reference}`);
      const body = Buffer.from(await response.arrayBuffer());
      const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
      const stated = response.headers.get('docker-content-digest');
      if (stated && stated !== digest) {
        throw new Error(`registry ${registry} sent manifest ${path}:${reference} whose bytes hash to ${digest}, not the ${stated} it stated`);
      }
      if (reference.startsWith('sha256:') && reference !== digest) {
        throw new Error(`registry ${registry} answered ${path}@${reference} with a manifest of digest ${digest}`);
      }
      return { digest, mediaType: response.headers.get('content-type')?.split(';')[0] ?? MANIFEST_TYPES[3], body };
    },

    async putManifest(path, tag, manifest) {
      const response = await request('PUT', path, `${base}/v2/${path}/manifests/${tag}`, {
        headers: { 'content-type': manifest.mediaType },
        body: manifest.body,
      });
      if (!response.ok) throw await apiError(response, `PUT manifest ${path}:${tag}`);
      await response.arrayBuffer();
      return response.headers.get('docker-content-digest') ?? manifest.digest;
    },

    async listTags(path) {
      const response = await request('GET', path, `${base}/v2/${path}/tags/list`);
      if (response.status === 404) return [];
      if (!response.ok) throw await apiError(response, `GET tags of ${path}`);
      return ((await response.json()) as { tags?: string[] | null }).tags ?? [];
    },
  };

  async function apiError(response: Response, what: string): Promise<Error> {
    const text = await response.text();
    let detail = text.slice(0, 300);
    try {
      const errors = (JSON.parse(text) as { errors?: { code?: string; message?: string }[] }).errors ?? [];
      if (errors.length > 0) detail = errors.map((e) => `${e.code}: ${e.message}`).join('; ');
    } catch {
      // Not the registry's JSON error shape: keep the raw text.
    }
    return new Error(`registry ${registry}: ${what} answered HTTP ${response.status}: ${detail}`);
  }
}

/** Splits `Bearer realm="…",service="…",scope="…"` into its scheme and parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).trim().toLowerCase();
  const params: Record<string, string> = {};
  for (const m of header.slice(space + 1).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) params[m[1].toLowerCase()] = m[2] ?? m[3];
  return { scheme, params };
}

export interface RetagInput {
  /** Image name without tag, e.g. `ghcr.io/acme/churn`. */
  image: string;
  /** The manifest to point at: a digest (`sha256:…`) or an existing tag. */
  from: string;
  /** The tag to (re)point, e.g. `latest`. */
  to: string;
  credentials?: RegistryCredentials;
}

/**
 * Points tag `to` at the manifest `from` without pulling or rebuilding anything: the registry
 * already holds every layer, so the manifest's bytes are all that move. Used for rollback.
 */
export async function retagRemote(input: RetagInput): Promise<{ digest: string }> {
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

function causeOf(error: Error): string {
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
