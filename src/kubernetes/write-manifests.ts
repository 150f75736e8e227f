/** The manifest files on disk, for `model-ci manifests --out` and the deploy mode's `manifests` output. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes each file whole (a temporary name, then a rename), so a folder never holds half a manifest. */
export async function writeManifestFiles(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, `.${name}.tmp`), text);
    await rename(join(dir, `.${name}.tmp`), join(dir, name));
  }
}
