/**
 * `model-ci predict` streams a CSV: the same numbers as the server's predictor, in three formats,
 * a file written whole or not at all, and shards (N real processes) that concatenate to the whole.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { streamCsvBatches } from '../../src/data/csv-batches.ts';
import { readCsv } from '../../src/data/csv.ts';
import type { FeatureSpec } from '../../src/data/preprocessing.ts';
import { cellText } from '../../src/data/table.ts';
import { shardOf, shardRange } from '../../src/cli/shard.ts';
import { createPredictor, loadModel, type Prediction } from '../../src/model/predictor.ts';
import { writeTinyModel, type TinyModel } from '../support/tiny-model.ts';
import { runCli } from './helpers.ts';

let dir: string;
let tiny: TinyModel;
let csv: string;
const ROWS = 9000;
// A category holding a line break, a comma and a quote: CSV must quote it, and its newlines are not line starts.
const NOTES = ['plain', 'two\nlines', 'a, "quoted" one', 'many\n\n\nbreaks\r\nhere'];
const features: FeatureSpec[] = [
  { name: 'size', kind: 'numeric', mean: 10, std: 3 },
  { name: 'note', kind: 'categorical', encoding: 'one-hot', categories: NOTES },
  { name: 'weight', kind: 'numeric', mean: -2, std: 0.5 },
  { name: 'zone', kind: 'categorical', encoding: 'one-hot', categories: ['a', 'b'] },
];

function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'model-ci-predict-stream-'));
  tiny = await writeTinyModel(join(dir, 'model'), 'binary', { features, hiddenUnits: [8, 4], activation: 'relu', seed: 11 });
  let text = 'weight,note,diagnosis,size,zone\n';
  for (let i = 0; i < ROWS; i++) {
    // Every category is one the model knows (others are refused: bad-input tests); a target column is ignored; blank lines are not rows.
    const note = NOTES[(i * 3) % NOTES.length];
    text += ` ${(-2 + Math.sin(i) * 0.7).toFixed(4)} ,${quoteField(note)},${i % 2},"${(10 + Math.cos(i * 1.3) * 4).toFixed(3)}",${'ab'[i % 2]}\n`;
    if (i % 1000 === 999) text += '\n';
  }
  csv = join(dir, 'rows.csv');
  await writeFile(csv, text);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The predictions the server answers for the same rows, read with the training reader (the old `predict --csv`). */
async function serverPredictions(): Promise<Prediction[]> {
  const table = await readCsv(csv, { categorical: ['note', 'zone'] });
  const loaded = await loadModel(tiny.dir, { backend: 'cpu' });
  const predictor = createPredictor(loaded);
  const predictions: Prediction[] = [];
  // Requests of 16 rows, as a client would send: the server's small-batch path.
  for (let start = 0; start < table.rowCount; start += 16) {
    const instances = [];
    for (let row = start; row < Math.min(start + 16, table.rowCount); row++) {
      const instance: Record<string, unknown> = {};
      for (const col of table.columns) if (col.name !== 'diagnosis') instance[col.name] = col.kind === 'numeric' ? col.values[row] : cellText(col, row);
      instances.push(instance);
    }
    predictions.push(...predictor.predict(instances));
  }
  loaded.model.dispose();
  return predictions;
}

test('a streamed CSV predicts exactly what the server answers, in json (the old document), jsonl and csv', async () => {
  const expected = await serverPredictions();
  assert.equal(expected.length, ROWS);
  const [json, jsonl, asCsv] = await Promise.all(
    ['json', 'jsonl', 'csv'].map((format) => runCli(['predict', '--model', tiny.dir, '--csv', csv, '--backend', 'cpu', '--format', format])),
  );
  for (const result of [json, jsonl, asCsv]) assert.equal(result.code, 0, result.stderr);
  // The default document, byte for byte as `predict` always printed it.
  assert.equal(json.stdout, `{"predictions": [${expected.map((p) => `\n  ${JSON.stringify(p)}`).join(',')}\n]}\n`);
  assert.equal(jsonl.stdout, expected.map((p) => `${JSON.stringify(p)}\n`).join(''));
  const lines = asCsv.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'label,p_benign,p_malignant');
  assert.deepEqual(
    lines.slice(1).map((line) => line.split(',')),
    expected.map((p) => {
      const { label, probabilities } = p as { label: string; probabilities: number[] };
      return [label, ...probabilities.map(String)];
    }),
  );
});

test('the reader refills one matrix of batchRows rows, whatever the file size (memory does not grow with rows)', async () => {
  const matrices = new Set<Float32Array>();
  const sizes: number[] = [];
  const { rows } = await streamCsvBatches(
    csv,
    tiny.preprocessing,
    (matrix, count) => {
      matrices.add(matrix);
      sizes.push(count);
    },
    { batchRows: 500, chunkBytes: 4096 },
  );
  assert.equal(rows, ROWS);
  assert.equal(matrices.size, 1, 'the same matrix every batch');
  assert.equal([...matrices][0].length, 500 * tiny.preprocessing.inputSize);
  assert.deepEqual(sizes, [...Array.from({ length: 18 }, () => 500)]);
});

test('byte-range shards tile the file: every row exactly once, whatever N, chunk size and quoted newlines', async () => {
  const whole: number[] = [];
  await streamCsvBatches(csv, tiny.preprocessing, (m, count) => void whole.push(...m.subarray(0, count * tiny.preprocessing.inputSize)));
  const bytes = await readFile(csv);
  let insideQuotes = 0;
  for (const count of [2, 3, 7, 13, 64]) {
    const parts: number[] = [];
    for (let index = 1; index <= count; index++) {
      const range = shardRange(bytes.length, { index, count });
      // The test means something only if boundaries fall inside quoted fields: count them.
      if (bytes.subarray(0, range.start).filter((b) => b === 0x22).length % 2 === 1) insideQuotes++;
      await streamCsvBatches(csv, tiny.preprocessing, (m, n) => void parts.push(...m.subarray(0, n * tiny.preprocessing.inputSize)), {
        range,
        chunkBytes: 1000 + index,
        batchRows: 333,
      });
    }
    assert.equal(parts.length, whole.length, `${count} shards`);
    assert.deepEqual(parts, whole, `${count} shards`);
  }
  assert.ok(insideQuotes >= 5, `only ${insideQuotes} shard boundaries fell inside a quoted field`);
});

test('N predict processes, by --shard K/N or a Kubernetes Indexed Job, concatenate to one process’s output', async () => {
  const one = await runCli(['predict', '--model', tiny.dir, '--csv', csv, '--backend', 'cpu', '--format', 'csv']);
  assert.equal(one.code, 0, one.stderr);
  const N = 4;
  const parts = await Promise.all(
    Array.from({ length: N }, (_, k) =>
      k % 2 === 0
        ? runCli(['predict', '--model', tiny.dir, '--csv', csv, '--backend', 'cpu', '--format', 'csv', '--shard', `${k + 1}/${N}`])
        : runCli(['predict', '--model', tiny.dir, '--csv', csv, '--backend', 'cpu', '--format', 'csv'], {
            env: { ...process.env, JOB_COMPLETION_INDEX: String(k), JOB_COMPLETION_COUNT: String(N) },
          }),
    ),
  );
  for (const part of parts) assert.equal(part.code, 0, part.stderr);
  assert.ok(
    parts.every((p) => p.stdout.length > 1000),
    'every shard predicted rows',
  );
  assert.equal(parts.map((p) => p.stdout).join(''), one.stdout);
  // Without --format a shard writes JSON Lines, which also concatenate.
  const jsonl = await runCli(['predict', '--model', tiny.dir, '--csv', csv, '--backend', 'cpu', '--shard', `${N}/${N}`]);
  assert.equal(jsonl.code, 0, jsonl.stderr);
  assert.ok(one.stdout.trimEnd().split('\n').length - 1 > jsonl.stdout.split('\n').length - 1);
  assert.match(jsonl.stdout, /^\{"label":"(benign|malignant)","probabilities":\[/);
});

test('a bad shard is exit 2 with what was expected, before the model loads', async () => {
  const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
    [['--shard', '5/4'], {}, /--shard 5\/4: the shard must be from 1 to 4 \(shards count from 1/],
    [['--shard', '0/3'], {}, /--shard 0\/3: the shard must be from 1 to 3/],
    [['--shard', 'a/b'], {}, /--shard "a\/b": expected K\/N, two whole numbers with 1 ≤ K ≤ N/],
    [['--shard', '1/0'], {}, /--shard 1\/0: the number of shards must be from 1 to 10000/],
    [['--shard', '1/2', '--format', 'json'], {}, /--format json writes one document, which shards cannot split/],
    [[], { JOB_COMPLETION_INDEX: '2' }, /JOB_COMPLETION_COUNT is not set but JOB_COMPLETION_INDEX is/],
    [[], { JOB_COMPLETION_INDEX: '3', JOB_COMPLETION_COUNT: '3' }, /JOB_COMPLETION_INDEX=3 with JOB_COMPLETION_COUNT=3: the index counts from 0/],
    [['--format', 'xml'], {}, /--format "xml": expected one of json, jsonl, csv/],
  ];
  for (const [args, env, message] of cases) {
    // The model folder does not exist: the spec is refused first.
    const result = await runCli(['predict', '--model', join(dir, 'none'), '--csv', csv, ...args], { env: { ...process.env, ...env } });
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, new RegExp(`^model-ci: ${message.source}`), args.join(' '));
  }
  const jsonShard = await runCli(['predict', '--model', tiny.dir, '--json', csv, '--shard', '1/2']);
  assert.equal(jsonShard.code, 2);
  assert.match(jsonShard.stderr, /--shard splits a CSV file by bytes/);
});

test('a bad row names file, line and column, and --out leaves nothing behind even after batches were written', async () => {
  const out = join(dir, 'outputs');
  await rm(out, { recursive: true, force: true });
  await mkdir(out);
  const text = (await readFile(csv, 'utf8')).split('\n');
  // Line 8000+ is past the first batch of 4096 rows, which has been predicted and written by then.
  // Rows start with a space (the weight column); other lines continue a quoted note.
  const badLine = text.findIndex((line, i) => i >= 8000 && line.startsWith(' ')) + 1;
  text[badLine - 1] = text[badLine - 1].replace(/^[^,]*/, 'heavy');
  const bad = join(dir, 'bad.csv');
  await writeFile(bad, text.join('\n'));
  const result = await runCli(['predict', '--model', tiny.dir, '--csv', bad, '--backend', 'cpu', '--format', 'jsonl', '--out', join(out, 'p.jsonl')]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, new RegExp(`^model-ci: .*bad\\.csv:${badLine}: column \`weight\` has "heavy" on line ${badLine}; expected a number\\n$`));
  assert.deepEqual(await readdir(out), [], 'no output and no temporary file');

  const good = await runCli(['predict', '--model', tiny.dir, '--csv', csv, '--backend', 'cpu', '--format', 'jsonl', '--out', join(out, 'p.jsonl')]);
  assert.equal(good.code, 0, good.stderr);
  assert.equal(good.stdout, '');
  assert.deepEqual(await readdir(out), ['p.jsonl']);
  assert.equal((await readFile(join(out, 'p.jsonl'), 'utf8')).split('\n').length, ROWS + 1);

  const cases: [string, RegExp][] = [
    ['size,note,weight\n1,plain,2\n', /:1: the header has no column `zone`; the model's features are `size`, `note`, `weight`, `zone`/],
    ['size,note,weight,zone,id\n1,plain,2,a,7\n', /:1: the header has column `id`, not a feature of the model/],
    ['size,note,weight,zone\n1,plain,2,a\n2e39,plain,2,a\n', /:3: column `size` has "2e39" on line 3, beyond float32's range/],
    ['size,note,weight,zone\n1,plain,2,a\n3,"open\n', /:3: a quoted field opened on line 3 is never closed/],
    ['size,note,weight,zone\n1,plain,NaN,a\n', /:2: column `weight` has "NaN" on line 2; expected a finite number \(no NaN or Infinity\)/],
    ['size,note,weight,zone\n1,,2,a\n', /:2: empty value in column `note` on line 2/],
    ['size,note,weight,zone\n1,plain,2\n', /:2: line 2 has 3 fields, the header has 4/],
    ['size,note,weight,zone\n', /:2: the file has a header of 4 columns but no rows/],
  ];
  for (const [content, message] of cases) {
    await writeFile(bad, content);
    const failed = await runCli(['predict', '--model', tiny.dir, '--csv', bad, '--backend', 'cpu']);
    assert.equal(failed.code, 2, content);
    assert.match(failed.stderr, message, content);
    assert.equal(failed.stdout, '', content);
  }
});

test('shardOf and shardRange: ranges tile a file of any size', () => {
  assert.deepEqual(shardOf('2/8', {}), { index: 2, count: 8 });
  assert.deepEqual(shardOf(undefined, { JOB_COMPLETION_INDEX: '0', JOB_COMPLETION_COUNT: '3' }), { index: 1, count: 3 });
  assert.equal(shardOf(undefined, {}), undefined);
  for (const size of [0, 1, 5, 1000, 2 ** 40 + 7]) {
    for (const count of [1, 3, 7]) {
      let next = 0;
      for (let index = 1; index <= count; index++) {
        const { start, end } = shardRange(size, { index, count });
        assert.equal(start, next);
        assert.ok(end >= start);
        next = end;
      }
      assert.equal(next, size);
    }
  }
});
