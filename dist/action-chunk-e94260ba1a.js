import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  require_ajv
} from "./action-chunk-1b931d9861.js";
import {
  runLinks
} from "./action-chunk-1a035e3934.js";
import {
  MODEL_NAME
} from "./action-chunk-9631ec5816.js";
import {
  commentMarker
} from "./action-chunk-e48134fbee.js";
import {
  codeBlock,
  escapeInline
} from "./action-chunk-7ba064f90f.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import {
  __toESM
} from "./action-chunk-e3b0c44298.js";

// src/report/error-report.ts
function renderErrorReport({ model, title, problems, links = {} }) {
  const items = problems.map((problem) => {
    const [first, ...rest] = problem.message.replace(/\r\n?/g, "\n").split("\n");
    const where = location(problem);
    const line = `- ${where ? `**${where}**: ` : ""}${escapeInline(first)}`;
    const detail = rest.join("\n").trimEnd();
    return detail ? `${line}

${codeBlock(detail, "  ")}` : line;
  });
  const footer = runLinks(links);
  return [
    commentMarker(model),
    `### model-ci \xB7 ${escapeInline(model)} \u2014 \u274C no report`,
    `**${escapeInline(title)}**`,
    items.length > 0 ? items.join("\n") : "- no details were given",
    "Fix the problems above and push again; this comment will be replaced by the report.",
    ...footer.length > 0 ? [`<sub>${footer.join(" \xB7 ")}</sub>`] : []
  ].join("\n\n") + "\n";
}
function location({ file, line, field }) {
  const place = file ? escapeInline(line ? `${file}:${line}` : file) : "";
  const key = field ? escapeInline(field) : "";
  return place && key ? `${place} (${key})` : place || key;
}

// src/action/report-artifact.ts
var import_ajv = __toESM(require_ajv(), 1);
import { constants } from "node:fs";
import { mkdir, open, writeFile } from "node:fs/promises";
import { join } from "node:path";
var ARTIFACT_FILE = "report.json";
var SCHEMA_VERSION = 1;
async function writeReportArtifact(dir, artifact, markdown) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ARTIFACT_FILE), `${JSON.stringify({ schema: SCHEMA_VERSION, ...artifact })}
`);
  if (markdown !== void 0) await writeFile(join(dir, "report.md"), markdown);
}
async function readReportArtifact(dir) {
  const file = join(dir, ARTIFACT_FILE);
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const why = error.code === "ELOOP" ? "is a symbolic link, not a file" : "is missing";
    throw new UserError(`no report artifact: ${ARTIFACT_FILE} ${why} (did the pull_request run upload ${dir}?)`, { file });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UserError(`the report artifact ${ARTIFACT_FILE} is not a regular file`, { file });
    if (stats.size > MAX_BYTES) throw tooLarge(stats.size, file);
    return parseReportArtifact(await handle.readFile("utf8"), file);
  } finally {
    await handle.close();
  }
}
function parseReportArtifact(text, file = ARTIFACT_FILE) {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) throw tooLarge(bytes, file);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError(`the report artifact is not JSON`, { file });
  }
  const validate = validator();
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new UserError(`the report artifact is malformed: ${describe(first)}`, { file, field: first?.instancePath || void 0 });
  }
  const { schema: _schema, ...artifact } = value;
  checkConsistent(artifact, file);
  return artifact;
}
function checkConsistent(artifact, file) {
  if (!MODEL_NAME.test(artifact.model)) {
    throw new UserError(`the report artifact's model name is not one model-ci accepts (lowercase letters and digits joined by single . _ or -)`, {
      file,
      field: "/model"
    });
  }
  if (artifact.kind !== "report") return;
  if (artifact.report.comparison.model !== artifact.model) {
    throw new UserError(`the report artifact is for model ${artifact.model}, but its report is for another model`, { file, field: "/report/comparison/model" });
  }
  for (const side of ["head", "base"]) {
    const evaluation2 = artifact.report[side]?.evaluation;
    const matrix = evaluation2?.confusionMatrix;
    if (!matrix) continue;
    const at = `/report/${side}/evaluation/confusionMatrix`;
    const n = evaluation2.classes?.length;
    if (n === void 0) throw new UserError(`the report artifact is malformed: ${at}: a confusion matrix needs its classes`, { file, field: at });
    if (matrix.length !== n || matrix.some((row2) => row2.length !== n)) {
      throw new UserError(`the report artifact is malformed: ${at}: must be ${n}\xD7${n} for ${n} classes`, { file, field: at });
    }
    if (matrix.some((row2) => row2.some((count) => !Number.isSafeInteger(count) || count < 0))) {
      throw new UserError(`the report artifact is malformed: ${at}: counts must be whole numbers, 0 or more`, { file, field: at });
    }
  }
}
var tooLarge = (bytes, file) => new UserError(`the report artifact is ${bytes} bytes, over the ${MAX_BYTES} allowed`, { file });
var MAX_BYTES = 2e6;
var str = (maxLength = 500) => ({ type: "string", maxLength });
var sha = { type: "string", pattern: "^[0-9a-f]{40}([0-9a-f]{24})?$" };
var num = { type: "number" };
var scalar = { anyOf: [str(2e3), num, { type: "boolean" }, { type: "null" }] };
var list = (items, maxItems) => ({ type: "array", items, maxItems });
var object = (properties, required = []) => ({ type: "object", properties, required, additionalProperties: false });
var direction = { enum: ["higher", "lower"] };
var history = object({ epochs: num, loss: list(num, 1e5), val_loss: list(num, 1e5), stoppedEarlyAt: num, bestEpoch: num }, ["epochs", "loss"]);
var evaluation = object(
  {
    task: { enum: ["binary-classification", "multiclass-classification", "regression"] },
    testRows: num,
    classes: list(str(200), 1e3),
    confusionMatrix: list(list(num, 1e3), 1e3)
  },
  ["task", "testRows"]
);
var row = object(
  {
    name: str(200),
    direction,
    base: num,
    head: num,
    delta: num,
    deltaPct: num,
    status: { enum: ["better", "worse", "within-tolerance", "unchanged", "new", "removed"] },
    gate: object({ tolerance: num, relative: { type: "boolean" }, threshold: num }),
    gatePassed: { type: "boolean" },
    gateReason: str(1e3)
  },
  ["name", "direction", "status"]
);
var comparison = object(
  {
    model: str(200),
    verdict: { enum: ["better", "worse", "mixed", "unchanged", "gate-failed", "no-baseline"] },
    rows: list(row, 500),
    params: list(object({ key: str(500), base: scalar, head: scalar }, ["key"]), 5e3),
    data: list(
      object(
        {
          file: str(1e3),
          change: { enum: ["added", "removed", "modified", "unchanged"] },
          baseRows: num,
          headRows: num,
          baseHash: str(100),
          headHash: str(100)
        },
        ["file", "change"]
      ),
      1e3
    ),
    baseline: object({ kind: { enum: ["record", "ancestor", "trained", "none"] }, commit: sha, behind: num, note: str(2e3) }, ["kind"]),
    headCommit: sha,
    failedGates: list(row, 500),
    config: object(
      {
        file: str(1e3),
        decidedBy: { enum: ["base", "pr"] },
        note: str(2e3),
        changes: list(object({ key: str(500), base: scalar, head: scalar, afterMerge: { type: "boolean" } }, ["key", "afterMerge"]), 1e3)
      },
      ["file", "decidedBy", "changes"]
    )
  },
  ["model", "verdict", "rows", "params", "data", "baseline", "failedGates"]
);
var report = object(
  {
    comparison,
    head: object({ history, evaluation, backend: str(50), backendNotices: list(str(2e3), 20), trainingMs: num, seed: num, runner: str(200) }, ["backend"]),
    base: object({ history, evaluation, backend: str(50) }),
    // Links are not taken from the artifact: the posting run builds them from its own trusted context.
    baseRef: str(255)
  },
  ["comparison", "head"]
);
var common = { schema: { const: SCHEMA_VERSION }, pr: { type: "integer", minimum: 1, maximum: 2 ** 31 }, headSha: sha, model: str(200) };
var artifactSchema = {
  oneOf: [
    object({ ...common, kind: { const: "report" }, report, baseRef: str(255) }, ["schema", "kind", "pr", "headSha", "model", "report"]),
    object(
      {
        ...common,
        kind: { const: "error" },
        title: str(500),
        problems: list(object({ message: str(1e4), file: str(1e3), line: num, field: str(500) }, ["message"]), 50)
      },
      ["schema", "kind", "pr", "headSha", "model", "title", "problems"]
    )
  ]
};
var compiled;
var validator = () => compiled ??= new import_ajv.Ajv({ allErrors: false, strict: true }).compile(artifactSchema);
function describe(error) {
  if (!error) return "unknown problem";
  const at = error.instancePath || "(root)";
  if (error.keyword === "additionalProperties") return `${at}: unexpected field ${JSON.stringify(error.params.additionalProperty)}`;
  return `${at}: ${error.message ?? error.keyword}`;
}

export {
  renderErrorReport,
  writeReportArtifact,
  readReportArtifact
};
