import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  readCandidateFiles
} from "./action-chunk-51c70538ba.js";
import {
  findCandidate,
  rankSweep
} from "./action-chunk-9ea5f9aee2.js";
import {
  findBaseline
} from "./action-chunk-955469a930.js";
import {
  judgeConfigAgainst
} from "./action-chunk-17ddbd85c3.js";
import "./action-chunk-92161225ff.js";
import "./action-chunk-67fe986c38.js";
import "./action-chunk-bc1fafee27.js";
import "./action-chunk-50f4f1432b.js";
import "./action-chunk-d2a1d9ef9d.js";
import {
  VERDICT_TEXT,
  formatScalar,
  runLinks
} from "./action-chunk-948fca9dba.js";
import {
  table
} from "./action-chunk-6fa89fedaf.js";
import "./action-chunk-afe352c118.js";
import {
  formatNumber,
  formatSigned
} from "./action-chunk-e5fccb96bd.js";
import "./action-chunk-e5a79ce89a.js";
import "./action-chunk-7d1a89a2f0.js";
import "./action-chunk-f8c3a7d0f4.js";
import "./action-chunk-7a2e6707a8.js";
import "./action-chunk-5595f77bb2.js";
import "./action-chunk-4293b75db3.js";
import "./action-chunk-89980272e8.js";
import "./action-chunk-18413418a4.js";
import {
  actionLogger
} from "./action-chunk-6afa78d0c2.js";
import {
  info,
  setFailed,
  setOutput,
  warning
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-40eeb72f53.js";
import "./action-chunk-413a98cce8.js";
import {
  escapeCell,
  escapeInline
} from "./action-chunk-7ba064f90f.js";
import {
  commentMarker
} from "./action-chunk-983340aefc.js";
import {
  loadConfig
} from "./action-chunk-831e54c8a1.js";
import "./action-chunk-fa08236832.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-afcbbfc458.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-4a2bad3387.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-773d882dc0.js";
import "./action-chunk-e3b0c44298.js";

// src/action/modes/sweep.ts
import { resolve } from "node:path";

// src/flow/judge-sweep.ts
import { join } from "node:path";
async function judgeSweep(options) {
  const { results, log } = options;
  const prConfig = await loadConfig(join(options.repoRoot, options.configPath), { repoRoot: options.repoRoot });
  const { config } = await judgeConfigAgainst({ ...options, log: log.info }, options.baseSha, prConfig);
  for (const result of results) {
    const expected = findCandidate(config, result.id);
    if (JSON.stringify(expected.params) !== JSON.stringify(result.params)) {
      throw new UserError(`candidate ${result.id}'s result was trained with other params than the config's sweep gives it (the sweep changed?)`, {
        field: "candidate"
      });
    }
  }
  const baseline = await log.group(
    `baseline of ${config.name}`,
    () => findBaseline(options, config.name, options.baseSha, results[0].backend)
  );
  const ranking = rankSweep({
    model: config.name,
    metrics: config.metrics,
    base: baseline.side,
    baseline: baseline.source,
    headCommit: options.headSha,
    results
  });
  return { config, ranking };
}

// src/report/candidates.ts
function renderCandidates({ model, ranking, metrics, baseRef = "main", links = {} }) {
  const { ranked, best } = ranking;
  const ref = escapeCell(baseRef);
  const baseRow = mainRow(ranked, metrics);
  const rows = ranked.map((candidate) => [
    candidate === best ? `**${escapeCell(candidate.name)}** (best)` : escapeCell(candidate.name),
    paramsText(candidate),
    ...metrics.map((name) => valueCell(candidate.comparison.rows.find((row) => row.name === name))),
    VERDICT_TEXT[candidate.comparison.verdict]
  ]);
  const summary = best ? `Best: **${escapeInline(best.name)}** \u2014 ${VERDICT_TEXT[best.comparison.verdict]} against ${escapeInline(baseRef)}.` : `No candidate passes its gates: none should be promoted.`;
  const footer = runLinks(links);
  return [
    commentMarker(model),
    `### model-ci \xB7 ${escapeInline(model)} \u2014 sweep of ${ranked.length} candidates`,
    summary,
    table(
      ["candidate", "params", ...metrics.map(escapeCell), "verdict"],
      [...baseRow ? [[ref, "\u2014", ...baseRow, ""]] : [], ...rows],
      ["l", "l", ...metrics.map(() => "r"), "l"]
    ),
    "Values are each candidate's, with the change against " + escapeInline(baseRef) + " in parentheses; candidates failing a gate rank last.",
    ...footer.length > 0 ? [`<sub>${footer.join(" \xB7 ")}</sub>`] : []
  ].join("\n\n") + "\n";
}
function mainRow(candidates, metrics) {
  const values = metrics.map((name) => {
    for (const candidate of candidates) {
      const base = candidate.comparison.rows.find((row) => row.name === name)?.base;
      if (base !== void 0) return formatNumber(base);
    }
    return "\u2014";
  });
  return values.every((value) => value === "\u2014") ? void 0 : values;
}
function valueCell(row) {
  if (row?.head === void 0) return "\u2014";
  const value = row.delta === void 0 ? formatNumber(row.head) : `${formatNumber(row.head)} (${formatSigned(row.delta)})`;
  return row.gatePassed === false ? `\u274C ${value}` : value;
}
function paramsText(candidate) {
  return Object.keys(candidate.params).sort().map((key) => `${escapeCell(key)}=${formatScalar(candidate.params[key])}`).join(", ");
}

// src/action/modes/sweep.ts
var runSweep = async ({ settings, context, kit, event }) => {
  if (event.target) {
    throw new UserError(`mode \`sweep\` does not run on pull_request_target; run the sweep on pull_request (a fork's comment goes through workflow_run)`, {
      field: "mode"
    });
  }
  const results = await readCandidateFiles(resolve(context.workspace, settings.reportDir), event.headSha);
  const { config, ranking } = await judgeSweep({
    repoRoot: context.workspace,
    configPath: settings.config,
    artifactsDir: resolve(context.workspace, settings.artifactsDir),
    store: kit.store(),
    log: actionLogger,
    workspace: context.workspace,
    baseSha: event.baseSha,
    headSha: event.headSha,
    results
  });
  const markdown = renderCandidates({
    model: config.name,
    ranking,
    metrics: config.metrics.map((metric) => metric.name),
    baseRef: event.baseRef,
    links: kit.links
  });
  await kit.summary(markdown);
  if (settings.comment && !event.isFork && settings.token) await kit.comment(event.number, config.name, markdown);
  const { best } = ranking;
  setOutput("best-candidate", best ? best.name.split(" ")[0] : "");
  setOutput("verdict", best ? best.comparison.verdict : "gate-failed");
  if (!best) {
    if (settings.failOnRegression) setFailed(`no candidate of the sweep passes its gates (${results.length} tried)`);
    else warning(`no candidate of the sweep passes its gates (${results.length} tried)`);
  } else {
    info(`best candidate: ${best.name}`);
  }
};
var sweep_default = runSweep;
export {
  sweep_default as default
};
