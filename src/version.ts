/** model-ci's own version: injected by the bundler, read from package.json when running from source. */
import { createRequire } from 'node:module';

declare const MODEL_CI_VERSION: string | undefined;

export const VERSION: string =
  typeof MODEL_CI_VERSION === 'string' ? MODEL_CI_VERSION : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
