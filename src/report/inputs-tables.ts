/** What changed in the inputs: params and data files. */
import type { DataChange, ParamChange } from '../compare/types.ts';
import { excerpt } from '../config/display-path.ts';
import type { Scalar } from '../config/types.ts';
import { escapeCell } from './escape.ts';
import { formatScalar, plural } from './format.ts';
import { table } from './table.ts';

export function renderParamsDiff(changes: readonly ParamChange[], baseLabel: string): string {
  if (changes.length === 0) return 'No params changed.';
  return [
    `**Params** (${plural(changes.length, 'key')} changed)`,
    '',
    table(
      ['param', escapeCell(baseLabel), 'PR'],
      changes.map((change) => [escapeCell(shorten(change.key)), formatScalar(shorten(change.base)), formatScalar(shorten(change.head))]),
    ),
  ].join('\n');
}

/** Params keys and values shown: other stages' sections may hold long text, a table cell holds a glance. */
const MAX_SHOWN = 60;

function shorten<T extends Scalar | undefined>(value: T): T | string {
  return typeof value === 'string' ? excerpt(value, MAX_SHOWN) : value;
}

/** Lists every file once any changed, so a maintainer sees the modified file among the others. */
export function renderDataDiff(changes: readonly DataChange[], baseLabel: string): string {
  const changed = changes.filter((change) => change.change !== 'unchanged');
  if (changed.length === 0) return 'No data files changed.';
  return [
    `**Data** (${plural(changed.length, 'file')} changed)`,
    '',
    table(
      ['file', 'change', `rows (${escapeCell(baseLabel)} → PR)`, 'content hash'],
      changes.map((change) => [
        escapeCell(change.file),
        change.change === 'unchanged' ? change.change : `**${change.change}**`,
        transition(change.baseRows, change.headRows, String),
        transition(change.baseHash, change.headHash, shortHash),
      ]),
      ['l', 'l', 'r', 'l'],
    ),
  ].join('\n');
}

/** `569 → 600`, or the one value when nothing changed. */
function transition<T>(before: T | undefined, after: T | undefined, show: (value: T) => string): string {
  const text = (value: T | undefined) => (value === undefined ? '—' : show(value));
  return before === after ? text(after) : `${text(before)} → ${text(after)}`;
}

/** First 8 hex digits of `sha256:<hex>`, enough to tell versions apart at a glance. */
function shortHash(hash: string): string {
  const hex = hash.replace(/^sha256:/, '');
  return /^[0-9a-f]+$/i.test(hex) ? `\`${hex.slice(0, 8)}\`` : escapeCell(hash);
}
