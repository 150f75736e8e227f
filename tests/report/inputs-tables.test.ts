import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderParamsDiff } from '../../src/report/inputs-tables.ts';

test('the params table cuts long keys and values and escapes them', () => {
  const long = `${'a'.repeat(100)}|<b>`;
  const text = renderParamsDiff([{ key: `stage.${'k'.repeat(100)}`, base: 'short', head: long }], 'main');
  assert.ok(!text.includes('a'.repeat(60)), text);
  assert.match(text, /\| a{59}… \|/);
  assert.match(text, /stage\.k{53}…/);
  // A value cut short keeps escaping what it shows.
  const piped = renderParamsDiff([{ key: 'x', head: `|${'b'.repeat(10)}` }], 'main');
  assert.match(piped, /\\\|b{10}/);
});
