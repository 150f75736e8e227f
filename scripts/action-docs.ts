/**
 * Keeps the README's inputs/outputs tables equal to action.yml: `node scripts/action-docs.ts` rewrites
 * them, `--check` fails when they drift (tests/docs/readme.test.ts runs the check in CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderActionDocs, replaceBetweenMarkers } from '../src/docs/action-docs.ts';

const root = join(import.meta.dirname, '..');
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = replaceBetweenMarkers(readme, 'action-docs', renderActionDocs(readFileSync(join(root, 'action.yml'), 'utf8')));

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md inputs/outputs differ from action.yml: run `node scripts/action-docs.ts`');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log('README.md updated from action.yml');
}
