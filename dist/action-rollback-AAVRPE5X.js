import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  parseImageName,
  registryAuth,
  retagRemote
} from "./action-chunk-IWUOZUTL.js";
import {
  createBaselineStore
} from "./action-chunk-YRGWHSPI.js";
import {
  resolveCommit
} from "./action-chunk-SQZ5FKLJ.js";
import "./action-chunk-E25KGV3P.js";
import {
  loadConfig
} from "./action-chunk-AEV3ON4H.js";
import "./action-chunk-EXVVL7ZD.js";
import "./action-chunk-VRFJ3H7T.js";
import {
  writeSummary
} from "./action-chunk-H66N6MT7.js";
import "./action-chunk-ABDEFCN6.js";
import {
  actionLogger
} from "./action-chunk-63QA22LC.js";
import {
  info,
  setOutput
} from "./action-chunk-HE2N44BQ.js";
import "./action-chunk-P2BHVZ2N.js";
import {
  UserError
} from "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

// src/action/rollback.ts
import { join } from "node:path";
var runRollback = async (settings, context) => {
  if (!settings.rollbackTo) throw new UserError("mode `rollback` needs `rollback-to`: the commit SHA or tag whose image should serve again", { field: "rollback-to" });
  const config = await loadConfig(join(context.workspace, settings.config), { repoRoot: context.workspace });
  const target = await resolveCommit(settings.rollbackTo, { cwd: context.workspace, remote: "origin", fetch: true, field: "rollback-to", log: actionLogger.info });
  const store = createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info });
  await store.fetch();
  const stored = await store.read(config.name, target);
  if (!stored) throw new UserError(`no baseline record of ${config.name} at ${target.slice(0, 12)}: only commits deployed by model-ci can be rolled back to`, { field: "rollback-to" });
  if ("unusable" in stored) throw new UserError(`the record of ${config.name} at ${target.slice(0, 12)} is unusable: ${stored.unusable}`, { field: "rollback-to" });
  const { record } = stored;
  if (!record.image) throw new UserError(`${config.name} at ${target.slice(0, 12)} was recorded without an image (built with push: false)`, { field: "rollback-to" });
  const auth = registryAuth(settings, context, record.image.name);
  const { digest } = await retagRemote({ image: parseImageName(record.image.name).name, from: record.image.digest, to: "latest", credentials: auth });
  info(`${record.image.name}:latest \u2192 ${digest} (the image of ${target.slice(0, 7)})`);
  const rolledBack = { ...record, commit: context.sha, createdAt: (/* @__PURE__ */ new Date()).toISOString(), rollbackOf: target, image: { ...record.image, tags: [`${record.image.name}:latest`] }, ...context.runUrl ? { runUrl: context.runUrl } : {} };
  await store.write(rolledBack, { replace: true });
  setOutput("image", record.image.name);
  setOutput("digest", digest);
  setOutput("tags", `${record.image.name}:latest`);
  setOutput("model-version", `sha-${target.slice(0, 7)}`);
  await writeSummary(`### model-ci \xB7 ${config.name} \u2014 rolled back

\`latest\` of \`${record.image.name}\` points again at \`${digest}\`, the model of ${target.slice(0, 7)}; recorded for ${context.sha.slice(0, 7)}.
`);
};
var rollback_default = runRollback;
export {
  rollback_default as default
};
