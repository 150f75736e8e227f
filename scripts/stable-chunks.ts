/**
 * Pure: renames esbuild's code-splitting chunks so that a chunk keeps its file name while the modules it
 * holds stay the same. esbuild's [hash] covers a chunk's content, and that content names the chunks it
 * imports: one edited module renamed its chunk, then every chunk importing that one, and so on up to the
 * entry (a one-line change rewrote dozens of files in dist/). Here a chunk loaded by a dynamic import is
 * named after that module's path, and a shared chunk after a hash of the list of module paths it holds,
 * so an edit changes the bytes of the one chunk that holds it and no file name.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

/** The part of esbuild's metafile this reads. */
export interface SplitMetafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>;
}

/**
 * Old file name → new file name for every output of one split build. `entries` are the build's own entry
 * points (their outputs keep their names); `prefix` keeps the action's and the CLI's chunks apart.
 */
export function stableChunkNames(metafile: SplitMetafile, entries: readonly string[], prefix: string): Map<string, string> {
  const renames = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const [output, { entryPoint, inputs }] of Object.entries(metafile.outputs)) {
    const old = basename(output);
    if (!old.endsWith('.js')) continue;
    let name: string;
    if (entryPoint !== undefined && entries.includes(entryPoint)) name = old;
    else if (entryPoint !== undefined) name = `${prefix}-${slug(entryPoint)}.js`;
    else name = `${prefix}-chunk-${createHash('sha256').update(Object.keys(inputs).map(portable).sort().join('\n')).digest('hex').slice(0, 10)}.js`;
    const clash = taken.get(name);
    if (clash !== undefined) throw new Error(`chunks ${clash} and ${old} would both be named ${name}: make stableChunkNames tell them apart`);
    taken.set(name, old);
    renames.set(old, name);
  }
  return renames;
}

/** A package's files are named from its node_modules folder on, wherever that folder is (a symlinked node_modules shows as `../x/node_modules/…`). */
function portable(path: string): string {
  return path.replace(/^.*?node_modules\//, 'node_modules/');
}

/** `src/action/modes/pr.ts` → `action-modes-pr`; `node_modules/@tensorflow/tfjs/dist/index.js` → `tensorflow-tfjs-dist-index`. */
function slug(path: string): string {
  return path
    .replace(/^src\//, '')
    .replace(/^.*?node_modules\//, '')
    .replace(/\.[cm]?[jt]s$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Points every `./old.js` import in a chunk's text at its new name. */
export function renameImports(text: string, renames: ReadonlyMap<string, string>): string {
  return text.replace(/(["'])\.\/([A-Za-z0-9_-]+\.js)\1/g, (whole, quote: string, file: string) => {
    const renamed = renames.get(file);
    return renamed === undefined ? whole : `${quote}./${renamed}${quote}`;
  });
}
