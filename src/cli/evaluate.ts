import { displayPath } from '../display-path.ts';
import { backendOf, backendOption, CONFIG_OPTION, configOf, stringOption, type Command } from './command-spec.ts';
import { confusionTable, metricsTable } from './terminal-text.ts';

export const evaluate: Command = {
  name: 'evaluate',
  summary: "re-evaluate a saved model on the config's test split",
  usage: '[--config model-ci.yml] [--model .model-ci/<name>] [--backend auto]',
  description: [
    "Loads a model folder written by `model-ci train` and scores it on the config's test split,",
    'with the preprocessing saved beside the model. Writes nothing.',
  ].join('\n'),
  options: {
    config: CONFIG_OPTION,
    model: { type: 'string', short: 'm', value: 'dir', description: 'model folder (default .model-ci/<name>)' },
    backend: backendOption("the config's backend"),
  },
  examples: ['model-ci evaluate --model .model-ci/breast-cancer'],
  async run(args, io) {
    const configFile = configOf(args);
    const backend = backendOf(args);
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
