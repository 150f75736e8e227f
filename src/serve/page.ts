/**
 * The page at `GET /` to try the model (pure): a form generated from the training schema
 * (preprocessing.json), posting to the v1 predict route with fetch() and showing the prediction.
 *
 * Feature names, categories and class labels come from the training data, i.e. from a pull request:
 * every one is HTML-escaped where the page is built, and the script only ever writes `textContent`.
 * The page is self-contained (no external assets) and served with a Content-Security-Policy that
 * allows exactly its own inline script and style (by hash) and requests to this server.
 */
import { createHash } from 'node:crypto';
import type { Preprocessing } from '../data/preprocessing.ts';

export interface TryPageModel {
  name: string;
  version: string;
  preprocessing: Preprocessing;
  /** metrics.json: shown as measured on the test split. */
  metrics: Record<string, number>;
}

export interface TryPage {
  html: string;
  headers: Record<string, string>;
}

/** Above this many categories a dropdown is unwieldy (and heavy): the field becomes a text box. */
const MAX_DROPDOWN_CATEGORIES = 200;

const STYLE = `
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

const SCRIPT = `
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
  result.replaceChildren(el('p', 'Predicting…'));
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

const SCRIPT_HASH = cspHash(SCRIPT);
const STYLE_HASH = cspHash(STYLE);

export const TRY_PAGE_CSP = [
  "default-src 'none'",
  `script-src '${SCRIPT_HASH}'`,
  `style-src '${STYLE_HASH}'`,
  "connect-src 'self'",
  "img-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function renderTryPage(model: TryPageModel): TryPage {
  const { name, version, preprocessing: pre, metrics } = model;
  const base = `/v1/models/${encodeURIComponent(name)}`;
  const config = {
    predict: `${base}:predict`,
    target: pre.target,
    kinds: pre.features.map((f) => f.kind),
    classes: pre.classes ?? [],
  };
  const fields = pre.features.map((feature, i) => {
    const id = `f${i}`;
    if (feature.kind === 'numeric') {
      const hint =
        feature.min !== undefined && feature.max !== undefined
          ? `training range ${formatNumber(feature.min)} to ${formatNumber(feature.max)}`
          : `training mean ${formatNumber(feature.mean)}, sd ${formatNumber(feature.std)}`;
      return (
        `<label for="${id}">${escapeHtml(feature.name)}<small>${hint}</small></label>` +
        `<input id="${id}" name="${id}" type="number" step="any" required value="${formatNumber(feature.mean)}">`
      );
    }
    const label = `<label for="${id}">${escapeHtml(feature.name)}<small>${feature.categories.length} categories</small></label>`;
    if (feature.categories.length > MAX_DROPDOWN_CATEGORIES) {
      return `${label}<input id="${id}" name="${id}" type="text" required value="${escapeHtml(feature.categories[0] ?? '')}">`;
    }
    const options = feature.categories.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`).join('');
    return `${label}<select id="${id}" name="${id}">${options}</select>`;
  });
  const metricRows = Object.entries(metrics)
    .map(([metric, value]) => `<tr><td>${escapeHtml(metric)}</td><td>${escapeHtml(formatNumber(value))}</td></tr>`)
    .join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)}: try the model</title>
<style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(name)}</h1>
<p class="sub">${escapeHtml(pre.task)} · predicts <strong>${escapeHtml(pre.target)}</strong> · version ${escapeHtml(version)}</p>
<nav><a href="${escapeHtml(base)}/card">Model card</a><a href="/metrics">Server metrics (Prometheus)</a><a href="${escapeHtml(base)}/metadata">Metadata</a></nav>
<h2>Try it</h2>
<form id="form">
${fields.join('\n')}
<button type="submit">Predict</button>
</form>
<section id="result" hidden aria-live="polite"></section>
${metricRows ? `<h2>Test-split metrics</h2><table id="metrics">${metricRows}</table>` : ''}
<script type="application/json" id="cfg">${jsonForScript(config)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
  return {
    html,
    headers: {
      'Content-Security-Policy': TRY_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON inside a script element: `<` escaped so no string can close the element or open a comment. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function cspHash(source: string): string {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}
