/**
 * The model server: TensorFlow Serving's REST shape on plain node:http (no framework on the
 * hot path), plus /healthz and Prometheus /metrics. Client mistakes get a 4xx naming the
 * problem; only a bug in the server yields a 500, and nothing a client sends can crash it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackendName } from '../domain/config.ts';
import { isUserError, UserError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { createJsonPredictor, createPredictor, loadModel, type JsonPredictor, type LoadedModel, type Predictor } from '../model/predictor.ts';
import { type DriftCounters, registerDriftCounters } from './drift-counters.ts';
import { renderTryPage, type TryPage } from './page.ts';
import { PROMETHEUS_CONTENT_TYPE, Registry } from './prometheus.ts';
import { RequestError } from './request-error.ts';
import { parsePredictRequest } from './request.ts';
import { answerProtocolRoute, type ProtocolContext } from './kserve-routes.ts';
import { metadataResponse, statusResponse, type ModelState } from './responses.ts';
import { matchRoute, type Route } from './routes.ts';

export interface ModelServerOptions {
  /** A model folder (loaded after the port opens; /healthz answers 503 until then) or a model loaded, or being loaded, elsewhere. */
  model: string | LoadedModel | Promise<LoadedModel>;
  /** Name in `/v1/models/<name>`; default run.json's model name, else the folder's name. */
  name?: string;
  /** Default 8501, TensorFlow Serving's REST port; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1; the container entry passes 0.0.0.0. */
  host?: string;
  backend?: BackendName;
  /** Largest request body accepted; default 1 MiB. */
  maxBodyBytes?: number;
  /** Most instances in one request; default 1024. */
  maxBatch?: number;
  /** How long close() waits for in-flight requests before cutting connections; default 10 s. */
  drainTimeoutMs?: number;
  /** Receives lifecycle events and server bugs (never per-request lines). */
  log?: (event: Record<string, unknown>) => void;
}

export interface ModelServer {
  readonly url: string;
  readonly port: number;
  /** Resolves once predictions are served; rejects when the model cannot be loaded. */
  readonly ready: Promise<LoadedModel>;
  /** The name in `/v1/models/<name>`, known once the model is loaded unless given. */
  readonly name: string | undefined;
  /** Resolves when close() has finished. */
  readonly closed: Promise<void>;
  /** Stops accepting connections, finishes in-flight requests, then releases the model. */
  close(): Promise<void>;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
/** Error bodies echo parts of the request; keep them readable and small. */
const MAX_ERROR_CHARS = 500;

export async function createModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxBatch = options.maxBatch ?? 1024;
  const log = options.log ?? (() => {});

  const registry = new Registry();
  const requests = registry.counter('model_ci_requests_total', 'HTTP requests by route and status code.');
  const errors = registry.counter('model_ci_request_errors_total', 'Requests answered with an error, by route and reason.');
  const latency = registry.histogram('model_ci_request_duration_seconds', 'Time from request to response, by route.', LATENCY_BUCKETS);
  const batchSizes = registry.histogram('model_ci_batch_size', 'Instances per predict request.', BATCH_BUCKETS);
  const modelInfo = registry.gauge('model_ci_model_info', 'The served model (value 1); labels identify it.');
  registry.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => process.memoryUsage.rss());
  const inFlight = new Set<ServerResponse>();
  registry.gauge('model_ci_requests_in_flight', 'Requests being handled, including this scrape.', () => inFlight.size);
  const startSeconds = Math.floor(Date.now() / 1000);
  registry.gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch in seconds.', () => startSeconds);

  let state: ModelState = 'loading';
  let loaded: LoadedModel | undefined;
  let predictor: JsonPredictor | undefined;
  // The protocols' routes build their own answers from prediction objects (kserve-routes.ts).
  let objectPredictor: Predictor | undefined;
  let name = options.name;
  let loadError = '';
  let drift: DriftCounters | undefined;
  let page: TryPage | undefined;

  const ready = (typeof options.model === 'string' ? loadModel(options.model, { backend: options.backend }) : Promise.resolve(options.model)).then(
    (model) => {
      loaded = model;
      predictor = createJsonPredictor(model);
      objectPredictor = createPredictor(model);
      name ??= model.run?.name ?? basename(model.dir);
      modelInfo.set(
        { name, version: model.version, task: model.preprocessing.task, backend: model.backend, commit: model.run?.commit ?? '', model_ci_version: VERSION },
        1,
      );
      drift = registerDriftCounters(registry, model.preprocessing);
      if (state === 'loading') state = 'available';
      return model;
    },
    (error: unknown) => {
      state = 'failed';
      loadError = isUserError(error) ? error.describe() : String(error);
      throw error;
    },
  );
  // The caller awaits `ready`; this keeps a failed load from also being an unhandled rejection.
  ready.catch(() => {});

  function send(res: ServerResponse, route: Route, started: number, status: number, body: string, contentType = 'application/json', reason?: string): void {
    if (state === 'stopping') res.setHeader('Connection', 'close');
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    requests.inc({ route: route.kind, code: String(status) });
    if (reason) errors.inc({ route: route.kind, reason });
    latency.observe({ route: route.kind }, (performance.now() - started) / 1000);
  }

  function sendError(res: ServerResponse, route: Route, started: number, error: RequestError): void {
    const message = error.message.length > MAX_ERROR_CHARS ? `${error.message.slice(0, MAX_ERROR_CHARS)}…` : error.message;
    // The rest of a too-large body is not worth reading: close the connection after answering.
    if (error.status === 413) res.setHeader('Connection', 'close');
    if (error.allow) res.setHeader('Allow', error.allow);
    send(res, route, started, error.status, JSON.stringify({ error: message }), 'application/json', error.reason);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const route = matchRoute(req.method ?? 'GET', req.url ?? '/');
    try {
      if (route.error) throw route.error;
      switch (route.kind) {
        case 'healthz':
          return send(res, route, started, state === 'available' ? 200 : 503, state === 'available' ? 'ok\n' : `${state}\n`, 'text/plain; charset=utf-8');
        case 'metrics':
          return send(res, route, started, 200, registry.render(), PROMETHEUS_CONTENT_TYPE);
        case 'page': {
          // The page names no model in its path: it is the served one's (503 until loaded).
          const model = checkServed({ ...route, name }, { loaded: true });
          page ??= renderTryPage({ name: name as string, version: model.version, preprocessing: model.preprocessing, metrics: model.metrics });
          for (const [header, value] of Object.entries(page.headers)) res.setHeader(header, value);
          return send(res, route, started, 200, page.html, 'text/html; charset=utf-8');
        }
        case 'status':
          checkServed(route);
          return send(res, route, started, 200, JSON.stringify(statusResponse(state, loaded?.version, loadError, name ?? (route.name as string))));
        case 'metadata':
          return send(res, route, started, 200, JSON.stringify(metadataResponse(checkServed(route, { loaded: true }), name as string)));
        case 'predict': {
          checkServed(route, { loaded: true });
          const body = await readBody(req, maxBodyBytes);
          const request = parsePredictRequest(body, maxBatch);
          // Inputs count before predicting, so refused ones (an unseen category) still show on /metrics.
          drift?.observeInputs(request.rows);
          const answer = (predictor as JsonPredictor)(request.rows, request.field, request.outputKey, drift?.observeOutput);
          batchSizes.observe({}, request.rows.length);
          return send(res, route, started, 200, answer);
        }
        case 'models':
        case 'card':
        case 'v2_live':
        case 'v2_ready':
        case 'v2_server':
        case 'v2_metadata':
        case 'v2_model_ready':
        case 'v2_infer': {
          const reply = await answerProtocolRoute(route, protocolContext(req));
          return send(res, route, started, reply.status, reply.body, reply.contentType);
        }
      }
    } catch (error) {
      if (error instanceof RequestError) return sendError(res, route, started, error);
      if (isUserError(error)) return sendError(res, route, started, new RequestError(400, error.describe(), 'invalid_instances'));
      log({ event: 'error', route: route.kind, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!res.headersSent) sendError(res, route, started, new RequestError(500, 'internal error in the model server; it has been logged', 'internal'));
      else res.destroy();
    }
  }

  /** What the KServe V1 and Open Inference Protocol routes (kserve-routes.ts) see of this server. */
  function protocolContext(req: IncomingMessage): ProtocolContext {
    return {
      state,
      name,
      served: (route) => checkServed(route, { loaded: true }),
      predict: (rows) => {
        batchSizes.observe({}, rows.length);
        drift?.observeInputs(rows);
        const predictions = (objectPredictor as Predictor).predict(rows, 'rows');
        drift?.observePredictions(predictions);
        return predictions;
      },
      readBody: () => readBody(req, maxBodyBytes),
      maxBatch,
    };
  }

  /**
   * 404 unless the route names the served model (and its version, when given). With `loaded`,
   * also 503 until the model is loaded; the status route instead reports LOADING or END.
   */
  function checkServed(route: Route, { loaded: mustBeLoaded = false } = {}): LoadedModel {
    if (!loaded && mustBeLoaded) {
      throw new RequestError(503, state === 'failed' ? `model failed to load: ${loadError}` : 'model is loading; retry shortly', 'unavailable');
    }
    if (name !== undefined && route.name !== name) {
      throw new RequestError(404, `model ${JSON.stringify(route.name)} is not served here; this server serves ${JSON.stringify(name)}`, 'not_found');
    }
    if (loaded && route.version !== undefined && route.version !== loaded.version) {
      throw new RequestError(
        404,
        `model ${JSON.stringify(name)} has no version ${JSON.stringify(route.version)}; the served version is ${JSON.stringify(loaded.version)}`,
        'not_found',
      );
    }
    return loaded as LoadedModel;
  }

  const server: Server = createServer({ keepAlive: true, keepAliveTimeout: 65_000 }, (req, res) => {
    inFlight.add(res);
    res.on('close', () => {
      inFlight.delete(res);
      if (state === 'stopping') server.closeIdleConnections();
    });
    void handle(req, res);
  });
  // A body announced too large is refused before the client sends it.
  server.on('checkContinue', (req, res) => {
    if (Number(req.headers['content-length']) > maxBodyBytes) {
      res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
      res.end(JSON.stringify({ error: `request body is larger than ${maxBodyBytes} bytes` }));
      requests.inc({ route: 'predict', code: '413' });
      errors.inc({ route: 'predict', reason: 'body_too_large' });
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
  // Malformed HTTP never reaches a handler; answer it instead of dropping the socket silently.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable && !socket.writableEnded) {
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    } else {
      socket.destroy();
    }
    errors.inc({ route: 'unknown', reason: 'bad_http' });
  });

  const port = options.port ?? 8501;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolvePromise, reject) => {
    const refused = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    server.once('error', refused);
    server.listen(port, host, () => {
      server.off('error', refused);
      resolvePromise();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  let markClosed!: () => void;
  const closed = new Promise<void>((resolvePromise) => (markClosed = resolvePromise));
  function close(): Promise<void> {
    closing ??= (async () => {
      state = 'stopping';
      const stopped = new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 10_000);
      await stopped;
      clearTimeout(timer);
      await ready.then(
        (model) => model.model.dispose(),
        () => {},
      );
      markClosed();
    })();
    return closing;
  }

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    ready,
    get name() {
      return name;
    },
    closed,
    close,
  };
}

function basename(dir: string): string {
  return dir.split(/[\\/]/).filter(Boolean).pop() ?? 'model';
}

/** Collects the body, refusing it as soon as it passes `limit`: a too-large body is never held in memory. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new RequestError(413, `request body is larger than ${limit} bytes; send fewer instances per request`, 'body_too_large');
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolvePromise(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/** A port in use or an address that is not this machine's is the caller's to fix: say which, and how. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE')
    return new UserError(`cannot listen on ${where}: the port is already in use; stop what listens there or pick another port (0 picks a free one)`);
  if (error.code === 'EACCES') return new UserError(`cannot listen on ${where}: permission denied (ports below 1024 need privileges); pick a higher port`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return new UserError(
      `cannot listen on ${where}: ${JSON.stringify(host)} is not an address of this machine (use 127.0.0.1, or 0.0.0.0 for every interface)`,
    );
  }
  return error;
}
