import { UserError } from '../errors.ts';
import { FORMATS, type Format } from '../model/prediction-format.ts';
import { backendOf, backendOption, stringOption, type Command } from './command-spec.ts';
import { shardOf } from './shard.ts';

export const predict: Command = {
  name: 'predict',
  summary: 'predict rows from a CSV or JSON file with a saved model',
  usage: '--model <dir> (--csv <file> | --json <file> | -) [--format json|jsonl|csv] [--out <file>] [--shard K/N]',
  description: [
    'Prints {"predictions": [...]} as JSON on stdout, one prediction per input row:',
    '  classification  {"label": "...", "probabilities": [p, ...]}  (in the order of the model\'s classes)',
    "  regression      a number, in the target's units",
    "the same answers the model server gives (TensorFlow Serving's REST shape).",
    '--format jsonl prints one such prediction per line; --format csv a header (label and p_<class> per',
    'class, or prediction) and one row per input row.',
    'A CSV has a header naming the features (a target column is ignored). JSON is an array of',
    'instances, or {"instances": [...]}; an instance is an array in feature order or an object',
    'keyed by feature name. "-" reads JSON from stdin.',
    '',
    'A model of Dense layers (what `model-ci train` builds) predicts in plain JavaScript from its files,',
    'without loading TensorFlow.js (--backend then changes nothing); any other model runs in TensorFlow.js.',
    'A CSV is streamed: read, predicted and written a few thousand rows at a time, so memory stays the',
    'same whatever its size. With --out the predictions go to a temporary file renamed to <file> at the',
    'end: on an error nothing is written. On stdout the rows before an error have been printed (exit 2).',
    '',
    '--shard K/N predicts only the rows whose line starts in the K-th of N equal byte ranges of the CSV,',
    "so N processes split one file and their outputs, concatenated in order, equal one process's output",
    '(only the first shard prints the CSV header; --format defaults to jsonl, json cannot be split).',
    "Without --shard, a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (from 0) and JOB_COMPLETION_COUNT",
    'pick the shard.',
  ].join('\n'),
  options: {
    model: { type: 'string', short: 'm', value: 'dir', description: 'model folder written by `model-ci train` (required)' },
    csv: { type: 'string', value: 'file', description: 'rows to predict, as CSV with a header' },
    json: { type: 'string', value: 'file', description: 'rows to predict, as JSON' },
    format: { type: 'string', value: 'format', description: 'json (default), jsonl or csv' },
    out: { type: 'string', short: 'o', value: 'file', description: 'write the predictions to <file> (all or nothing) instead of stdout' },
    shard: { type: 'string', value: 'K/N', description: 'predict only shard K of N of the CSV (from 1)' },
    backend: backendOption('auto'),
  },
  maxPositionals: 1,
  examples: [
    'model-ci predict --model .model-ci/iris --csv new-flowers.csv',
    'model-ci predict --model .model-ci/iris --csv big.csv --format csv --out predictions.csv',
    'model-ci predict --model .model-ci/iris --csv big.csv --shard 3/8 --out part-3.jsonl',
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
    const shard = shardOf(stringOption(args, 'shard'), process.env);
    const format = formatOf(stringOption(args, 'format'), shard !== undefined);
    if (shard && csv === undefined) throw new UserError('--shard splits a CSV file by bytes; give the rows with --csv <file> (JSON input cannot be split)');
    const out = stringOption(args, 'out');
    const backend = backendOf(args);
    const log = (line: string) => io.stderr(`${line}\n`);
    const [{ loadBatchModel }, { predictCsv, predictInstances }, { instancesFromJson, readJsonFile }, { csvSize }, { shardRange }, { writeOutput }] =
      await Promise.all([
        import('../model/predictor.ts'),
        import('../model/batch-predict.ts'),
        import('./instances.ts'),
        import('../data/csv-batches.ts'),
        import('./shard.ts'),
        import('./prediction-output.ts'),
      ]);
    // Inputs are read (and JSON parsed) before the model loads, so a bad input fails fast.
    const instances = csv !== undefined ? undefined : json !== undefined ? await readJsonFile(json) : instancesFromJson(await io.readStdin(), 'stdin');
    const range = shard && csv !== undefined ? shardRange(await csvSize(csv), shard) : undefined;
    const model = await loadBatchModel(modelDir, { backend, log });
    try {
      await writeOutput(out, io, (sink) =>
        csv !== undefined
          ? predictCsv(model, csv, sink, { format, range, head: (shard?.index ?? 1) === 1 })
          : predictInstances(model, instances as unknown[], sink, format),
      );
    } finally {
      model.dispose();
    }
    return 0;
  },
};

function formatOf(option: string | undefined, sharded: boolean): Format {
  if (option === undefined) return sharded ? 'jsonl' : 'json';
  if (!(FORMATS as readonly string[]).includes(option)) {
    throw new UserError(`--format ${JSON.stringify(option.slice(0, 40))}: expected one of ${FORMATS.join(', ')}`);
  }
  if (sharded && option === 'json') {
    throw new UserError('--format json writes one document, which shards cannot split; use --format jsonl or csv (their parts concatenate to the whole)');
  }
  return option as Format;
}
