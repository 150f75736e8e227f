import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  SHOWN_ROWS
} from "./action-chunk-50f4f1432b.js";
import {
  optional,
  sha,
  str,
  validator
} from "./action-chunk-18413418a4.js";
import {
  REFERENCE_NAMES
} from "./action-chunk-40530c68dd.js";
import {
  MAX_RECENT_RECORDS,
  MODEL_NAME
} from "./action-chunk-4fcbb936ca.js";
import {
  UserError,
  quote
} from "./action-chunk-55db69e02f.js";

// src/action/report-artifact.ts
import { constants } from "node:fs";
import { mkdir, open, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/schemas/report-artifact.ts
var REPORT_ARTIFACT_SCHEMA = 1;
var num = { type: "number" };
var list = (items, maxItems) => ({ type: "array", items, maxItems });
var scalar = { type: ["string", "number", "boolean"], maxLength: 2e3, nullable: true };
var history = {
  type: "object",
  additionalProperties: false,
  properties: {
    epochs: num,
    loss: list(num, 1e5),
    val_loss: optional(list(num, 1e5)),
    stoppedEarlyAt: optional(num),
    bestEpoch: optional(num)
  },
  required: ["epochs", "loss"]
};
var tasks = ["binary-classification", "multiclass-classification", "regression"];
var evaluation = {
  type: "object",
  additionalProperties: false,
  properties: {
    task: { type: "string", enum: tasks },
    testRows: num,
    classes: optional(list(str(200), 1e3)),
    confusionMatrix: optional(list(list(num, 1e3), 1e3))
  },
  required: ["task", "testRows"]
};
var count = { type: "integer", minimum: 0 };
var lines = list(count, SHOWN_ROWS);
var predictions = {
  type: "object",
  additionalProperties: false,
  properties: {
    file: str(1e3),
    rows: count,
    newRows: count,
    classification: optional({
      type: "object",
      additionalProperties: false,
      properties: {
        changed: count,
        fixed: count,
        broken: count,
        brokenLines: lines,
        fixedLines: lines,
        perClass: optional(
          list(
            {
              type: "object",
              additionalProperties: false,
              properties: {
                label: str(200),
                support: count,
                precision: { type: "object", additionalProperties: false, properties: { base: num, head: num }, required: ["base", "head"] },
                recall: { type: "object", additionalProperties: false, properties: { base: num, head: num }, required: ["base", "head"] }
              },
              required: ["label", "support", "precision", "recall"]
            },
            1e3
          )
        )
      },
      required: ["changed", "fixed", "broken", "brokenLines", "fixedLines"]
    }),
    regression: optional({
      type: "object",
      additionalProperties: false,
      properties: {
        changed: count,
        quantiles: list({ type: "object", additionalProperties: false, properties: { q: num, change: num }, required: ["q", "change"] }, 20),
        moved: list(
          {
            type: "object",
            additionalProperties: false,
            properties: { line: count, truth: num, base: num, head: num },
            required: ["line", "truth", "base", "head"]
          },
          SHOWN_ROWS
        )
      },
      required: ["changed", "quantiles", "moved"]
    })
  },
  required: ["file", "rows", "newRows"]
};
var row = {
  type: "object",
  additionalProperties: false,
  properties: {
    name: str(200),
    direction: { type: "string", enum: ["higher", "lower"] },
    base: optional(num),
    head: optional(num),
    delta: optional(num),
    deltaPct: optional(num),
    status: { type: "string", enum: ["better", "worse", "within-noise", "within-tolerance", "unchanged", "new", "removed"] },
    gate: optional({
      type: "object",
      additionalProperties: false,
      properties: {
        tolerance: optional(num),
        relative: optional({ type: "boolean" }),
        threshold: optional(num),
        confidence: optional(num),
        beats: optional(list({ type: "string", enum: [...REFERENCE_NAMES] }, REFERENCE_NAMES.length))
      },
      required: []
    }),
    gatePassed: optional({ type: "boolean" }),
    gateReason: optional(str(1e3)),
    gateNote: optional(str(1e3)),
    interval: optional({
      type: "object",
      additionalProperties: false,
      properties: { low: num, high: num, confidence: num },
      required: ["low", "high", "confidence"]
    }),
    mcnemar: optional({
      type: "object",
      additionalProperties: false,
      properties: { fixed: count, broken: count, p: num },
      required: ["fixed", "broken", "p"]
    })
  },
  required: ["name", "direction", "status"]
};
var dataChange = {
  type: "object",
  additionalProperties: false,
  properties: {
    file: str(1e3),
    change: { type: "string", enum: ["added", "removed", "modified", "unchanged"] },
    baseRows: optional(num),
    headRows: optional(num),
    baseHash: optional(str(100)),
    headHash: optional(str(100))
  },
  required: ["file", "change"]
};
var baseline = {
  type: "object",
  additionalProperties: false,
  properties: {
    kind: { type: "string", enum: ["record", "ancestor", "trained", "none"] },
    commit: optional(sha),
    behind: optional(num),
    note: optional(str(2e3))
  },
  required: ["kind"]
};
var paired = {
  type: "object",
  additionalProperties: false,
  properties: {
    unavailable: optional(str(2e3)),
    rows: num,
    newRows: num,
    seenInTraining: num,
    file: optional(str(1e3)),
    recorded: optional({ type: "object", required: [], additionalProperties: num, maxProperties: 100 }),
    note: optional(str(2e3))
  },
  required: ["rows", "newRows", "seenInTraining"]
};
var config = {
  type: "object",
  additionalProperties: false,
  properties: {
    file: str(1e3),
    decidedBy: { type: "string", enum: ["base", "pr"] },
    note: optional(str(2e3)),
    changes: list(
      {
        type: "object",
        additionalProperties: false,
        properties: { key: str(500), base: scalar, head: scalar, afterMerge: { type: "boolean" } },
        required: ["key", "afterMerge"]
      },
      1e3
    )
  },
  required: ["file", "decidedBy", "changes"]
};
var trendPoint = {
  type: "object",
  additionalProperties: false,
  properties: {
    commit: sha,
    metrics: { type: "object", required: [], additionalProperties: num, maxProperties: 500, propertyNames: { maxLength: 200 } }
  },
  required: ["commit", "metrics"]
};
var references = {
  type: "object",
  additionalProperties: false,
  properties: {
    testRows: num,
    results: list(
      {
        type: "object",
        additionalProperties: false,
        properties: {
          name: { type: "string", enum: [...REFERENCE_NAMES] },
          metrics: { type: "object", additionalProperties: num, propertyNames: { maxLength: 200 }, maxProperties: 100, required: [] }
        },
        required: ["name", "metrics"]
      },
      REFERENCE_NAMES.length
    ),
    notes: optional(list(str(500), 10))
  },
  required: ["testRows", "results"]
};
var SHOWN = 100;
var names = (maxItems) => list(str(1e3), maxItems);
var diffLines = list(num, SHOWN);
var dataDiff = {
  type: "object",
  additionalProperties: false,
  properties: {
    file: str(1e3),
    baseRows: num,
    headRows: num,
    columnsAdded: names(1e4),
    columnsRemoved: names(1e4),
    columnsRetyped: list(
      {
        type: "object",
        additionalProperties: false,
        properties: {
          column: str(1e3),
          base: { type: "string", enum: ["numeric", "categorical"] },
          head: { type: "string", enum: ["numeric", "categorical"] }
        },
        required: ["column", "base", "head"]
      },
      1e4
    ),
    unchangedRows: num,
    addedRows: num,
    removedRows: num,
    modifiedRows: num,
    addedLines: diffLines,
    removedLines: diffLines,
    modified: list(
      {
        type: "object",
        additionalProperties: false,
        properties: { baseLine: num, headLine: num, columns: names(SHOWN) },
        required: ["baseLine", "headLine", "columns"]
      },
      SHOWN
    ),
    labels: optional(
      list(
        { type: "object", additionalProperties: false, properties: { label: str(1e3), base: num, head: num }, required: ["label", "base", "head"] },
        SHOWN * 2
      )
    ),
    moreLabels: optional(num),
    shift: list(
      {
        type: "object",
        additionalProperties: false,
        properties: { column: str(1e3), kind: { type: "string", enum: ["numeric", "categorical"] }, psi: num },
        required: ["column", "kind", "psi"]
      },
      SHOWN * 2
    )
  },
  required: [
    "file",
    "baseRows",
    "headRows",
    "columnsAdded",
    "columnsRemoved",
    "columnsRetyped",
    "unchangedRows",
    "addedRows",
    "removedRows",
    "modifiedRows",
    "addedLines",
    "removedLines",
    "modified",
    "shift"
  ]
};
var dataChanges = {
  type: "object",
  additionalProperties: false,
  properties: { diffs: list(dataDiff, 10), notes: list(str(2e3), 10) },
  required: ["diffs", "notes"]
};
var problem = {
  type: "object",
  additionalProperties: false,
  properties: { message: str(1e4), file: optional(str(1e3)), line: optional(num), column: optional(num), field: optional(str(500)) },
  required: ["message"]
};
var common = {
  schema: { type: "integer", const: REPORT_ARTIFACT_SCHEMA },
  pr: { type: "integer", minimum: 1, maximum: 2 ** 31 },
  headSha: sha,
  model: str(200)
};
var reportArtifactSchema = {
  type: "object",
  discriminator: { propertyName: "kind" },
  properties: { kind: { type: "string", enum: ["report", "error"] } },
  required: ["kind"],
  oneOf: [
    {
      type: "object",
      additionalProperties: false,
      properties: {
        ...common,
        kind: { type: "string", const: "report" },
        report: {
          type: "object",
          additionalProperties: false,
          properties: {
            comparison: {
              type: "object",
              additionalProperties: false,
              properties: {
                model: str(200),
                verdict: { type: "string", enum: ["better", "worse", "mixed", "within-noise", "unchanged", "gate-failed", "no-baseline"] },
                rows: list(row, 500),
                params: list(
                  { type: "object", additionalProperties: false, properties: { key: str(500), base: scalar, head: scalar }, required: ["key"] },
                  5e3
                ),
                data: list(dataChange, 1e3),
                baseline,
                headCommit: optional(sha),
                failedGates: list(row, 500),
                config: optional(config),
                noise: optional({
                  type: "object",
                  additionalProperties: false,
                  properties: { rows: count, resamples: count, seed: count },
                  required: ["rows", "resamples", "seed"]
                }),
                predictions: optional(predictions),
                paired: optional(paired)
              },
              required: ["model", "verdict", "rows", "params", "data", "baseline", "failedGates"]
            },
            head: {
              type: "object",
              additionalProperties: false,
              properties: {
                history: optional(history),
                evaluation: optional(evaluation),
                backend: str(50),
                backendNotices: optional(list(str(2e3), 20)),
                trainingMs: optional(num),
                seed: optional(num),
                runner: optional(str(200))
              },
              required: ["backend"]
            },
            base: optional({
              type: "object",
              additionalProperties: false,
              properties: { history: optional(history), evaluation: optional(evaluation), backend: optional(str(50)) },
              required: []
            }),
            trend: optional(list(trendPoint, MAX_RECENT_RECORDS)),
            baseRef: optional(str(255)),
            references: optional(references),
            dataChanges: optional(dataChanges)
          },
          required: ["comparison", "head"]
        },
        baseRef: optional(str(255))
      },
      required: ["schema", "kind", "pr", "headSha", "model", "report"]
    },
    {
      type: "object",
      additionalProperties: false,
      properties: { ...common, kind: { type: "string", const: "error" }, title: str(500), problems: list(problem, 50) },
      required: ["schema", "kind", "pr", "headSha", "model", "title", "problems"]
    }
  ]
};

// src/action/report-artifact.ts
var ARTIFACT_FILE = "report.json";
async function writeReportArtifact(dir, artifact, markdown) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ARTIFACT_FILE), `${JSON.stringify({ schema: REPORT_ARTIFACT_SCHEMA, ...artifact })}
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
    return await parseReportArtifact(await handle.readFile("utf8"), file);
  } finally {
    await handle.close();
  }
}
async function parseReportArtifact(text, file = ARTIFACT_FILE) {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) throw tooLarge(bytes, file);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError(`the report artifact is not JSON`, { file });
  }
  const validate = await validator(reportArtifactSchema);
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
    if (matrix.some((row2) => row2.some((count2) => !Number.isSafeInteger(count2) || count2 < 0))) {
      throw new UserError(`the report artifact is malformed: ${at}: counts must be whole numbers, 0 or more`, { file, field: at });
    }
  }
}
var tooLarge = (bytes, file) => new UserError(`the report artifact is ${bytes} bytes, over the ${MAX_BYTES} allowed`, { file });
var MAX_BYTES = 2e6;
function describe(error) {
  if (!error) return "unknown problem";
  const at = error.instancePath || "(root)";
  if (error.keyword === "additionalProperties") return `${at}: unexpected field ${quote(String(error.params.additionalProperty))}`;
  return `${at}: ${error.message ?? error.keyword}`;
}

export {
  ARTIFACT_FILE,
  writeReportArtifact,
  readReportArtifact,
  parseReportArtifact
};
