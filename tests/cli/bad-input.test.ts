import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { git } from '../../src/git/git.ts';
import { writeTinyModel } from '../support/tiny-model.ts';
import { fixtureCopy, runCli } from './helpers.ts';

let scratch: string;
const copies: string[] = [];
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cli-bad-'));
});
after(async () => {
  await Promise.all([scratch, ...copies].map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Trains a copy of the iris fixture with `edits` applied; expects exit 2 and the message on stderr. */
async function trainFails(edits: Parameters<typeof fixtureCopy>[1], message: RegExp): Promise<void> {
  const dir = await fixtureCopy('iris', edits);
  copies.push(dir);
  const result = await runCli(['train', '-q', '--backend', 'cpu', '--config', 'model-ci.yml', '--out', join(scratch, 'never')], { cwd: dir });
  assert.equal(result.code, 2, `exit ${result.code}: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^model-ci: /);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace for a user mistake');
  assert.match(result.stderr, message);
}

const setLine = (n: number, text: string) => (csv: string) =>
  csv
    .split(/\r?\n/)
    .map((line, i) => (i === n - 1 ? text : line))
    .join('\n');

test('config and params mistakes name the file, line and key', async () => {
  await trainFails({ 'params.yaml': (p) => p.replace('epochs: 150', 'epochs: -3') }, /params\.yaml:\d+: .*train\.epochs.*-3/);
  await trainFails({ 'params.yaml': (p) => p.replace('batch_size: 16', 'batch_size: 0') }, /params\.yaml:\d+: .*train\.batch_size/);
  await trainFails({ 'params.yaml': (p) => p.replace('learning_rate: 0.01', 'learning_rate: 50') }, /params\.yaml:\d+: .*train\.learning_rate/);
  await trainFails({ 'model-ci.yml': (c) => c.replace(/^task:/m, 'tsak:') }, /model-ci\.yml:\d+: unknown key `tsak`/);
  await trainFails({ 'model-ci.yml': 'name: iris\ntask: [\n' }, /model-ci\.yml:\d+(:\d+)?: invalid YAML/);
  await trainFails({ 'model-ci.yml': (c) => c.replace('  - f1', '  - f2') }, /unknown metric "f2" \(did you mean `f1`\?\)/);
  await trainFails(
    { 'model-ci.yml': (c) => c.replace('backend: auto', 'backend: gpu') },
    /`backend` must be one of auto, dense, tensorflow-gpu, tensorflow, wasm, cpu/,
  );
});

test('data mistakes name the file and, where there is one, the line and column', async () => {
  await trainFails({ 'data/iris.csv': '' }, /data\/iris\.csv: the file is empty/);
  await trainFails({ 'data/iris.csv': 'sepal_length,sepal_width,petal_length,petal_width,target\n' }, /data\/iris\.csv:\d+: .*no rows/);
  await trainFails({ 'data/iris.csv': setLine(5, '5.0,3.6,1.4') }, /data\/iris\.csv:5: .*3 fields, the header has 5/);
  await trainFails({ 'model-ci.yml': (c) => c.replace('target: target', 'target: species') }, /no column "species"/);
  await trainFails({ 'data/iris.csv': setLine(7, 'abc,3.4,1.4,0.3,0') }, /data\/iris\.csv:7: .*sepal_length/);
  await trainFails({ 'data/iris.csv': setLine(7, 'NaN,3.4,1.4,0.3,0') }, /data\/iris\.csv:7: .*sepal_length/);
  await trainFails({ 'data/iris.csv': setLine(7, 'Infinity,3.4,1.4,0.3,0') }, /data\/iris\.csv:7: .*sepal_length/);
  await trainFails(
    {
      'data/iris.csv': (csv) =>
        csv
          .split(/\r?\n/)
          .filter((line, i) => i === 0 || line.endsWith(',0'))
          .join('\n'),
    },
    /single class/,
  );
  await trainFails({ 'data/iris.csv': (csv) => csv.split(/\r?\n/).slice(0, 4).join('\n') }, /data\/iris\.csv/);
});

test('files built to exhaust the runner end in exit 2 naming the limit and how to raise it', async () => {
  const aliases = Array(20_000).fill('*a').join(', ');
  await trainFails(
    { 'params.yaml': (p) => `${p}anchor: &a 1\nother: [${aliases}]\n` },
    /params\.yaml: the file has too many YAML aliases \(\*name\), over model-ci's limit of 100 .*MODEL_CI_MAX_YAML_ALIASES/,
  );
  await trainFails(
    { 'params.yaml': (p) => p.replace('epochs: 150', 'epochs: 100000000') },
    /params\.yaml:\d+: `train\.epochs` is 100000000, over model-ci's limit of 10000 epochs; .*MODEL_CI_MAX_EPOCHS/,
  );
  await trainFails(
    { 'params.yaml': (p) => p.replace('hidden_units: [16]', 'hidden_units: [1000000]') },
    /`model\.hidden_units\[0\]` is 1000000, .*MODEL_CI_MAX_UNITS/,
  );
  const header = [...Array.from({ length: 10_000 }, (_, i) => `c${i}`), 'target'].join(',');
  const row = (label: number) => [...Array(10_000).fill(1), label].join(',');
  await trainFails(
    { 'data/iris.csv': `${header}\n${row(0)}\n${row(1)}\n` },
    /data\/iris\.csv:1: the header has too many columns, over model-ci's limit of 10000 columns .*MODEL_CI_MAX_COLUMNS/,
  );
});

test('a data file that is not a CSV is never echoed', async () => {
  const secret = 'FAKE_SECRET_123';
  for (const file of [`API_TOKEN=${secret}\nDB_HOST=db\n`, `target,x\n0,1\n1,2\n0,3\n1,${secret}\n`, `target,x\n0,1\nexport TOKEN="${secret}"\n`]) {
    const dir = await fixtureCopy('iris', { 'data/iris.csv': file });
    copies.push(dir);
    const result = await runCli(['train', '-q', '--backend', 'cpu', '--config', 'model-ci.yml', '--out', join(scratch, 'never')], { cwd: dir });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^model-ci: data\/iris\.csv/);
    assert.ok(!result.stderr.includes(secret), result.stderr);
  }
});

test('a missing config, model folder or predict input is exit 2 with what to do', async () => {
  const config = await runCli(['train', '--config', join(scratch, 'nope.yml')]);
  assert.equal(config.code, 2);
  assert.match(config.stderr, /^model-ci: .*nope\.yml/);

  const model = await runCli(['evaluate', '--config', 'fixtures/iris/model-ci.yml', '--model', join(scratch, 'no-model'), '--backend', 'cpu']);
  assert.equal(model.code, 2);
  assert.match(
    model.stderr,
    /no-model\/model\.json: model\.json is missing from the model folder; a model folder holds model\.json, weights\.bin and preprocessing\.json/,
  );

  const noModel = await runCli(['predict', '--json', 'x.json']);
  assert.equal(noModel.code, 2);
  assert.equal(noModel.stderr, 'model-ci: --model <dir> is required: the folder written by `model-ci train`\n');

  const twoInputs = await runCli(['predict', '--model', scratch, '--json', 'a.json', '--csv', 'b.csv']);
  assert.equal(twoInputs.code, 2);
  assert.match(twoInputs.stderr, /give exactly one input: --csv <file>, --json <file> or - for JSON on stdin \(got 2\)/);
});

test('a config path that leaves the repository is exit 2 naming the key, whatever the file holds', async () => {
  // The repository is <dir>/repo (its git top level); the iris data sits beside it, a perfectly good CSV.
  const dir = await fixtureCopy('iris', { 'model-ci.yml': (c) => c.replace('train: data/iris.csv', 'train: ../data/iris.csv') });
  copies.push(dir);
  await mkdir(join(dir, 'repo'));
  await git(['init', '--quiet'], { cwd: join(dir, 'repo') });
  for (const file of ['model-ci.yml', 'params.yaml']) await rename(join(dir, file), join(dir, 'repo', file));
  const result = await runCli(['train', '-q', '--backend', 'cpu', '--out', join(scratch, 'never')], { cwd: join(dir, 'repo') });
  assert.equal(result.code, 2, `exit ${result.code}: ${result.stderr}`);
  assert.match(result.stderr, /^model-ci: model-ci\.yml:5: `data\.train` must stay inside the repository; "\.\.\/data\/iris\.csv" leads out of it\n$/);
});

test('predict rejects bad instances by index and feature', async () => {
  const model = join(scratch, 'iris');
  const trained = await runCli(['train', '-q', '--config', 'fixtures/iris/model-ci.yml', '--backend', 'cpu', '--out', model]);
  assert.equal(trained.code, 0, trained.stderr);

  const notJson = await runCli(['predict', '--model', model, '--backend', 'cpu', '-'], { stdin: '[{"sepal_length": 5,' });
  assert.equal(notJson.code, 2);
  assert.match(notJson.stderr, /^model-ci: stdin: is not valid JSON/);

  const wrongShape = await runCli(['predict', '--model', model, '--backend', 'cpu', '-'], { stdin: '{"rows": []}' });
  assert.equal(wrongShape.code, 2);
  assert.match(wrongShape.stderr, /expected a JSON array of instances or an object \{"instances": \[\.\.\.\]\}/);

  const json = join(scratch, 'bad.json');
  await writeFile(
    json,
    JSON.stringify([
      [5.1, 3.5, 1.4, 0.2],
      [5.1, 3.5, 'wide', 0.2],
    ]),
  );
  const badValue = await runCli(['predict', '--model', model, '--backend', 'cpu', '--json', json]);
  assert.equal(badValue.code, 2);
  assert.equal(
    badValue.stderr
      .split('\n')
      .filter((l) => l.startsWith('model-ci:'))
      .join('\n'),
    'model-ci: instances[1].petal_length: expected a finite number, got the string "wide"',
  );

  const huge = await runCli(['predict', '--model', model, '--backend', 'cpu', '-'], { stdin: '[[5.1, 3.5, 1.4, 0.2], [5.1, 1e400, 1.4, 0.2]]' });
  assert.equal(huge.code, 2);
  assert.match(huge.stderr, /^model-ci: instances\[1\]\.sepal_width: expected a finite number, got one beyond the range of a 64-bit float/m);

  const csv = join(scratch, 'bad.csv');
  await writeFile(csv, 'sepal_length,sepal_width,petal_length\n5.1,3.5,1.4\n');
  const missing = await runCli(['predict', '--model', model, '--backend', 'cpu', '--csv', csv]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^model-ci: .*bad\.csv:1: the header has no column `petal_width`; the model's features are `sepal_length`, /);
});

test('predict refuses a category the model never saw: CSV by line and column, JSON by instance and feature', async () => {
  const tiny = await writeTinyModel(join(scratch, 'tiny-clinic'), 'binary');
  const csv = join(scratch, 'clinics.csv');
  // Row 2's target spans two lines (a quoted newline), so row 3 starts on line 5, not 4.
  await writeFile(csv, 'mean_radius,mean_texture,clinic,worst_area,diagnosis\n14,20,east,800,x\n9,10,north,200,"two\nlines"\n8,10,"so\u202euth",200,x\n');
  const fromCsv = await runCli(['predict', '--model', tiny.dir, '--backend', 'cpu', '--csv', csv]);
  assert.equal(fromCsv.code, 2, fromCsv.stderr);
  assert.equal(fromCsv.stdout, '');
  assert.match(
    fromCsv.stderr,
    /^model-ci: \S*clinics\.csv:5: column 3: category "so\\u202euth" of feature "clinic" was not seen in training, so the model cannot predict it; known categories \(3\): "east", "north", "west"$/m,
  );
  const fromJson = await runCli(['predict', '--model', tiny.dir, '--backend', 'cpu', '-'], {
    stdin: '[[14, 20, "east", 800], {"mean_radius": 8, "mean_texture": 10, "clinic": "south", "worst_area": 200}]',
  });
  assert.equal(fromJson.code, 2, fromJson.stderr);
  assert.match(fromJson.stderr, /^model-ci: instances\[1\]\.clinic: category "south" of feature "clinic" was not seen in training/m);
});
