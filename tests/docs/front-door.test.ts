/** What a newcomer reads first matches the code: the README's command lines, CONTRIBUTING's map. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { COMMANDS } from '../../src/cli/commands.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

test("the README's `npx model-ci` lines use commands and options the CLI has, and every option it requires", () => {
  const lines = [...read('README.md').matchAll(/^npx model-ci ([a-z]+)(.*?)(?:\s+#.*)?$/gm)];
  assert.ok(lines.length >= COMMANDS.length, `expected a line per command, found ${lines.length}`);
  for (const [line, name, args] of lines) {
    const command = COMMANDS.find((c) => c.name === name);
    assert.ok(command, `README: ${line}\n  model-ci has no command '${name}'`);
    const flags = [...args.matchAll(/--([a-z-]+)/g)].map((m) => m[1]);
    for (const flag of flags) assert.ok(flag in command.options, `README: ${line}\n  '${name}' has no option --${flag}`);
    // A placeholder (DIR, NAME) is the CLI's own, so the README promises no other form (`NAME[:TAG]` was refused).
    for (const [, flag, placeholder] of args.matchAll(/--([a-z-]+) ([A-Z][^\s|)\]]*(?:\[[^\]]*\])?)/g)) {
      assert.equal(placeholder, command.options[flag].value?.toUpperCase(), `README: ${line}\n  --${flag} takes <${command.options[flag].value}>`);
    }
    // Options outside [...] in the CLI's own usage line are required.
    const required = [...command.usage.replace(/\[[^\]]*\]/g, '').matchAll(/--([a-z-]+)/g)].map((m) => m[1]);
    for (const flag of required) assert.ok(flags.includes(flag), `README: ${line}\n  lacks --${flag}, which '${name}' requires`);
  }
});

test("CONTRIBUTING's map names every folder of src/, and its design notes are in the repository", () => {
  const contributing = read('CONTRIBUTING.md');
  const folders = readdirSync(join(root, 'src'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  assert.ok(folders.length > 10, `expected src/'s folders, found ${folders.join(', ')}`);
  for (const folder of folders) assert.match(contributing, new RegExp(`^\\| \`src/${folder}/\` \\| \\S`, 'm'), `CONTRIBUTING.md's map lacks src/${folder}/`);
  const links = [...contributing.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]);
  assert.ok(links.includes('docs/design.md'), 'CONTRIBUTING.md points at docs/design.md');
  for (const link of links) assert.ok(existsSync(join(root, link)), `CONTRIBUTING.md links to ${link}, which does not exist`);
  assert.doesNotMatch(contributing, /\.\.\/shared/, 'CONTRIBUTING.md points outside the repository');
});
