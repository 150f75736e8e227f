import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/compare/numbers.ts
var EQUAL_EPSILON = 1e-12;
function nearlyEqual(a, b) {
  return Math.abs(a - b) <= EQUAL_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}
function formatNumber(value, decimals) {
  if (!Number.isFinite(value)) throw new Error(`cannot format ${value}: metrics are checked to be finite before reporting`);
  if (decimals !== void 0) {
    const text2 = value.toFixed(decimals);
    return /^-[0.]+$/.test(text2) ? text2.slice(1) : text2;
  }
  if (value === 0) return "0";
  if (Number.isInteger(value)) return integerText(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4) return integerText(Math.round(value));
  if (magnitude < 1e-4) return stripZeros(value.toExponential(3));
  const text = value.toPrecision(4);
  return text.includes("e+") ? integerText(Math.round(value)) : stripZeros(text);
}
function formatSigned(value, decimals) {
  const text = formatNumber(value, decimals);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}
function formatPercent(value) {
  if (!Number.isFinite(value)) throw new Error(`cannot format ${value}%`);
  if (value === 0) return "0.0%";
  const text = Math.abs(value).toFixed(1);
  return `${value > 0 ? "+" : "-"}${text}%`;
}
function integerText(value) {
  return Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value === 0 ? 0 : value);
}
function stripZeros(text) {
  return text.replace(/(\.\d*?)0+(?=e|$)/, "$1").replace(/\.(?=e|$)/, "");
}

export {
  nearlyEqual,
  formatNumber,
  formatSigned,
  formatPercent
};
