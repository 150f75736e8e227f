/**
 * A row's identity by content, so the data diff can tell an unchanged row from an added, removed or
 * edited one whatever happened around it. The key covers the table's columns in name order, each cell
 * length-prefixed with its column's name (no two different rows join into the same bytes); a numeric cell
 * as its number's text, so "0.10" and "0.1" are one value. To key rows over some columns only (those two
 * versions of a file share), pass a table holding just those columns.
 *
 * (The stable split keys rows the same way; one implementation of this function is kept.)
 */
import { createHash } from 'node:crypto';
import { cellText, type Table } from './table.ts';

/** `<64 hex>`: SHA-256 of the row's cells, in column-name order. */
export function rowKey(table: Table, row: number): string {
  const hash = createHash('sha256');
  for (const col of [...table.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const value = cellText(col, row);
    hash.update(`${col.name.length}:${col.name}${value.length}:${value}`);
  }
  return hash.digest('hex');
}
