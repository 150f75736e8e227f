/** `docker build` through dockerode: send the in-memory context, follow the stream, tag the result. */
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { UserError } from '../errors.ts';
import { EngineStreamError, followProgress, StreamTimeoutError } from './progress.ts';
import { parseImageReference } from './reference.ts';

export interface BuildOptions {
  /** The build context as a tar (see context.ts). */
  context: Buffer | NodeJS.ReadableStream;
  /** Full references (`name:tag`) to give the image. */
  tags: string[];
  timeoutMs?: number;
  /** Rebuild every layer (`docker build --no-cache`). */
  noCache?: boolean;
  log?: (line: string) => void;
}

export const DEFAULT_BUILD_TIMEOUT_MS = 15 * 60_000;

export async function buildImage(docker: Docker, options: BuildOptions): Promise<{ imageId: string }> {
  const { tags, log = () => {} } = options;
  if (tags.length === 0) throw new Error('buildImage needs at least one tag');
  const refs = tags.map((tag) => parseImageReference(tag, 'tags'));
  const timeoutMs = options.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;
  const abort = new AbortController();
  const context = Buffer.isBuffer(options.context) ? Readable.from([options.context]) : options.context;

  let step = '';
  let imageId: string | undefined;
  try {
    const stream = await docker.buildImage(context, {
      t: tags[0],
      // The classic builder: BuildKit (`2`) would need a session and pulls its Dockerfile frontend from Docker Hub.
      version: '1',
      nocache: options.noCache ?? false,
      rm: true,
      forcerm: true,
      abortSignal: abort.signal,
    });
    await followProgress(stream, {
      timeoutMs,
      abort,
      onEvent: (event) => {
        if (event.aux?.ID) imageId = event.aux.ID;
        for (const line of (event.stream ?? '').split('\n')) {
          const text = line.trimEnd();
          if (text === '') continue;
          const match = /^Step \d+\/\d+ : (.*)$/.exec(text);
          if (match) step = match[1];
          log(text);
        }
      },
    });
  } catch (error) {
    throw buildError(error as Error, step, timeoutMs);
  }
  if (!imageId) throw new Error('docker build ended without reporting an image ID');
  const image = docker.getImage(imageId);
  for (const ref of refs.slice(1)) await image.tag({ repo: ref.name, tag: ref.tag ?? 'latest' });
  return { imageId };
}

function buildError(error: Error, step: string, timeoutMs: number): Error {
  if (error instanceof StreamTimeoutError) {
    return new Error(`docker build did not finish within ${Math.round(timeoutMs / 1000)} s${step ? ` (at step: ${step})` : ''}`);
  }
  const from = /^FROM\s+(\S+)/i.exec(step);
  if (error instanceof EngineStreamError && from) {
    return new UserError(`base image ${from[1]} not found: ${error.message}`, { field: 'base-image' });
  }
  if (error instanceof EngineStreamError) return new Error(`docker build failed${step ? ` at step "${step}"` : ''}: ${error.message}`);
  return new Error(`docker build failed: ${error.message}`, { cause: error });
}
