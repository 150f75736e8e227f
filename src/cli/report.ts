import { dirname, relative, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { backendOf, backendOption, CONFIG_OPTION, configOf, EXIT, stringOption, type Command } from './command-spec.ts';
import { failedGateLines } from './terminal-text.ts';

export const report: Command = {
  name: 'report',
  summary: "the pull-request report: the working tree's model against a git ref's baseline",
  usage: '--base <ref> [--config model-ci.yml] [--backend auto] [--out dir]',
  description: [
    'Trains the model of the working tree, finds the baseline of <ref> (its record on the',
    'model-ci/baselines branch, the nearest recorded ancestor, or <ref> trained in a temporary',
    'worktree) and prints the markdown report model-ci would post on a pull request.',
    'Exits 3 when a gated metric regressed.',
  ].join('\n'),
  options: {
    base: { type: 'string', value: 'ref', description: 'the branch, tag or commit to compare against, e.g. main' },
    config: CONFIG_OPTION,
    backend: backendOption("the config's backend"),
    out: { type: 'string', short: 'o', value: 'dir', description: 'where both models are written (default .model-ci/report)' },
  },
  examples: ['model-ci report --base main', 'model-ci report --base origin/main --config models/churn/model-ci.yml'],
  async run(args, io) {
    const base = stringOption(args, 'base');
    if (!base) throw new UserError('`model-ci report` needs --base <ref>, the branch or commit to compare against (e.g. --base main)');
    const configFile = resolve(configOf(args));
    const [{ createBaselineStore }, { consoleLogger }, { runPullRequest }, { renderReport }] = await Promise.all([
      import('../baseline/store.ts'),
      import('../logger.ts'),
      import('../flow/pull-request/decide.ts'),
      import('../report/report.ts'),
    ]);
    const repoRoot = await repositoryRoot(dirname(configFile));
    const result = await runPullRequest({
      repoRoot,
      configPath: relative(repoRoot, configFile),
      base,
      head: 'HEAD',
      // Asked for a report: train even when git sees no watched change (the working tree may be uncommitted).
      force: true,
      backend: backendOf(args),
      artifactsDir: resolve(stringOption(args, 'out') ?? '.model-ci/report'),
      store: createBaselineStore({ cwd: repoRoot }),
      log: consoleLogger((line) => io.stderr(`${line}\n`)),
      fetch: false,
    });
    if (result.kind === 'skipped') throw new Error('a forced report cannot be skipped');
    // The ref as the user named it, as the action names the PR's base branch: the report reads the same either way.
    io.stdout(renderReport({ ...result.report, baseRef: base }));
    if (result.comparison.failedGates.length === 0) return EXIT.ok;
    io.stderr(failedGateLines(result.comparison.failedGates));
    return EXIT.gateFailed;
  },
};

async function repositoryRoot(dir: string): Promise<string> {
  const { git } = await import('../git/git.ts');
  try {
    return (await git(['rev-parse', '--show-toplevel'], { cwd: dir })).trim();
  } catch {
    throw new UserError('`model-ci report` compares against git history: run it inside a git repository', { file: dir });
  }
}
