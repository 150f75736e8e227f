import type Docker from 'dockerode';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '../errors.ts';
import { EXIT, stringOption, type CliIO, type Command } from './command-spec.ts';
import { DEFAULT_ARTIFACTS_DIR, DEFAULT_BASE_IMAGE } from '../defaults.ts';

/** The whole flow's modules, loaded when the example runs: every other command starts without parsing them. */
async function flow() {
  const [fromRun, store, load, csv, table, context, engine, deploy, dist, exampleRepo, logger, pullRequest, report, pipeline, storedModel] = await Promise.all([
    import('../baseline/derive.ts'),
    import('../baseline/store.ts'),
    import('../config/load.ts'),
    import('../data/csv.ts'),
    import('../data/table.ts'),
    import('../docker/build-context.ts'),
    import('../docker/connect.ts'),
    import('../flow/deploy-model.ts'),
    import('../docker/server-dist.ts'),
    import('./example-repo.ts'),
    import('../logger.ts'),
    import('../flow/pull-request/decide.ts'),
    import('../report/report.ts'),
    import('../train/pipeline.ts'),
    import('../baseline/stored-model.ts'),
  ]);
  return {
    recordFromRun: fromRun.recordFromRun,
    createBaselineStore: store.createBaselineStore,
    loadConfig: load.loadConfig,
    readCsv: csv.readCsv,
    cellText: table.cellText,
    column: table.column,
    serverBundleFiles: context.serverBundleFiles,
    connectEngine: engine.connectEngine,
    runDeploy: deploy.runDeploy,
    serverDistDir: dist.serverDistDir,
    createExampleRepo: exampleRepo.createExampleRepo,
    exampleGit: exampleRepo.exampleGit,
    consoleLogger: logger.consoleLogger,
    runPullRequest: pullRequest.runPullRequest,
    renderReport: report.renderReport,
    trainModel: pipeline.trainModel,
    bundleModel: storedModel.bundleModel,
  };
}

const IMAGE = 'model-ci-example/breast-cancer';

export const example: Command = {
  name: 'example',
  summary: 'the whole flow over fixtures/breast-cancer in a temporary git repository',
  usage: `[--base-image ${DEFAULT_BASE_IMAGE}] [--keep]`,
  description: [
    'Makes a git repository from fixtures/breast-cancer with a main commit (trained and recorded as',
    'the baseline) and a pull-request branch that widens the network and adds 40 rows, then prints',
    'the PR comment model-ci would post. When a Docker engine is reachable (DOCKER_HOST), it goes on:',
    'merges the PR, builds the model server image, starts it and sends one prediction.',
  ].join('\n'),
  options: {
    'base-image': { type: 'string', value: 'image', description: `base image of the server image (default $MODEL_CI_BASE_IMAGE or ${DEFAULT_BASE_IMAGE})` },
    keep: { type: 'boolean', description: 'keep the temporary repository and print its path' },
  },
  async run(args, io) {
    const {
      consoleLogger,
      createExampleRepo,
      createBaselineStore,
      exampleGit,
      trainModel,
      recordFromRun,
      runPullRequest,
      renderReport,
      connectEngine,
      bundleModel,
    } = await flow();
    const log = consoleLogger((line) => io.stderr(`${line}\n`));
    const dir = await mkdtemp(join(tmpdir(), 'model-ci-example-'));
    try {
      const repo = await createExampleRepo(dir);
      const store = createBaselineStore({ cwd: dir, log: log.info });
      const artifacts = join(dir, DEFAULT_ARTIFACTS_DIR);

      io.stderr('\n== 1. main: train the model and record it as the baseline\n');
      await exampleGit(dir, ['switch', '--quiet', 'main']);
      const mainRun = await trainModel(join(dir, 'model-ci.yml'), { out: join(artifacts, 'main'), log: log.info });
      // As the deploy records it: with main's model, so the PR is compared with it on the PR's own test rows.
      const model = await bundleModel(mainRun.out);
      const stored = 'stored' in model ? model : undefined;
      await store.write(recordFromRun(mainRun, repo.mainSha, { storedModel: stored?.stored }), { model: stored });
      await exampleGit(dir, ['switch', '--quiet', 'pr']);

      io.stderr('\n== 2. pull request: params and data changed; retrain and compare against main\n');
      const pr = await runPullRequest({
        repoRoot: dir,
        configPath: 'model-ci.yml',
        base: 'main',
        head: 'pr',
        artifactsDir: join(artifacts, 'pr'),
        store,
        log,
        fetch: false,
      });
      if (pr.kind === 'skipped') throw new Error(`the example PR changes params and data, yet nothing was retrained: ${pr.reason}`);
      io.stderr('\n== The comment model-ci posts on the pull request:\n\n');
      io.stdout(renderReport({ ...pr.report, baseRef: 'main' }));

      io.stderr('\n== 3. merge: build the model server image, start it, ask it for a prediction\n');
      const docker = await connectEngine().catch((error: unknown) => {
        if (!isUserError(error)) throw error;
        io.stderr(`${error.message}\n`);
        io.stderr(
          'The deploy half needs a Docker engine. On Debian, as root: `bash .ci/docker.sh start`, then\n`set -a; . /tmp/model-ci-docker/env; set +a` (the engine and its local base image) and run the example again.\n',
        );
        return undefined;
      });
      if (docker) await deployAndPredict(docker, dir, artifacts, stringOption(args, 'base-image'), io);
      // A demo, not a gate: the verdict is in the report it printed.
      return EXIT.ok;
    } finally {
      if (args.values.keep) io.stderr(`\nkept the example repository: ${dir}\n`);
      else await rm(dir, { recursive: true, force: true });
    }
  },
};

async function deployAndPredict(docker: Docker, dir: string, artifacts: string, baseImage: string | undefined, io: CliIO): Promise<void> {
  const { consoleLogger, exampleGit, runDeploy, createBaselineStore, serverBundleFiles, serverDistDir } = await flow();
  const log = consoleLogger((line) => io.stderr(`${line}\n`));
  await exampleGit(dir, ['switch', '--quiet', 'main']);
  await exampleGit(dir, ['merge', '--quiet', '--no-ff', 'pr', '-m', 'Merge pull request: wider network, more rows']);
  const commit = await exampleGit(dir, ['rev-parse', 'HEAD']);
  const outcome = await runDeploy({
    repoRoot: dir,
    configPath: 'model-ci.yml',
    commit,
    ref: 'refs/heads/main',
    defaultBranch: 'main',
    artifactsDir: join(artifacts, 'deploy'),
    store: createBaselineStore({ cwd: dir, log: log.info }),
    log,
    docker,
    image: IMAGE,
    baseImage: baseImage ?? process.env.MODEL_CI_BASE_IMAGE ?? DEFAULT_BASE_IMAGE,
    serverFiles: await serverBundleFiles(serverDistDir()),
    push: false,
    record: true,
  });
  const tag = outcome.image.tags[0];
  io.stderr(`built ${outcome.image.tags.join(', ')}\n`);

  const port = await freePort();
  const container = await docker.createContainer({ Image: tag, Env: [`PORT=${port}`], HostConfig: { NetworkMode: 'host' } });
  try {
    await container.start();
    const url = `http://127.0.0.1:${port}`;
    await waitForHealthy(`${url}/healthz`, 60_000);
    const row = await firstDataRow(dir);
    const response = await fetch(`${url}/v1/models/breast-cancer:predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instances: [row.features] }),
    });
    const body = await response.text();
    io.stdout(`\nPOST ${url}/v1/models/breast-cancer:predict (first row of the data, label ${row.label})\n→ ${response.status} ${body}\n`);
    if (!response.ok) throw new Error(`the model server answered ${response.status}: ${body}`);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** The first row of the model's data, as the request a client would send (features by name) and its label. */
async function firstDataRow(dir: string): Promise<{ features: Record<string, number>; label: string }> {
  const { loadConfig, readCsv, cellText, column } = await flow();
  const config = await loadConfig(join(dir, 'model-ci.yml'));
  const table = await readCsv(config.data.train);
  const features = Object.fromEntries(table.columns.filter((c) => c.name !== config.data.target).map((c) => [c.name, Number(cellText(c, 0))]));
  return { features, label: cellText(column(table, config.data.target), 0) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the model server did not become healthy at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
