/** What changed in the inputs: model-ci.yml, params and data files. */
import type { ConfigReview, DataChange, ParamChange } from '../compare/types.ts';
import type { Scalar } from '../domain/config.ts';
import { shorten as cut } from '../errors.ts';
import { escapeCell, escapeInline } from './escape.ts';
import { formatScalar, plural } from './format.ts';
import { table } from './markdown-table.ts';

/**
 * Every changed key of the config. The base's gates, metrics and split judged this PR, so the PR's
 * values for them are marked as applying after merge: a reviewer sees a PR that loosens its own gate.
 */
export function renderConfigDiff(review: ConfigReview | undefined, baseLabel: string): string {
  if (!review) return '';
  const file = escapeInline(review.file);
  const note = review.note ? ` ${escapeInline(capitalize(review.note))}.` : '';
  if (review.changes.length === 0) return note ? `**Config** (${file}):${note}` : '';
  const judged = review.changes.some((change) => change.afterMerge)
    ? ` Gates, metrics and the split are ${escapeInline(baseLabel)}'s: this PR's changes to them apply after merge.`
    : '';
  return [
    `**Config** (${file}, ${plural(review.changes.length, 'key')} changed)${note}${judged}`,
    '',
    table(
      ['key', escapeCell(baseLabel), 'PR', ''],
      review.changes.map((change) => [
        escapeCell(shorten(change.key)),
        formatScalar(shorten(change.base)),
        formatScalar(shorten(change.head)),
        change.afterMerge ? '**applies after merge**' : 'applies now',
      ]),
    ),
  ].join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `configChanged`: "no params changed" must not read as "nothing changed" when model-ci.yml did. */
export function renderParamsDiff(changes: readonly ParamChange[], baseLabel: string, configChanged = false): string {
  if (changes.length === 0) return configChanged ? 'No params changed (model-ci.yml did: see **Config**).' : 'No params changed.';
  return [
    `**Params** (${plural(changes.length, 'key')} changed)`,
    '',
    table(
      ['param', escapeCell(baseLabel), 'PR'],
      changes.map((change) => [escapeCell(shorten(change.key)), formatScalar(shorten(change.base)), formatScalar(shorten(change.head))]),
    ),
  ].join('\n');
}

/** Keys and values shown: other stages' sections (or a config's lists) may hold long text, a table cell holds a glance. */
const MAX_SHOWN = 60;

function shorten<T extends Scalar | undefined>(value: T): T | string {
  return typeof value === 'string' ? cut(value, MAX_SHOWN) : value;
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
