/**
 * The real Docker engine and registry that `.ci/docker.sh` starts, for tests and benchmarks.
 * Settings come from the environment, else from the env file the script writes. When no engine
 * answers, tests skip with a loud reason, except under CI=true, where that is a failure.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { connectEngine } from '../../src/docker/connect.ts';

export interface DockerEnv {
  docker: Docker;
  /** DOCKER_HOST of the engine. */
  host: string;
  /** The shared registry (127.0.0.1:5000) with htpasswd authentication. */
  registry: { address: string; username: string; password: string; storage?: string };
  /** A local stand-in for node:24-slim. */
  baseImage: string;
}

/** Where `.ci/docker.sh` writes its env file: $MODEL_CI_DOCKER_STATE/env, /tmp/model-ci-docker/env by default. */
export function dockerEnvFile(): string {
  return process.env.MODEL_CI_DOCKER_ENV ?? join(process.env.MODEL_CI_DOCKER_STATE || '/tmp/model-ci-docker', 'env');
}

export async function dockerEnv(): Promise<DockerEnv | { skip: string }> {
  const settings = { ...readEnvFile(dockerEnvFile()), ...pick(process.env) };
  const missing = [
    'DOCKER_HOST',
    'MODEL_CI_TEST_REGISTRY',
    'MODEL_CI_TEST_REGISTRY_USER',
    'MODEL_CI_TEST_REGISTRY_PASSWORD',
    'MODEL_CI_TEST_BASE_IMAGE',
  ].filter((key) => !settings[key]);
  let reason: string | undefined;
  let docker: Docker | undefined;
  if (missing.length > 0) {
    reason = `Docker test settings missing (${missing.join(', ')}): run \`bash .ci/docker.sh\` first`;
  } else {
    try {
      docker = await connectEngine(settings.DOCKER_HOST);
    } catch (error) {
      reason = `${(error as Error).message} (run \`bash .ci/docker.sh\`)`;
    }
  }
  if (reason !== undefined || !docker) {
    if (process.env.CI === 'true') throw new Error(`Docker tests cannot run under CI=true: ${reason}`);
    const skip = `SKIPPED Docker engine tests: ${reason}`;
    console.warn(`\n*** ${skip} ***\n`);
    return { skip };
  }
  return {
    docker,
    host: settings.DOCKER_HOST,
    registry: {
      address: settings.MODEL_CI_TEST_REGISTRY,
      username: settings.MODEL_CI_TEST_REGISTRY_USER,
      password: settings.MODEL_CI_TEST_REGISTRY_PASSWORD,
      storage: settings.MODEL_CI_TEST_REGISTRY_STORAGE,
    },
    baseImage: settings.MODEL_CI_TEST_BASE_IMAGE,
  };
}

/** A registry of a test's own, on a free port, that the test may stop and start (faults mid-push). */
export interface OwnRegistry {
  address: string;
  username: string;
  password: string;
  /** Its storage folder: the bytes pushed to it land here. */
  storage: string;
  start(): Promise<void>;
  /** SIGKILL, as a crash would: no graceful drain of uploads in flight. */
  kill(): Promise<void>;
  /** Stops it and deletes its folder. */
  dispose(): Promise<void>;
}

/** Token authentication as GHCR and Docker Hub do it: the registry trusts JWTs signed by `rootcertbundle`'s key. */
export interface TokenAuth {
  realm: string;
  service: string;
  issuer: string;
  /** PEM file of the certificate whose key signs the tokens. */
  rootcertbundle: string;
}

export async function ownRegistry(options: { tokenAuth?: TokenAuth } = {}): Promise<OwnRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'model-ci-registry-'));
  const port = await freePort();
  const username = 'tester';
  const password = `pw-${process.pid}-${port}`;
  const storage = join(dir, 'storage');
  writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', username, password]));
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: { level: warn }',
      `storage: { filesystem: { rootdirectory: ${storage} }, delete: { enabled: true } }`,
      `http: { addr: "127.0.0.1:${port}", secret: "${password}" }`,
      options.tokenAuth
        ? `auth: { token: ${JSON.stringify(options.tokenAuth)} }`
        : `auth: { htpasswd: { realm: model-ci-test, path: ${join(dir, 'htpasswd')} } }`,
      '',
    ].join('\n'),
  );
  const address = `127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const registry: OwnRegistry = {
    address,
    username,
    password,
    storage,
    async start() {
      if (child) return;
      const started = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      started.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child = started;
      for (let i = 0; i < 80; i++) {
        if (started.exitCode !== null) throw new Error(`docker-registry exited with ${started.exitCode}: ${stderr}`);
        const status = await fetch(`http://${address}/v2/`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 401) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`docker-registry did not answer on ${address} within 20 s: ${stderr}`);
    },
    async kill() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    async dispose() {
      await registry.kill();
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
  await registry.start();
  return registry;
}

/** Bytes stored under a folder: what a push actually uploaded to a registry's filesystem storage. */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** The KEY=value lines of an env file, as `set -a; . FILE; set +a` exports them (values are plain words). */
export function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]]);
  return Object.fromEntries(entries);
}

function pick(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => /^(DOCKER_HOST|MODEL_CI_TEST_)/.test(e[0]) && !!e[1]));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
