/**
 * Runs the model server for a folder until SIGTERM/SIGINT: shared by the image's entry
 * (src/serve/main.ts) and `model-ci serve <model-dir>`.
 */
import { VERSION } from '../version.ts';
import { createModelServer, type ModelServer, type ModelServerOptions } from './server.ts';

/** The server's options but the model, which `serve` takes as a folder; `log` defaults to a JSON line on stdout. */
export type ServeOptions = Omit<ModelServerOptions, 'model'>;

export function jsonLineLog(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
}

/**
 * Starts serving `modelDir` and resolves once the model answers predictions; on SIGTERM or
 * SIGINT it drains in-flight requests and stops. Rejects (after closing the port) when the
 * model cannot be loaded.
 */
export async function serve(modelDir: string, options: ServeOptions = {}): Promise<ModelServer> {
  const log = options.log ?? jsonLineLog;
  const server = await createModelServer({ ...options, model: modelDir, log });
  let model: Awaited<typeof server.ready>;
  try {
    model = await server.ready;
  } catch (error) {
    await server.close();
    throw error;
  }
  log({
    event: 'start',
    name: server.name,
    url: server.url,
    model: modelDir,
    version: model.version,
    task: model.preprocessing.task,
    backend: model.backend,
    commit: model.run?.commit ?? null,
    modelCiVersion: VERSION,
    ...(model.notices.length ? { notices: model.notices } : {}),
  });
  const stop = (signal: NodeJS.Signals) => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    const started = performance.now();
    void server.close().then(() => log({ event: 'stop', signal, drainMs: Math.round(performance.now() - started) }));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return server;
}
