import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  imageName,
  registryAuth,
  retagRemote
} from "./action-chunk-1de9386688.js";
import {
  confineToRepository,
  createBaselineStore
} from "./action-chunk-de7e3d99be.js";
import {
  resolveCommit
} from "./action-chunk-40eeb72f53.js";
import {
  writeSummary
} from "./action-chunk-4b3261de69.js";
import {
  loadConfig
} from "./action-chunk-9631ec5816.js";
import "./action-chunk-7a5ab46020.js";
import "./action-chunk-0c7a57a20e.js";
import "./action-chunk-949e6a9a52.js";
import {
  actionLogger
} from "./action-chunk-90713e0a1a.js";
import {
  info,
  setOutput
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-413a98cce8.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/rollback.ts
import { join } from "node:path";
var runRollback = async (settings, context) => {
  if (!settings.rollbackTo)
    throw new UserError("mode `rollback` needs `rollback-to`: the commit SHA or tag whose image should serve again", { field: "rollback-to" });
  const config = await loadConfig(join(context.workspace, settings.config), { repoRoot: context.workspace });
  const target = await resolveCommit(settings.rollbackTo, {
    cwd: context.workspace,
    remote: "origin",
    fetch: true,
    field: "rollback-to",
    log: actionLogger.info
  });
  const store = createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info });
  await store.fetch();
  const stored = await store.read(config.name, target);
  if (!stored)
    throw new UserError(`no baseline record of ${config.name} at ${target.slice(0, 12)}: only commits deployed by model-ci can be rolled back to`, {
      field: "rollback-to"
    });
  if ("unusable" in stored)
    throw new UserError(`the record of ${config.name} at ${target.slice(0, 12)} is unusable: ${stored.unusable}`, { field: "rollback-to" });
  const { record } = stored;
  if (!record.image)
    throw new UserError(`${config.name} at ${target.slice(0, 12)} was recorded without an image (built with push: false)`, { field: "rollback-to" });
  const pinned = confineToRepository(record.image, imageName(settings, context), `the baseline record of ${config.name} at ${target.slice(0, 12)}`);
  const auth = registryAuth(settings, context);
  const { digest } = await retagRemote({ image: pinned.name, from: pinned.digest, to: "latest", credentials: auth });
  info(`${pinned.name}:latest \u2192 ${digest} (the image of ${target.slice(0, 7)})`);
  const image = { name: pinned.name, digest, tags: [`${pinned.name}:latest`] };
  const rolledBack = {
    ...record,
    commit: context.sha,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    rollbackOf: target,
    image,
    ...context.runUrl ? { runUrl: context.runUrl } : {}
  };
  await store.write(rolledBack, { replace: true });
  setOutput("image", pinned.name);
  setOutput("digest", digest);
  setOutput("tags", image.tags[0]);
  setOutput("model-version", `sha-${target.slice(0, 7)}`);
  await writeSummary(
    `### model-ci \xB7 ${config.name} \u2014 rolled back

\`latest\` of \`${pinned.name}\` points again at \`${digest}\`, the model of ${target.slice(0, 7)}; recorded for ${context.sha.slice(0, 7)}.
`
  );
};
var rollback_default = runRollback;
export {
  rollback_default as default
};
