import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  PROMETHEUS_CONTENT_TYPE,
  Registry,
  registerDriftCounters
} from "./cli-chunk-9dbdf43fca.js";
import "./cli-chunk-a06b141fe7.js";
import {
  createJsonPredictor,
  createPredictor,
  loadModel
} from "./cli-chunk-a8ec06f77a.js";
import "./cli-chunk-8e297c67c6.js";
import "./cli-chunk-649b7577f9.js";
import {
  featureWidth
} from "./cli-chunk-5cf8645060.js";
import "./cli-chunk-5595f77bb2.js";
import "./cli-chunk-c63c95fa23.js";
import {
  VERSION
} from "./cli-chunk-413a98cce8.js";
import "./cli-chunk-4293b75db3.js";
import "./cli-chunk-40530c68dd.js";
import "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  excerpt,
  isUserError,
  quote
} from "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/serve/server.ts
import { createServer } from "node:http";

// src/serve/page.ts
import { createHash } from "node:crypto";
var MAX_DROPDOWN_CATEGORIES = 200;
var STYLE = `
body{font:15px/1.45 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem;margin-bottom:.2rem}.sub{color:#57606a;margin-top:0}
form{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.5rem 1rem;align-items:center}
label{font-weight:600;overflow-wrap:anywhere}small{display:block;color:#57606a;font-weight:400}
input,select{font:inherit;padding:.3rem .4rem;width:100%;box-sizing:border-box}
button{grid-column:2;justify-self:start;font:inherit;padding:.4rem 1.2rem;cursor:pointer}
#result{margin-top:1.5rem;padding:1rem;border:1px solid #d0d7de;border-radius:6px}
#result[hidden]{display:none}.error{color:#b42318}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left}meter{width:10rem}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:12px}nav a{margin-right:1rem}
`;
var SCRIPT = `
'use strict';
const cfg = JSON.parse(document.getElementById('cfg').textContent);
const form = document.getElementById('form');
const result = document.getElementById('result');
const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const instance = cfg.kinds.map((kind, i) => {
    const value = form.elements.namedItem('f' + i).value;
    return kind === 'numeric' ? Number(value) : value;
  });
  result.hidden = false;
  result.replaceChildren(el('p', 'Predicting\u2026'));
  let status = 0;
  let body;
  try {
    const response = await fetch(cfg.predict, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ instances: [instance] }) });
    status = response.status;
    body = await response.json();
  } catch (error) {
    body = { error: String(error) };
  }
  const raw = el('pre', JSON.stringify(body, null, 2));
  raw.id = 'raw';
  if (status !== 200 || !body || !Array.isArray(body.predictions)) {
    const p = el('p', 'The server answered ' + (status || 'nothing') + ': ' + (body && body.error ? body.error : 'no prediction'));
    p.className = 'error';
    p.id = 'error';
    result.replaceChildren(p, raw);
    return;
  }
  const prediction = body.predictions[0];
  const parts = [];
  if (typeof prediction === 'number') {
    const p = el('p', 'Predicted ' + cfg.target + ': ');
    const b = el('strong', String(prediction));
    b.id = 'label';
    p.append(b);
    parts.push(p);
  } else {
    const p = el('p', 'Predicted ' + cfg.target + ': ');
    const b = el('strong', prediction.label);
    b.id = 'label';
    p.append(b);
    const table = el('table');
    table.id = 'probabilities';
    const head = el('tr');
    head.append(el('th', 'class'), el('th', 'probability'), el('th'));
    table.append(head);
    prediction.probabilities.forEach((probability, k) => {
      const row = el('tr');
      const meter = el('meter');
      meter.min = 0; meter.max = 1; meter.value = probability;
      const bar = el('td');
      bar.append(meter);
      row.append(el('td', cfg.classes[k]), el('td', probability.toFixed(4)), bar);
      table.append(row);
    });
    parts.push(p, table);
  }
  const details = el('details');
  details.append(el('summary', 'Response'), raw);
  result.replaceChildren(...parts, details);
});
`;
var SCRIPT_HASH = cspHash(SCRIPT);
var STYLE_HASH = cspHash(STYLE);
var TRY_PAGE_CSP = [
  "default-src 'none'",
  `script-src '${SCRIPT_HASH}'`,
  `style-src '${STYLE_HASH}'`,
  "connect-src 'self'",
  "img-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'"
].join("; ");
function renderTryPage(model) {
  const { name, version, preprocessing: pre, metrics } = model;
  const base = `/v1/models/${encodeURIComponent(name)}`;
  const config = {
    predict: `${base}:predict`,
    target: pre.target,
    kinds: pre.features.map((f) => f.kind),
    classes: pre.classes ?? []
  };
  const fields = pre.features.map((feature, i) => {
    const id = `f${i}`;
    if (feature.kind === "numeric") {
      const hint = feature.min !== void 0 && feature.max !== void 0 ? `training range ${formatNumber(feature.min)} to ${formatNumber(feature.max)}` : `training mean ${formatNumber(feature.mean)}, sd ${formatNumber(feature.std)}`;
      return `<label for="${id}">${escapeHtml(feature.name)}<small>${hint}</small></label><input id="${id}" name="${id}" type="number" step="any" required value="${formatNumber(feature.mean)}">`;
    }
    const label = `<label for="${id}">${escapeHtml(feature.name)}<small>${feature.categories.length} categories</small></label>`;
    if (feature.categories.length > MAX_DROPDOWN_CATEGORIES) {
      return `${label}<input id="${id}" name="${id}" type="text" required value="${escapeHtml(feature.categories[0] ?? "")}">`;
    }
    const options = feature.categories.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`).join("");
    return `${label}<select id="${id}" name="${id}">${options}</select>`;
  });
  const metricRows = Object.entries(metrics).map(([metric, value]) => `<tr><td>${escapeHtml(metric)}</td><td>${escapeHtml(formatNumber(value))}</td></tr>`).join("");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)}: try the model</title>
<style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(name)}</h1>
<p class="sub">${escapeHtml(pre.task)} \xB7 predicts <strong>${escapeHtml(pre.target)}</strong> \xB7 version ${escapeHtml(version)}</p>
<nav><a href="${escapeHtml(base)}/card">Model card</a><a href="/metrics">Server metrics (Prometheus)</a><a href="${escapeHtml(base)}/metadata">Metadata</a></nav>
<h2>Try it</h2>
<form id="form">
${fields.join("\n")}
<button type="submit">Predict</button>
</form>
<section id="result" hidden aria-live="polite"></section>
${metricRows ? `<h2>Test-split metrics</h2><table id="metrics">${metricRows}</table>` : ""}
<script type="application/json" id="cfg">${jsonForScript(config)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
  return {
    html,
    headers: {
      "Content-Security-Policy": TRY_PAGE_CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-cache"
    }
  };
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
function formatNumber(value) {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
function cspHash(source) {
  return `sha256-${createHash("sha256").update(source, "utf8").digest("base64")}`;
}

// src/serve/request-error.ts
import { isUtf8 } from "node:buffer";
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
function parseJsonBody(body) {
  if (!isUtf8(body)) throw new RequestError(400, "request body is not valid UTF-8 JSON", "not_json");
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new RequestError(400, `request body is not JSON: ${error.message}`, "not_json");
  }
}

// src/serve/request.ts
var KEYS = ["instances", "inputs", "signature_name"];
function parsePredictRequest(body, maxBatch) {
  const bad2 = (message) => new RequestError(400, message, "invalid_request");
  const parsed = parseJsonBody(body);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw bad2('expected a JSON object like {"instances": [[...], ...]}');
  }
  const request = parsed;
  const unknown = Object.keys(request).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0) throw bad2(`unknown key ${unknown.map((k) => JSON.stringify(k)).join(", ")}; expected "instances" (or "inputs")`);
  if (request.signature_name !== void 0 && request.signature_name !== "serving_default") {
    throw bad2(`unknown signature_name ${JSON.stringify(request.signature_name)}; the only signature is "serving_default"`);
  }
  if ("instances" in request && "inputs" in request) throw bad2('send either "instances" or "inputs", not both');
  let rows;
  let field;
  if ("instances" in request) {
    if (!Array.isArray(request.instances)) throw bad2('"instances" must be an array of rows (arrays in feature order or objects keyed by feature name)');
    rows = request.instances;
    field = "instances";
  } else if ("inputs" in request) {
    rows = inputsToRows(request.inputs, bad2);
    field = "inputs";
  } else {
    throw bad2('missing "instances": expected {"instances": [[...], ...]}');
  }
  if (rows.length === 0) throw bad2(`"${field}" is empty; send at least one row`);
  if (rows.length > maxBatch) throw bad2(`"${field}" has ${rows.length} rows, more than the limit of ${maxBatch} per request; split the batch`);
  return { rows, field, outputKey: field === "instances" ? "predictions" : "outputs" };
}
function inputsToRows(inputs, bad2) {
  if (Array.isArray(inputs)) return inputs;
  if (inputs === null || typeof inputs !== "object") throw bad2('"inputs" must be an object of feature \u2192 array of values, or an array of rows');
  const columns = Object.entries(inputs);
  const length = columns.length > 0 && Array.isArray(columns[0][1]) ? columns[0][1].length : 0;
  for (const [feature, values] of columns) {
    if (!Array.isArray(values)) throw bad2(`inputs.${feature} must be an array with one value per row`);
    if (values.length !== length)
      throw bad2(`inputs.${feature} has ${values.length} values but inputs.${columns[0][0]} has ${length}; every column needs one value per row`);
  }
  return Array.from({ length }, (_, i) => Object.fromEntries(columns.map(([feature, values]) => [feature, values[i]])));
}

// src/serve/model-card.ts
import { open } from "node:fs/promises";
import { constants } from "node:fs";
import { join } from "node:path";
var MODEL_CARD_FILE = "card.md";
var MAX_CARD_BYTES = 1024 * 1024;
var cards = /* @__PURE__ */ new Map();
function readModelCard(dir) {
  let card = cards.get(dir);
  if (!card) {
    card = readCard(join(dir, MODEL_CARD_FILE));
    cards.set(dir, card);
    card.then(
      (text) => text === void 0 && cards.delete(dir),
      () => cards.delete(dir)
    );
  }
  return card;
}
async function readCard(file) {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`${file} is not a regular file`);
    if (stat.size > MAX_CARD_BYTES) throw new Error(`${file} is ${stat.size} bytes, more than the ${MAX_CARD_BYTES} a model card may have`);
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}

// src/serve/open-inference.ts
var MAX_ID_CHARS = 256;
var MAX_RANK = 8;
var REQUEST_KEYS = ["id", "parameters", "inputs", "outputs"];
var INPUT_KEYS = ["name", "shape", "datatype", "parameters", "data"];
var INPUT_KEY_SET = new Set(INPUT_KEYS);
var FLOAT_TYPES = ["FP16", "FP32", "FP64"];
var INTEGER_RANGES = {
  INT8: [-(2 ** 7), 2 ** 7 - 1],
  INT16: [-(2 ** 15), 2 ** 15 - 1],
  INT32: [-(2 ** 31), 2 ** 31 - 1],
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  UINT8: [0, 2 ** 8 - 1],
  UINT16: [0, 2 ** 16 - 1],
  UINT32: [0, 2 ** 32 - 1],
  UINT64: [0, Number.MAX_SAFE_INTEGER]
};
var DATATYPES = ["BOOL", ...Object.keys(INTEGER_RANGES), ...FLOAT_TYPES, "BYTES"];
var NUMERIC_TYPES = [...FLOAT_TYPES, ...Object.keys(INTEGER_RANGES)];
function bad(message) {
  return new RequestError(400, message, "invalid_request");
}
function inputLabel(index, name) {
  return typeof name === "string" ? `inputs[${index}] (${quote(name)})` : `inputs[${index}]`;
}
function parseInferRequest(body, pre, maxBatch) {
  const parsed = parseJsonBody(body);
  if (!isObject(parsed)) throw bad('expected a JSON object like {"inputs": [{"name": ..., "datatype": ..., "shape": [...], "data": [...]}]}');
  const unknown = Object.keys(parsed).filter((key) => !REQUEST_KEYS.includes(key));
  if (unknown.length > 0) throw bad(`unknown key ${unknown.slice(0, 5).map(quote).join(", ")}; an inference request has ${REQUEST_KEYS.join(", ")}`);
  const { id, parameters, inputs, outputs } = parsed;
  if (id !== void 0 && (typeof id !== "string" || id.length > MAX_ID_CHARS)) throw bad(`"id" must be a string of at most ${MAX_ID_CHARS} characters`);
  if (parameters !== void 0 && !isObject(parameters)) throw bad('"parameters" must be an object');
  if (!Array.isArray(inputs) || inputs.length === 0) throw bad('"inputs" must be a non-empty array of tensors');
  const rows = isMatrixForm(inputs, pre) ? matrixRows(inputs[0], pre, maxBatch) : featureRows(inputs, pre, maxBatch);
  return { rows, id, outputs: outputs === void 0 ? void 0 : requestedOutputs(outputs, pre) };
}
function isMatrixForm(inputs, pre) {
  if (inputs.length !== 1 || !isObject(inputs[0])) return false;
  const name = inputs[0].name;
  return typeof name === "string" && !featureIndex(pre).has(name);
}
function readTensor(input, index) {
  const at = () => inputLabel(index, isObject(input) ? input.name : void 0);
  if (!isObject(input)) throw bad(`${at()} must be an object with name, datatype, shape and data`);
  const unknown = Object.keys(input).filter((key) => !INPUT_KEY_SET.has(key));
  if (unknown.length > 0) throw bad(`${at()}: unknown key ${unknown.slice(0, 5).map(quote).join(", ")}; a tensor has ${INPUT_KEYS.join(", ")}`);
  const { name, datatype, shape, data, parameters } = input;
  if (typeof name !== "string" || name === "") throw bad(`${at()}: "name" must be a non-empty string`);
  if (typeof datatype !== "string" || !DATATYPES.includes(datatype)) {
    throw bad(`${at()}: "datatype" must be one of the protocol's types (${DATATYPES.join(", ")}), got ${describe(datatype)}`);
  }
  if (!Array.isArray(shape) || shape.length === 0 || shape.length > MAX_RANK || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw bad(`${at()}: "shape" must be an array of 1 to ${MAX_RANK} non-negative integers, got ${describe(shape)}`);
  }
  if (parameters !== void 0 && !isObject(parameters)) throw bad(`${at()}: "parameters" must be an object`);
  if (!Array.isArray(data)) throw bad(`${at()}: "data" must be an array (flat, row-major, or nested as the shape)`);
  const flat = flatten(data, shape.length, at);
  const expected = shape.reduce((product, d) => product * d, 1);
  if (flat.length !== expected) {
    throw bad(`${at()}: shape [${shape.join(", ")}] holds ${expected} elements but "data" has ${flat.length}`);
  }
  return { name, datatype, shape, data: flat };
}
function flatten(data, depth, at) {
  if (!data.some(Array.isArray)) return data;
  if (depth <= 1) throw bad(`${at()}: "data" is nested deeper than its shape has dimensions`);
  const flat = [];
  for (const item of data) {
    if (!Array.isArray(item)) throw bad(`${at()}: "data" mixes nested arrays and values; nest every element as the shape says, or send it flat`);
    for (const value of flatten(item, depth - 1, at)) flat.push(value);
  }
  return flat;
}
function checkBatch(rows, maxBatch, at) {
  if (rows === 0) throw bad(`${at()} has 0 rows; send at least one`);
  if (rows > maxBatch) throw bad(`${at()} has ${rows} rows, more than the limit of ${maxBatch} per request; split the batch`);
}
function checkNumbers(tensor, at) {
  const range = INTEGER_RANGES[tensor.datatype];
  const { data } = tensor;
  for (let k = 0; k < data.length; k++) {
    const value = data[k];
    if (typeof value !== "number") throw bad(`${at()}: ${tensor.datatype} data[${k}] must be a number, got ${describe(value)}`);
    if (range && (!Number.isInteger(value) || value < range[0] || value > range[1])) {
      throw bad(`${at()}: ${tensor.datatype} data[${k}] must be an integer from ${range[0]} to ${range[1]}, got ${value}`);
    }
  }
}
function matrixRows(input, pre, maxBatch) {
  const tensor = readTensor(input, 0);
  const at = () => inputLabel(0, tensor.name);
  const width = pre.features.length;
  const categorical = pre.features.filter((f) => f.kind === "categorical").map((f) => f.name);
  if (categorical.length > 0) {
    throw bad(
      `unknown input ${quote(tensor.name)}: this model has categorical features (${categorical.slice(0, 10).join(", ")}), so it takes one tensor per feature, named ${featureList(pre)}`
    );
  }
  if (tensor.shape.length !== 2 || tensor.shape[1] !== width) {
    throw bad(
      `${at()}: a single input tensor must have shape [rows, ${width}] (the features in order: ${featureList(pre)}), got [${tensor.shape.join(", ")}]; or send one tensor per feature`
    );
  }
  if (!NUMERIC_TYPES.includes(tensor.datatype)) throw bad(`${at()}: datatype must be FP32, FP64, FP16 or an integer type, got ${tensor.datatype}`);
  checkBatch(tensor.shape[0], maxBatch, at);
  checkNumbers(tensor, at);
  const rows = new Array(tensor.shape[0]);
  for (let i = 0; i < rows.length; i++) rows[i] = tensor.data.slice(i * width, (i + 1) * width);
  return rows;
}
function featureRows(inputs, pre, maxBatch) {
  const tensors = inputs.map(readTensor);
  const byName = /* @__PURE__ */ new Map();
  tensors.forEach((tensor, index) => {
    const at = () => inputLabel(index, tensor.name);
    if (byName.has(tensor.name)) throw bad(`${at()}: input ${quote(tensor.name)} is given twice`);
    if (!featureIndex(pre).has(tensor.name)) {
      throw bad(`${at()}: unknown input ${quote(tensor.name)}; inputs are one tensor per feature, named ${featureList(pre)}`);
    }
    byName.set(tensor.name, tensor);
  });
  const missing = pre.features.filter((f) => !byName.has(f.name)).map((f) => f.name);
  if (missing.length > 0) throw bad(`missing input ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", \u2026" : ""}: every feature needs a tensor`);
  const first = () => inputLabel(0, tensors[0].name);
  const count = tensors[0].shape[0];
  checkBatch(count, maxBatch, first);
  const columns = pre.features.map((feature) => {
    const tensor = byName.get(feature.name);
    const at = () => inputLabel(tensors.indexOf(tensor), tensor.name);
    if (tensor.shape.length > 2 || tensor.shape.length === 2 && tensor.shape[1] !== 1) {
      throw bad(`${at()}: a feature's tensor must have shape [rows] or [rows, 1], got [${tensor.shape.join(", ")}]`);
    }
    if (tensor.shape[0] !== count) throw bad(`${at()} has ${tensor.shape[0]} rows but ${first()} has ${count}; every input needs one value per row`);
    if (feature.kind === "categorical") {
      if (tensor.datatype !== "BYTES") throw bad(`${at()}: feature ${quote(feature.name)} is categorical: send it as BYTES (strings), got ${tensor.datatype}`);
      const k = tensor.data.findIndex((value) => typeof value !== "string");
      if (k >= 0) throw bad(`${at()}: BYTES data[${k}] must be a string, got ${describe(tensor.data[k])}`);
    } else {
      if (!NUMERIC_TYPES.includes(tensor.datatype)) {
        throw bad(`${at()}: feature ${quote(feature.name)} is numeric: send it as FP32, FP64, FP16 or an integer type, got ${tensor.datatype}`);
      }
      checkNumbers(tensor, at);
    }
    return tensor.data;
  });
  const rows = new Array(count);
  for (let i = 0; i < count; i++) {
    const row = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = columns[j][i];
    rows[i] = row;
  }
  return rows;
}
var featureIndexes = /* @__PURE__ */ new WeakMap();
function featureIndex(pre) {
  let index = featureIndexes.get(pre);
  if (!index) {
    index = new Map(pre.features.map((f, j) => [f.name, j]));
    featureIndexes.set(pre, index);
  }
  return index;
}
function requestedOutputs(outputs, pre) {
  const available = outputNames(pre);
  if (!Array.isArray(outputs)) throw bad('"outputs" must be an array of {"name": ...}');
  return outputs.map((output, k) => {
    const name = isObject(output) ? output.name : void 0;
    if (typeof name !== "string") throw bad(`outputs[${k}] must be an object with a "name"`);
    if (isObject(output) && output.parameters !== void 0 && !isObject(output.parameters)) throw bad(`outputs[${k}]: "parameters" must be an object`);
    if (!available.includes(name)) throw bad(`outputs[${k}]: unknown output ${quote(name)}; this model's outputs are ${available.join(", ")}`);
    return name;
  });
}
function outputNames(pre) {
  return pre.classes ? ["predictions", "probabilities"] : ["predictions"];
}
function inferResponse(predictions, pre, name, version, request) {
  const rows = predictions.length;
  const outputs = (request.outputs ?? outputNames(pre)).map((output) => {
    if (output === "probabilities") {
      const classes = pre.classes.length;
      const data = new Array(rows * classes);
      for (let i = 0; i < rows; i++) {
        const { probabilities } = predictions[i];
        for (let k = 0; k < classes; k++) data[i * classes + k] = probabilities[k];
      }
      return { name: output, datatype: "FP32", shape: [rows, classes], data };
    }
    if (pre.classes) return { name: output, datatype: "BYTES", shape: [rows], data: predictions.map((p) => p.label) };
    return { name: output, datatype: "FP64", shape: [rows], data: predictions };
  });
  return { model_name: name, model_version: version, ...request.id === void 0 ? {} : { id: request.id }, outputs };
}
function serverMetadata() {
  return { name: "model-ci", version: VERSION, extensions: [] };
}
function modelMetadata(loaded, name) {
  const pre = loaded.preprocessing;
  return {
    name,
    versions: [loaded.version],
    platform: "tensorflowjs",
    inputs: pre.features.map((f) => ({ name: f.name, datatype: f.kind === "numeric" ? "FP32" : "BYTES", shape: [-1] })),
    outputs: outputNames(pre).map(
      (output) => output === "probabilities" ? { name: output, datatype: "FP32", shape: [-1, pre.classes.length] } : { name: output, datatype: pre.classes ? "BYTES" : "FP64", shape: [-1] }
    )
  };
}
function featureList(pre) {
  const names = pre.features.map((f) => f.name);
  return `${names.slice(0, 20).join(", ")}${names.length > 20 ? ` and ${names.length - 20} more` : ""}`;
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function describe(value) {
  if (value === void 0) return "nothing";
  if (Array.isArray(value)) return value.length <= 4 && value.every((v) => typeof v === "number") ? `[${value.join(", ")}]` : "an array";
  if (isObject(value)) return "an object";
  return typeof value === "string" ? quote(value) : excerpt(String(value));
}

// src/serve/kserve-routes.ts
var json = (body) => ({ status: 200, body: JSON.stringify(body) });
async function answerProtocolRoute(route, ctx) {
  switch (route.kind) {
    case "models":
      return json({ models: ctx.name === void 0 ? [] : [ctx.name] });
    case "card": {
      const loaded = ctx.served(route);
      const card = await readModelCard(loaded.dir);
      if (card === void 0) {
        throw new RequestError(404, `model ${JSON.stringify(ctx.name)} has no model card: its folder holds no ${MODEL_CARD_FILE}`, "no_card");
      }
      return { status: 200, body: card, contentType: "text/markdown; charset=utf-8" };
    }
    case "v2_live":
      return json({ live: true });
    case "v2_ready":
      if (ctx.state !== "available") throw new RequestError(503, `the model is not ready (${ctx.state})`, "unavailable");
      return json({ ready: true });
    case "v2_server":
      return json(serverMetadata());
    case "v2_metadata":
      return json(modelMetadata(ctx.served(route), ctx.name));
    case "v2_model_ready":
      ctx.served(route);
      return json({ name: ctx.name, ready: true });
    case "v2_infer": {
      const loaded = ctx.served(route);
      const request = parseInferRequest(await ctx.readBody(), loaded.preprocessing, ctx.maxBatch);
      const predictions = ctx.predict(request.rows);
      return json(inferResponse(predictions, loaded.preprocessing, ctx.name, loaded.version, request));
    }
    default:
      throw new Error(`route ${route.kind} is not a KServe route`);
  }
}

// src/serve/responses.ts
var TF_SERVING_STATE = { loading: "LOADING", available: "AVAILABLE", failed: "END", stopping: "UNLOADING" };
function statusResponse(state, version, loadError, name) {
  return {
    name,
    ready: state === "available",
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

// src/serve/route-parts.ts
var READ_METHODS = "GET, HEAD";
function readOnly(route, method) {
  if (method !== "GET" && method !== "HEAD") route.error = new RequestError(405, `use GET for this route, not ${method}`, "method_not_allowed", READ_METHODS);
  return route;
}
function notFound(message) {
  return { kind: "unknown", error: new RequestError(404, message, "not_found") };
}
function decodeModel(rawName, rawVersion) {
  try {
    return { name: decodeURIComponent(rawName), version: rawVersion === void 0 ? void 0 : decodeURIComponent(rawVersion) };
  } catch {
    return notFound("malformed percent-encoding in the model name or version");
  }
}

// src/serve/v2-routes.ts
var V2_MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|infer))?$/;
function matchV2Route(method, path) {
  if (path === "/v2" || path === "/v2/") return readOnly({ kind: "v2_server" }, method);
  if (path === "/v2/health/live") return readOnly({ kind: "v2_live" }, method);
  if (path === "/v2/health/ready") return readOnly({ kind: "v2_ready" }, method);
  const match = V2_MODEL_PATH.exec(path);
  if (!match) return notFound(`no route for ${path.length > 200 ? `${path.slice(0, 200)}\u2026` : path}; try POST /v2/models/<name>/infer`);
  const [, rawName, rawVersion, action] = match;
  const decoded = decodeModel(rawName, rawVersion);
  if ("kind" in decoded) return decoded;
  const { name, version } = decoded;
  if (action === "infer") {
    const route = { kind: "v2_infer", name, version };
    if (method !== "POST") route.error = new RequestError(405, `use POST for /infer, not ${method}`, "method_not_allowed", "POST");
    return route;
  }
  return readOnly({ kind: action === "ready" ? "v2_model_ready" : "v2_metadata", name, version }, method);
}

// src/serve/routes.ts
var MODEL_PATH = /^\/v1\/models\/([^/:]+)(?:\/versions\/([^/:]+))?(?:\/(metadata|card)|:([^/:]*))?$/;
function matchRoute(method, url) {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (path === "/healthz") return readOnly({ kind: "healthz" }, method);
  if (path === "/metrics") return readOnly({ kind: "metrics" }, method);
  if (path === "/v1/models") return readOnly({ kind: "models" }, method);
  if (path === "/v2" || path.startsWith("/v2/")) return matchV2Route(method, path);
  if (path === "/") return readOnly({ kind: "page" }, method);
  const match = MODEL_PATH.exec(path);
  if (!match) return notFound(`no route for ${path.length > 200 ? `${path.slice(0, 200)}\u2026` : path}; try POST /v1/models/<name>:predict`);
  const [, rawName, rawVersion, suffix, verb] = match;
  const decoded = decodeModel(rawName, rawVersion);
  if ("kind" in decoded) return decoded;
  const { name, version } = decoded;
  if (suffix) return readOnly({ kind: suffix === "card" ? "card" : "metadata", name, version }, method);
  if (verb === void 0) return readOnly({ kind: "status", name, version }, method);
  if (verb !== "predict") {
    return { kind: "unknown", name, version, error: new RequestError(404, `unknown method ":${verb}"; this server answers :predict`, "not_found") };
  }
  const route = { kind: "predict", name, version };
  if (method !== "POST") route.error = new RequestError(405, `use POST for :predict, not ${method}`, "method_not_allowed", "POST");
  return route;
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
  let objectPredictor;
  let name = options.name;
  let loadError = "";
  let drift;
  let page;
  const ready = (typeof options.model === "string" ? loadModel(options.model, { backend: options.backend }) : Promise.resolve(options.model)).then(
    (model) => {
      loaded = model;
      predictor = createJsonPredictor(model);
      objectPredictor = createPredictor(model);
      name ??= model.run?.name ?? basename(model.dir);
      modelInfo.set(
        { name, version: model.version, task: model.preprocessing.task, backend: model.backend, commit: model.run?.commit ?? "", model_ci_version: VERSION },
        1
      );
      drift = registerDriftCounters(registry, model.preprocessing);
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
        case "page": {
          const model = checkServed({ ...route, name }, { loaded: true });
          page ??= renderTryPage({ name, version: model.version, preprocessing: model.preprocessing, metrics: model.metrics });
          for (const [header, value] of Object.entries(page.headers)) res.setHeader(header, value);
          return send(res, route, started, 200, page.html, "text/html; charset=utf-8");
        }
        case "status":
          checkServed(route);
          return send(res, route, started, 200, JSON.stringify(statusResponse(state, loaded?.version, loadError, name ?? route.name)));
        case "metadata":
          return send(res, route, started, 200, JSON.stringify(metadataResponse(checkServed(route, { loaded: true }), name)));
        case "predict": {
          checkServed(route, { loaded: true });
          const body = await readBody(req, maxBodyBytes);
          const request = parsePredictRequest(body, maxBatch);
          drift?.observeInputs(request.rows);
          const answer = predictor(request.rows, request.field, request.outputKey, drift?.observeOutput);
          batchSizes.observe({}, request.rows.length);
          return send(res, route, started, 200, answer);
        }
        case "models":
        case "card":
        case "v2_live":
        case "v2_ready":
        case "v2_server":
        case "v2_metadata":
        case "v2_model_ready":
        case "v2_infer": {
          const reply = await answerProtocolRoute(route, protocolContext(req));
          return send(res, route, started, reply.status, reply.body, reply.contentType);
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
  function protocolContext(req) {
    return {
      state,
      name,
      served: (route) => checkServed(route, { loaded: true }),
      predict: (rows) => {
        batchSizes.observe({}, rows.length);
        drift?.observeInputs(rows);
        const predictions = objectPredictor.predict(rows, "rows");
        drift?.observePredictions(predictions);
        return predictions;
      },
      readBody: () => readBody(req, maxBodyBytes),
      maxBatch
    };
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
