import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readCsv, readCsvFile, type CsvOptions } from '../../src/data/csv.ts';
import { cellText, column, lineOfRow, type Column, type Table } from '../../src/data/table.ts';
import { tempFiles, userError, withEnv } from '../config/temp-files.ts';

async function csv(content: string | Buffer, opts: CsvOptions = {}): Promise<Table> {
  const root = await tempFiles({ 'data.csv': content });
  return readCsv(join(root, 'data.csv'), opts);
}

async function csvError(content: string | Buffer, ...fragments: (string | RegExp)[]): Promise<string> {
  const root = await tempFiles({ 'data.csv': content });
  return userError(() => readCsv(join(root, 'data.csv')), ...fragments);
}

function texts(col: Column, rows: number): string[] {
  return Array.from({ length: rows }, (_, r) => cellText(col, r));
}

function numbers(col: Column): number[] {
  assert.equal(col.kind, 'numeric', `${col.name} should be numeric`);
  return Array.from((col as Extract<Column, { kind: 'numeric' }>).values);
}

describe('readCsv', () => {
  it('reads numeric and text columns into typed arrays', async () => {
    const table = await csv('x,color,y\n1.5,red,0\n-2,blue,1\n3e2,red,1\n');
    assert.equal(table.rowCount, 3);
    assert.deepEqual(numbers(column(table, 'x')), [1.5, -2, 300]);
    const color = column(table, 'color');
    assert.equal(color.kind, 'categorical');
    assert.ok(color.kind === 'categorical' && color.codes instanceof Int32Array);
    assert.deepEqual(texts(color, 3), ['red', 'blue', 'red']);
    const y = column(table, 'y');
    assert.ok(y.kind === 'numeric' && y.values instanceof Float64Array);
  });

  it('follows RFC 4180: quotes, escaped quotes, commas and newlines inside quotes, CRLF, BOM', async () => {
    const content = '\uFEFFid,"note, long",n\r\n1,"say ""hi""",4\r\n2,"two\r\nlines",5\r\n3,"x",6\r\n';
    // Reads of 1 to 9 bytes put a chunk boundary inside the BOM, a CRLF, a "" pair and a quoted newline.
    for (const chunkBytes of [1, 2, 3, 4, 5, 6, 7, 8, 9, 1 << 20]) {
      const table = await csv(content, { chunkBytes });
      assert.deepEqual(
        table.columns.map((c) => c.name),
        ['id', 'note, long', 'n'],
      );
      assert.deepEqual(texts(column(table, 'note, long'), 3), ['say "hi"', 'two\r\nlines', 'x'], `chunks of ${chunkBytes}`);
      assert.deepEqual(numbers(column(table, 'n')), [4, 5, 6]);
      // The row after the two-line field starts on line 5.
      assert.deepEqual(
        [0, 1, 2].map((r) => lineOfRow(table, r)),
        [2, 3, 5],
      );
    }
  });

  it('accepts a missing final newline, skips blank lines and trims spaces around unquoted values', async () => {
    const table = await csv('a,b\n1, 2\n\n 3 ,x y\n4,"  z "');
    assert.equal(table.rowCount, 3);
    assert.deepEqual(numbers(column(table, 'a')), [1, 3, 4]);
    assert.deepEqual(texts(column(table, 'b'), 3), ['2', 'x y', '  z ']);
    assert.deepEqual(
      [0, 1, 2].map((r) => lineOfRow(table, r)),
      [2, 4, 5],
    );
  });

  it('parses numbers exactly as JavaScript does', async () => {
    const values = [
      '0',
      '-0',
      '1.5',
      '.5',
      '5.',
      '+3',
      '1e3',
      '1E-3',
      '0.1',
      '0.3',
      '17.99',
      '0.07871',
      '00012.5000',
      '123456789012345',
      '1234567890123456789',
      '9007199254740993',
      '3.14159265358979323846',
      '0.0000000000000000000001',
      '-2.5e-300',
      '1.7976931348623157e308',
    ];
    const table = await csv(`v\n${values.join('\n')}\n`);
    numbers(table.columns[0]).forEach((parsed, i) => {
      assert.ok(Object.is(parsed, Number(values[i])), `${values[i]} → ${parsed}`);
    });
  });

  it('reads numbers as float32 when asked: each the float32 nearest its exact double, printed as written', async () => {
    const values = [
      '0',
      '-0',
      '1.5',
      '0.1',
      '17.99',
      '0.07871',
      '00012.5000',
      '16777217',
      '123456789012345',
      '3.14159265358979323846',
      '-2.5e-300',
      '1e-40',
      '3.4028235e38',
    ];
    const table = await csv(`v,w\n${values.map((v) => `${v},1`).join('\n')}\n`, { float32: true });
    const col = column(table, 'v');
    assert.ok(col.kind === 'numeric' && col.values instanceof Float32Array);
    numbers(col).forEach((parsed, i) => {
      assert.ok(Object.is(parsed, Math.fround(Number(values[i]))), `${values[i]} → ${parsed}`);
    });
    // The shortest decimal that rounds to the same float32, not the widened double's 17 digits.
    assert.deepEqual(texts(col, 5), ['0', '0', '1.5', '0.1', '17.99']);
    assert.deepEqual(texts(col, values.length).slice(5), ['0.07871', '12.5', '16777216', '123456790000000', '3.1415927', '0', '1e-40', '3.4028235e+38']);
  });

  it('keeps the exact text of categories that look like numbers', async () => {
    // Forced: zip codes keep their leading zeros.
    const forced = await csv('zip,y\n02139,1\n10001,0\n', { categorical: ['zip'] });
    assert.deepEqual(texts(column(forced, 'zip'), 2), ['02139', '10001']);
    // Detected: a text column whose first values look like numbers is re-read, so "1.0" stays "1.0".
    const detected = await csv('grade,y\n1.0,1\n007,0\nA,1\nB,0\nC,1\n');
    const grade = column(detected, 'grade');
    assert.equal(grade.kind, 'categorical');
    assert.deepEqual(texts(grade, 5), ['1.0', '007', 'A', 'B', 'C']);
  });

  it('streams files larger than one chunk, with records split across chunk boundaries', async () => {
    // ~2.6 MB of rows whose quoted two-line fields and CRLFs land on both sides of the 1 MiB chunk edges.
    const rows = 40000;
    const lines = ['i,label,x\r\n'];
    for (let i = 0; i < rows; i++) lines.push(`${i},"l""${i % 7}\r\nend",${(i * 0.25).toFixed(2)}\r\n`);
    const content = lines.join('');
    const root = await tempFiles({ 'big.csv': content });
    const { table, hash } = await readCsvFile(join(root, 'big.csv'));
    assert.equal(table.rowCount, rows);
    const i = numbers(column(table, 'i'));
    const x = numbers(column(table, 'x'));
    const label = column(table, 'label');
    for (let r = 0; r < rows; r++) {
      assert.equal(i[r], r);
      assert.equal(x[r], r * 0.25);
      assert.equal(lineOfRow(table, r), 2 + 2 * r);
    }
    assert.ok(label.kind === 'categorical');
    assert.equal(label.dictionary.length, 7);
    assert.equal(cellText(label, 12345), `l"${12345 % 7}\r\nend`);
    const bytes = await readFile(join(root, 'big.csv'));
    assert.equal(hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  });
});

describe('readCsv rejects', () => {
  it('a missing file', async () => {
    const root = await tempFiles({});
    await userError(() => readCsv(join(root, 'nope.csv')), 'nope.csv', 'cannot read data file', 'no such file');
  });

  it('a directory, closing the handle it opened (no DEP0137 "closing a FileHandle on garbage collection")', async () => {
    const root = await tempFiles({ 'dir/x': '' });
    const open = async () => (await readdir('/proc/self/fd')).length;
    const before = await open();
    for (let i = 0; i < 5; i++) await userError(() => readCsv(join(root, 'dir')), 'cannot read data file', 'it is a directory');
    assert.equal(await open(), before, 'every file descriptor opened was closed');
  });

  it('a device, which has no size and may never end', async () => {
    await userError(() => readCsv('/dev/zero'), 'cannot read data file', 'not a regular file');
  });

  it('an empty file', async () => {
    await csvError('', 'data.csv', 'the file is empty');
    await csvError('\n\r\n\n', 'the file is empty');
  });

  it('a header without rows', async () => {
    await csvError('a,b,target\n', 'data.csv:2', 'has a header of 3 columns but no rows');
  });

  it('a ragged row', async () => {
    await csvError('a,b,c\n1,2,3\n4,5\n', 'data.csv:3', 'line 3 has 2 fields, the header has 3');
    await csvError('a,b\n1,2,3\n', 'data.csv:2', 'line 2 has 3 fields, the header has 2');
  });

  it('an empty value', async () => {
    await csvError('a,b\n1,2\n3,\n', 'data.csv:3', 'empty value in column `b` on line 3');
    await csvError('a,b\n1,2\n"",4\n', 'data.csv:3', 'empty value in column `a`');
  });

  it('a stray word in a numeric column, naming line, column and value', async () => {
    await csvError(
      'a,b\n1,2\n3,4\n5,oops\n7,8\n',
      'data.csv:4',
      'column `b` holds numbers (3 of 4 rows) but line 4 has text there',
      'data.categorical_columns',
    );
  });

  it('NaN and Infinity in a numeric column', async () => {
    await csvError('a,b\n1,2\n3,NaN\n', 'data.csv:3', 'column `b` has "NaN" on line 3', 'finite numbers');
    await csvError('a,b\n1,2\n3,-inf\n', 'data.csv:3', '"-inf"');
    await csvError('a,b\n1,Infinity\n3,4\n', 'data.csv:2', '"Infinity"');
    await csvError('a,b\n1,2\n3,1e999\n', 'data.csv:3', '"1e999"');
  });

  it('a number beyond float32 when reading float32, though a double holds it', async () => {
    const root = await tempFiles({ 'data.csv': 'a,b\n1,2\n3,-3.5e38\n5,1e39\n' });
    await userError(() => readCsv(join(root, 'data.csv'), { float32: true }), 'data.csv:3', 'column `b` has "-3.5e38" on line 3, beyond ±3.4e38');
    assert.deepEqual(numbers(column(await readCsv(join(root, 'data.csv')), 'b')), [2, -3.5e38, 1e39]);
  });

  it('duplicate and empty header names', async () => {
    await csvError('a,b,a\n1,2,3\n', 'data.csv:1', 'the header names column "a" twice (columns 1 and 3)');
    await csvError('a,,c\n1,2,3\n', 'data.csv:1', 'column 2 of the header has no name');
  });

  it('malformed quotes', async () => {
    await csvError('a,b\n1,"open\n2,3\n', 'data.csv:2', 'a quoted field opened on line 2 is never closed');
    await csvError('a,b\n1,"x"y\n', 'data.csv:2', 'unexpected "y" after a closing quote');
  });

  it('a missing column, listing the columns', async () => {
    const table = await csv('a,b\n1,2\n');
    await userError(() => column(table, 'target'), 'data.csv:1', 'no column "target"; the columns are: `a`, `b`');
  });
});

describe('readCsv bounds', () => {
  it('refuses a file over the size limit from its size, before reading it', async () => {
    const root = await tempFiles({ 'data.csv': `a,b\n${'1,2\n'.repeat(100)}` });
    const read = () => readCsv(join(root, 'data.csv'));
    await withEnv({ MODEL_CI_MAX_CSV_BYTES: '100' }, () =>
      userError(read, 'data.csv', 'the file is 404 bytes', "over model-ci's limit of 100 bytes for a data file", 'MODEL_CI_MAX_CSV_BYTES'),
    );
    assert.equal((await read()).rowCount, 100);
  });

  it('refuses a header of more columns than the limit, before allocating them', async () => {
    const header = Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',');
    await csvError(
      `${header}\n${Array(10_001).fill(1).join(',')}\n`,
      'data.csv:1',
      "the header has too many columns, over model-ci's limit of 10000 columns in a data file",
      'MODEL_CI_MAX_COLUMNS',
    );
  });

  it('refuses more rows than the limit', async () => {
    const root = await tempFiles({ 'data.csv': 'a,b\n1,2\n3,4\n5,6\n7,8\n' });
    const read = () => readCsv(join(root, 'data.csv'));
    await withEnv({ MODEL_CI_MAX_ROWS: '3' }, () =>
      userError(read, 'data.csv:5', "too many rows, over model-ci's limit of 3 rows in a data file", 'MODEL_CI_MAX_ROWS'),
    );
    await withEnv({ MODEL_CI_MAX_ROWS: '4' }, async () => assert.equal((await read()).rowCount, 4));
  });

  it('counts the fields of a row wider than the header without keeping them', async () => {
    await csvError(`a,b\n1,2\n${Array(50_000).fill(3).join(',')}\n`, 'data.csv:3', 'line 3 has 50000 fields, the header has 2');
  });
});

describe('readCsv never echoes a file that is not a CSV', () => {
  const SECRET = 'FAKE_SECRET_123';

  it('a secrets file: its lines are not quoted, whichever check fails', async () => {
    const secrets = `API_TOKEN=${SECRET}\nDB_HOST=localhost\n`;
    const table = await csv(secrets);
    const missing = await userError(() => column(table, 'target'), 'data.csv:1', 'no column "target"', 'no commas', 'is it a CSV file?');
    assert.ok(!missing.includes(SECRET), missing);
    const headerOnly = await csvError(`API_TOKEN=${SECRET}\n`, 'data.csv:2', 'a header of 1 column but no rows');
    assert.ok(!headerOnly.includes(SECRET), headerOnly);
  });

  it('a line that fails to parse as numbers is located, not quoted', async () => {
    const text = await csvError(`x,y\n1,2\n3,4\n5,${SECRET}\n`, 'data.csv:4', 'column `y` holds numbers (2 of 3 rows) but line 4 has text there');
    assert.ok(!text.includes(SECRET), text);
    const ragged = await csvError(`x,y\n1,2\nexport TOKEN="${SECRET}",a,b\n`, 'data.csv:3', 'line 3 has 3 fields');
    assert.ok(!ragged.includes(SECRET), ragged);
  });

  it('names from the header are short escaped excerpts, in the message and its location', async () => {
    const name = `${SECRET}\u0007${'x'.repeat(100)}`;
    const text = await csvError(`${name},b,${name}\n1,2,3\n`, 'data.csv:1', /names column "FAKE_SECRET_123\\u0007x{23}…" twice/);
    assert.ok(!text.includes('x'.repeat(40)), text);
    const table = await csv(`a,${name}\n1,2\n`);
    const listed = await userError(() => column(table, 'target'), /the columns are: `a`, "FAKE_SECRET_123\\u0007x{23}…"$/);
    assert.ok(!listed.includes('\u0007'), listed);
  });
});
