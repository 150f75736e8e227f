import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  readCandidateFiles
} from "./action-chunk-8badc10aa0.js";
import {
  createBaselineStore
} from "./action-chunk-de7e3d99be.js";
import {
  findCandidate,
  rankSweep
} from "./action-chunk-2af520e303.js";
import {
  readEvent
} from "./action-chunk-fef4885785.js";
import {
  findBaseline
} from "./action-chunk-5c185c6fe2.js";
import {
  judgeConfigAgainst
} from "./action-chunk-2e81b14362.js";
import "./action-chunk-fe883b627b.js";
import "./action-chunk-9f0ab9e328.js";
import "./action-chunk-40eeb72f53.js";
import "./action-chunk-6441d629b6.js";
import "./action-chunk-7099422b82.js";
import "./action-chunk-96abf0e6f9.js";
import "./action-chunk-0f2d6ff849.js";
import "./action-chunk-1b931d9861.js";
import {
  VERDICT_TEXT,
  formatScalar,
  runLinks
} from "./action-chunk-1a035e3934.js";
import {
  table
} from "./action-chunk-3f2ec671fc.js";
import {
  writeSummary
} from "./action-chunk-4b3261de69.js";
import {
  formatNumber,
  formatSigned
} from "./action-chunk-f0f553e796.js";
import {
  loadConfig
} from "./action-chunk-9631ec5816.js";
import "./action-chunk-7a5ab46020.js";
import "./action-chunk-0c7a57a20e.js";
import "./action-chunk-949e6a9a52.js";
import {
  commentMarker,
  gitHubClient,
  postComment
} from "./action-chunk-e48134fbee.js";
import "./action-chunk-34a48b51a2.js";
import {
  escapeCell,
  escapeInline
} from "./action-chunk-7ba064f90f.js";
import {
  actionLogger
} from "./action-chunk-90713e0a1a.js";
import {
  group,
  info,
  setFailed,
  setOutput,
  warning
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-413a98cce8.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/sweep.ts
import { join, resolve } from "node:path";

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

// src/action/sweep.ts
var runSweep = async (settings, context) => {
  const event = readEvent(context.eventName, context.payload);
  if (event.kind !== "pull_request")
    throw new UserError(`mode \`sweep\` reports on a pull request, not on ${event.kind === "ignored" ? event.eventName : event.kind}`, { field: "mode" });
  if (event.kind === "pull_request" && event.target) {
    throw new UserError(`mode \`sweep\` does not run on pull_request_target; run the sweep on pull_request (a fork's comment goes through workflow_run)`, {
      field: "mode"
    });
  }
  const configFile = join(context.workspace, settings.config);
  const prConfig = await loadConfig(configFile, { repoRoot: context.workspace });
  const { config } = await judgeConfigAgainst({ repoRoot: context.workspace, configPath: settings.config, log: actionLogger.info }, event.baseSha, prConfig);
  const results = await readCandidateFiles(resolve(context.workspace, settings.reportDir), event.headSha);
  for (const result of results) {
    const expected = findCandidate(config, result.id);
    if (JSON.stringify(expected.params) !== JSON.stringify(result.params)) {
      throw new UserError(`candidate ${result.id}'s result was trained with other params than the config's sweep gives it (the sweep changed?)`, {
        field: "candidate"
      });
    }
  }
  const baseline = await group(
    `baseline of ${config.name}`,
    () => findBaseline(
      {
        repoRoot: context.workspace,
        configPath: settings.config,
        artifactsDir: resolve(context.workspace, settings.artifactsDir),
        store: createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info }),
        log: actionLogger,
        workspace: context.workspace
      },
      config.name,
      event.baseSha,
      results[0].backend
    )
  );
  const ranking = rankSweep({
    model: config.name,
    metrics: config.metrics,
    base: baseline.side,
    baseline: baseline.source,
    headCommit: event.headSha,
    results
  });
  const markdown = renderCandidates({
    model: config.name,
    ranking,
    metrics: config.metrics.map((metric) => metric.name),
    baseRef: event.baseRef,
    links: { run: context.runUrl || void 0, summary: context.runUrl || void 0, repository: `${context.serverUrl}/${context.owner}/${context.repo}` }
  });
  await writeSummary(markdown);
  if (settings.comment && !event.isFork && settings.token)
    await postComment(gitHubClient(settings, context), settings, context, event.number, config.name, markdown);
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
