/**
 * The Open Inference Protocol's (KServe v2) REST paths → routes (pure). Paths and verbs follow the
 * protocol's required API (kserve/kserve docs/predict-api/v2/required_api.md); the version segment
 * is optional everywhere, as in KServe's own server.
 */
import { RequestError } from './request-error.ts';
import type { Route } from './routes.ts';

export type V2RouteKind = 'v2_live' | 'v2_ready' | 'v2_server' | 'v2_metadata' | 'v2_model_ready' | 'v2_infer';

const V2_MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|infer))?$/;

/** `path` starts with `/v2` (query removed). */
export function matchV2Route(method: string, path: string): Route {
  if (path === '/v2' || path === '/v2/') return get({ kind: 'v2_server' }, method);
  if (path === '/v2/health/live') return get({ kind: 'v2_live' }, method);
  if (path === '/v2/health/ready') return get({ kind: 'v2_ready' }, method);
  const match = V2_MODEL_PATH.exec(path);
  if (!match) {
    const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
    return failed(404, `no route for ${shown}; try POST /v2/models/<name>/infer`, 'not_found');
  }
  const [, rawName, rawVersion, action] = match;
  let name: string;
  let version: string | undefined;
  try {
    name = decodeURIComponent(rawName);
    version = rawVersion === undefined ? undefined : decodeURIComponent(rawVersion);
  } catch {
    return failed(404, 'malformed percent-encoding in the model name or version', 'not_found');
  }
  if (action === 'infer') {
    const route: Route = { kind: 'v2_infer', name, version };
    if (method !== 'POST') route.error = new RequestError(405, `use POST for /infer, not ${method}`, 'method_not_allowed', 'POST');
    return route;
  }
  return get({ kind: action === 'ready' ? 'v2_model_ready' : 'v2_metadata', name, version }, method);
}

function get(route: Route, method: string): Route {
  if (method !== 'GET' && method !== 'HEAD') route.error = new RequestError(405, `use GET for this route, not ${method}`, 'method_not_allowed', 'GET, HEAD');
  return route;
}

function failed(status: number, message: string, reason: string): Route {
  return { kind: 'unknown', error: new RequestError(status, message, reason) };
}
