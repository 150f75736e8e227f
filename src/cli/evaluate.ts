import { BACKENDS } from '../config/types.ts';
import { displayPath } from '../config/display-path.ts';
import { choice, stringOption, type Command } from './command.ts';
import { confusionTable, metricsTable } from './format.ts';
import { DEFAULT_CONFIG } from '../defaults.ts';

export const evaluate: Command = {
  name: 'evaluate',
  summary: "re-evaluate a saved model on the config's test split",
  usage: '[--config model-ci.yml] [--model .model-ci/<name>] [--backend auto]',
  description: [
    "Loads a model folder written by `model-ci train` and scores it on the config's test split,",
    'with the preprocessing saved beside the model. Writes nothing.',
  ].join('\n'),
  options: {
    config: { type: 'string', short: 'c', value: 'file', description: `the model-ci config (default ${DEFAULT_CONFIG})` },
    model: { type: 'string', short: 'm', value: 'dir', description: 'model folder (default .model-ci/<name>)' },
    backend: { type: 'string', short: 'b', value: 'name', description: `${BACKENDS.join(' | ')} (default: the config's backend)` },
  },
  examples: ['model-ci evaluate --model .model-ci/breast-cancer'],
  async run(args, io) {
    const configFile = stringOption(args, 'config') ?? DEFAULT_CONFIG;
    const backend = choice(args.values.backend, BACKENDS, '--backend');
    const { evaluateModel } = await import('../train/pipeline.ts');
    const run = await evaluateModel(configFile, stringOption(args, 'model'), { backend, log: (line) => io.stderr(`${line}\n`) });
    const lines = [
      `evaluated ${displayPath(run.modelDir)} on the test split of ${run.config.name}: ${run.evaluation.testRows} rows, backend ${run.engine.backend}`,
      metricsTable(run.metrics, run.config.metrics),
    ];
    const confusion = confusionTable(run.evaluation);
    if (confusion) lines.push('', confusion);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
