/**
 * The pull-request mode's own cost (issue 3), measured side by side in one run:
 *   1. `node dist/index.js` on a PR that touches no watched path, in a fresh depth-1 checkout each time
 *      (what every CI job sees: the base must be fetched), against `node` on an empty script (goal ≤ 3×);
 *   2. a full PR run on breast cancer with the fixture's params, comment off, split into start-up and
 *      loading (process, modules, backend, data), training, and everything else (goal: everything else
 *      ≤ 10% of training) — (a) with main's record on the baselines branch (the usual case: one model
 *      trained), (b) without one (the base commit trained in the same run).
 *
 *   node_modules/.bin/node bench/pr.ts [--runs 9]
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBaselineStore } from '../src/baseline/store.ts';
import { recordFromRun } from '../src/baseline/derive.ts';
import { trainModel } from '../src/train/pipeline.ts';
import type { RunManifest } from '../src/domain/run-artifacts.ts';
import { ACTION_ENTRY, runAction } from '../tests/support/action-runner.ts';
import { createModelRepo } from '../tests/support/model-repo.ts';
import { pullRequestPayload } from '../tests/support/payloads.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(8);

const repo = await createModelRepo();
try {
  const fixtureParams = await readFile(join(import.meta.dirname, '..', 'fixtures', 'breast-cancer', 'params.yaml'), 'utf8');
  await repo.source.commit({ 'params.yaml': fixtureParams }, 'the fixture’s real params');
  await repo.source.git('push', '--quiet', 'origin', 'main');
  const mainSha = await repo.source.sha();

  // 1. Nothing to retrain.
  const docsHead = await repo.openPull(1, 'docs', { 'README.md': '# docs only\n' });
  const emptyScript = join(repo.sandbox.root, 'empty.js');
  await writeFile(emptyScript, '');
  const payloadFile = join(repo.sandbox.root, 'event.json');
  await writeFile(payloadFile, JSON.stringify(pullRequestPayload({ number: 1, baseSha: mainSha, headSha: docsHead, baseRef: 'main', headRef: 'docs' })));
  const time = (args: string[], workspace: string) => {
    const env = {
      ...process.env,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payloadFile,
      GITHUB_REPOSITORY: 'model-ci-test/models',
      GITHUB_WORKSPACE: workspace,
      'INPUT_GITHUB-TOKEN': 'unused',
    };
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: workspace, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
    return { ms: performance.now() - started, stdout: result.stdout };
  };
  const bare: number[] = [];
  const action: number[] = [];
  // Interleaved, so load on the machine hits both alike; a fresh checkout each time, so each run fetches.
  for (let i = 0; i < runs; i++) {
    const checkout = await repo.checkout('docs', `ws-docs-${i}`);
    bare.push(time([emptyScript], checkout.dir).ms);
    const run = time([ACTION_ENTRY], checkout.dir);
    if (!/no watched path changed/.test(run.stdout)) throw new Error(`the action retrained: ${run.stdout}`);
    action.push(run.ms);
  }

  // 2. Full PR runs: params and data changed.
  const rows = repo.csv.trimEnd().split('\n');
  const head = await repo.openPull(2, 'full', {
    'params.yaml': fixtureParams.replace('hidden_units: [16]', 'hidden_units: [32]'),
    'data/breast_cancer.csv': `${rows.slice(0, rows.length - 40).join('\n')}\n`,
  });
  const fullRun = async (name: string) => {
    const full = await repo.checkout('full', name);
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
    const manifests = await Promise.all(
      ['head', 'base'].map((side) =>
        readFile(join(full.dir, '.model-ci', side, 'run.json'), 'utf8').then(
          (text) => JSON.parse(text) as RunManifest,
          () => undefined,
        ),
      ),
    );
    const trained = manifests.filter((m): m is RunManifest => m !== undefined);
    const training = trained.reduce((sum, m) => sum + m.trainingMs, 0);
    const loading = median(action) + trained.reduce((sum, m) => sum + (m.loadMs ?? 0), 0);
    return { total, training, loading, rest: total - training - loading, models: trained.length };
  };
  const withoutRecord = await fullRun('ws-full-no-record');
  // What a deploy of main leaves: the record of main's commit on the baselines branch.
  const mainRun = await trainModel(join(repo.source.dir, 'model-ci.yml'), { out: join(repo.sandbox.root, 'main-model'), backend: 'auto' });
  await createBaselineStore({ cwd: repo.source.dir }).write(recordFromRun(mainRun, mainSha));
  const withRecord = await fullRun('ws-full-record');

  console.log(`model-ci bench/pr.ts — node ${process.version}, ${runs} runs each, medians`);
  console.log('');
  console.log('1. PR touching no watched path (fresh depth-1 checkout per run)');
  console.log(`   node empty.js           ${ms(median(bare))}`);
  console.log(`   node dist/index.js      ${ms(median(action))}`);
  console.log(`   ratio                   ${(median(action) / median(bare)).toFixed(2)}×   (goal ≤ 3×)`);
  for (const [label, run] of [
    ['2a. Full PR run, main has a record (1 model trained)', withRecord],
    ['2b. Full PR run, no record (PR + base trained)', withoutRecord],
  ] as const) {
    console.log('');
    console.log(label);
    console.log(`   total                   ${ms(run.total)}`);
    console.log(`   start-up + loading      ${ms(run.loading)}   (process and modules as in 1., backend and data per model)`);
    console.log(`   training                ${ms(run.training)}   (${run.models} model${run.models > 1 ? 's' : ''})`);
    console.log(`   everything else         ${ms(run.rest)}   = ${((100 * run.rest) / run.training).toFixed(1)}% of training   (goal ≤ 10%)`);
  }
} finally {
  await repo.sandbox.dispose();
}
