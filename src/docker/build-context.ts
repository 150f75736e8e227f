/**
 * The build context, made in memory as a tar: `Dockerfile`, `server/srv/` (the server bundle) and
 * `model/model/` (the trained model), laid out as they land in the image (see dockerfile.ts). Deterministic — sorted entries, one fixed mtime, owner 0:0,
 * modes 0644/0755 — so identical inputs give a byte-identical tar and the engine's layer cache hits.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import tarStream from 'tar-stream';
import { UserError } from '../errors.ts';
import { ARTIFACT_FILES } from '../domain/run-artifacts.ts';
import { MODEL_DIR, SERVER_DIR, SERVER_ENTRY } from './dockerfile.ts';

export interface ContextFile {
  /** File name inside its folder of the context (no slashes). */
  name: string;
  /** The bytes, or `path` to read them from. */
  content?: Buffer | string;
  path?: string;
}

export interface ContextInput {
  dockerfile: string;
  serverFiles: ContextFile[];
  modelDir: string;
  /** Timestamp of every entry; default SOURCE_DATE_EPOCH, else the Unix epoch. */
  mtime?: Date;
}

/** Files of a model folder that go into the image: the server needs the first three, `/metadata` the rest. */
const MODEL_FILES = Object.values(ARTIFACT_FILES);
const REQUIRED_MODEL_FILES: string[] = [ARTIFACT_FILES.modelJson, ARTIFACT_FILES.weights, ARTIFACT_FILES.preprocessing];

/**
 * Checks the model folder and lists the files to ship: every artifact present plus each weight file
 * model.json's manifest names. Throws UserError before any build when something the server needs is missing.
 */
export async function modelFiles(modelDir: string): Promise<ContextFile[]> {
  const present = new Set(
    await readdir(modelDir).catch(() => {
      throw new UserError(`model folder not found or not readable`, { file: modelDir });
    }),
  );
  const missing = REQUIRED_MODEL_FILES.filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new UserError(`model folder is missing ${missing.join(', ')} (expected the files \`model-ci train\` writes)`, {
      file: modelDir,
    });
  }
  const manifestPaths = weightPaths(await readFile(join(modelDir, ARTIFACT_FILES.modelJson), 'utf8'), join(modelDir, ARTIFACT_FILES.modelJson));
  const absent = manifestPaths.filter((name) => !present.has(name));
  if (absent.length > 0) {
    throw new UserError(`model.json lists weight file ${absent.join(', ')}, which is not in the model folder`, {
      file: join(modelDir, ARTIFACT_FILES.modelJson),
      field: 'weightsManifest',
    });
  }
  const names = [...new Set([...MODEL_FILES.filter((name) => present.has(name)), ...manifestPaths])].sort();
  for (const name of names) {
    if (!(await stat(join(modelDir, name))).isFile()) throw new UserError(`expected a file`, { file: join(modelDir, name) });
  }
  return names.map((name) => ({ name, path: join(modelDir, name) }));
}

/** The server bundle from a `dist/` folder: `server.js` and the WASM binaries the wasm backend loads from beside it. */
export async function serverBundleFiles(distDir: string): Promise<ContextFile[]> {
  const names = await readdir(distDir).catch(() => [] as string[]);
  if (!names.includes(SERVER_ENTRY)) {
    throw new UserError(`no ${SERVER_ENTRY} in ${distDir}: run \`npm run bundle\` first`, { file: join(distDir, SERVER_ENTRY) });
  }
  return [SERVER_ENTRY, ...names.filter((n) => n.endsWith('.wasm')).sort()].map((name) => ({ name, path: join(distDir, name) }));
}

export async function buildContext(input: ContextInput): Promise<Buffer> {
  const mtime = input.mtime ?? sourceDateEpoch();
  const entries: { name: string; content?: Buffer }[] = [
    { name: 'Dockerfile', content: Buffer.from(input.dockerfile) },
    { name: 'server/' },
    { name: `server${SERVER_DIR}/` },
    ...(await Promise.all(input.serverFiles.map(async (f) => ({ name: `server${SERVER_DIR}/${checkName(f.name)}`, content: await bytes(f) })))),
    { name: 'model/' },
    { name: `model${MODEL_DIR}/` },
    ...(await Promise.all((await modelFiles(input.modelDir)).map(async (f) => ({ name: `model${MODEL_DIR}/${f.name}`, content: await bytes(f) })))),
  ];
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const pack = tarStream.pack();
  for (const entry of entries) {
    const header = { name: entry.name, mtime, uid: 0, gid: 0, uname: '', gname: '' };
    if (entry.content === undefined) pack.entry({ ...header, type: 'directory', mode: 0o755 });
    else pack.entry({ ...header, type: 'file', mode: 0o644, size: entry.content.length }, entry.content);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function weightPaths(text: string, file: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`not valid JSON: ${(error as Error).message}`, { file });
  }
  const manifest = (json as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (!Array.isArray(manifest)) throw new UserError('expected a TF.js layers model with a weightsManifest array', { file, field: 'weightsManifest' });
  return manifest.flatMap((group: { paths?: unknown }, i) => {
    if (!Array.isArray(group?.paths) || group.paths.some((p) => typeof p !== 'string')) {
      throw new UserError('expected a list of weight file names', { file, field: `weightsManifest[${i}].paths` });
    }
    return (group.paths as string[]).map((p) => checkName(p, file));
  });
}

/** Context folders are flat: a name with a slash or `..` would escape or nest them. */
function checkName(name: string, file?: string): string {
  if (name === '' || name.includes('/') || name.includes('\\') || name === '.' || name === '..') {
    throw new UserError(`expected a plain file name, got "${name}"`, { file });
  }
  return name;
}

async function bytes(file: ContextFile): Promise<Buffer> {
  if (file.content !== undefined) return Buffer.from(file.content);
  if (file.path === undefined) throw new Error(`context file ${file.name} has neither content nor path`);
  return readFile(file.path);
}

function sourceDateEpoch(): Date {
  const value = process.env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return new Date(0);
  if (!/^\d+$/.test(value)) throw new UserError(`expected whole seconds since 1970, got "${value}"`, { field: 'SOURCE_DATE_EPOCH' });
  return new Date(Number(value) * 1000);
}
