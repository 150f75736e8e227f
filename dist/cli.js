#!/usr/bin/env node
import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  ARTIFACT_FILES,
  cellText,
  evaluateModel,
  predict,
  readCsv,
  readJsonArtifact,
  trainModel
} from "./chunk-RP6XDFB7.js";
import {
  didYouMean,
  displayPath
} from "./chunk-UX6ZKB65.js";
import {
  BACKENDS
} from "./chunk-W6S3SRNE.js";
import {
  VERSION
} from "./chunk-6DWFLFQC.js";
import {
  UserError,
  isUserError
} from "./chunk-C5KZMDF4.js";
import "./chunk-X7SRBJM7.js";

// src/cli.ts
import { text } from "node:stream/consumers";

// src/cli/command.ts
import { parseArgs } from "node:util";
var EXIT = { ok: 0, bug: 1, userError: 2, gateFailed: 3 };
var EXIT_CODES_HELP = `Exit codes:
  0  success
  1  a bug in model-ci (the message includes a stack trace; please report it)
  2  a mistake in the command line, config, params, data or model folder (the message says what and where)
  3  a gated metric regressed (report)`;
var HELP_OPTION = { type: "boolean", short: "h", description: "show this help" };
function parseCommandArgs(command, argv) {
  const options = { ...command.options, help: HELP_OPTION };
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...spec.short ? { short: spec.short } : {} }])),
    allowPositionals: true,
    strict: false,
    tokens: true
  });
  const where = `model-ci ${command.name}`;
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (!spec) {
      const flags = Object.keys(options).map((name) => `--${name}`);
      throw new UserError(`unknown option ${token.rawName} for \`${where}\`${didYouMean(token.rawName, flags)}; see \`${where} --help\``);
    }
    if (spec.type === "string" && (token.value === void 0 || !token.inlineValue && token.value.startsWith("-") && token.value !== "-")) {
      throw new UserError(`option ${token.rawName} needs a value: ${token.rawName} <${spec.value ?? "value"}>`);
    }
    if (spec.type === "boolean" && token.inlineValue) {
      throw new UserError(`option ${token.rawName} takes no value`);
    }
  }
  if (positionals.length > (command.maxPositionals ?? 0)) {
    const extra = positionals[command.maxPositionals ?? 0];
    throw new UserError(`unexpected argument ${JSON.stringify(extra)} for \`${where}\`; see \`${where} --help\``);
  }
  return { values, positionals };
}
function commandHelp(command) {
  const options = { ...command.options, help: HELP_OPTION };
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.type === "string" ? ` <${spec.value ?? "value"}>` : ""}`;
    return [flag, spec.description];
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = [
    `Usage: model-ci ${command.name} ${command.usage}`,
    "",
    command.description,
    "",
    "Options:",
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`)
  ];
  if (command.examples?.length) lines.push("", "Examples:", ...command.examples.map((e) => `  ${e}`));
  lines.push("", EXIT_CODES_HELP);
  return `${lines.join("\n")}
`;
}
function choice(value, choices, flag) {
  if (value === void 0 || typeof value === "boolean") return void 0;
  if (choices.includes(value)) return value;
  throw new UserError(`${flag} ${JSON.stringify(value)} is not one of ${choices.join(", ")}${didYouMean(value, choices)}`);
}
function stringOption(args, name) {
  const value = args.values[name];
  return typeof value === "string" ? value : void 0;
}

// src/cli/format.ts
function columns(rows, indent = "  ") {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => (indent + row.map((cell, c) => cell.padEnd(widths[c])).join("  ")).trimEnd()).join("\n");
}
function formatNumber(value) {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1e3 ? value.toFixed(1) : value.toPrecision(4).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}
function metricsTable(metrics, configured) {
  const direction = new Map(configured.map((m) => [m.name, m.direction]));
  const rows = Object.entries(metrics).map(([name, value]) => [name, formatNumber(value), direction.get(name) === "lower" ? "lower is better" : "higher is better"]);
  return columns([["metric", "value", ""], ...rows]);
}
function confusionTable(evaluation, maxClasses = 10) {
  const { classes, confusionMatrix } = evaluation;
  if (!classes || !confusionMatrix || classes.length > maxClasses) return void 0;
  const rows = [["actual \\ predicted", ...classes], ...confusionMatrix.map((counts, i) => [classes[i], ...counts.map(String)])];
  return columns(rows);
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(ms < 1e4 ? 2 : 1)} s`;
}

// src/cli/train.ts
var DEFAULT_CONFIG = "model-ci.yml";
var train = {
  name: "train",
  summary: "train the model of a config, evaluate it on the test split, write its artifacts",
  usage: "[--config model-ci.yml] [--out .model-ci/<name>] [--backend auto]",
  description: [
    "Loads the config and its params, fits preprocessing on the training split, trains the",
    "network, evaluates it on the test split and writes model.json, weights.bin,",
    "preprocessing.json, metrics.json, history.json, evaluation.json and run.json.",
    "Progress goes to stderr, the summary to stdout."
  ].join("\n"),
  options: {
    config: { type: "string", short: "c", value: "file", description: `the model-ci config (default ${DEFAULT_CONFIG})` },
    out: { type: "string", short: "o", value: "dir", description: "artifacts folder (default .model-ci/<name>)" },
    backend: { type: "string", short: "b", value: "name", description: `${BACKENDS.join(" | ")} (default: the config's backend)` },
    quiet: { type: "boolean", short: "q", description: "no per-epoch progress" }
  },
  examples: ["model-ci train", "model-ci train --config fixtures/iris/model-ci.yml --backend cpu --out /tmp/iris"],
  async run(args, io) {
    const configFile = stringOption(args, "config") ?? DEFAULT_CONFIG;
    const backend = choice(args.values.backend, BACKENDS, "--backend");
    const progress = (line) => io.stderr(`${line}
`);
    const run = await trainModel(configFile, { out: stringOption(args, "out"), backend, log: args.values.quiet ? (line) => line.startsWith("notice:") && progress(line) : progress });
    const { history, manifest } = run;
    const epochs = history.stoppedEarlyAt === void 0 ? `${history.epochs} epochs` : `${history.epochs} epochs, early stop kept epoch ${history.stoppedEarlyAt + 1}`;
    const lines = [
      `trained ${run.config.name} (${run.config.task}) on ${run.engine.backend} in ${seconds(run.durations.trainMs)}: ${manifest.trainRows} training rows, ${epochs}`,
      `test split: ${manifest.testRows} rows`,
      metricsTable(run.metrics, run.config.metrics)
    ];
    const confusion = confusionTable(run.evaluation);
    if (confusion) lines.push("", confusion);
    lines.push("", `artifacts: ${displayPath(run.out)} (total ${seconds(run.durations.totalMs)})`);
    io.stdout(`${lines.join("\n")}
`);
    return 0;
  }
};

// src/cli/evaluate.ts
var evaluate = {
  name: "evaluate",
  summary: "re-evaluate a saved model on the config's test split",
  usage: "[--config model-ci.yml] [--model .model-ci/<name>] [--backend auto]",
  description: [
    "Loads a model folder written by `model-ci train` and scores it on the config's test split,",
    "with the preprocessing saved beside the model. Writes nothing."
  ].join("\n"),
  options: {
    config: { type: "string", short: "c", value: "file", description: `the model-ci config (default ${DEFAULT_CONFIG})` },
    model: { type: "string", short: "m", value: "dir", description: "model folder (default .model-ci/<name>)" },
    backend: { type: "string", short: "b", value: "name", description: `${BACKENDS.join(" | ")} (default: the config's backend)` }
  },
  examples: ["model-ci evaluate --model .model-ci/breast-cancer"],
  async run(args, io) {
    const configFile = stringOption(args, "config") ?? DEFAULT_CONFIG;
    const backend = choice(args.values.backend, BACKENDS, "--backend");
    const run = await evaluateModel(configFile, stringOption(args, "model"), { backend, log: (line) => io.stderr(`${line}
`) });
    const lines = [
      `evaluated ${displayPath(run.modelDir)} on the test split of ${run.config.name}: ${run.evaluation.testRows} rows, backend ${run.engine.backend}`,
      metricsTable(run.metrics, run.config.metrics)
    ];
    const confusion = confusionTable(run.evaluation);
    if (confusion) lines.push("", confusion);
    io.stdout(`${lines.join("\n")}
`);
    return 0;
  }
};

// src/cli/instances.ts
import { readFile } from "node:fs/promises";
async function instancesFromCsv(file, pre) {
  const categorical = pre.features.filter((f) => f.kind === "categorical").map((f) => f.name);
  const table = await readCsv(file, { categorical });
  const columns2 = table.columns.filter((c) => c.name !== pre.target);
  const instances = [];
  for (let row = 0; row < table.rowCount; row++) {
    const instance = {};
    for (const col of columns2) instance[col.name] = col.kind === "numeric" ? col.values[row] : cellText(col, row);
    instances.push(instance);
  }
  return instances;
}
function instancesFromJson(text2, source) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch (error) {
    throw new UserError(`is not valid JSON (${error.message})`, { file: source });
  }
  const instances = Array.isArray(value) ? value : value?.instances;
  if (!Array.isArray(instances)) {
    throw new UserError('expected a JSON array of instances or an object {"instances": [...]}', { file: source });
  }
  return instances;
}
async function readJsonFile(file) {
  let text2;
  try {
    text2 = await readFile(file, "utf8");
  } catch (error) {
    const code = error.code;
    throw new UserError(code === "ENOENT" ? "no such file" : `cannot be read (${code ?? String(error)})`, { file: displayPath(file) });
  }
  return instancesFromJson(text2, displayPath(file));
}

// src/cli/predict.ts
var predict2 = {
  name: "predict",
  summary: "predict rows from a CSV or JSON file with a saved model",
  usage: "--model <dir> (--csv <file> | --json <file> | -)",
  description: [
    'Prints {"predictions": [...]} as JSON on stdout, one prediction per input row:',
    '  classification  {"label": "...", "probabilities": {"<class>": p, ...}}',
    '  regression      {"value": v}',
    "A CSV has a header naming the features (a target column is ignored). JSON is an array of",
    'instances, or {"instances": [...]}; an instance is an array in feature order or an object',
    'keyed by feature name. "-" reads JSON from stdin.'
  ].join("\n"),
  options: {
    model: { type: "string", short: "m", value: "dir", description: "model folder written by `model-ci train` (required)" },
    csv: { type: "string", value: "file", description: "rows to predict, as CSV with a header" },
    json: { type: "string", value: "file", description: "rows to predict, as JSON" },
    backend: { type: "string", short: "b", value: "name", description: `${BACKENDS.join(" | ")} (default auto)` }
  },
  maxPositionals: 1,
  examples: [
    "model-ci predict --model .model-ci/iris --csv new-flowers.csv",
    `echo '[{"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}]' | model-ci predict --model .model-ci/iris -`
  ],
  async run(args, io) {
    const modelDir = stringOption(args, "model");
    if (!modelDir) throw new UserError("--model <dir> is required: the folder written by `model-ci train`");
    const csv = stringOption(args, "csv");
    const json = stringOption(args, "json");
    const stdin = args.positionals[0];
    if (stdin !== void 0 && stdin !== "-") throw new UserError(`unexpected argument ${JSON.stringify(stdin)}; use --csv <file>, --json <file> or - for stdin`);
    const sources = [csv, json, stdin].filter((s) => s !== void 0);
    if (sources.length !== 1) {
      throw new UserError(`give exactly one input: --csv <file>, --json <file> or - for JSON on stdin (got ${sources.length === 0 ? "none" : sources.length})`);
    }
    const backend = choice(args.values.backend, BACKENDS, "--backend");
    const log = (line) => io.stderr(`${line}
`);
    let instances;
    if (csv !== void 0) {
      const preprocessing = await readJsonArtifact(modelDir, ARTIFACT_FILES.preprocessing);
      instances = await instancesFromCsv(csv, preprocessing);
    } else if (json !== void 0) {
      instances = await readJsonFile(json);
    } else {
      instances = instancesFromJson(await io.readStdin(), "stdin");
    }
    const { predictions } = await predict(modelDir, instances, { backend, log });
    io.stdout(`{"predictions": [${predictions.map((p) => `
  ${JSON.stringify(p)}`).join(",")}${predictions.length ? "\n" : ""}]}
`);
    return 0;
  }
};

// src/cli/registry.ts
var COMMANDS = [train, evaluate, predict2];

// src/cli/run.ts
function topLevelHelp(commands = COMMANDS) {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: model-ci <command> [options]",
    "",
    "CI/CD for ML models: train, evaluate and serve TensorFlow.js models from a model-ci.yml.",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show this help (`model-ci <command> --help` for a command)",
    "  -v, --version  print the version",
    "",
    EXIT_CODES_HELP,
    ""
  ].join("\n");
}
async function runCli(argv, io, commands = COMMANDS) {
  try {
    const [first, ...rest] = argv;
    if (first === void 0) {
      io.stderr(topLevelHelp(commands));
      return EXIT.userError;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      const topic = first === "help" ? rest[0] : void 0;
      io.stdout(topic ? commandHelp(findCommand(topic, commands)) : topLevelHelp(commands));
      return EXIT.ok;
    }
    if (first === "--version" || first === "-v") {
      io.stdout(`${VERSION}
`);
      return EXIT.ok;
    }
    const command = findCommand(first, commands);
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`model-ci: ${error.describe()}
`);
      return EXIT.userError;
    }
    io.stderr(`model-ci: internal error (a bug; please report it with the command you ran):
${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    return EXIT.bug;
  }
}
function findCommand(name, commands) {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const what = name.startsWith("-") ? "option" : "command";
  throw new UserError(
    `unknown ${what} ${JSON.stringify(name)}${didYouMean(name, commands.map((c) => c.name))}; commands are ${commands.map((c) => c.name).join(", ")} (see \`model-ci --help\`)`
  );
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  readStdin: () => text(process.stdin)
});
