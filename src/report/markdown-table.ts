/** GFM tables via markdown-table. Cells must already be escaped (`escapeCell`). */
import { markdownTable } from 'markdown-table';

/**
 * Delimiters are not padded to align: one long cell would otherwise pad every row of its column,
 * and comment size is capped (65,536 characters).
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly string[]): string {
  return markdownTable([header, ...rows], { alignDelimiters: false, ...(align ? { align } : {}) });
}
