/**
 * A small Open Inference Protocol (v2 REST) client of our own: every exchange is checked against the
 * protocol's OpenAPI description (oip-contract.ts) and a violation throws, so a test that talks to a
 * server through it fails on any response the protocol does not allow.
 */
import { OipContract } from './oip-contract.ts';

export interface OipExchange {
  status: number;
  contentType: string | null;
  body: any;
}

export interface OipTensor {
  name: string;
  datatype: string;
  shape: number[];
  data: unknown[];
  parameters?: Record<string, unknown>;
}

let shared: OipContract | undefined;

export class OipClient {
  readonly base: string;
  private readonly contract: OipContract;
  /** Every exchange so far, for a test to count. */
  readonly exchanges: { method: string; path: string; status: number }[] = [];

  constructor(base: string, contract = (shared ??= new OipContract())) {
    this.base = base;
    this.contract = contract;
  }

  live = () => this.call('GET', '/v2/health/live');
  ready = () => this.call('GET', '/v2/health/ready');
  server = () => this.call('GET', '/v2');
  model = (name: string, version?: string) => this.call('GET', modelPath(name, version));
  modelReady = (name: string, version?: string) => this.call('GET', `${modelPath(name, version)}/ready`);
  infer = (name: string, request: unknown, options: { version?: string; invalidRequest?: boolean } = {}) =>
    this.call('POST', `${modelPath(name, options.version)}/infer`, request, options.invalidRequest);

  /**
   * One exchange. A request body that breaks the description is a mistake in the test unless it says
   * `invalidRequest` (it means to send one); the response must always be the protocol's.
   */
  async call(method: string, path: string, body?: unknown, invalidRequest = false): Promise<OipExchange> {
    if (body !== undefined) {
      const problems = typeof body === 'string' ? ['not JSON'] : this.contract.checkRequest(method, path, body);
      if (invalidRequest !== problems.length > 0) {
        throw new Error(`${method} ${path}: the request is ${problems.length ? `invalid (${problems.join('; ')})` : 'valid'}, but the test said otherwise`);
      }
    }
    const res = await fetch(`${this.base}${path}`, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type');
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path}: ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    const problems = this.contract.checkResponse(method, path, res.status, contentType, parsed);
    if (problems.length > 0) throw new Error(`${method} ${path}: the response breaks the Open Inference Protocol:\n  ${problems.join('\n  ')}`);
    this.exchanges.push({ method, path, status: res.status });
    return { status: res.status, contentType, body: parsed };
  }
}

function modelPath(name: string, version?: string): string {
  return `/v2/models/${encodeURIComponent(name)}${version === undefined ? '' : `/versions/${encodeURIComponent(version)}`}`;
}
