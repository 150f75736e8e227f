/**
 * A row's identity by content: the key of a parsed row, so a row keeps its key when the file's line
 * endings, quoting or column order change, or when other rows are added or removed. The stable split
 * (`split.ts`), the PR's "new rows" and the data diff all name rows by this one key.
 *
 * The key is over the cells as parsed, column by column in name order: a numeric cell as its float32 value
 * (what the network sees: "0.10" and "0.1" are one value, and a table read as float64 keys like one read as
 * float32), a text cell as its text. A column that turns from numbers to text (a stray word makes it a
 * category) therefore changes its rows' keys. Every column of the file is part of the row, the target too:
 * two rows are the same row when all their cells are.
 */
import { createHash } from 'node:crypto';
import type { Table } from './table.ts';

/** `<64 hex>`: SHA-256 of the row's cells, in column-name order. */
export function rowKey(table: Table, row: number): string {
  return rowKeyer(table)(row);
}

/** The keys of `rows` (default: every row), in their order. */
export function rowKeys(table: Table, rows?: ArrayLike<number>): string[] {
  const key = rowKeyer(table);
  const count = rows ? rows.length : table.rowCount;
  const keys = new Array<string>(count);
  for (let i = 0; i < count; i++) keys[i] = key(rows ? rows[i] : i);
  return keys;
}

/**
 * Where a row falls in [0, 1) for `seed`: a pure function of its key and the seed, so a row's side of the
 * split depends on nothing else. The first 8 bytes of the key, mixed with the seed (SplitMix64's finaliser),
 * then 53 bits of the result.
 */
export function splitPoint(key: string, seed: number): number {
  let x = BigInt.asUintN(64, BigInt(`0x${key.slice(0, 16)}`) ^ (BigInt(seed >>> 0) * 0x9e3779b97f4a7c15n));
  x = BigInt.asUintN(64, (x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n);
  x = BigInt.asUintN(64, (x ^ (x >> 27n)) * 0x94d049bb133111ebn);
  x ^= x >> 31n;
  return Number(x >> 11n) / 2 ** 53;
}

const NUMBER = 0;
const TEXT = 1;

/**
 * The key function of one table: the column names once, then per row one buffer of tagged cells (a number
 * as its 4 float32 bytes, -0 as 0 and every NaN as one; a text cell as its length and UTF-8 bytes, encoded
 * once per distinct value), hashed in one call. A text cell per row would cost a string and a hash update.
 */
function rowKeyer(table: Table): (row: number) => string {
  const columns = [...table.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = Buffer.from(JSON.stringify(columns.map((c) => c.name)), 'utf8');
  const texts = columns.map((col) =>
    col.kind === 'categorical'
      ? col.dictionary.map((value) => {
          const bytes = Buffer.from(value, 'utf8');
          const cell = Buffer.alloc(5 + bytes.length);
          cell[0] = TEXT;
          cell.writeUInt32LE(bytes.length, 1);
          bytes.copy(cell, 5);
          return cell;
        })
      : [],
  );
  const capacity = names.length + columns.reduce((sum, col, i) => sum + (col.kind === 'numeric' ? 5 : Math.max(0, ...texts[i].map((t) => t.length))), 0);
  const buffer = Buffer.alloc(capacity);
  names.copy(buffer, 0);
  const float = new Float32Array(1);
  const floatBytes = new Uint8Array(float.buffer);
  return (row) => {
    let at = names.length;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i];
      if (col.kind === 'numeric') {
        const value = col.values[row];
        float[0] = Number.isNaN(value) ? Number.NaN : value === 0 ? 0 : value;
        buffer[at] = NUMBER;
        buffer.set(floatBytes, at + 1);
        at += 5;
      } else {
        const cell = texts[i][col.codes[row]];
        cell.copy(buffer, at);
        at += cell.length;
      }
    }
    return createHash('sha256').update(buffer.subarray(0, at)).digest('hex');
  };
}
