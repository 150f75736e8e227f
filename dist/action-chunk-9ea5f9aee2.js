import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  compareRuns
} from "./action-chunk-92161225ff.js";
import {
  nearlyEqual
} from "./action-chunk-e5fccb96bd.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/compare/candidates.ts
function rankCandidates(candidates, metrics) {
  const order = (a, b) => {
    const failedA = a.comparison.failedGates.length > 0;
    const failedB = b.comparison.failedGates.length > 0;
    if (failedA !== failedB) return failedA ? 1 : -1;
    for (const metric of metrics) {
      const difference = compareMetric(row(a, metric.name), row(b, metric.name), metric.direction);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  const ranked = [...candidates].sort(order);
  const best = ranked.find((candidate) => candidate.comparison.failedGates.length === 0);
  return best ? { ranked, best } : { ranked };
}
function row(candidate, name) {
  return candidate.comparison.rows.find((r) => r.name === name);
}
function compareMetric(a, b, direction) {
  const valueA = a?.head;
  const valueB = b?.head;
  if (valueA === void 0 || valueB === void 0) return valueA === valueB ? 0 : valueA === void 0 ? 1 : -1;
  if (nearlyEqual(valueA, valueB)) return 0;
  return direction === "higher" ? valueB - valueA : valueA - valueB;
}

// src/flow/sweep-candidates.ts
function sweepCandidates(grid) {
  const keys = Object.keys(grid);
  let combinations = [{}];
  for (const key of keys) combinations = combinations.flatMap((combination) => grid[key].map((value) => ({ ...combination, [key]: value })));
  return combinations.map((params, i) => ({
    id: `c${i + 1}`,
    name: keys.map((key) => `${key.slice(key.lastIndexOf(".") + 1)}=${JSON.stringify(params[key])}`).join(" "),
    params
  }));
}
function findCandidate(config, id) {
  if (!config.sweep) throw new UserError("mode `candidate` needs a `sweep` in the config", { file: config.file, field: "sweep" });
  const candidates = sweepCandidates(config.sweep);
  const found = candidates.find((candidate) => candidate.id === id);
  if (!found)
    throw new UserError(`no sweep candidate ${JSON.stringify(id)}: the sweep has ${candidates[0].id}\u2026${candidates.at(-1).id}`, { field: "candidate" });
  return found;
}
function rankSweep(input) {
  const candidates = input.results.map((result) => ({
    name: `${result.id} ${result.name}`,
    params: Object.fromEntries(Object.entries(result.params).map(([key, value]) => [key, asScalar(value)])),
    comparison: compareRuns({
      model: input.model,
      metrics: input.metrics,
      base: input.base,
      head: result.run,
      baseline: input.baseline,
      headCommit: input.headCommit
    })
  }));
  return rankCandidates(candidates, input.metrics);
}
function asScalar(value) {
  return value === null || ["string", "number", "boolean"].includes(typeof value) ? value : JSON.stringify(value);
}

export {
  sweepCandidates,
  findCandidate,
  rankSweep
};
