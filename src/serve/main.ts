/**
 * The model server, as the image runs it (src/image.ts, bundled to dist/server.js). Configured by environment:
 * MODEL_DIR (/model), MODEL_NAME (from run.json), PORT (8501), HOST (0.0.0.0),
 * BACKEND (auto: wasm, else cpu), MAX_BODY_BYTES (1 MiB), MAX_BATCH (1024).
 */
import { BACKENDS, type BackendName } from '../domain/config.ts';
import { isUserError, UserError } from '../errors.ts';
import { jsonLineLog, serve } from './serve.ts';

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UserError(`expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`, { field: name });
  return value;
}

function backend(): BackendName {
  const raw = process.env.BACKEND || 'auto';
  if (!BACKENDS.includes(raw as BackendName)) throw new UserError(`expected one of ${BACKENDS.join(', ')}, got ${JSON.stringify(raw)}`, { field: 'BACKEND' });
  return raw as BackendName;
}

async function main(): Promise<void> {
  await serve(process.env.MODEL_DIR || '/model', {
    name: process.env.MODEL_NAME || undefined,
    port: integer('PORT', 8501, 0, 65535),
    host: process.env.HOST || '0.0.0.0',
    backend: backend(),
    maxBodyBytes: integer('MAX_BODY_BYTES', 1024 * 1024, 1, 2 ** 31 - 1),
    maxBatch: integer('MAX_BATCH', 1024, 1, 1_000_000),
  });
}

main().catch((error: unknown) => {
  jsonLineLog({ event: 'exit', error: isUserError(error) ? error.describe() : error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
