/**
 * Mode `command`: answers `/model-ci …` in PR comments. Honoured only from people with write access
 * (asked from the API, not guessed from author_association); bots and our own comments are ignored.
 * On an issue that is not a pull request, someone without write access gets no reply and no reaction:
 * anyone can comment on a public issue, and a bot that answers every `/model-ci` there is a spam relay.
 *
 * Acting once: the first thing done is the 👀 reaction, and GitHub keeps one reaction per user and
 * content, answering 201 only to the first. A redelivered webhook or a twin run gets 200 and stops, so
 * 👀 stays as the claim, and 🚀 or 😕 is added when the command finishes.
 */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { HELP_TEXT, parseComment } from '../../bot/parse.ts';
import { isUserError, UserError } from '../../errors.ts';
import { runPullRequest } from '../../flow/pull-request/decide.ts';
import { withPullRequestHead } from '../../git/worktree.ts';
import type { GitHub } from '../../github/client.ts';
import type { IssueCommentEvent } from '../../github/events.ts';
import { hasWriteAccess } from '../../github/permissions.ts';
import { getPull, headPushedAt, type PullInfo } from '../../github/pulls.ts';
import { react } from '../../github/reactions.ts';
import { repostStickyComment } from '../../github/sticky.ts';
import { commentMarker } from '../../report/marker.ts';
import { escapeInline } from '../../report/escape.ts';
import { renderReport } from '../../report/report.ts';
import { actionLogger } from '../core-logger.ts';
import { peekModelName } from '../model-name.ts';
import type { ModeRun, ModeRunner } from './mode-table.ts';

const runCommand: ModeRunner<'issue_comment'> = async (run) => {
  const { settings, context, kit, event } = run;
  const author = event.comment.author;
  if (author.type === 'Bot' || author.login.toLowerCase() === settings.botLogin.toLowerCase()) {
    core.info(`model-ci: ignoring a comment by the bot ${author.login}`);
    return;
  }
  const parsed = parseComment(event.comment.body);
  if (parsed.kind === 'none') {
    core.info('model-ci: the comment holds no /model-ci command');
    return;
  }
  if (!settings.token) throw new UserError('mode `command` needs `github-token`', { field: 'github-token' });

  const gh = await kit.gitHub();
  const { owner, repo } = context;
  if (!event.isPullRequest && !(await hasWriteAccess(gh, owner, repo, author.login))) {
    core.info(`model-ci: ignoring /model-ci on issue #${event.issueNumber} from ${author.login}, who has no write access: no reply outside pull requests`);
    return;
  }
  const claim = await react(gh, owner, repo, event.comment.id, 'eyes');
  if (!claim.created) {
    core.info(`model-ci: comment ${event.comment.id} was already handled (a redelivery or a twin run)`);
    return;
  }
  const reply = async (text: string) => {
    await gh.rest.issues.createComment({ owner, repo, issue_number: event.issueNumber, body: `@${author.login} ${text}` });
  };
  const finish = async (ok: boolean) => {
    await react(gh, owner, repo, event.comment.id, ok ? 'rocket' : 'confused');
  };

  try {
    if (!event.isPullRequest) {
      await reply('model-ci commands work on pull requests only.');
      return await finish(false);
    }
    if (!(await hasWriteAccess(gh, owner, repo, author.login))) {
      await reply('sorry, model-ci commands can only be run by people with write access to this repository. A maintainer can run it for you.');
      return await finish(false);
    }
    if (parsed.kind === 'invalid') {
      await reply(`${parsed.message}\n\n${HELP_TEXT}`);
      return await finish(false);
    }
    core.info(`model-ci: /model-ci ${parsed.name} from ${author.login} on #${event.issueNumber}`);
    if (parsed.name === 'help') {
      await reply(HELP_TEXT);
    } else if (parsed.name === 'report') {
      const model = peekModelName(join(context.workspace, settings.config));
      const reposted = await repostStickyComment(gh, {
        owner,
        repo,
        issueNumber: event.issueNumber,
        marker: commentMarker(model),
        botLogin: settings.botLogin,
      });
      if (!reposted) await reply(`there is no model-ci report on this pull request yet: \`/model-ci retrain\` makes one.`);
    } else {
      const outcome = await retrain(gh, run, parsed.backend);
      await reply(outcome.text);
      return await finish(outcome.trained);
    }
    await finish(true);
  } catch (error) {
    await finish(false);
    if (isUserError(error)) await reply(`model-ci could not do that: ${escapeInline(error.describe())}`);
    throw error;
  }
};

export default runCommand;

/**
 * Retrains the PR's head and updates the report, unless GitHub shows that the head was pushed after
 * the command was written: the commenter then vouched for code they had not seen, so nothing is
 * trained and they are asked to look and run the command again. The reply names the commit trained.
 */
async function retrain(
  gh: GitHub,
  { settings, context, kit, event }: ModeRun<IssueCommentEvent>,
  backend: ModeRun['settings']['backend'],
): Promise<{ trained: boolean; text: string }> {
  const pull = await getPull(gh, context.owner, context.repo, event.issueNumber);
  if (pull.state === 'closed') throw new UserError(`pull request #${pull.number} is closed`);
  const moved = await movedSince(gh, pull, event.comment.createdAt);
  if (moved) {
    core.info(
      `model-ci: the head of #${pull.number} (${pull.headSha}) was pushed at ${moved.toISOString()}, after the command (${event.comment.createdAt}): not retraining`,
    );
    return {
      trained: false,
      text: `the head of this pull request moved after your command: ${commitName(pull.headSha)} was pushed at ${moved.toISOString()}, after your comment. Nothing was trained; look at the new commits and comment \`/model-ci retrain\` again to train them.`,
    };
  }
  const result = await withPullRequestHead(context.workspace, pull, (dir) =>
    runPullRequest({
      repoRoot: dir,
      configPath: settings.config,
      base: pull.baseSha,
      head: pull.headSha,
      force: true,
      backend: backend ?? settings.backend,
      artifactsDir: resolve(context.workspace, settings.artifactsDir),
      store: kit.store(),
      log: actionLogger,
      workspace: context.workspace,
      // This run holds a write token (and the job's secrets): train the commit's files only.
      trackedInputs: true,
    }),
  );
  if (result.kind === 'skipped') throw new Error('a forced retrain cannot be skipped');
  const markdown = renderReport({ ...result.report, links: kit.links, baseRef: pull.baseRef });
  await kit.summary(markdown);
  await kit.comment(pull.number, result.model, markdown);
  core.setOutput('verdict', result.comparison.verdict);
  core.setOutput('metrics', JSON.stringify(result.headRun.metrics));
  return { trained: true, text: `retrained ${commitName(pull.headSha)}, the head of this pull request; the report is updated.` };
}

/**
 * When the PR's head was pushed, if that was after the comment. GitHub's push time (repository activity) is
 * used, not the commit's committer date, which the PR's author sets at will (`GIT_COMMITTER_DATE`) and could
 * backdate to slip a commit under a command given for older code. The same second counts as after: the
 * order cannot be told. When GitHub does not show the push, the command goes ahead (the reply names the commit).
 */
async function movedSince(gh: GitHub, pull: PullInfo, commentCreatedAt: string): Promise<Date | null> {
  const commented = Date.parse(commentCreatedAt);
  if (!Number.isFinite(commented))
    throw new UserError(`the comment's created_at is not a time: ${escapeInline(commentCreatedAt.slice(0, 40))}`, { field: 'comment.created_at' });
  const pushed = await headPushedAt(gh, pull);
  if (!pushed) {
    core.info(`model-ci: GitHub shows no push time for ${pull.headSha.slice(0, 7)} on ${pull.headRef}: cannot tell whether it came after the command`);
    return null;
  }
  return Math.floor(pushed.getTime() / 1000) >= Math.floor(commented / 1000) ? pushed : null;
}

/** `abc1234` (full SHA): short to read, full to check against the report and the image. */
const commitName = (sha: string) => `\`${sha.slice(0, 7)}\` (\`${sha}\`)`;
