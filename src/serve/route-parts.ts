/** What the route tables (routes.ts, v2-routes.ts) share: refusals and percent-decoding of path segments (pure). */
import { RequestError } from './request-error.ts';
import type { Route } from './routes.ts';

const READ_METHODS = 'GET, HEAD';

/** `route`, refused with a 405 unless the method reads. */
export function readOnly(route: Route, method: string): Route {
  if (method !== 'GET' && method !== 'HEAD') route.error = new RequestError(405, `use GET for this route, not ${method}`, 'method_not_allowed', READ_METHODS);
  return route;
}

export function notFound(message: string): Route {
  return { kind: 'unknown', error: new RequestError(404, message, 'not_found') };
}

/** The model name and version of a path, percent-decoded; a 404 route when the encoding is malformed. */
export function decodeModel(rawName: string, rawVersion: string | undefined): { name: string; version?: string } | Route {
  try {
    return { name: decodeURIComponent(rawName), version: rawVersion === undefined ? undefined : decodeURIComponent(rawVersion) };
  } catch {
    return notFound('malformed percent-encoding in the model name or version');
  }
}
