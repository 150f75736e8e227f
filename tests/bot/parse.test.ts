/** Commands count only in lines that render as plain text: never in code, quotes or HTML comments. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseComment } from '../../src/bot/parse.ts';

const RETRAIN = { kind: 'command', name: 'retrain' };
const recognised = (body: string) => assert.deepEqual(parseComment(body), RETRAIN, JSON.stringify(body));
const ignored = (body: string) => assert.deepEqual(parseComment(body), { kind: 'none' }, JSON.stringify(body));

describe('parseComment: where a command counts', () => {
  test('a plain line, among prose, up to 3 spaces of indent', () => {
    recognised('/model-ci retrain');
    recognised('Could you rerun this?\n/model-ci retrain');
    recognised('   /model-ci retrain\r\n');
    recognised('```\ncode\n```\n/model-ci retrain');
    recognised('~~~\ncode\n~~~\n/model-ci retrain');
    recognised('<!-- a note -->\n/model-ci retrain');
    recognised('> a quote\n\n/model-ci retrain');
  });

  test('not in fenced code, of either kind and any length', () => {
    ignored('```\n/model-ci retrain\n```');
    ignored('~~~\n/model-ci retrain\n~~~');
    ignored('`````text\n/model-ci retrain\n`````');
    ignored('  ```\n/model-ci retrain\n  ```');
    // An unclosed fence runs to the end of the comment.
    ignored('```\n/model-ci retrain');
  });

  test('nested and longer fences close only on a fence at least as long, of the same character', () => {
    ignored('````\n```\n/model-ci retrain\n```\n````');
    ignored('````md\n```\n```\n/model-ci retrain\n````');
    ignored('~~~\n```\n/model-ci retrain\n~~~');
    ignored('```\n~~~\n/model-ci retrain\n```');
    // A closing fence takes no info string: this line does not close the block.
    ignored('```\n``` not a close\n/model-ci retrain\n```');
    // A fence indented 4 columns is code, not a closing fence.
    ignored('```\n    ```\n/model-ci retrain\n```');
    recognised('````\n```\n````\n/model-ci retrain');
  });

  test('a backtick line whose info string holds a backtick is inline code, not a fence', () => {
    recognised('``` not `a fence\n/model-ci retrain');
  });

  test('not in indented code: 4 spaces or a tab', () => {
    ignored('    /model-ci retrain');
    ignored('\t/model-ci retrain');
    ignored('  \t/model-ci retrain');
    ignored('Text first\n\n    /model-ci retrain');
  });

  test('not in HTML comments, on one line or across lines', () => {
    ignored('<!-- /model-ci retrain -->');
    ignored('<!--\n/model-ci retrain\n-->');
    ignored('Text <!-- hidden\n/model-ci retrain\nstill hidden --> after');
    ignored('<!--\n/model-ci retrain');
    ignored('<!--\nx\n--> /model-ci retrain');
  });

  test('not in quotes, nor in the lazy lines that continue a quoted paragraph', () => {
    ignored('> /model-ci retrain');
    ignored('   > /model-ci retrain');
    ignored('>/model-ci retrain');
    ignored('> He wrote:\n/model-ci retrain');
    ignored('> > nested\n> /model-ci retrain');
  });

  test('the first plain command wins and is parsed as before', () => {
    assert.deepEqual(parseComment('```\n/model-ci help\n```\n/model-ci retrain --backend cpu'), { kind: 'command', name: 'retrain', backend: 'cpu' });
    assert.equal(parseComment('/model-ci retrian').kind, 'invalid');
    assert.deepEqual(parseComment('/model-ci'), { kind: 'command', name: 'help' });
  });
});
