import { displayPath } from '../display-path.ts';
import { backendOf, backendOption, CONFIG_OPTION, configOf, stringOption, type Command } from './command-spec.ts';
import { confusionTable, metricsTable, seconds } from './terminal-text.ts';

export const train: Command = {
  name: 'train',
  summary: 'train the model of a config, evaluate it on the test split, write its artifacts',
  usage: '[--config model-ci.yml] [--out .model-ci/<name>] [--backend auto]',
  description: [
    'Loads the config and its params, fits preprocessing on the training split, trains the',
    'network, evaluates it on the test split and writes model.json, weights.bin,',
    'preprocessing.json, metrics.json, history.json, evaluation.json and run.json.',
    'Progress goes to stderr, the summary to stdout.',
  ].join('\n'),
  options: {
    config: CONFIG_OPTION,
    out: { type: 'string', short: 'o', value: 'dir', description: 'artifacts folder (default .model-ci/<name>)' },
    backend: backendOption("the config's backend"),
    quiet: { type: 'boolean', short: 'q', description: 'no per-epoch progress' },
  },
  examples: ['model-ci train', 'model-ci train --config fixtures/iris/model-ci.yml --backend cpu --out /tmp/iris'],
  async run(args, io) {
    const configFile = configOf(args);
    const backend = backendOf(args);
    const progress = (line: string) => io.stderr(`${line}\n`);
    const { trainModel } = await import('../train/pipeline.ts');
    const run = await trainModel(configFile, {
      out: stringOption(args, 'out'),
      backend,
      log: args.values.quiet ? (line) => line.startsWith('notice:') && progress(line) : progress,
    });
    const { history, manifest } = run;
    const epochs =
      history.stoppedEarlyAt === undefined
        ? `${history.epochs} epochs`
        : `${history.epochs} epochs, stopped early, kept epoch ${(history.bestEpoch ?? history.stoppedEarlyAt) + 1}`;
    const lines = [
      `trained ${run.config.name} (${run.config.task}) on ${run.engine.backend} in ${seconds(run.durations.trainMs)}: ${manifest.trainRows} training rows, ${epochs}`,
      `test split: ${manifest.testRows} rows`,
      metricsTable(run.metrics, run.config.metrics),
    ];
    const confusion = confusionTable(run.evaluation);
    if (confusion) lines.push('', confusion);
    lines.push('', `artifacts: ${displayPath(run.out)} (total ${seconds(run.durations.totalMs)})`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
