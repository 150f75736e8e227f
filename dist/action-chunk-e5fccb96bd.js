import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  mcnemarMinimumDiscordant
} from "./action-chunk-f8c3a7d0f4.js";

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

// src/compare/verdict.ts
function decideVerdict(rows, hasBaseline) {
  if (rows.some((row) => row.gatePassed === false)) return "gate-failed";
  if (!hasBaseline) return "no-baseline";
  const better = rows.some((row) => row.status === "better");
  const worse = rows.some((row) => row.status === "worse");
  if (better && worse) return "mixed";
  if (better) return "better";
  if (worse) return "worse";
  if (rows.some((row) => row.status === "within-noise")) return "within-noise";
  return "unchanged";
}

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
function evaluateGate(direction, gate, base, head, evidence) {
  if (head === void 0) {
    return { passed: false, reason: base === void 0 ? "missing from this run" : `missing from this run (main: ${formatNumber(base)})` };
  }
  const reasons = [];
  let note;
  if (base !== void 0 && gate.tolerance !== void 0 && !withinTolerance(direction, gate, base, head)) {
    const judged = gate.confidence === void 0 ? void 0 : significance(direction, gate, base, gate.confidence, evidence);
    if (judged?.significant === false) note = `${toleranceReason(direction, gate, base, head)}, ${judged.text}`;
    else {
      reasons.push(judged ? `${toleranceReason(direction, gate, base, head)}, ${judged.text}` : toleranceReason(direction, gate, base, head));
    }
  }
  if (gate.threshold !== void 0 && !meetsThreshold(direction, gate.threshold, head)) {
    reasons.push(
      direction === "higher" ? `${formatNumber(head)} is below the minimum ${formatNumber(gate.threshold)}` : `${formatNumber(head)} is above the maximum ${formatNumber(gate.threshold)}`
    );
  }
  const result = reasons.length === 0 ? { passed: true } : { passed: false, reason: reasons.join("; ") };
  if (note !== void 0) result.note = note;
  return result;
}
function significance(direction, gate, base, confidence, evidence) {
  const level = `${formatNumber(confidence * 100)}%`;
  if (!evidence) {
    return { significant: void 0, text: `significance at ${level} not checked: main's and this PR's models were not scored on the same rows` };
  }
  const { interval, mcnemar, rows } = evidence;
  const allowed = allowedRegression(gate, base);
  const leastRegression = direction === "higher" ? -interval.high : interval.low;
  const beyond = leastRegression > allowed && !nearlyEqual(leastRegression, allowed);
  const rejects = mcnemar === void 0 || mcnemar.p < 1 - confidence;
  const range = `${level} interval of \u0394 [${formatNumber(interval.low)}, ${formatNumber(interval.high)}]${mcnemar ? `, McNemar p = ${formatNumber(mcnemar.p)}` : ""}`;
  if (beyond && rejects) return { significant: true, text: `significant at ${level} (${range})` };
  const tooWide = (interval.high - interval.low) / 2 > allowed;
  const tooFewDiscordant = mcnemar !== void 0 && mcnemar.fixed + mcnemar.broken < mcnemarMinimumDiscordant(confidence);
  const tooFew = tooWide || tooFewDiscordant ? `: ${rows} test rows are too few to tell` : "";
  return { significant: false, text: `but not significant at ${level} (${range})${tooFew}` };
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
    if (gate.confidence !== void 0) parts[parts.length - 1] += ` (fails only if significant at ${formatNumber(gate.confidence * 100)}%)`;
  }
  if (gate.threshold !== void 0) parts.push(`${direction === "higher" ? "\u2265" : "\u2264"} ${formatNumber(gate.threshold)}`);
  if (gate.beats !== void 0) parts.push(`beats ${gate.beats.join(", ")}`);
  return parts.join(", ");
}

export {
  nearlyEqual,
  formatNumber,
  formatSigned,
  formatPercent,
  decideVerdict,
  regression,
  withinTolerance,
  evaluateGate,
  describeGate
};
