import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Command } from '../../src/cli/command-spec.ts';
import { runCli as runInProcess } from '../../src/cli/dispatch.ts';
import { UserError } from '../../src/errors.ts';
import { runCli } from './helpers.ts';

test('top-level --help lists the commands and the exit codes', async () => {
  const result = await runCli(['--help']);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^Usage: model-ci <command> \[options\]/);
  for (const name of ['train', 'evaluate', 'predict']) assert.match(result.stdout, new RegExp(`\\n  ${name} +\\S`));
  assert.match(result.stdout, /Exit codes:\n {2}0 {2}success\n {2}1 {2}a bug in model-ci/);
  assert.match(result.stdout, /\n {2}2 {2}a mistake in the command line/);
});

test('every command has --help with its usage, options and exit codes', async () => {
  for (const [name, option] of [
    ['train', '--out <dir>'],
    ['evaluate', '--model <dir>'],
    ['predict', '--csv <file>'],
  ]) {
    const result = await runCli([name, '--help']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Usage: model-ci ${name} `));
    assert.ok(result.stdout.includes(option), `${name} --help mentions ${option}`);
    assert.match(result.stdout, /Exit codes:/);
  }
  const viaHelp = await runCli(['help', 'predict']);
  assert.equal(viaHelp.code, 0);
  assert.match(viaHelp.stdout, /^Usage: model-ci predict --model <dir>/);
});

test('no command prints the help on stderr and exits 2; --version prints the version', async () => {
  const none = await runCli([]);
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^Usage: model-ci <command>/);
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('an unknown command or option is exit 2 with a did-you-mean', async () => {
  const command = await runCli(['evalute']);
  assert.equal(command.code, 2);
  assert.equal(
    command.stderr,
    'model-ci: unknown command "evalute" (did you mean `evaluate`?); commands are train, evaluate, predict, report, serve, monitor, build, manifests, example (see `model-ci --help`)\n',
  );

  const option = await runCli(['train', '--confg', 'x.yml']);
  assert.equal(option.code, 2);
  assert.equal(option.stderr, 'model-ci: unknown option --confg for `model-ci train` (did you mean `--config`?); see `model-ci train --help`\n');

  const missingValue = await runCli(['evaluate', '--model']);
  assert.equal(missingValue.code, 2);
  assert.equal(missingValue.stderr, 'model-ci: option --model needs a value: --model <dir>\n');

  const swallowed = await runCli(['train', '--out', '--backend', 'cpu']);
  assert.equal(swallowed.code, 2);
  assert.match(swallowed.stderr, /option --out needs a value/);

  const extra = await runCli(['train', 'fixtures/iris/model-ci.yml']);
  assert.equal(extra.code, 2);
  assert.match(extra.stderr, /unexpected argument "fixtures\/iris\/model-ci\.yml" for `model-ci train`/);

  const backend = await runCli(['train', '--config', 'fixtures/iris/model-ci.yml', '--backend', 'wasn']);
  assert.equal(backend.code, 2);
  assert.equal(backend.stderr, 'model-ci: --backend "wasn" is not one of auto, dense, tensorflow-gpu, tensorflow, wasm, cpu (did you mean `wasm`?)\n');
});

test('a user error is one line without a stack (exit 2); a bug keeps its stack (exit 1)', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), readStdin: async () => '' };
  const command = (run: Command['run']): Command => ({ name: 'boom', summary: '', usage: '', description: '', options: {}, run });

  const user = await runInProcess(['boom'], io, [
    command(async () => {
      throw new UserError('epochs must be positive', { file: 'params.yaml', line: 3, field: 'train.epochs' });
    }),
  ]);
  assert.equal(user, 2);
  assert.deepEqual(err, ['model-ci: params.yaml:3: train.epochs: epochs must be positive\n']);

  err.length = 0;
  const bug = await runInProcess(['boom'], io, [
    command(async () => {
      throw new TypeError('x is undefined');
    }),
  ]);
  assert.equal(bug, 1);
  assert.match(err[0], /^model-ci: internal error \(a bug; please report it with the command you ran\):\nTypeError: x is undefined\n {4}at /);
  assert.deepEqual(out, []);
});
