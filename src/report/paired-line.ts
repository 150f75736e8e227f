/** Pure: the one line that says whether main and the PR were scored on the same rows, and how many are new. */
import type { PairedRows } from '../compare/types.ts';
import { escapeInline } from './escape.ts';
import { plural } from './format.ts';

export function renderPairedLine(paired: PairedRows | undefined, baseRef: string): string {
  if (!paired) return '';
  const ref = escapeInline(baseRef);
  if (paired.unavailable !== undefined) {
    return `> [!WARNING]\n> Not on the same rows: ${escapeInline(paired.unavailable)}. ${ref}'s column is measured on ${ref}'s own test rows.`;
  }
  const file = paired.file ? ` of ${escapeInline(paired.file)}` : '';
  const parts = [
    `Both models scored on the same ${plural(paired.rows, 'test row')}${file}, ${paired.newRows} of them new (not in ${ref}'s data).`,
    paired.seenInTraining > 0
      ? `${plural(paired.seenInTraining, 'row was', 'rows were')} in ${ref}'s training split (the split changed), which flatters ${ref}.`
      : '',
    paired.note ? `Note: ${escapeInline(paired.note)}.` : '',
    paired.recorded && Object.keys(paired.recorded).length > 0
      ? `(${ref}'s record, on its own test rows: ${Object.entries(paired.recorded)
          .slice(0, 6)
          .map(([name, value]) => `${escapeInline(name)} ${Number(value.toPrecision(4))}`)
          .join(', ')}.)`
      : '',
  ];
  return parts.filter(Boolean).join(' ');
}
