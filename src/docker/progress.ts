/**
 * The engine's build and push answers are HTTP 200 followed by a stream of JSON lines; a failure
 * arrives as one of those lines (`error` / `errorDetail`), not as a status code. This reads every
 * line, turns an error line into an exception, and bounds the whole stream with a timeout.
 */

export interface ProgressEvent {
  stream?: string;
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { code?: number; message?: string };
  aux?: { ID?: string; Digest?: string; Tag?: string; Size?: number };
}

/** An error the engine reported inside the progress stream. */
export class EngineStreamError extends Error {
  override readonly name = 'EngineStreamError';
}

export class StreamTimeoutError extends Error {
  override readonly name = 'StreamTimeoutError';
}

export interface FollowOptions {
  timeoutMs: number;
  /** Aborted on timeout so the HTTP request to the engine is dropped too (the engine then cancels the job). */
  abort?: AbortController;
  /** Called for every event in order; a throw stops reading and rejects. */
  onEvent?: (event: ProgressEvent) => void;
}

export function followProgress(stream: NodeJS.ReadableStream, options: FollowOptions): Promise<ProgressEvent[]> {
  const events: ProgressEvent[] = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stream.removeListener('data', onData);
      if (error) {
        options.abort?.abort(error);
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(error);
      } else resolve(events);
    };
    const timer = setTimeout(() => finish(new StreamTimeoutError(`no end after ${Math.round(options.timeoutMs / 1000)} s`)), options.timeoutMs);
    const handle = (line: string) => {
      if (line.trim() === '') return;
      let event: ProgressEvent;
      try {
        event = JSON.parse(line) as ProgressEvent;
      } catch {
        throw new Error(`the engine sent a line that is not JSON: ${line.slice(0, 200)}`);
      }
      events.push(event);
      if (event.error !== undefined || event.errorDetail !== undefined) {
        throw new EngineStreamError(event.errorDetail?.message || event.error || 'unknown error');
      }
      options.onEvent?.(event);
    };
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString();
      let newline: number;
      try {
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          handle(line);
        }
      } catch (error) {
        finish(error as Error);
      }
    };
    stream.on('data', onData);
    stream.on('error', (error: Error) => finish(error));
    stream.on('end', () => {
      try {
        handle(buffer);
        finish();
      } catch (error) {
        finish(error as Error);
      }
    });
    stream.on('close', () => finish(new Error('the engine closed the progress stream before its end')));
  });
}
