/** The confusion matrix of a classifier: actual classes down, predicted classes across. */
import type { Evaluation } from '../domain/run-artifacts.ts';
import { escapeCell, escapeInline } from './escape.ts';
import { table } from './markdown-table.ts';

/** Beyond this many classes a matrix is wider than a comment can show usefully. */
export const MAX_MATRIX_CLASSES = 20;

/**
 * The PR's matrix; each cell also shows its change against main's when main's evaluation has the
 * same classes in the same order. The diagonal (right answers) is bold. '' when the run is not a classifier.
 */
export function renderConfusionMatrix(head: Evaluation | undefined, base: Evaluation | undefined, baseLabel: string): string {
  if (!head?.classes || !head.confusionMatrix) return '';
  const { classes, confusionMatrix: matrix } = head;
  if (matrix.length !== classes.length || matrix.some((row) => row.length !== classes.length)) {
    throw new Error(`confusion matrix is not ${classes.length}×${classes.length} like its classes`);
  }
  if (classes.length > MAX_MATRIX_CLASSES) {
    return `**Confusion matrix**: ${classes.length} classes, too many to show here (limit ${MAX_MATRIX_CLASSES}).`;
  }
  const previous = comparableMatrix(base, classes);
  const rows = matrix.map((counts, actual) => [
    `**${escapeCell(classes[actual])}**`,
    ...counts.map((count, predicted) => {
      const delta = previous ? count - previous[actual][predicted] : 0;
      const text = delta === 0 ? String(count) : `${count} (${delta > 0 ? '+' : ''}${delta})`;
      return actual === predicted ? `**${text}**` : text;
    }),
  ]);
  const caption = previous
    ? `**Confusion matrix** (PR, ${head.testRows} test rows; changes against ${escapeInline(baseLabel)} in parentheses)`
    : `**Confusion matrix** (PR, ${head.testRows} test rows)`;
  return [caption, '', table(['actual ↓ / predicted →', ...classes.map(escapeCell)], rows, ['l', ...classes.map(() => 'r')])].join('\n');
}

function comparableMatrix(base: Evaluation | undefined, classes: readonly string[]): number[][] | undefined {
  const sameClasses = base?.classes?.length === classes.length && base.classes.every((label, i) => label === classes[i]) && base.confusionMatrix;
  if (!sameClasses) return undefined;
  const matrix = base.confusionMatrix as number[][];
  return matrix.length === classes.length && matrix.every((row) => row.length === classes.length) ? matrix : undefined;
}
