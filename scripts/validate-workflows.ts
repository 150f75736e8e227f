/**
 * Validates every workflow a user may copy, with a real validator (@action-validator/cli, GitHub's
 * published schemas): each YAML file under .github/, action.yml, and each ```yaml block of README.md and
 * .github/examples/README.md that is a workflow (it has top-level `on:` and `jobs:`).
 *
 *   node scripts/validate-workflows.ts [FILE.yml | FILE.md ...]   (default: the files above)
 *
 * Exits 1 naming every file or block that does not validate.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const validator = join(root, 'node_modules', '.bin', 'action-validator');

interface Target {
  /** What the report calls it: a path, or README.md:LINE for a block. */
  name: string;
  text: string;
}

/** The ```yaml blocks of a markdown file that are workflows, named by the line their fence opens on. */
function workflowBlocks(markdownPath: string, markdown: string): Target[] {
  const blocks: Target[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    const text = `${lines.slice(start, end).join('\n')}\n`;
    if (/^on:/m.test(text) && /^jobs:/m.test(text)) blocks.push({ name: `${markdownPath}:${start}`, text: withoutNewerPermissions(text) });
    i = end;
  }
  return blocks;
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function targetsOf(path: string): Target[] {
  const name = relative(root, path);
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.md')) return workflowBlocks(name, text);
  // @action-validator/cli 0.6.0's action schema predates `runs.using: node24` (GitHub runs node24 actions
  // since 2025), so it rejects that one value. The exception is exactly that field: the copy it validates
  // says node20, and everything else in action.yml is checked as written.
  if (name === 'action.yml') return [{ name, text: text.replace(/^(\s+using:\s*)node24\s*$/m, '$1node20') }];
  return [{ name, text: withoutNewerPermissions(text) }];
}

/**
 * The same schema predates the `attestations: write` permission (artifact attestations, 2024), which
 * `actions/attest-build-provenance` needs. Exactly that key of a `permissions:` block, with exactly the
 * values GitHub accepts, is left out of the copy validated; any other value still fails validation.
 */
function withoutNewerPermissions(text: string): string {
  return text.replace(/^(\s+)attestations:\s*(?:read|write|none)\s*(?:#.*)?\n/gm, '');
}

function validate(targets: Target[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'model-ci-workflows-'));
  const failures: string[] = [];
  try {
    for (const [i, target] of targets.entries()) {
      // The validator tells an action from a workflow by the file name.
      mkdirSync(join(dir, String(i)));
      const file = join(dir, String(i), target.name.endsWith('action.yml') ? 'action.yml' : 'workflow.yml');
      writeFileSync(file, target.text);
      const result = spawnSync(validator, [file], { encoding: 'utf8' });
      if (result.error) throw new Error(`cannot run ${validator}: ${result.error.message} (run npm ci)`);
      if (result.status === 0) continue;
      failures.push(`${target.name}:\n${(result.stdout + result.stderr).trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures;
}

const args = process.argv.slice(2);
const paths =
  args.length > 0
    ? args.map((arg) => resolve(arg))
    : [...yamlFilesUnder(join(root, '.github')), join(root, 'action.yml'), join(root, 'README.md'), join(root, '.github', 'examples', 'README.md')];
const targets = paths.flatMap(targetsOf);
const failures = validate(targets);
for (const failure of failures) console.error(`not valid: ${failure}\n`);
console.log(`validate-workflows: ${targets.length - failures.length} of ${targets.length} valid (${targets.map((t) => t.name).join(', ')})`);
if (failures.length > 0) process.exitCode = 1;
