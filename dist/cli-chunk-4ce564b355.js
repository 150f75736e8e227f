import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  formatNumber,
  nearlyEqual
} from "./cli-chunk-1d7994cc6d.js";

// src/compare/gate.ts
function regression(direction, base, head) {
  return direction === "higher" ? base - head : head - base;
}
function allowedRegression(gate, base) {
  if (gate.tolerance === void 0) return void 0;
  return gate.relative ? gate.tolerance * Math.abs(base) : gate.tolerance;
}
function withinTolerance(direction, gate, base, head) {
  const allowed = allowedRegression(gate, base);
  if (allowed === void 0) return false;
  const worseBy = regression(direction, base, head);
  return worseBy <= allowed || nearlyEqual(worseBy, allowed);
}
function evaluateGate(direction, gate, base, head) {
  if (head === void 0) {
    return { passed: false, reason: base === void 0 ? "missing from this run" : `missing from this run (main: ${formatNumber(base)})` };
  }
  const reasons = [];
  if (base !== void 0 && gate.tolerance !== void 0 && !withinTolerance(direction, gate, base, head)) {
    reasons.push(toleranceReason(direction, gate, base, head));
  }
  if (gate.threshold !== void 0 && !meetsThreshold(direction, gate.threshold, head)) {
    reasons.push(
      direction === "higher" ? `${formatNumber(head)} is below the minimum ${formatNumber(gate.threshold)}` : `${formatNumber(head)} is above the maximum ${formatNumber(gate.threshold)}`
    );
  }
  return reasons.length === 0 ? { passed: true } : { passed: false, reason: reasons.join("; ") };
}
function meetsThreshold(direction, threshold, head) {
  if (nearlyEqual(head, threshold)) return true;
  return direction === "higher" ? head > threshold : head < threshold;
}
function toleranceReason(direction, gate, base, head) {
  const moved = `${direction === "higher" ? "fell" : "rose"} by ${formatNumber(Math.abs(head - base))}`;
  const tolerance = gate.tolerance;
  if (!gate.relative) return `${moved}, more than the ${formatNumber(tolerance)} allowed`;
  const share = base === 0 ? `from main's 0` : `(${formatNumber(Math.abs(head - base) / Math.abs(base) * 100)}% of main)`;
  return `${moved} ${share}, more than the ${formatNumber(tolerance * 100)}% allowed`;
}
function describeGate(direction, gate) {
  const parts = [];
  if (gate.tolerance !== void 0) {
    const amount = gate.relative ? `${formatNumber(gate.tolerance * 100)}%` : formatNumber(gate.tolerance);
    parts.push(direction === "higher" ? `\u0394 \u2265 -${amount}` : `\u0394 \u2264 +${amount}`);
  }
  if (gate.threshold !== void 0) parts.push(`${direction === "higher" ? "\u2265" : "\u2264"} ${formatNumber(gate.threshold)}`);
  return parts.join(", ");
}

export {
  regression,
  withinTolerance,
  evaluateGate,
  describeGate
};
