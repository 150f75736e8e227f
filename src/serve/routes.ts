/** Maps method + URL to one of the server's routes (pure). Route kinds double as /metrics labels. */
import { RequestError } from './request-error.ts';

export type RouteKind = 'predict' | 'status' | 'metadata' | 'healthz' | 'metrics' | 'page' | 'unknown';

export interface Route {
  kind: RouteKind;
  /** Model name from `/v1/models/<name>`. */
  name?: string;
  /** From `/v1/models/<name>/versions/<version>`. */
  version?: string;
  /** Set when the request cannot be served on this route (404, 405). */
  error?: RequestError;
}

const MODEL_PATH = /^\/v1\/models\/([^/:]+)(?:\/versions\/([^/:]+))?(?:(\/metadata)|:([^/:]*))?$/;
const READ_METHODS = 'GET, HEAD';

export function matchRoute(method: string, url: string): Route {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (path === '/healthz') return readOnly({ kind: 'healthz' }, method);
  if (path === '/metrics') return readOnly({ kind: 'metrics' }, method);
  if (path === '/') return readOnly({ kind: 'page' }, method);

  const match = MODEL_PATH.exec(path);
  if (!match) return notFound(`no route for ${path.length > 200 ? `${path.slice(0, 200)}…` : path}; try POST /v1/models/<name>:predict`);
  const [, rawName, rawVersion, metadata, verb] = match;
  let name: string;
  let version: string | undefined;
  try {
    name = decodeURIComponent(rawName);
    version = rawVersion === undefined ? undefined : decodeURIComponent(rawVersion);
  } catch {
    return notFound('malformed percent-encoding in the model name or version');
  }
  if (metadata) return readOnly({ kind: 'metadata', name, version }, method);
  if (verb === undefined) return readOnly({ kind: 'status', name, version }, method);
  if (verb !== 'predict') {
    return { kind: 'unknown', name, version, error: new RequestError(404, `unknown method ":${verb}"; this server answers :predict`, 'not_found') };
  }
  const route: Route = { kind: 'predict', name, version };
  if (method !== 'POST') route.error = new RequestError(405, `use POST for :predict, not ${method}`, 'method_not_allowed', 'POST');
  return route;
}

function readOnly(route: Route, method: string): Route {
  if (method !== 'GET' && method !== 'HEAD') route.error = new RequestError(405, `use GET for this route, not ${method}`, 'method_not_allowed', READ_METHODS);
  return route;
}

function notFound(message: string): Route {
  return { kind: 'unknown', error: new RequestError(404, message, 'not_found') };
}
