import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { acceptEvent, type ConcreteMode, MODE_TABLE, resolveMode } from '../../src/action/modes/mode-table.ts';
import { MODES } from '../../src/action/inputs.ts';
import { isUserError } from '../../src/errors.ts';
import { readEvent } from '../../src/github/events.ts';
import { issueCommentPayload, pullRequestPayload, pushPayload, workflowRunPayload } from '../support/payloads.ts';

const EVENTS = {
  pull_request: () => readEvent('pull_request', pullRequestPayload({ action: 'opened' })),
  push: () => readEvent('push', pushPayload()),
  issue_comment: () => readEvent('issue_comment', issueCommentPayload({ body: '/model-ci help' })),
  workflow_run: () => readEvent('workflow_run', workflowRunPayload()),
};

describe('the mode table', () => {
  test('mode auto picks the mode whose row lists the event', () => {
    assert.equal(resolveMode('auto', 'pull_request', ''), 'pr');
    assert.equal(resolveMode('auto', 'pull_request_target', '', true), 'pr');
    assert.equal(resolveMode('auto', 'push', ''), 'deploy');
    assert.equal(resolveMode('auto', 'issue_comment', ''), 'command');
    assert.equal(resolveMode('auto', 'workflow_run', ''), 'comment');
    assert.equal(resolveMode('auto', 'workflow_dispatch', ''), 'deploy');
    assert.equal(resolveMode('auto', 'workflow_dispatch', 'v1.2.0'), 'rollback');
    assert.throws(
      () => resolveMode('auto', 'schedule', ''),
      (error) => isUserError(error) && /`schedule` event/.test(error.message),
    );
  });

  test('every mode of the `mode` input has a row whose module runs it', async () => {
    const concrete = MODES.filter((mode) => mode !== 'auto');
    assert.deepEqual(Object.keys(MODE_TABLE).sort(), [...concrete].sort());
    for (const mode of concrete) assert.equal(typeof (await MODE_TABLE[mode].load()).default, 'function', mode);
  });

  test('a mode refuses an event it does not list, with one message for every mode', () => {
    let refused = 0;
    for (const [mode, row] of Object.entries(MODE_TABLE) as [ConcreteMode, (typeof MODE_TABLE)[ConcreteMode]][]) {
      if (!row.events) {
        assert.equal(acceptEvent(mode, 'push', EVENTS.push()), undefined, `${mode} takes any event`);
        continue;
      }
      for (const [name, read] of Object.entries(EVENTS)) {
        const event = read();
        if (row.events.includes(event.kind as never)) {
          assert.equal(acceptEvent(mode, name, event), event, `${mode} accepts ${name}`);
        } else {
          refused++;
          assert.throws(
            () => acceptEvent(mode, name, event),
            (error) => isUserError(error) && error.message === `mode \`${mode}\` runs on ${row.events!.join(' or ')} events, not on a ${name} event`,
            `${mode} on ${name}`,
          );
        }
      }
    }
    assert.ok(refused >= 10, `${refused} refusals checked`);
  });

  test('an action of an accepted event that model-ci does not act on is nothing to do; another event is refused', () => {
    const closed = readEvent('pull_request', pullRequestPayload({ action: 'closed' }));
    assert.deepEqual(acceptEvent('pr', 'pull_request', closed), { skip: 'model-ci acts on pull requests opened, synchronize, reopened' });
    const target = readEvent('pull_request_target', pullRequestPayload({ action: 'closed' }));
    assert.ok('skip' in (acceptEvent('sweep', 'pull_request_target', target) as object));
    const schedule = readEvent('schedule', {});
    assert.throws(() => acceptEvent('deploy', 'schedule', schedule), /mode `deploy` runs on push or workflow_dispatch events, not on a schedule event/);
  });
});
