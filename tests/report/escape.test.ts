import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeBlock, escapeCell, escapeInline, link, safeUrl } from '../../src/report/escape.ts';
import { commentMarker } from '../../src/report/marker.ts';
import { cells } from './parse.ts';

/** What must never survive escaping: raw HTML, a link or image, a mention, a line break, a code span. */
function assertInert(text: string): void {
  assert.doesNotMatch(text, /[<>\n\r]/, 'no raw HTML or line breaks');
  assert.doesNotMatch(text, /(^|[^\\])[[\]`]/, 'no unescaped link brackets or backticks');
  assert.doesNotMatch(text, /@\w/, 'no mention');
}

describe('escapeInline and escapeCell', () => {
  const attacks = [
    '</details><img src=x onerror=alert(1)>',
    '<!-- model-ci:other -->',
    '@org/team please look',
    'cc @octocat',
    '[click](https://evil.example) ![x](https://evil.example/i.png)',
    '`code` and ``` fence',
    'line one\nline two\r\nline three',
    '$\\huge{x}$ **bold** _em_ ~~gone~~',
  ];
  for (const attack of attacks) {
    it(`neutralises ${JSON.stringify(attack)}`, () => {
      assertInert(escapeInline(attack));
      assertInert(escapeCell(attack));
    });
  }

  it('keeps the visible text: entities and backslash escapes render as the original characters', () => {
    assert.equal(escapeInline('a < b & c > d'), 'a &lt; b &amp; c &gt; d');
    assert.equal(escapeInline('val_loss'), 'val\\_loss');
    assert.equal(escapeInline('[x]'), '\\[x\\]');
    assert.equal(escapeInline('&lt;'), '&amp;lt;');
    assert.equal(escapeInline('@octocat'), '@&#8203;octocat');
    assert.equal(escapeInline('a\nb'), 'a b');
  });

  it('keeps a pipe inside one table cell', () => {
    const row = `| ${escapeCell('| x |')} | ${escapeCell('a\\|b')} |`;
    assert.deepEqual(cells(row), ['\\| x \\|', 'a\\\\\\|b']);
  });

  it('replaces control and bidirectional override characters', () => {
    assert.equal(escapeInline('acc\u202Euracy\u0007'), 'acc\uFFFDuracy\uFFFD');
  });
});

describe('commentMarker', () => {
  it('leaves ordinary names readable', () => {
    assert.equal(commentMarker('breast-cancer'), '<!-- model-ci:breast-cancer -->');
    assert.equal(commentMarker('iris_v2.1'), '<!-- model-ci:iris_v2.1 -->');
  });

  it('cannot be closed early or broken across lines by the name', () => {
    for (const name of ['x -->', 'a--b', 'x--!>', 'a>b', 'two\nlines', 'ends-', '<!--']) {
      const marker = commentMarker(name);
      const inner = marker.slice('<!-- '.length, -' -->'.length);
      assert.doesNotMatch(inner, /--|>|<|\n/, `${JSON.stringify(name)} → ${marker}`);
    }
  });

  it('keeps distinct names distinct', () => {
    const names = ['a--b', 'a%2D-b', 'a-%2Db', 'a b', 'a%20b', 'a_b'];
    assert.equal(new Set(names.map(commentMarker)).size, names.length);
  });
});

describe('links', () => {
  it('keeps http(s) URLs and drops other schemes', () => {
    assert.equal(safeUrl('https://github.com/o/r/actions/runs/1'), 'https://github.com/o/r/actions/runs/1');
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl('not a url'), undefined);
    assert.equal(link('run', 'javascript:alert(1)'), 'run');
  });

  it('encodes what could end the link destination early', () => {
    assert.equal(link('run', 'https://x.example/a)b (c)<d>'), '[run](https://x.example/a%29b%20%28c%29%3Cd%3E)');
  });
});

describe('codeBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    const block = codeBlock('a ``` b\n````', '  ');
    const lines = block.split('\n');
    assert.equal(lines[0], '  `````');
    assert.equal(lines.at(-1), '  `````');
    assert.equal(lines[1], '  a ``` b');
  });

  it('never carries an HTML comment, so no sticky marker can ride in on untrusted text', () => {
    const marker = commentMarker('iris');
    const block = codeBlock(`at line 3\n${marker}\n<!--x-->`);
    assert.ok(!block.includes('<!--'), block);
    assert.ok(!block.includes(marker));
    assert.match(block, /^<\u200B!-- model-ci:iris -->$/m, 'shown the same, bar a zero-width space');
  });
});
