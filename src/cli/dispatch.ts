/** `model-ci <command> [options]`: dispatch, top-level help, and the one place errors become exit codes. */
import { didYouMean } from '../config/suggest.ts';
import { UserError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { commandHelp, EXIT, EXIT_CODES_HELP, type CliIO, type Command } from './command-spec.ts';
import { COMMANDS } from './commands.ts';
import { exitCodeOf, runCommand } from './run-command.ts';

export function topLevelHelp(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: model-ci <command> [options]',
    '',
    'CI/CD for ML models: train, evaluate and serve TensorFlow.js models from a model-ci.yml.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (`model-ci <command> --help` for a command)',
    '  -v, --version  print the version',
    '',
    EXIT_CODES_HELP,
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO, commands: readonly Command[] = COMMANDS): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(topLevelHelp(commands));
      return EXIT.userError;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined;
      io.stdout(topic ? commandHelp(findCommand(topic, commands)) : topLevelHelp(commands));
      return EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    return await runCommand(findCommand(first, commands), rest, io);
  } catch (error) {
    return exitCodeOf(error, io);
  }
}

function findCommand(name: string, commands: readonly Command[]): Command {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const what = name.startsWith('-') ? 'option' : 'command';
  throw new UserError(
    `unknown ${what} ${JSON.stringify(name)}${didYouMean(
      name,
      commands.map((c) => c.name),
    )}; commands are ${commands.map((c) => c.name).join(', ')} (see \`model-ci --help\`)`,
  );
}
