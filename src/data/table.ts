/** A table held column by column in typed arrays: one allocation per column, none per cell. */
import { displayPath } from '../config/display-path.ts';
import { UserError } from '../errors.ts';

export type Column =
  | { name: string; kind: 'numeric'; values: Float64Array }
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

export function column(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (found) return found;
  throw new UserError(`no column ${JSON.stringify(name)}; the columns are: ${table.columns.map((c) => c.name).join(', ')}`, {
    file: displayPath(table.file),
    line: 1,
    field: name,
  });
}

export function lineOfRow(table: Table, row: number): number {
  return table.rowLines ? table.rowLines[row] : row + 2;
}

/** The text of one cell of a column (numbers as JavaScript prints them). */
export function cellText(col: Column, row: number): string {
  return col.kind === 'numeric' ? String(col.values[row]) : col.dictionary[col.codes[row]];
}

/** A table of the given rows, in the given order; categorical dictionaries are shared. */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  const n = rows.length;
  const columns = table.columns.map((col): Column => {
    if (col.kind === 'numeric') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = col.values[rows[i]];
      return { name: col.name, kind: 'numeric', values };
    }
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = col.codes[rows[i]];
    return { name: col.name, kind: 'categorical', codes, dictionary: col.dictionary };
  });
  const rowLines = new Uint32Array(n);
  for (let i = 0; i < n; i++) rowLines[i] = lineOfRow(table, rows[i]);
  return { file: table.file, columns, rowCount: n, rowLines };
}
