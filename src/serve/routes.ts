/** Maps method + URL to one of the server's routes (pure). Route kinds double as /metrics labels. */
import { RequestError } from './request-error.ts';
import { decodeModel, notFound, readOnly } from './route-parts.ts';
import { matchV2Route, type V2RouteKind } from './v2-routes.ts';

export type RouteKind = 'predict' | 'status' | 'metadata' | 'healthz' | 'metrics' | 'models' | 'card' | 'page' | V2RouteKind | 'unknown';

export interface Route {
  kind: RouteKind;
  /** Model name from `/v1/models/<name>`. */
  name?: string;
  /** From `/v1/models/<name>/versions/<version>`. */
  version?: string;
  /** Set when the request cannot be served on this route (404, 405). */
  error?: RequestError;
}

const MODEL_PATH = /^\/v1\/models\/([^/:]+)(?:\/versions\/([^/:]+))?(?:\/(metadata|card)|:([^/:]*))?$/;

export function matchRoute(method: string, url: string): Route {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (path === '/healthz') return readOnly({ kind: 'healthz' }, method);
  if (path === '/metrics') return readOnly({ kind: 'metrics' }, method);
  // KServe V1's model list; the Open Inference Protocol (v2) has routes of its own.
  if (path === '/v1/models') return readOnly({ kind: 'models' }, method);
  if (path === '/v2' || path.startsWith('/v2/')) return matchV2Route(method, path);
  if (path === '/') return readOnly({ kind: 'page' }, method);

  const match = MODEL_PATH.exec(path);
  if (!match) return notFound(`no route for ${path.length > 200 ? `${path.slice(0, 200)}…` : path}; try POST /v1/models/<name>:predict`);
  const [, rawName, rawVersion, suffix, verb] = match;
  const decoded = decodeModel(rawName, rawVersion);
  if ('kind' in decoded) return decoded;
  const { name, version } = decoded;
  if (suffix) return readOnly({ kind: suffix === 'card' ? 'card' : 'metadata', name, version }, method);
  if (verb === undefined) return readOnly({ kind: 'status', name, version }, method);
  if (verb !== 'predict') {
    return { kind: 'unknown', name, version, error: new RequestError(404, `unknown method ":${verb}"; this server answers :predict`, 'not_found') };
  }
  const route: Route = { kind: 'predict', name, version };
  if (method !== 'POST') route.error = new RequestError(405, `use POST for :predict, not ${method}`, 'method_not_allowed', 'POST');
  return route;
}
