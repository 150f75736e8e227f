/** A table held column by column in typed arrays: one allocation per column, none per cell. */
import { displayPath } from '../display-path.ts';
import { excerpt, quote, showName, UserError } from '../errors.ts';

export type Column =
  | {
      name: string;
      kind: 'numeric';
      /** Float64 as parsed, or Float32 when read for training (see `CsvOptions.float32`). */
      values: Float64Array | Float32Array;
    }
  | {
      name: string;
      kind: 'categorical';
      /** Index into `dictionary` per row. */
      codes: Int32Array;
      /** Distinct values in order of first appearance. */
      dictionary: string[];
    };

export interface Table {
  /** The CSV this came from (absolute path). */
  file: string;
  columns: Column[];
  rowCount: number;
  /** 1-based line where each row starts in `file`; when absent, row r is on line r + 2 (after the header). */
  rowLines?: Uint32Array;
}

/**
 * Some rows of a table, by index into it, in order. A split is its table plus
 * these indices, so holding out test rows costs 4 bytes a row, not a copy of the table.
 */
export interface TableRows {
  table: Table;
  rows: Uint32Array;
}

/** Every row of `table`, in file order. */
export function allRows(table: Table): TableRows {
  const rows = new Uint32Array(table.rowCount);
  for (let r = 0; r < rows.length; r++) rows[r] = r;
  return { table, rows };
}

export function column(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (found) return found;
  throw new UserError(`no column ${quote(name)}; ${headerSummary(table)}`, {
    file: displayPath(table.file),
    line: 1,
    field: excerpt(name),
  });
}

const LISTED_COLUMNS = 20;

/**
 * The header's names, as short excerpts, for a message about a column that is not there. A header of
 * one column is a first line without commas, probably not a CSV at all (a secrets file, another
 * separator): its one "name" is the whole line, so it is not shown.
 */
function headerSummary(table: Table): string {
  const names = table.columns.map((c) => c.name);
  if (names.length === 1) return 'the header (line 1) has no commas, so the file has a single column: is it a CSV file?';
  const listed = names.slice(0, LISTED_COLUMNS).map(showName).join(', ');
  return `the columns are: ${listed}${names.length > LISTED_COLUMNS ? `, … (${names.length} in all)` : ''}`;
}

export function lineOfRow(table: Table, row: number): number {
  return table.rowLines ? table.rowLines[row] : row + 2;
}

/** The text of one cell of a column (numbers as JavaScript prints them, float32 ones as their shortest decimal). */
export function cellText(col: Column, row: number): string {
  if (col.kind === 'categorical') return col.dictionary[col.codes[row]];
  const value = col.values[row];
  return col.values instanceof Float32Array ? float32Text(value) : String(value);
}

/**
 * The shortest decimal that rounds to the float32 `value`: "0.1", not the
 * "0.10000000149011612" String() prints for the double it widens to, so a
 * float32 cell reads as written in the CSV (up to float32's 6–9 digits) and
 * matches categories by text. Nine significant digits always round-trip.
 */
function float32Text(value: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.fround(shorter) === value) return String(shorter);
  }
  return String(Number(value.toPrecision(9)));
}
