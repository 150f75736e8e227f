import type { RunContext } from './context.ts';
import type { Settings } from './inputs.ts';

/** One mode of the action: does its work and sets its outputs; throws to fail the step. */
export type ModeRunner = (settings: Settings, context: RunContext) => Promise<void>;
