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
