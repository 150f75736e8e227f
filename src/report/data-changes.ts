/**
 * "What changed in the data" (src/changes/data-diff.ts), one collapsed section per data file whose summary
 * carries what a reviewer must not miss (most rows removed, columns added or removed, a flagged shift),
 * and a warning when the PR's test rows lack a class. Every column name, label and file name came from
 * the PR: escaped, and shortened.
 */
import { PSI_MAJOR, PSI_MODERATE, type DataDiff } from '../changes/data-diff.ts';
import type { Evaluation } from '../domain/run-artifacts.ts';
import { shorten } from '../errors.ts';
import { escapeCell, escapeInline } from './escape.ts';
import { plural } from './format.ts';
import { table } from './markdown-table.ts';

/** What the report carries of the data diff (and the fork split's report.json, schema-checked). */
export interface DataChangesReport {
  diffs: DataDiff[];
  /** Files not compared, and why. */
  notes: string[];
}

/** A PR removing more than this share of main's rows is called out in the summary. */
const MOST_ROWS = 0.5;
const NAME_CHARS = 60;

export function renderDataChanges(changes: DataChangesReport | undefined, evaluation: Evaluation | undefined): string {
  const parts = [
    absentClasses(evaluation),
    ...(changes?.diffs ?? []).filter(changed).map(renderDiff),
    ...(changes?.notes ?? []).map((note) => `Data: ${escapeInline(note)}.`),
  ];
  return parts.filter((part) => part !== '').join('\n\n');
}

function changed(diff: DataDiff): boolean {
  return diff.addedRows + diff.removedRows + diff.modifiedRows + diff.columnsAdded.length + diff.columnsRemoved.length + diff.columnsRetyped.length > 0;
}

/** A class with no test row has no recall and drops out of the macro averages: never silently. */
function absentClasses(evaluation: Evaluation | undefined): string {
  const { classes, confusionMatrix } = evaluation ?? {};
  if (!classes || !confusionMatrix) return '';
  const absent = classes.filter((_, k) => (confusionMatrix[k] ?? []).every((count) => count === 0));
  if (absent.length === 0) return '';
  const named = absent.slice(0, 10).map(name);
  return `> [!WARNING]\n> ${absent.length === 1 ? 'Class' : 'Classes'} ${named.join(', ')}${absent.length > 10 ? `, … (${absent.length} in all)` : ''} ${
    absent.length === 1 ? 'has' : 'have'
  } no rows in this PR's test split: ${absent.length === 1 ? 'its' : 'their'} recall is not measured and the macro averages leave ${
    absent.length === 1 ? 'it' : 'them'
  } out. More data or a larger \`data.split.test\` fixes it.`;
}

function renderDiff(diff: DataDiff): string {
  const removedShare = diff.baseRows > 0 ? diff.removedRows / diff.baseRows : 0;
  const flagged = diff.shift.filter((shift) => shift.psi > PSI_MAJOR);
  const summary = [
    `Data changes in ${escapeInline(diff.file)}: ${diff.baseRows} → ${diff.headRows} rows (+${diff.addedRows}, −${diff.removedRows}, ${diff.modifiedRows} modified)`,
    removedShare > MOST_ROWS && `⚠️ removes ${percent(removedShare)} of main's rows`,
    diff.columnsAdded.length > 0 && `${plural(diff.columnsAdded.length, 'column')} added`,
    diff.columnsRemoved.length > 0 && `${plural(diff.columnsRemoved.length, 'column')} removed`,
    diff.columnsRetyped.length > 0 && `${plural(diff.columnsRetyped.length, 'column')} retyped`,
    flagged.length > 0 &&
      `⚠️ shift in ${names(
        flagged.map((shift) => shift.column),
        3,
      )}`,
  ].filter((part): part is string => typeof part === 'string');
  const open = removedShare > MOST_ROWS || diff.columnsAdded.length + diff.columnsRemoved.length + diff.columnsRetyped.length > 0;
  return [
    `<details${open ? ' open' : ''}><summary>${summary.join(' · ')}</summary>`,
    '',
    ...[schema(diff), rows(diff), labels(diff), shift(diff)].filter((part) => part !== '').flatMap((part) => [part, '']),
    '</details>',
  ].join('\n');
}

function schema(diff: DataDiff): string {
  const lines = [
    diff.columnsAdded.length > 0 && `- added: ${names(diff.columnsAdded)}`,
    diff.columnsRemoved.length > 0 && `- removed: ${names(diff.columnsRemoved)}`,
    diff.columnsRetyped.length > 0 &&
      `- retyped: ${diff.columnsRetyped
        .slice(0, 10)
        .map((change) => `${name(change.column)} (${kindText(change.base)} → ${kindText(change.head)})`)
        .join(', ')}${diff.columnsRetyped.length > 10 ? ', …' : ''}`,
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return '';
  return ["**Columns** — rows below are compared on the columns both sides share; main's model and this PR's do not read the same inputs.", ...lines].join(
    '\n',
  );
}

function rows(diff: DataDiff): string {
  const lines = [
    `**Rows** by content: ${diff.unchangedRows} unchanged, ${diff.addedRows} added, ${diff.removedRows} removed, ${diff.modifiedRows} modified (a removed and an added row between the same unchanged neighbours).`,
  ];
  if (diff.addedRows > 0) lines.push(`- added: PR ${lineList(diff.addedLines, diff.addedRows)}`);
  if (diff.removedRows > 0) lines.push(`- removed: ${escapeInline("main's")} ${lineList(diff.removedLines, diff.removedRows)}`);
  if (diff.modifiedRows > 0) {
    const shown = diff.modified.map((row) => `line ${row.baseLine} → ${row.headLine}${row.columns.length > 0 ? ` (${names(row.columns, 3)})` : ''}`);
    lines.push(`- modified: ${shown.join('; ')}${diff.modifiedRows > shown.length ? `; and ${diff.modifiedRows - shown.length} more` : ''}`);
  }
  return lines.join('\n');
}

function lineList(lines: readonly number[], total: number): string {
  const shown = `line${total === 1 ? '' : 's'} ${lines.join(', ')}`;
  return total > lines.length ? `${shown}, and ${total - lines.length} more` : shown;
}

function labels(diff: DataDiff): string {
  if (!diff.labels || diff.labels.length === 0) return '';
  const share = (count: number, total: number) => (total === 0 ? '—' : `${count} (${percent(count / total)})`);
  const rowsOf = diff.labels.map((label) => [escapeCell(shorten(label.label, NAME_CHARS)), share(label.base, diff.baseRows), share(label.head, diff.headRows)]);
  const more = diff.moreLabels ? `\n\n${plural(diff.moreLabels, 'more class', 'more classes')} not shown.` : '';
  return `**Label balance**\n\n${table(['class', 'main', 'PR'], rowsOf, ['l', 'r', 'r'])}${more}`;
}

function shift(diff: DataDiff): string {
  const shown = diff.shift.filter((entry) => entry.psi > PSI_MODERATE / 10).slice(0, 10);
  const intro = `**Distribution shift** — population stability index over bins of main's data (deciles; categories), under ${PSI_MODERATE} no real change, ${PSI_MODERATE}–${PSI_MAJOR} moderate, over ${PSI_MAJOR} major.`;
  if (shown.length === 0) return `${intro} Every shared feature is under ${PSI_MODERATE / 10}.`;
  return `${intro}\n\n${table(
    ['feature', 'PSI', ''],
    shown.map((entry) => [
      escapeCell(shorten(entry.column, NAME_CHARS)),
      entry.psi.toFixed(3),
      entry.psi > PSI_MAJOR ? '⚠️ major' : entry.psi > PSI_MODERATE ? 'moderate' : '',
    ]),
    ['l', 'r', 'l'],
  )}`;
}

/** Names are not put in code spans: a backslash escape would show there. */
function name(text: string): string {
  return escapeInline(shorten(text, NAME_CHARS));
}

function names(list: readonly string[], max = 10): string {
  const shown = list.slice(0, max).map(name);
  return list.length > max ? `${shown.join(', ')}, … (${list.length} in all)` : shown.join(', ');
}

function kindText(kind: 'numeric' | 'categorical'): string {
  return kind === 'numeric' ? 'numbers' : 'text';
}

function percent(share: number): string {
  return `${+(share * 100).toFixed(1)}%`;
}
