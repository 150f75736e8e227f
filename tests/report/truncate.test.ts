import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMENT_LIMIT, truncateReport } from '../../src/report/truncate.ts';

const MARKER = '<!-- model-ci:iris -->';

/** Fenced blocks still open at the end of `text` (the same rule GitHub applies to ``` fences). */
function openFence(text: string): boolean {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === undefined) open = fence;
    else if (fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  return open !== undefined;
}

describe('truncateReport', () => {
  it('returns a report that fits unchanged', () => {
    const report = `${MARKER}\n\nsmall\n`;
    assert.equal(truncateReport(report), report);
  });

  it('cuts a long report at a line under the limit with margin, keeps the marker, and points to the summary', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| metric ${i} | ${i} |`).join('\n');
    const report = `${MARKER}\n\n| metric | value |\n| - | - |\n${rows}\n`;
    assert.ok(report.length > COMMENT_LIMIT);
    const cut = truncateReport(report, COMMENT_LIMIT, 'https://github.com/o/r/actions/runs/1');
    assert.ok(cut.length <= COMMENT_LIMIT - 1000, `length ${cut.length}`);
    assert.ok(cut.startsWith(`${MARKER}\n`));
    assert.match(cut, /\n\| metric \d+ \| \d+ \|\n\n> \[!WARNING\]\n> This report was cut/);
    assert.match(cut, /\[The full report is in the job summary\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\)\.\n$/);
  });

  it('closes a code fence it cut through', () => {
    const chart = Array.from({ length: 3000 }, (_, i) => `    line [${i}, ${i + 1}]`).join('\n');
    const report = `${MARKER}\n\ntext\n\n\`\`\`\`mermaid\nxychart-beta\n${chart}\n\`\`\`\`\n`;
    assert.ok(openFence(report.slice(0, 30000)), 'the test cuts inside the fence');
    const cut = truncateReport(report, 30000);
    assert.ok(cut.length <= 29000);
    assert.equal(openFence(cut), false);
    const lines = cut.split('\n');
    const close = lines.lastIndexOf('````');
    assert.ok(close > 0 && lines.slice(close).join('\n').includes('This report was cut'), 'fence closed before the note');
    assert.match(cut, /The full report is in the job summary of this run\.\n$/);
  });

  it('closes <details> it cut through, and ignores tags inside code', () => {
    const body = Array.from({ length: 2000 }, (_, i) => `row ${i}`).join('\n');
    const report = `${MARKER}\n<details><summary>more</summary>\n\n\`\`\`\n<details>\n\`\`\`\n\n${body}\n</details>\n`;
    const cut = truncateReport(report, 12000);
    assert.equal(cut.match(/<\/details>/g)?.length, 1);
    assert.ok(cut.indexOf('</details>') < cut.indexOf('This report was cut'));
  });

  it('keeps the marker even when the report has one enormous line', () => {
    const report = `${MARKER}\n${'x'.repeat(100_000)}`;
    const cut = truncateReport(report, 20000);
    assert.ok(cut.startsWith(`${MARKER}\n`));
    assert.ok(cut.length <= 19000);
    assert.match(cut, /This report was cut/);
  });

  it('does not split a surrogate pair when it must cut inside a line', () => {
    const report = `${MARKER}\n${'😀'.repeat(50_000)}`;
    const cut = truncateReport(report, 20000);
    assert.doesNotMatch(cut, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('links the summary only when its URL is http(s)', () => {
    const report = `${MARKER}\n${'line\n'.repeat(20000)}`;
    assert.doesNotMatch(truncateReport(report, COMMENT_LIMIT, 'javascript:alert(1)'), /javascript/);
  });
});

describe('truncateReport on a folded report', () => {
  it('names the folded sections it cut short and those it left out', () => {
    const fold = (title: string, lines: number) =>
      `<details><summary>${title}</summary>\n\n${Array.from({ length: lines }, (_, i) => `${title} row ${i}`).join('\n')}\n\n</details>`;
    const report = [
      MARKER,
      '### verdict',
      '| metric | main | PR |',
      fold('Params and data', 10),
      fold('Learning curves', 3000),
      fold('Confusion matrix', 50),
      '',
    ].join('\n\n');
    const cut = truncateReport(report, 30000);
    assert.ok(cut.length <= 29000);
    assert.match(cut, /This report was cut to fit GitHub's comment size limit\. Cut short: Learning curves\. Left out: Confusion matrix\. The full report/);
    assert.ok(cut.includes('Params and data row 9'), 'the sections before the cut are whole');
    assert.equal(cut.match(/<details>/g)?.length, cut.match(/<\/details>/g)?.length);
  });
});
