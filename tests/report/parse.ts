/** Reading back what the report renders: GFM tables split into cells, as GitHub splits them. */

/** Splits a table row on pipes that are not backslash-escaped. */
export function cells(line: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && i + 1 < line.length) {
      current += char + line[i + 1];
      i++;
    } else if (char === '|') {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  // A row starts and ends with a pipe: drop the empty edges.
  return parts.slice(1, -1);
}

/** The table whose header row's first cell is `firstHeader`: header plus body rows, delimiter row skipped. */
export function tableAfter(markdown: string, firstHeader: string): { header: string[]; rows: string[][] } {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|') && cells(line)[0] === firstHeader);
  if (start === -1) throw new Error(`no table with first header ${JSON.stringify(firstHeader)} in:\n${markdown}`);
  const body: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) body.push(cells(lines[i]));
  return { header: cells(lines[start]), rows: body };
}
