/**
 * The action's modes in one table: per mode, the module that runs it (loaded on demand: a PR run that
 * retrains nothing must not pay for parsing TensorFlow.js or dockerode), the events it accepts, and the
 * events mode `auto` picks it for. `resolveMode` and `acceptEvent` are the one place that reads it.
 */
import { UserError } from '../../errors.ts';
import type { IgnoredEvent, RepoEvent } from '../../github/events.ts';
import type { RunContext } from '../context.ts';
import type { Mode, Settings } from '../inputs.ts';
import type { RunKit } from '../kit.ts';

export type ConcreteMode = Exclude<Mode, 'auto'>;
export type EventKind = RepoEvent['kind'];

/** What a mode gets: `event` is the accepted event, narrowed to the kinds its table row lists. */
export interface ModeRun<E = undefined> {
  settings: Settings;
  context: RunContext;
  kit: RunKit;
  event: E;
}

/** One mode of the action: does its work and sets its outputs; throws to fail the step. */
export type ModeRunner<K extends EventKind | undefined = undefined> = (
  run: ModeRun<K extends EventKind ? Extract<RepoEvent, { kind: K }> : undefined>,
) => Promise<void>;

interface ModeRow {
  /** Each runner is typed by its own event kinds; `acceptEvent` is what makes the event fit. */
  load: () => Promise<{ default: (run: ModeRun<never>) => Promise<void> }>;
  /** The events the mode runs on; absent: any event (the mode reads what it needs from the context). */
  events?: readonly EventKind[];
  /** The workflow events (`GITHUB_EVENT_NAME`) on which mode `auto` picks this mode. */
  auto?: readonly string[];
}

export const MODE_TABLE: Record<ConcreteMode, ModeRow> = {
  pr: { load: () => import('./pr.ts'), events: ['pull_request'], auto: ['pull_request', 'pull_request_target'] },
  comment: { load: () => import('./comment.ts'), events: ['workflow_run'], auto: ['workflow_run'] },
  deploy: { load: () => import('./deploy.ts'), events: ['push', 'workflow_dispatch'], auto: ['push', 'workflow_dispatch'] },
  rollback: { load: () => import('./rollback.ts') },
  command: { load: () => import('./command.ts'), events: ['issue_comment'], auto: ['issue_comment'] },
  plan: { load: () => import('./plan.ts') },
  train: { load: () => import('./train.ts') },
  candidate: { load: () => import('./candidate.ts') },
  sweep: { load: () => import('./sweep.ts'), events: ['pull_request'] },
  // A scheduled workflow (or a manual run): any event, the default branch's config.
  monitor: { load: () => import('./monitor.ts') },
};

/** The modes that train (a native TensorFlow.js backend may be installed for them). */
export const TRAINING_MODES: ReadonlySet<ConcreteMode> = new Set(['pr', 'deploy', 'command', 'train', 'candidate', 'sweep']);

// Deploy credentials or a write token beside files a pull request may control: no native package from the
// workspace or the shared tool cache (src/model/native.ts). pull_request_target holds both in any mode.
export const SECRET_MODES: ReadonlySet<ConcreteMode> = new Set(['deploy', 'command', 'rollback']);

/** Picks what the action does from its `mode` input and the event that started the workflow (pure). */
export function resolveMode(mode: Mode, eventName: string, rollbackTo: string, allowPullRequestTarget = false): ConcreteMode {
  // pull_request_target runs with a write token and the repository's secrets; a workflow that checks
  // out the PR's head there hands both to a fork's code. Only an explicit opt-in says that is intended.
  if (eventName === 'pull_request_target' && (mode === 'auto' || mode === 'pr') && !allowPullRequestTarget) {
    throw new UserError(
      `mode \`${mode}\` refuses the pull_request_target event: it runs with a write token and the repository's secrets, so training a fork's code there hands both to that code. Use the \`pull_request\` event (forks get a read-only token; post the report from a workflow_run job), or set \`allow-pull-request-target: true\` if this workflow never checks out or runs the PR's code with secrets`,
      { field: 'allow-pull-request-target' },
    );
  }
  if (mode !== 'auto') return mode;
  if (eventName === 'workflow_dispatch' && rollbackTo) return 'rollback';
  const picked = (Object.keys(MODE_TABLE) as ConcreteMode[]).find((name) => MODE_TABLE[name].auto?.includes(eventName));
  if (picked) return picked;
  throw new UserError(
    `mode \`auto\` does not know what to do on a \`${eventName}\` event; set the \`mode\` input (${(Object.keys(MODE_TABLE) as ConcreteMode[]).join(', ')})`,
    { field: 'mode' },
  );
}

/**
 * The event a mode runs on, or why there is nothing to do (an action of an accepted event that model-ci
 * does not act on, such as a closed pull request). An event the mode does not accept is refused here,
 * with one message for every mode. Modes that accept any event get `undefined`.
 */
export function acceptEvent(mode: ConcreteMode, eventName: string, event: RepoEvent | IgnoredEvent): RepoEvent | { skip: string } | undefined {
  const accepted = MODE_TABLE[mode].events;
  if (!accepted) return undefined;
  if (event.kind === 'ignored') {
    const kind = kindOfEventName(eventName);
    if (kind && accepted.includes(kind)) return { skip: event.reason };
  } else if (accepted.includes(event.kind)) {
    return event;
  }
  throw new UserError(`mode \`${mode}\` runs on ${accepted.join(' or ')} events, not on a ${eventName} event`, { field: 'mode' });
}

const EVENT_KINDS: readonly EventKind[] = ['pull_request', 'push', 'issue_comment', 'workflow_run', 'workflow_dispatch'];
const kindOfEventName = (eventName: string): EventKind | undefined =>
  eventName === 'pull_request_target' ? 'pull_request' : EVENT_KINDS.find((kind) => kind === eventName);
