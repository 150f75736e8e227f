/**
 * Pure: finds a `/model-ci <command> [flags]` line in a comment. Anything else in the comment is prose
 * and ignored; a line that starts with `/model-ci` but does not parse is answered, not ignored, so a
 * typo gets a reply instead of silence.
 */
import { didYouMean } from '../config/suggest.ts';
import { BACKENDS, type BackendName } from '../config/types.ts';
import { escapeInline } from '../report/escape.ts';

export const COMMANDS = ['retrain', 'report', 'help'] as const;
export type BotCommandName = (typeof COMMANDS)[number];

export type ParsedComment =
  | { kind: 'none' }
  | { kind: 'command'; name: BotCommandName; backend?: BackendName }
  | { kind: 'invalid'; message: string };

const PREFIX = '/model-ci';
const FLAGS: Record<BotCommandName, readonly string[]> = { retrain: ['--backend'], report: [], help: [] };

export function parseComment(body: string): ParsedComment {
  // Quoted replies ("> /model-ci retrain") and code blocks are someone citing a command, not giving one.
  let inFence = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('```') || line.startsWith('~~~')) inFence = !inFence;
    if (inFence || line.startsWith('>')) continue;
    if (line === PREFIX || line.startsWith(`${PREFIX} `) || line.startsWith(`${PREFIX}\t`)) return parseLine(line.slice(PREFIX.length).trim());
  }
  return { kind: 'none' };
}

function parseLine(rest: string): ParsedComment {
  const [name = '', ...args] = rest.split(/\s+/).filter(Boolean);
  if (name === '') return { kind: 'command', name: 'help' };
  if (!(COMMANDS as readonly string[]).includes(name)) {
    return { kind: 'invalid', message: `unknown command “${quote(name)}”${didYouMean(name, COMMANDS)}; commands: ${COMMANDS.join(', ')}` };
  }
  const command = name as BotCommandName;
  let backend: BackendName | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    if (!FLAGS[command].includes(flag)) {
      const allowed = FLAGS[command].length > 0 ? `; \`${command}\` takes ${FLAGS[command].join(', ')}` : `; \`${command}\` takes no flags`;
      return { kind: 'invalid', message: `unknown flag “${quote(args[i])}” for \`${command}\`${allowed}` };
    }
    const value = inline ?? args[++i];
    if (value === undefined) return { kind: 'invalid', message: `\`--backend\` needs a value: one of ${BACKENDS.join(', ')}` };
    if (!(BACKENDS as readonly string[]).includes(value)) {
      return { kind: 'invalid', message: `unknown backend “${quote(value)}”${didYouMean(value, BACKENDS)}; backends: ${BACKENDS.join(', ')}` };
    }
    backend = value as BackendName;
  }
  return { kind: 'command', name: command, ...(backend ? { backend } : {}) };
}

// The comment's author wrote this text: escaped, so a reply cannot be made to ping or inject markup.
const quote = (text: string) => escapeInline(text.length > 40 ? `${text.slice(0, 40)}…` : text);

export const HELP_TEXT = [
  'model-ci commands (from people with write access to this repository):',
  '',
  '- `/model-ci retrain [--backend auto|tensorflow-gpu|tensorflow|wasm|cpu]`: retrain the PR\'s current head and update the report',
  '- `/model-ci report`: post the current report again at the bottom of the conversation',
  '- `/model-ci help`: this message',
].join('\n');
