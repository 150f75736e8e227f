/** Every `model-ci` command; a new command is one module plus one line here. */
import type { Command } from './command.ts';
import { evaluate } from './evaluate.ts';
import { predict } from './predict.ts';
import { train } from './train.ts';

export const COMMANDS: readonly Command[] = [train, evaluate, predict];
