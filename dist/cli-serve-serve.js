import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  createPredictor,
  featureWidth,
  loadModel
} from "./cli-chunk-cd81231bff.js";
import "./cli-chunk-5595f77bb2.js";
import {
  VERSION
} from "./cli-chunk-413a98cce8.js";
import "./cli-chunk-4293b75db3.js";
import "./cli-chunk-40530c68dd.js";
import "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  isUserError
} from "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/serve/server.ts
import { createServer } from "node:http";

// src/serve/prometheus.ts
var Registry = class {
  #families = [];
  counter(name, help) {
    const series = /* @__PURE__ */ new Map();
    this.#families.push((lines) => renderSeries(lines, name, "counter", help, series));
    return {
      inc(labels = {}, by = 1) {
        seriesFor(series, labels).value += by;
      }
    };
  }
  /** A gauge whose value is read when scraped (e.g. memory), or set explicitly. */
  gauge(name, help, read) {
    const series = /* @__PURE__ */ new Map();
    this.#families.push((lines) => {
      if (read) seriesFor(series, {}).value = read();
      renderSeries(lines, name, "gauge", help, series);
    });
    return {
      set(labels, value) {
        seriesFor(series, labels).value = value;
      }
    };
  }
  histogram(name, help, buckets) {
    const series = /* @__PURE__ */ new Map();
    this.#families.push((lines) => renderHistogram(lines, name, help, buckets, series));
    return {
      observe(labels, value) {
        const key = labelKey(labels);
        let s = series.get(key);
        if (!s) {
          s = { labels, counts: new Array(buckets.length + 1).fill(0), sum: 0, count: 0 };
          series.set(key, s);
        }
        let i = 0;
        while (i < buckets.length && value > buckets[i]) i++;
        s.counts[i]++;
        s.sum += value;
        s.count++;
      }
    };
  }
  render() {
    const lines = [];
    for (const family of this.#families) family(lines);
    return `${lines.join("\n")}
`;
  }
};
var PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
function labelKey(labels) {
  return JSON.stringify(labels);
}
function seriesFor(series, labels) {
  const key = labelKey(labels);
  let s = series.get(key);
  if (!s) {
    s = { labels, value: 0 };
    series.set(key, s);
  }
  return s;
}
function header(lines, name, type, help) {
  lines.push(`# HELP ${name} ${help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`, `# TYPE ${name} ${type}`);
}
function renderSeries(lines, name, type, help, series) {
  header(lines, name, type, help);
  for (const s of series.values()) lines.push(`${name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
}
function renderHistogram(lines, name, help, buckets, series) {
  header(lines, name, "histogram", help);
  for (const s of series.values()) {
    let cumulative = 0;
    buckets.forEach((le, i) => {
      cumulative += s.counts[i];
      lines.push(`${name}_bucket${formatLabels({ ...s.labels, le: formatValue(le) })} ${cumulative}`);
    });
    lines.push(`${name}_bucket${formatLabels({ ...s.labels, le: "+Inf" })} ${s.count}`);
    lines.push(`${name}_sum${formatLabels(s.labels)} ${formatValue(s.sum)}`);
    lines.push(`${name}_count${formatLabels(s.labels)} ${s.count}`);
  }
}
function formatLabels(labels) {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}
function formatValue(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

// src/serve/request-error.ts
var RequestError = class extends Error {
  status;
  reason;
  /** For 405: the methods the route accepts. */
  allow;
  constructor(status, message, reason, allow) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.allow = allow;
  }
};

// src/serve/request.ts
import { isUtf8 } from "node:buffer";
var KEYS = ["instances", "inputs", "signature_name"];
function parsePredictRequest(body, maxBatch) {
  const bad = (message) => new RequestError(400, message, "invalid_request");
  if (!isUtf8(body)) throw new RequestError(400, "request body is not valid UTF-8 JSON", "not_json");
  let parsed;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new RequestError(400, `request body is not JSON: ${error.message}`, "not_json");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw bad('expected a JSON object like {"instances": [[...], ...]}');
  }
  const request = parsed;
  const unknown = Object.keys(request).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0) throw bad(`unknown key ${unknown.map((k) => JSON.stringify(k)).join(", ")}; expected "instances" (or "inputs")`);
  if (request.signature_name !== void 0 && request.signature_name !== "serving_default") {
    throw bad(`unknown signature_name ${JSON.stringify(request.signature_name)}; the only signature is "serving_default"`);
  }
  if ("instances" in request && "inputs" in request) throw bad('send either "instances" or "inputs", not both');
  let rows;
  let field;
  if ("instances" in request) {
    if (!Array.isArray(request.instances)) throw bad('"instances" must be an array of rows (arrays in feature order or objects keyed by feature name)');
    rows = request.instances;
    field = "instances";
  } else if ("inputs" in request) {
    rows = inputsToRows(request.inputs, bad);
    field = "inputs";
  } else {
    throw bad('missing "instances": expected {"instances": [[...], ...]}');
  }
  if (rows.length === 0) throw bad(`"${field}" is empty; send at least one row`);
  if (rows.length > maxBatch) throw bad(`"${field}" has ${rows.length} rows, more than the limit of ${maxBatch} per request; split the batch`);
  return { rows, field, outputKey: field === "instances" ? "predictions" : "outputs" };
}
function inputsToRows(inputs, bad) {
  if (Array.isArray(inputs)) return inputs;
  if (inputs === null || typeof inputs !== "object") throw bad('"inputs" must be an object of feature \u2192 array of values, or an array of rows');
  const columns = Object.entries(inputs);
  const length = columns.length > 0 && Array.isArray(columns[0][1]) ? columns[0][1].length : 0;
  for (const [feature, values] of columns) {
    if (!Array.isArray(values)) throw bad(`inputs.${feature} must be an array with one value per row`);
    if (values.length !== length)
      throw bad(`inputs.${feature} has ${values.length} values but inputs.${columns[0][0]} has ${length}; every column needs one value per row`);
  }
  return Array.from({ length }, (_, i) => Object.fromEntries(columns.map(([feature, values]) => [feature, values[i]])));
}

// src/serve/responses.ts
var TF_SERVING_STATE = { loading: "LOADING", available: "AVAILABLE", failed: "END", stopping: "UNLOADING" };
function statusResponse(state, version, loadError) {
  return {
    model_version_status: [
      {
        version: version ?? "",
        state: TF_SERVING_STATE[state],
        status: state === "failed" ? { error_code: "UNKNOWN", error_message: loadError } : { error_code: "OK", error_message: "" }
      }
    ]
  };
}
function metadataResponse(loaded, name) {
  const { preprocessing: pre, run } = loaded;
  return {
    model_spec: { name, signature_name: "serving_default", version: loaded.version },
    metadata: {
      task: pre.task,
      target: pre.target,
      features: pre.features.map(
        (f) => f.kind === "numeric" ? { name: f.name, kind: f.kind } : { name: f.name, kind: f.kind, encoding: f.encoding, categories: f.categories, width: featureWidth(f) }
      ),
      inputSize: pre.inputSize,
      ...pre.classes ? { classes: pre.classes } : {},
      metrics: loaded.metrics,
      commit: run?.commit ?? null,
      hashes: { model: loaded.modelHash, data: run?.hashes.data ?? null, params: run?.hashes.params ?? null, inputs: run?.hashes.inputs ?? null },
      training: run ? { backend: run.backend, backendVersions: run.backendVersions, startedAt: run.startedAt, trainRows: run.trainRows, modelCiVersion: run.modelCiVersion } : null,
      servingBackend: loaded.backend
    }
  };
}

// src/serve/routes.ts
var MODEL_PATH = /^\/v1\/models\/([^/:]+)(?:\/versions\/([^/:]+))?(?:(\/metadata)|:([^/:]*))?$/;
var READ_METHODS = "GET, HEAD";
function matchRoute(method, url) {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (path === "/healthz") return readOnly({ kind: "healthz" }, method);
  if (path === "/metrics") return readOnly({ kind: "metrics" }, method);
  const match = MODEL_PATH.exec(path);
  if (!match) return notFound(`no route for ${path.length > 200 ? `${path.slice(0, 200)}\u2026` : path}; try POST /v1/models/<name>:predict`);
  const [, rawName, rawVersion, metadata, verb] = match;
  let name;
  let version;
  try {
    name = decodeURIComponent(rawName);
    version = rawVersion === void 0 ? void 0 : decodeURIComponent(rawVersion);
  } catch {
    return notFound("malformed percent-encoding in the model name or version");
  }
  if (metadata) return readOnly({ kind: "metadata", name, version }, method);
  if (verb === void 0) return readOnly({ kind: "status", name, version }, method);
  if (verb !== "predict") {
    return { kind: "unknown", name, version, error: new RequestError(404, `unknown method ":${verb}"; this server answers :predict`, "not_found") };
  }
  const route = { kind: "predict", name, version };
  if (method !== "POST") route.error = new RequestError(405, `use POST for :predict, not ${method}`, "method_not_allowed", "POST");
  return route;
}
function readOnly(route, method) {
  if (method !== "GET" && method !== "HEAD") route.error = new RequestError(405, `use GET for this route, not ${method}`, "method_not_allowed", READ_METHODS);
  return route;
}
function notFound(message) {
  return { kind: "unknown", error: new RequestError(404, message, "not_found") };
}

// src/serve/server.ts
var LATENCY_BUCKETS = [5e-4, 1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
var BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
var MAX_ERROR_CHARS = 500;
async function createModelServer(options) {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxBatch = options.maxBatch ?? 1024;
  const log = options.log ?? (() => {
  });
  const registry = new Registry();
  const requests = registry.counter("model_ci_requests_total", "HTTP requests by route and status code.");
  const errors = registry.counter("model_ci_request_errors_total", "Requests answered with an error, by route and reason.");
  const latency = registry.histogram("model_ci_request_duration_seconds", "Time from request to response, by route.", LATENCY_BUCKETS);
  const batchSizes = registry.histogram("model_ci_batch_size", "Instances per predict request.", BATCH_BUCKETS);
  const modelInfo = registry.gauge("model_ci_model_info", "The served model (value 1); labels identify it.");
  registry.gauge("process_resident_memory_bytes", "Resident memory size in bytes.", () => process.memoryUsage.rss());
  const inFlight = /* @__PURE__ */ new Set();
  registry.gauge("model_ci_requests_in_flight", "Requests being handled, including this scrape.", () => inFlight.size);
  const startSeconds = Math.floor(Date.now() / 1e3);
  registry.gauge("process_start_time_seconds", "Start time of the process since the Unix epoch in seconds.", () => startSeconds);
  let state = "loading";
  let loaded;
  let predictor;
  let name = options.name;
  let loadError = "";
  const ready = (typeof options.model === "string" ? loadModel(options.model, { backend: options.backend }) : Promise.resolve(options.model)).then(
    (model) => {
      loaded = model;
      predictor = createPredictor(model);
      name ??= model.run?.name ?? basename(model.dir);
      modelInfo.set(
        { name, version: model.version, task: model.preprocessing.task, backend: model.backend, commit: model.run?.commit ?? "", model_ci_version: VERSION },
        1
      );
      if (state === "loading") state = "available";
      return model;
    },
    (error) => {
      state = "failed";
      loadError = isUserError(error) ? error.describe() : String(error);
      throw error;
    }
  );
  ready.catch(() => {
  });
  function send(res, route, started, status, body, contentType = "application/json", reason) {
    if (state === "stopping") res.setHeader("Connection", "close");
    res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
    requests.inc({ route: route.kind, code: String(status) });
    if (reason) errors.inc({ route: route.kind, reason });
    latency.observe({ route: route.kind }, (performance.now() - started) / 1e3);
  }
  function sendError(res, route, started, error) {
    const message = error.message.length > MAX_ERROR_CHARS ? `${error.message.slice(0, MAX_ERROR_CHARS)}\u2026` : error.message;
    if (error.status === 413) res.setHeader("Connection", "close");
    if (error.allow) res.setHeader("Allow", error.allow);
    send(res, route, started, error.status, JSON.stringify({ error: message }), "application/json", error.reason);
  }
  async function handle(req, res) {
    const started = performance.now();
    const route = matchRoute(req.method ?? "GET", req.url ?? "/");
    try {
      if (route.error) throw route.error;
      switch (route.kind) {
        case "healthz":
          return send(res, route, started, state === "available" ? 200 : 503, state === "available" ? "ok\n" : `${state}
`, "text/plain; charset=utf-8");
        case "metrics":
          return send(res, route, started, 200, registry.render(), PROMETHEUS_CONTENT_TYPE);
        case "status":
          checkServed(route);
          return send(res, route, started, 200, JSON.stringify(statusResponse(state, loaded?.version, loadError)));
        case "metadata":
          return send(res, route, started, 200, JSON.stringify(metadataResponse(checkServed(route, { loaded: true }), name)));
        case "predict": {
          checkServed(route, { loaded: true });
          const body = await readBody(req, maxBodyBytes);
          const request = parsePredictRequest(body, maxBatch);
          const predictions = predictor.predict(request.rows, request.field);
          batchSizes.observe({}, request.rows.length);
          return send(res, route, started, 200, JSON.stringify({ [request.outputKey]: predictions }));
        }
      }
    } catch (error) {
      if (error instanceof RequestError) return sendError(res, route, started, error);
      if (isUserError(error)) return sendError(res, route, started, new RequestError(400, error.describe(), "invalid_instances"));
      log({ event: "error", route: route.kind, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      if (!res.headersSent) sendError(res, route, started, new RequestError(500, "internal error in the model server; it has been logged", "internal"));
      else res.destroy();
    }
  }
  function checkServed(route, { loaded: mustBeLoaded = false } = {}) {
    if (!loaded && mustBeLoaded) {
      throw new RequestError(503, state === "failed" ? `model failed to load: ${loadError}` : "model is loading; retry shortly", "unavailable");
    }
    if (name !== void 0 && route.name !== name) {
      throw new RequestError(404, `model ${JSON.stringify(route.name)} is not served here; this server serves ${JSON.stringify(name)}`, "not_found");
    }
    if (loaded && route.version !== void 0 && route.version !== loaded.version) {
      throw new RequestError(
        404,
        `model ${JSON.stringify(name)} has no version ${JSON.stringify(route.version)}; the served version is ${JSON.stringify(loaded.version)}`,
        "not_found"
      );
    }
    return loaded;
  }
  const server = createServer({ keepAlive: true, keepAliveTimeout: 65e3 }, (req, res) => {
    inFlight.add(res);
    res.on("close", () => {
      inFlight.delete(res);
      if (state === "stopping") server.closeIdleConnections();
    });
    void handle(req, res);
  });
  server.on("checkContinue", (req, res) => {
    if (Number(req.headers["content-length"]) > maxBodyBytes) {
      res.writeHead(413, { "Content-Type": "application/json", Connection: "close" });
      res.end(JSON.stringify({ error: `request body is larger than ${maxBodyBytes} bytes` }));
      requests.inc({ route: "predict", code: "413" });
      errors.inc({ route: "predict", reason: "body_too_large" });
      return;
    }
    res.writeContinue();
    server.emit("request", req, res);
  });
  server.on("clientError", (error, socket) => {
    if (socket.writable && !socket.writableEnded) {
      const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
      socket.end(`HTTP/1.1 ${status}\r
Connection: close\r
Content-Length: 0\r
\r
`);
    } else {
      socket.destroy();
    }
    errors.inc({ route: "unknown", reason: "bad_http" });
  });
  const port = options.port ?? 8501;
  const host = options.host ?? "127.0.0.1";
  await new Promise((resolvePromise, reject) => {
    const refused = (error) => reject(listenError(error, host, port));
    server.once("error", refused);
    server.listen(port, host, () => {
      server.off("error", refused);
      resolvePromise();
    });
  });
  const address = server.address();
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing;
  let markClosed;
  const closed = new Promise((resolvePromise) => markClosed = resolvePromise);
  function close() {
    closing ??= (async () => {
      state = "stopping";
      const stopped = new Promise((resolvePromise) => server.close(() => resolvePromise()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 1e4);
      await stopped;
      clearTimeout(timer);
      await ready.then(
        (model) => model.model.dispose(),
        () => {
        }
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
    close
  };
}
function basename(dir) {
  return dir.split(/[\\/]/).filter(Boolean).pop() ?? "model";
}
function readBody(req, limit) {
  const tooLarge = () => new RequestError(413, `request body is larger than ${limit} bytes; send fewer instances per request`, "body_too_large");
  if (Number(req.headers["content-length"]) > limit) return Promise.reject(tooLarge());
  return new Promise((resolvePromise, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolvePromise(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}
function listenError(error, host, port) {
  const where = `${host}:${port}`;
  if (error.code === "EADDRINUSE")
    return new UserError(`cannot listen on ${where}: the port is already in use; stop what listens there or pick another port (0 picks a free one)`);
  if (error.code === "EACCES") return new UserError(`cannot listen on ${where}: permission denied (ports below 1024 need privileges); pick a higher port`);
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") {
    return new UserError(
      `cannot listen on ${where}: ${JSON.stringify(host)} is not an address of this machine (use 127.0.0.1, or 0.0.0.0 for every interface)`
    );
  }
  return error;
}

// src/serve/serve.ts
function jsonLineLog(event) {
  process.stdout.write(`${JSON.stringify({ time: (/* @__PURE__ */ new Date()).toISOString(), ...event })}
`);
}
async function serve(modelDir, options = {}) {
  const log = options.log ?? jsonLineLog;
  const server = await createModelServer({ ...options, model: modelDir, log });
  let model;
  try {
    model = await server.ready;
  } catch (error) {
    await server.close();
    throw error;
  }
  log({
    event: "start",
    name: server.name,
    url: server.url,
    model: modelDir,
    version: model.version,
    task: model.preprocessing.task,
    backend: model.backend,
    commit: model.run?.commit ?? null,
    modelCiVersion: VERSION,
    ...model.notices.length ? { notices: model.notices } : {}
  });
  const stop = (signal) => {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
    const started = performance.now();
    void server.close().then(() => log({ event: "stop", signal, drainMs: Math.round(performance.now() - started) }));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return server;
}
export {
  jsonLineLog,
  serve
};
