/**
 * `docker push` through dockerode, one tag at a time, then a read-back of the digest from the
 * registry itself: the engine saying "pushed" is not the same as the registry serving it.
 */
import type Docker from 'dockerode';
import { UserError } from '../errors.ts';
import { EngineStreamError, followProgress, StreamTimeoutError, type ProgressEvent } from './progress.ts';
import { parseImageReference, registryServerAddress } from './reference.ts';
import { registryClient } from './registry.ts';

export interface RegistryAuth {
  username: string;
  password: string;
  /** Registry host as the engine keys credentials; default: the registry of the tags. */
  serveraddress?: string;
}

export interface PushOptions {
  /** Full references (`registry/name:tag`) of one repository, pushed in this order. */
  tags: string[];
  auth: RegistryAuth;
  /** Extra attempts per tag after a transient failure (connection refused/reset, 5xx). */
  retries?: number;
  /** First wait before a retry; doubles each time. */
  backoffMs?: number;
  /** Bound on each tag's push stream. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface PushResult {
  /** Manifest digest, as the registry serves it for every tag. */
  digest: string;
  /** Layers uploaded by this push; layers the registry already had are not counted. */
  layersPushed: number;
  /** Bytes the engine reported uploading (its progress counter, summed over uploaded layers). */
  bytesPushed: number;
}

export const DEFAULT_PUSH_TIMEOUT_MS = 10 * 60_000;

export async function pushImage(docker: Docker, options: PushOptions): Promise<PushResult> {
  const { retries = 3, backoffMs = 2000, timeoutMs = DEFAULT_PUSH_TIMEOUT_MS, log = () => {} } = options;
  if (options.tags.length === 0) throw new Error('pushImage needs at least one tag');
  const refs = options.tags.map((tag) => parseImageReference(tag, 'tags'));
  const { registry, name, path } = refs[0];
  const other = refs.find((ref) => ref.name !== name || !ref.tag);
  if (other) throw new Error(`pushImage pushes tags of one repository (${name}); got ${other.name}:${other.tag ?? '(no tag)'}`);
  const authconfig = {
    username: options.auth.username,
    password: options.auth.password,
    serveraddress: options.auth.serveraddress ?? registryServerAddress(registry),
  };

  const client = registryClient(registry, options.auth);
  let digest: string | undefined;
  let layersPushed = 0;
  let bytesPushed = 0;
  // Each tag is verified before the next is pushed: with `latest` last, a failure anywhere leaves it where it was.
  for (const ref of refs) {
    const tag = ref.tag!;
    let result: PushResult;
    for (let attempt = 0; ; attempt++) {
      try {
        result = await pushTag(docker, name, tag, authconfig, timeoutMs, log);
        break;
      } catch (error) {
        const failure = classify(error as Error, registry, `${name}:${tag}`, timeoutMs);
        if (!failure.transient || attempt >= retries) throw failure.error;
        const wait = backoffMs * 2 ** attempt;
        log(`push of ${name}:${tag} failed (${failure.error.message}); retry ${attempt + 1}/${retries} in ${wait / 1000} s`);
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
  log(`verified ${name}@${digest} on the registry for ${refs.map((r) => r.tag).join(', ')}`);
  return { digest: digest!, layersPushed, bytesPushed };
}

async function pushTag(
  docker: Docker,
  name: string,
  tag: string,
  authconfig: Docker.AuthConfig,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<PushResult> {
  const abort = new AbortController();
  // Without `tag` the engine pushes every local tag of the repository.
  const stream = await docker.getImage(name).push({ tag, authconfig, abortSignal: abort.signal });
  let digest: string | undefined;
  let lastStatus = '';
  const uploaded = new Map<string, number>();
  // The engine repeats "Retrying in N seconds" every second per layer: log the first of each run only.
  const lastKind = new Map<string, string>();
  try {
    await followProgress(stream, {
      timeoutMs,
      abort,
      onEvent: (event: ProgressEvent) => {
        if (event.aux?.Digest) digest = event.aux.Digest;
        if (event.status === 'Pushing' && event.id) {
          uploaded.set(event.id, Math.max(uploaded.get(event.id) ?? 0, event.progressDetail?.current ?? 0));
        } else if (event.status === 'Pushed' && event.id && !uploaded.has(event.id)) {
          uploaded.set(event.id, 0);
        }
        if (!event.status || ['Pushing', 'Waiting', 'Preparing'].includes(event.status)) return;
        const line = event.id ? `${event.id}: ${event.status}` : event.status;
        lastStatus = line;
        const kind = event.status.startsWith('Retrying in') ? 'retrying' : event.status;
        if (event.id && lastKind.get(event.id) === kind) return;
        if (event.id) lastKind.set(event.id, kind);
        log(line);
      },
    });
  } catch (error) {
    if (error instanceof StreamTimeoutError && lastStatus) throw new StreamTimeoutError(`${error.message}; the engine last said: ${lastStatus}`);
    throw error;
  }
  if (!digest) throw new Error(`the engine finished pushing ${name}:${tag} without reporting a digest`);
  return { digest, layersPushed: uploaded.size, bytesPushed: [...uploaded.values()].reduce((a, b) => a + b, 0) };
}

const AUTH_FAILURE = /unauthorized|authentication required|no basic auth credentials|incorrect username or password|denied|\b40[13]\b/i;
const TRANSIENT =
  /connection refused|connection reset|broken pipe|\beof\b|timeout|timed out|temporarily unavailable|service unavailable|bad gateway|too many requests|\b5\d\d\b|no end after/i;

function classify(error: Error, registry: string, ref: string, timeoutMs: number): { error: Error; transient: boolean } {
  if (error instanceof UserError) return { error, transient: false };
  const message = error.message;
  if (AUTH_FAILURE.test(message)) {
    return { error: new UserError(`registry refused credentials for ${registry}: ${message}`, { field: 'registry-password' }), transient: false };
  }
  if (error instanceof StreamTimeoutError) {
    return { error: new Error(`push of ${ref} did not finish within ${Math.round(timeoutMs / 1000)} s (${message})`), transient: true };
  }
  const what = error instanceof EngineStreamError ? 'the engine reported' : 'the engine request failed';
  return { error: new Error(`push of ${ref} failed, ${what}: ${message}`, { cause: error }), transient: TRANSIENT.test(message) };
}
