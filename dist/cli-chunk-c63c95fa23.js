import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/model/prediction-format.ts
var FORMATS = ["json", "jsonl", "csv"];
function predictionFormatter(pre, outputWidth, format) {
  const text = format === "csv" ? csvRow(pre, outputWidth) : jsonRow(pre, outputWidth);
  const labels = pre.classes ?? [];
  const maxRowBytes = 64 + 6 * Math.max(0, ...labels.map((l) => l.length)) + 26 * Math.max(outputWidth, 2);
  if (format === "json") {
    return {
      head: '{"predictions": [',
      separator: (index) => index === 0 ? "\n  " : ",\n  ",
      row: text,
      tail: (total) => total > 0 ? "\n]}\n" : "]}\n",
      maxRowBytes
    };
  }
  return {
    head: format === "csv" ? `${csvHeader(pre, outputWidth).map(csvField).join(",")}
` : "",
    separator: () => "",
    row: (output, offset) => `${text(output, offset)}
`,
    tail: () => "",
    maxRowBytes
  };
}
function jsonRow(pre, width) {
  if (pre.task === "regression") {
    const { mean, std } = pre.targetScale ?? { mean: 0, std: 1 };
    return (output, offset) => jsonNumber(output[offset] * std + mean);
  }
  const labels = pre.classes.map((c) => `{"label":${JSON.stringify(c)},"probabilities":[`);
  if (width === 1) {
    return (output, offset) => {
      const p = output[offset];
      return `${labels[p >= 0.5 ? 1 : 0]}${jsonNumber(1 - p)},${jsonNumber(p)}]}`;
    };
  }
  return (output, offset) => {
    const best = argmax(output, offset, width);
    let text = labels[best];
    for (let k = 0; k < width; k++) text += (k === 0 ? "" : ",") + jsonNumber(output[offset + k]);
    return `${text}]}`;
  };
}
function csvRow(pre, width) {
  if (pre.task === "regression") {
    const { mean, std } = pre.targetScale ?? { mean: 0, std: 1 };
    return (output, offset) => csvNumber(output[offset] * std + mean);
  }
  const labels = pre.classes.map(csvField);
  if (width === 1) {
    return (output, offset) => {
      const p = output[offset];
      return `${labels[p >= 0.5 ? 1 : 0]},${csvNumber(1 - p)},${csvNumber(p)}`;
    };
  }
  return (output, offset) => {
    let text = labels[argmax(output, offset, width)];
    for (let k = 0; k < width; k++) text += `,${csvNumber(output[offset + k])}`;
    return text;
  };
}
function csvHeader(pre, width) {
  if (pre.task === "regression") return ["prediction"];
  const classes = pre.classes;
  return ["label", ...classes.slice(0, Math.max(width, 2)).map((c) => `p_${c}`)];
}
function argmax(output, offset, width) {
  let best = 0;
  for (let k = 1; k < width; k++) if (output[offset + k] > output[offset + best]) best = k;
  return best;
}
function jsonNumber(value) {
  return Number.isFinite(value) ? String(value) : "null";
}
function csvNumber(value) {
  return Number.isFinite(value) ? String(value) : "";
}
function csvField(text) {
  return /[",\r\n]|^[ \t]|[ \t]$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export {
  FORMATS,
  predictionFormatter
};
