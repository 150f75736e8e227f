/** Where the model server bundle is: beside the running bundle (dist/), or the repository's dist/ when running from source. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_ENTRY } from './dockerfile.ts';

export function serverDistDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return existsSync(join(here, SERVER_ENTRY)) ? here : join(here, '..', '..', 'dist');
}
