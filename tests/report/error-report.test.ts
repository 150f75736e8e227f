import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderErrorReport } from '../../src/report/error-report.ts';

describe('renderErrorReport', () => {
  it('uses the model marker and lists each problem with where it is', () => {
    const markdown = renderErrorReport({
      model: 'breast-cancer',
      title: "Could not train this PR's model",
      problems: [
        { file: 'params.yaml', line: 3, field: 'train.epochs', message: 'expected a positive integer, got -1' },
        { file: 'data/train.csv', message: 'file not found: the PR deletes it' },
        { field: 'metrics.accuracy', message: 'missing from this run' },
      ],
      links: { run: 'https://github.com/o/r/actions/runs/5' },
    });
    const lines = markdown.split('\n');
    assert.equal(lines[0], '<!-- model-ci:breast-cancer -->');
    assert.ok(lines.includes('### model-ci · breast-cancer — ❌ no report'));
    assert.ok(lines.includes("**Could not train this PR's model**"));
    assert.deepEqual(
      lines.filter((line) => line.startsWith('- ')),
      [
        '- **params.yaml:3 (train.epochs)**: expected a positive integer, got -1',
        '- **data/train.csv**: file not found: the PR deletes it',
        '- **metrics.accuracy**: missing from this run',
      ],
    );
    assert.equal(lines.at(-2), '<sub>[workflow run](https://github.com/o/r/actions/runs/5)</sub>');
  });

  it('keeps a multi-line message in a code block the message cannot close', () => {
    const markdown = renderErrorReport({
      model: 'm',
      title: 'Bad params',
      problems: [{ file: 'params.yaml', message: 'YAML parse error\n2 | train:\n3 |   epochs: [\n```\n<img src=x>' }],
    });
    assert.match(
      markdown,
      /^- \*\*params\.yaml\*\*: YAML parse error\n\n {2}````\n {2}2 \| train:\n {2}3 \| {3}epochs: \[\n {2}```\n {2}<img src=x>\n {2}````$/m,
    );
  });

  it('escapes injected text in names, titles and messages', () => {
    const markdown = renderErrorReport({
      model: 'x --> <b>',
      title: '@org/team <img src=x>',
      problems: [{ file: '[a](javascript:x).csv', message: '</details> cc @octocat' }],
    });
    assert.equal(markdown.split('\n')[0], '<!-- model-ci:x%20%2D-%3E%20%3Cb%3E -->');
    assert.doesNotMatch(markdown, /<img|<\/details>|<b>|@org|@octocat|[^\\]\]\(javascript/);
  });
});
