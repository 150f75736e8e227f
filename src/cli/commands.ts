/** Every `model-ci` command; a new command is one module plus one line here. */
import { build } from './build.ts';
import type { Command } from './command-spec.ts';
import { evaluate } from './evaluate.ts';
import { example } from './example.ts';
import { manifests } from './manifests.ts';
import { monitor } from './monitor.ts';
import { predict } from './predict.ts';
import { report } from './report.ts';
import { serve } from './serve.ts';
import { train } from './train.ts';

export const COMMANDS: readonly Command[] = [train, evaluate, predict, report, serve, monitor, build, manifests, example];
