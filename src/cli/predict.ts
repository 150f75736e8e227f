import { UserError } from '../errors.ts';
import { ARTIFACT_FILES } from '../domain/run-artifacts.ts';
import type { Preprocessing } from '../data/preprocessing.ts';
import { backendOf, backendOption, stringOption, type Command } from './command-spec.ts';

export const predict: Command = {
  name: 'predict',
  summary: 'predict rows from a CSV or JSON file with a saved model',
  usage: '--model <dir> (--csv <file> | --json <file> | -)',
  description: [
    'Prints {"predictions": [...]} as JSON on stdout, one prediction per input row:',
    '  classification  {"label": "...", "probabilities": [p, ...]}  (in the order of the model\'s classes)',
    "  regression      a number, in the target's units",
    "the same answers the model server gives (TensorFlow Serving's REST shape).",
    'A CSV has a header naming the features (a target column is ignored). JSON is an array of',
    'instances, or {"instances": [...]}; an instance is an array in feature order or an object',
    'keyed by feature name. "-" reads JSON from stdin.',
  ].join('\n'),
  options: {
    model: { type: 'string', short: 'm', value: 'dir', description: 'model folder written by `model-ci train` (required)' },
    csv: { type: 'string', value: 'file', description: 'rows to predict, as CSV with a header' },
    json: { type: 'string', value: 'file', description: 'rows to predict, as JSON' },
    backend: backendOption('auto'),
  },
  maxPositionals: 1,
  examples: [
    'model-ci predict --model .model-ci/iris --csv new-flowers.csv',
    `echo '[{"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}]' | model-ci predict --model .model-ci/iris -`,
  ],
  async run(args, io) {
    const modelDir = stringOption(args, 'model');
    if (!modelDir) throw new UserError('--model <dir> is required: the folder written by `model-ci train`');
    const csv = stringOption(args, 'csv');
    const json = stringOption(args, 'json');
    const stdin = args.positionals[0];
    if (stdin !== undefined && stdin !== '-')
      throw new UserError(`unexpected argument ${JSON.stringify(stdin)}; use --csv <file>, --json <file> or - for stdin`);
    const sources = [csv, json, stdin].filter((s) => s !== undefined);
    if (sources.length !== 1) {
      throw new UserError(`give exactly one input: --csv <file>, --json <file> or - for JSON on stdin (got ${sources.length === 0 ? 'none' : sources.length})`);
    }
    const backend = backendOf(args);
    const log = (line: string) => io.stderr(`${line}\n`);
    const [{ readJsonArtifact }, { predict: predictWithModel }, { instancesFromCsv, instancesFromJson, readJsonFile }] = await Promise.all([
      import('../model/artifacts.ts'),
      import('../train/pipeline.ts'),
      import('./instances.ts'),
    ]);
    let instances: unknown[];
    if (csv !== undefined) {
      // The CSV reader needs to know which features are categorical: the model folder's preprocessing says.
      const preprocessing = await readJsonArtifact<Preprocessing>(modelDir, ARTIFACT_FILES.preprocessing);
      instances = await instancesFromCsv(csv, preprocessing);
    } else if (json !== undefined) {
      instances = await readJsonFile(json);
    } else {
      instances = instancesFromJson(await io.readStdin(), 'stdin');
    }
    const { predictions } = await predictWithModel(modelDir, instances, { backend, log });
    io.stdout(`{"predictions": [${predictions.map((p) => `\n  ${JSON.stringify(p)}`).join(',')}${predictions.length ? '\n' : ''}]}\n`);
    return 0;
  },
};
