import { UserError } from '../errors.ts';
import { ARTIFACT_FILES } from '../domain/run-artifacts.ts';
import { DEFAULT_THRESHOLDS, type DriftThresholds } from '../monitor/drift.ts';
import { EXIT, stringOption, type Command, type ParsedArgs } from './command-spec.ts';

/** `model-ci monitor`: drift of a served model's inputs against its training split. */
export const monitor: Command = {
  name: 'monitor',
  summary: "compute drift of a model server's inputs against the training data",
  usage: '(--url <server> | --csv <logged-inputs> --model <dir>) [--name <model>] [--threshold 0.25]',
  description: [
    'Reads the counts a running model server keeps on /metrics (or counts a CSV of logged request inputs',
    "with the model folder's preprocessing.json) and compares each feature with the training split's",
    'drift bins: population stability index (PSI) below 0.1 stable, from 0.1 moderate shift, from 0.25 drift.',
    'Prints one line per feature; exits 3 when a feature drifted. Counts are cumulative since the server started.',
  ].join('\n'),
  options: {
    url: { type: 'string', short: 'u', value: 'url', description: 'the model server (http://host:8501) or its /metrics URL' },
    csv: { type: 'string', value: 'file', description: 'logged request inputs, a CSV with a header naming the features' },
    model: { type: 'string', short: 'm', value: 'dir', description: 'model folder (with --csv): the training bins' },
    name: { type: 'string', short: 'n', value: 'name', description: 'refuse metrics of a server that serves another model' },
    threshold: { type: 'string', value: 'psi', description: `PSI from which a feature has drifted (default ${DEFAULT_THRESHOLDS.drift})` },
    moderate: { type: 'string', value: 'psi', description: `PSI from which a shift is reported as moderate (default ${DEFAULT_THRESHOLDS.moderate})` },
    'min-inputs': { type: 'string', value: 'n', description: `fewest inputs for a verdict (default ${DEFAULT_THRESHOLDS.minInputs})` },
    markdown: { type: 'boolean', description: 'print the report as markdown (as the action posts it)' },
  },
  examples: ['model-ci monitor --url http://localhost:8501 --name iris', 'model-ci monitor --csv requests.csv --model .model-ci/iris'],
  async run(args, io) {
    const url = stringOption(args, 'url');
    const csv = stringOption(args, 'csv');
    const modelDir = stringOption(args, 'model');
    if ((url === undefined) === (csv === undefined)) throw new UserError('give exactly one source: --url <server> or --csv <file> (with --model <dir>)');
    if (csv !== undefined && modelDir === undefined) throw new UserError('--csv needs --model <dir>: the model folder holds the training drift bins');
    const [{ monitorDrift }, { driftMarkdown, driftText }] = await Promise.all([import('../flow/monitor-drift.ts'), import('../monitor/report.ts')]);
    let source: Parameters<typeof monitorDrift>[0]['source'];
    if (url !== undefined) {
      source = { kind: 'server', url };
    } else {
      const [{ readJsonArtifact }, { checkPreprocessing }, { instancesFromCsv }, { join }] = await Promise.all([
        import('../model/artifacts.ts'),
        import('../model/model-files.ts'),
        import('./instances.ts'),
        import('node:path'),
      ]);
      const preprocessing = checkPreprocessing(
        await readJsonArtifact<unknown>(modelDir as string, ARTIFACT_FILES.preprocessing),
        join(modelDir as string, ARTIFACT_FILES.preprocessing),
      );
      source = { kind: 'inputs', file: csv as string, rows: await instancesFromCsv(csv as string, preprocessing), preprocessing };
    }
    const report = await monitorDrift({ source, expected: { name: stringOption(args, 'name') }, thresholds: thresholdsOf(args) });
    io.stdout(args.values.markdown ? driftMarkdown(report) : driftText(report));
    if (report.drifted.length > 0) {
      io.stderr(`model-ci: drift: ${report.drifted.length} feature${report.drifted.length === 1 ? '' : 's'} at PSI ≥ ${report.thresholds.drift}\n`);
      return EXIT.gateFailed;
    }
    return EXIT.ok;
  },
};

export function thresholdsOf(args: ParsedArgs): Partial<DriftThresholds> {
  const number = (flag: string, integer: boolean) => {
    const text = stringOption(args, flag);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
      throw new UserError(`--${flag} expects a${integer ? 'n integer' : ' number'} ≥ 0, got ${JSON.stringify(text)}`);
    }
    return value;
  };
  const thresholds: Partial<DriftThresholds> = {};
  const drift = number('threshold', false);
  const moderate = number('moderate', false);
  const minInputs = number('min-inputs', true);
  if (drift !== undefined) thresholds.drift = drift;
  if (moderate !== undefined) thresholds.moderate = moderate;
  if (minInputs !== undefined) thresholds.minInputs = minInputs;
  return thresholds;
}
