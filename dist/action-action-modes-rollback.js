import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  imageName,
  registryAuth,
  retagRemote,
  rolledBackRecord
} from "./action-chunk-ea32782c9a.js";
import {
  confineToRepository
} from "./action-chunk-71fa4578e2.js";
import {
  actionLogger
} from "./action-chunk-6afa78d0c2.js";
import {
  setOutput
} from "./action-chunk-fb78514aca.js";
import {
  resolveCommit
} from "./action-chunk-40eeb72f53.js";
import "./action-chunk-413a98cce8.js";
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
import "./action-chunk-e3b0c44298.js";

// src/flow/rollback-model.ts
import { join } from "node:path";
async function rollBack(options) {
  const field = "rollback-to";
  const config = await loadConfig(join(options.repoRoot, options.configPath), { repoRoot: options.repoRoot });
  const target = await resolveCommit(options.to, { cwd: options.repoRoot, remote: "origin", fetch: true, field, log: options.log.info });
  const at = `${config.name} at ${target.slice(0, 12)}`;
  await options.store.fetch();
  const stored = await options.store.read(config.name, target);
  if (!stored) throw new UserError(`no baseline record of ${at}: only commits deployed by model-ci can be rolled back to`, { field });
  if ("unusable" in stored) throw new UserError(`the record of ${at} is unusable: ${stored.unusable}`, { field });
  const { record } = stored;
  if (!record.image) throw new UserError(`${at} was recorded without an image (built with push: false)`, { field });
  const pinned = confineToRepository(record.image, options.image, `the baseline record of ${at}`);
  const { digest } = await retagRemote({ image: pinned.name, from: pinned.digest, to: "latest", credentials: options.auth() });
  options.log.info(`${pinned.name}:latest \u2192 ${digest} (the image of ${target.slice(0, 7)})`);
  const rolledBack = rolledBackRecord(record, {
    commit: options.commit,
    image: { name: pinned.name, digest, tags: [`${pinned.name}:latest`] },
    runUrl: options.runUrl
  });
  await options.store.write(rolledBack, { replace: true });
  return { model: config.name, target, image: pinned.name, digest, record: rolledBack };
}

// src/action/modes/rollback.ts
var runRollback = async ({ settings, context, kit }) => {
  if (!settings.rollbackTo)
    throw new UserError("mode `rollback` needs `rollback-to`: the commit SHA or tag whose image should serve again", { field: "rollback-to" });
  const outcome = await rollBack({
    repoRoot: context.workspace,
    configPath: settings.config,
    to: settings.rollbackTo,
    commit: context.sha,
    store: kit.store(),
    image: imageName(settings, context),
    auth: () => registryAuth(settings, context),
    runUrl: context.runUrl || void 0,
    log: actionLogger
  });
  const { image, digest, target } = outcome;
  setOutput("image", image);
  setOutput("digest", digest);
  setOutput("tags", `${image}:latest`);
  setOutput("model-version", `sha-${target.slice(0, 7)}`);
  await kit.summary(
    `### model-ci \xB7 ${outcome.model} \u2014 rolled back

\`latest\` of \`${image}\` points again at \`${digest}\`, the model of ${target.slice(0, 7)}; recorded for ${context.sha.slice(0, 7)}.
`
  );
};
var rollback_default = runRollback;
export {
  rollback_default as default
};
