/**
 * "What changed in the predictions": main's and the PR's models on the same rows, row by row. The counts
 * stay visible; tables and row lists longer than a few lines fold into `<details>` so the verdict and the
 * metrics table stay on one screen. Class labels and the file name are PR data: escaped.
 */
import { formatNumber, formatSigned } from '../compare/numbers.ts';
import type { ClassPredictionChanges, PredictionDiff, ValuePredictionChanges } from '../compare/prediction-diff.ts';
import type { Comparison } from '../compare/types.ts';
import { escapeCell, escapeInline } from './escape.ts';
import { plural } from './format.ts';
import { table } from './markdown-table.ts';

/** A table with more rows than this folds into `<details>`. */
export const OPEN_TABLE_ROWS = 5;

export function renderPredictionChanges(comparison: Comparison, baseLabel: string): string {
  const { predictions, noise } = comparison;
  if (!predictions) return '';
  const base = escapeInline(baseLabel);
  const file = escapeInline(predictions.file);
  const lead = [
    `**What changed in the predictions** — ${base}'s model and this PR's on the same ${plural(predictions.rows, 'test row')} of ${file}`,
    predictions.newRows > 0 ? ` (${predictions.newRows} of them not in ${base}'s data)` : '',
    '.',
    noise
      ? ` Intervals: ${formatNumber(noise.resamples)} paired bootstrap resamples of these rows (seed ${noise.seed}); a change whose interval contains 0 is *within noise*.`
      : '',
  ].join('');
  const body = predictions.classification
    ? classChanges(predictions.classification, predictions, base)
    : predictions.regression
      ? valueChanges(predictions.regression, base)
      : [];
  return [lead, ...body].join('\n\n');
}

function classChanges(changes: ClassPredictionChanges, predictions: PredictionDiff, base: string): string[] {
  const sideways = changes.changed - changes.fixed - changes.broken;
  const parts = [
    changes.changed === 0
      ? `No row changed its predicted class.`
      : `${plural(changes.changed, 'row')} changed ${changes.changed === 1 ? 'its' : 'their'} predicted class: **${changes.fixed} fixed** (${base} wrong, PR right), **${changes.broken} broken** (${base} right, PR wrong)${
          sideways > 0 ? `, ${sideways} from one wrong class to another` : ''
        }.`,
  ];
  if (changes.brokenLines.length > 0) parts.push(`Broken rows, by line: ${lineList(changes.brokenLines, changes.broken)}.`);
  if (changes.fixedLines.length > 0) parts.push(`Fixed rows, by line: ${lineList(changes.fixedLines, changes.fixed)}.`);
  if (changes.perClass) {
    const rows = changes.perClass.map((c) => [
      escapeCell(c.label),
      String(c.support),
      `${formatNumber(c.precision.base)} → ${formatNumber(c.precision.head)}`,
      formatSigned(c.precision.head - c.precision.base),
      `${formatNumber(c.recall.base)} → ${formatNumber(c.recall.head)}`,
      formatSigned(c.recall.head - c.recall.base),
    ]);
    const perClass = table(['class', 'rows', `precision ${base} → PR`, 'Δ', `recall ${base} → PR`, 'Δ'], rows, ['l', 'r', 'r', 'r', 'r', 'r']);
    parts.push(fold(`Per-class precision and recall (${predictions.rows} rows)`, perClass, rows.length));
  }
  return parts;
}

function valueChanges(changes: ValuePredictionChanges, base: string): string[] {
  if (changes.changed === 0) return ['No row changed its prediction.'];
  const quantiles = table(
    changes.quantiles.map(({ q }) => (q === 0 ? 'min' : q === 1 ? 'max' : q === 0.5 ? 'median' : `${formatNumber(q * 100)}%`)),
    [changes.quantiles.map(({ change }) => formatSigned(change))],
    changes.quantiles.map(() => 'r'),
  );
  const moved = table(
    ['line', 'actual', base, 'PR', 'change'],
    changes.moved.map((row) => [String(row.line), formatNumber(row.truth), formatNumber(row.base), formatNumber(row.head), formatSigned(row.head - row.base)]),
    ['r', 'r', 'r', 'r', 'r'],
  );
  return [
    `${plural(changes.changed, 'row')} changed ${changes.changed === 1 ? 'its' : 'their'} prediction. Change (PR − ${base}) over all rows:`,
    quantiles,
    fold(`The ${plural(changes.moved.length, 'row')} that moved most`, moved, changes.moved.length),
  ];
}

function lineList(lines: readonly number[], total: number): string {
  const more = total - lines.length;
  return `${lines.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** A table under its title, folded when it has more than `OPEN_TABLE_ROWS` rows. */
function fold(title: string, markdown: string, rows: number): string {
  if (rows <= OPEN_TABLE_ROWS) return `${title}:\n\n${markdown}`;
  return `<details><summary>${title}</summary>\n\n${markdown}\n\n</details>`;
}
