/** A model folder shaped like `model-ci train`'s output, and a tiny server to put in front of it. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeModelDir(dir: string, options: { weights?: Buffer; omit?: string[] } = {}): string {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string | Buffer> = {
    'model.json': JSON.stringify({
      format: 'layers-model',
      modelTopology: { class_name: 'Sequential' },
      weightsManifest: [{ paths: ['weights.bin'], weights: [] }],
    }),
    'weights.bin': options.weights ?? randomBytes(4096),
    'preprocessing.json': JSON.stringify({ version: 1, task: 'binary-classification', target: 'y', features: [], inputSize: 0 }),
    'metrics.json': JSON.stringify({ accuracy: 0.9 }),
  };
  for (const [name, content] of Object.entries(files)) {
    if (!options.omit?.includes(name)) writeFileSync(join(dir, name), content);
  }
  return dir;
}

/**
 * Stands in for dist/server.js: answers /healthz, and /model with what it reads from MODEL_DIR and
 * who it runs as, so a test can tell the image's layers, env and user are what the Dockerfile says.
 */
export const TEST_SERVER = `
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
const dir = process.env.MODEL_DIR;
const server = createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  if (req.url === '/model') {
    const weights = readFileSync(dir + '/weights.bin');
    return res.end(JSON.stringify({ uid: process.getuid(), cwd: process.cwd(), weightsSha256: createHash('sha256').update(weights).digest('hex') }));
  }
  res.statusCode = 404;
  res.end();
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;
