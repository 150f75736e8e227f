/**
 * The pull-request mode's own cost (issue 3), measured side by side in one run:
 *   1. `node dist/index.js` on a PR that touches no watched path, against `node` on an empty script
 *      (goal ≤ 3×): the price every PR pays, retrain or not;
 *   2. a full PR run on breast cancer (its real params; base trained in the run, comment off),
 *      split into start-up, training (from the runs' run.json) and everything else (goal: everything
 *      else ≤ 10% of training).
 *
 *   node_modules/.bin/node bench/pr.ts [--runs 15]
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ACTION_ENTRY, runAction } from '../tests/support/action-runner.ts';
import { createModelRepo } from '../tests/support/model-repo.ts';
import { pullRequestPayload } from '../tests/support/payloads.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

const repo = await createModelRepo();
try {
  const fixtureParams = await readFile(join(import.meta.dirname, '..', 'fixtures', 'breast-cancer', 'params.yaml'), 'utf8');
  await repo.source.commit({ 'params.yaml': fixtureParams }, 'the fixture’s real params');
  await repo.source.git('push', '--quiet', 'origin', 'main');
  const mainSha = await repo.source.sha();

  // 1. Nothing to retrain.
  const docsHead = await repo.openPull(1, 'docs', { 'README.md': '# docs only\n' });
  const docs = await repo.checkout('docs', 'ws-docs');
  const emptyScript = join(repo.sandbox.root, 'empty.js');
  await writeFile(emptyScript, '');
  const payloadFile = join(repo.sandbox.root, 'event.json');
  await writeFile(payloadFile, JSON.stringify(pullRequestPayload({ number: 1, baseSha: mainSha, headSha: docsHead, baseRef: 'main', headRef: 'docs' })));
  const env = {
    ...process.env,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: payloadFile,
    GITHUB_REPOSITORY: 'model-ci-test/models',
    GITHUB_WORKSPACE: docs.dir,
    'INPUT_GITHUB-TOKEN': 'unused',
  };
  const time = (args: string[]) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: docs.dir, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
    return { ms: performance.now() - started, stdout: result.stdout };
  };
  const bare: number[] = [];
  const action: number[] = [];
  let lastLog = '';
  // Interleaved, so load on the machine hits both alike.
  for (let i = 0; i < runs; i++) {
    bare.push(time([emptyScript]).ms);
    const run = time([ACTION_ENTRY]);
    action.push(run.ms);
    lastLog = run.stdout;
  }
  if (!/no watched path changed/.test(lastLog)) throw new Error(`the action retrained: ${lastLog}`);

  // 2. A full PR run: params and data changed; no record, so the base is trained too.
  const rows = repo.csv.trimEnd().split('\n');
  const head = await repo.openPull(2, 'full', {
    'params.yaml': fixtureParams.replace('hidden_units: [16]', 'hidden_units: [32]'),
    'data/breast_cancer.csv': `${rows.slice(0, rows.length - 40).join('\n')}\n`,
  });
  const full = await repo.checkout('full', 'ws-full');
  const started = performance.now();
  const result = await runAction({
    eventName: 'pull_request',
    payload: pullRequestPayload({ number: 2, baseSha: mainSha, headSha: head, baseRef: 'main', headRef: 'full' }),
    repository: 'model-ci-test/models',
    workspace: full.dir,
    apiUrl: 'http://127.0.0.1:9',
    inputs: { comment: 'false' },
  });
  const total = performance.now() - started;
  if (result.code !== 0) throw new Error(`full PR run failed:\n${result.stdout}${result.stderr}`);
  const trainingMs = await Promise.all(
    ['head', 'base'].map(async (side) => (JSON.parse(await readFile(join(full.dir, '.model-ci', side, 'run.json'), 'utf8')) as { trainingMs: number }).trainingMs),
  );
  const training = trainingMs[0] + trainingMs[1];
  const startup = median(action);
  const rest = total - training - startup;

  console.log(`model-ci bench/pr.ts — node ${process.version}, ${runs} runs each, medians`);
  console.log('');
  console.log('1. PR touching no watched path');
  console.log(`   node empty.js           ${ms(median(bare))}`);
  console.log(`   node dist/index.js      ${ms(median(action))}`);
  console.log(`   ratio                   ${(median(action) / median(bare)).toFixed(2)}×   (goal ≤ 3×)`);
  console.log('');
  console.log('2. Full PR run on breast cancer (head + base trained, comment off)');
  console.log(`   total                   ${ms(total)}`);
  console.log(`   start-up (as in 1.)     ${ms(startup)}`);
  console.log(`   training (head + base)  ${ms(training)}   (${trainingMs.map(ms).join(' + ')})`);
  console.log(`   everything else         ${ms(rest)}   = ${((100 * rest) / training).toFixed(1)}% of training   (goal ≤ 10%)`);
} finally {
  await repo.sandbox.dispose();
}
