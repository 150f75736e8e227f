/**
 * The Open Inference Protocol's (KServe v2) REST paths → routes (pure). Paths and verbs follow the
 * protocol's required API (kserve/kserve docs/predict-api/v2/required_api.md); the version segment
 * is optional everywhere, as in KServe's own server.
 */
import { RequestError } from './request-error.ts';
import { decodeModel, notFound, readOnly } from './route-parts.ts';
import type { Route } from './routes.ts';

export type V2RouteKind = 'v2_live' | 'v2_ready' | 'v2_server' | 'v2_metadata' | 'v2_model_ready' | 'v2_infer';

const V2_MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|infer))?$/;

/** `path` starts with `/v2` (query removed). */
export function matchV2Route(method: string, path: string): Route {
  if (path === '/v2' || path === '/v2/') return readOnly({ kind: 'v2_server' }, method);
  if (path === '/v2/health/live') return readOnly({ kind: 'v2_live' }, method);
  if (path === '/v2/health/ready') return readOnly({ kind: 'v2_ready' }, method);
  const match = V2_MODEL_PATH.exec(path);
  if (!match) return notFound(`no route for ${path.length > 200 ? `${path.slice(0, 200)}…` : path}; try POST /v2/models/<name>/infer`);
  const [, rawName, rawVersion, action] = match;
  const decoded = decodeModel(rawName, rawVersion);
  if ('kind' in decoded) return decoded;
  const { name, version } = decoded;
  if (action === 'infer') {
    const route: Route = { kind: 'v2_infer', name, version };
    if (method !== 'POST') route.error = new RequestError(405, `use POST for /infer, not ${method}`, 'method_not_allowed', 'POST');
    return route;
  }
  return readOnly({ kind: action === 'ready' ? 'v2_model_ready' : 'v2_metadata', name, version }, method);
}
