/** Connection to the Docker engine: where it is, and a clear message when it is not there. */
import Docker from 'dockerode';
import { UserError } from '../errors.ts';

/**
 * A client for the engine at `host` (`unix://…`, `tcp://…`), else where DOCKER_HOST (with
 * DOCKER_TLS_VERIFY / DOCKER_CERT_PATH) or the default socket says, checked with a ping so later
 * errors are about the work, not the connection.
 */
export async function connectEngine(host?: string): Promise<Docker> {
  const docker = host === undefined ? new Docker() : new Docker(clientOptions(host));
  try {
    await docker.ping();
  } catch (error) {
    const where = host ?? process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
    throw new UserError(`no Docker engine answers at ${where}: ${(error as Error).message}. Start one, or set DOCKER_HOST to where it listens`, {
      field: 'DOCKER_HOST',
    });
  }
  return docker;
}

function clientOptions(host: string): Docker.DockerOptions {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375), protocol: url.protocol === 'https:' ? 'https' : 'http' };
}
