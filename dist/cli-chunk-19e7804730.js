import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  excerpt,
  quote,
  showName
} from "./cli-chunk-55db69e02f.js";

// src/data/table.ts
function allRows(table) {
  const rows = new Uint32Array(table.rowCount);
  for (let r = 0; r < rows.length; r++) rows[r] = r;
  return { table, rows };
}
function column(table, name) {
  const found = table.columns.find((c) => c.name === name);
  if (found) return found;
  throw new UserError(`no column ${quote(name)}; ${headerSummary(table)}`, {
    file: displayPath(table.file),
    line: 1,
    field: excerpt(name)
  });
}
var LISTED_COLUMNS = 20;
function headerSummary(table) {
  const names = table.columns.map((c) => c.name);
  if (names.length === 1) return "the header (line 1) has no commas, so the file has a single column: is it a CSV file?";
  const listed = names.slice(0, LISTED_COLUMNS).map(showName).join(", ");
  return `the columns are: ${listed}${names.length > LISTED_COLUMNS ? `, \u2026 (${names.length} in all)` : ""}`;
}
function lineOfRow(table, row) {
  return table.rowLines ? table.rowLines[row] : row + 2;
}
function cellText(col, row) {
  if (col.kind === "categorical") return col.dictionary[col.codes[row]];
  const value = col.values[row];
  return col.values instanceof Float32Array ? float32Text(value) : String(value);
}
function float32Text(value) {
  for (let digits = 1; digits < 9; digits++) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.fround(shorter) === value) return String(shorter);
  }
  return String(Number(value.toPrecision(9)));
}

export {
  allRows,
  column,
  lineOfRow,
  cellText
};
