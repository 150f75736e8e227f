import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { readSettings } from '../../src/action/inputs.ts';
import { build } from '../../src/cli/build.ts';
import { commandHelp } from '../../src/cli/command-spec.ts';
import { ACTION_INPUT_DEFAULTS, DEFAULT_BASE_IMAGE } from '../../src/defaults.ts';

const action = parse(readFileSync(join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };

test('action.yml states the same defaults as src/defaults.ts', () => {
  for (const [input, value] of Object.entries(ACTION_INPUT_DEFAULTS)) {
    assert.ok(action.inputs[input], `action.yml has no input ${input}`);
    assert.equal(String(action.inputs[input].default), value, `action.yml's default of ${input}`);
  }
});

test('an input left empty reads as its default constant', () => {
  const settings = readSettings(() => '');
  assert.deepEqual(
    {
      config: settings.config,
      'base-image': settings.baseImage,
      'baseline-branch': settings.baselineBranch,
      'report-dir': settings.reportDir,
      'artifacts-dir': settings.artifactsDir,
      'bot-login': settings.botLogin,
      'hosted-runner': settings.hostedRunner,
      'drift-threshold': String(settings.driftThreshold),
    },
    ACTION_INPUT_DEFAULTS,
  );
});

test("the CLI's help names the same base image the action uses", () => {
  assert.match(commandHelp(build), new RegExp(`default ${DEFAULT_BASE_IMAGE.replace('.', '\\.')}`));
});
