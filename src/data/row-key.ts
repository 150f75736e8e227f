/**
 * A row's identity by content: the key of a parsed row, so a row keeps its key when the file's line
 * endings, quoting or column order change, or when other rows are added or removed. The stable split
 * (`split.ts`), the PR's "new rows" and the data diff all name rows by this one key.
 *
 * The key is over the cells as parsed, column by column in name order: a numeric cell as the shortest
 * decimal of its float32 value (what the network sees: "0.10" and "0.1" are one value, and a table read
 * as float64 keys like one read as float32), a text cell as its text. A numeric cell and a text cell of
 * the same characters ("3" and "3") key alike, so a column that turns from numbers to text does not
 * rename its rows. Every column of the file is part of the row, the target too: two rows are the same row
 * when all their cells are.
 */
import { createHash } from 'node:crypto';
import { cellText, float32Text, type Table } from './table.ts';

/** `<64 hex>`: SHA-256 of the row's cells, in column-name order. */
export function rowKey(table: Table, row: number): string {
  const hash = createHash('sha256');
  for (const col of byName(table)) hash.update(cellKey(col, row));
  return hash.digest('hex');
}

/** The keys of `rows` (default: every row), in their order. */
export function rowKeys(table: Table, rows?: ArrayLike<number>): string[] {
  const columns = byName(table);
  const count = rows ? rows.length : table.rowCount;
  const keys = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const row = rows ? rows[i] : i;
    const hash = createHash('sha256');
    for (const col of columns) hash.update(cellKey(col, row));
    keys[i] = hash.digest('hex');
  }
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

type Col = Table['columns'][number];

function byName(table: Table): Col[] {
  return [...table.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Name and value, each length-prefixed, so no two different rows join into the same bytes. */
function cellKey(col: Col, row: number): string {
  const value = col.kind === 'numeric' ? float32Text(Math.fround(col.values[row])) : cellText(col, row);
  return `${col.name.length}:${col.name}${value.length}:${value}`;
}
