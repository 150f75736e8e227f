import { isUtf8 } from 'node:buffer';

/** A request the server refuses: HTTP status, a message for the client, and a bounded reason label for /metrics. */
export class RequestError extends Error {
  readonly status: number;
  readonly reason: string;
  /** For 405: the methods the route accepts. */
  readonly allow?: string;

  constructor(status: number, message: string, reason: string, allow?: string) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.allow = allow;
  }
}

/** A request body as JSON, or the 400 that says why it is not. */
export function parseJsonBody(body: Buffer): unknown {
  if (!isUtf8(body)) throw new RequestError(400, 'request body is not valid UTF-8 JSON', 'not_json');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new RequestError(400, `request body is not JSON: ${(error as Error).message}`, 'not_json');
  }
}
