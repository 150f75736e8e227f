/** Running one command: its arguments, its help, and the one place an error becomes an exit code. */
import { isUserError } from '../errors.ts';
import { commandHelp, EXIT, parseCommandArgs, type CliIO, type Command } from './command-spec.ts';

/** One command with its arguments: also the model image's `predict` (src/image.ts), which has no other command. */
export async function runCommand(command: Command, argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseCommandArgs(command, argv);
    if (args.values.help) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    return exitCodeOf(error, io);
  }
}

/** The one place an error becomes an exit code: a user's mistake is a message, anything else a bug with its stack. */
export function exitCodeOf(error: unknown, io: CliIO): number {
  if (isUserError(error)) {
    io.stderr(`model-ci: ${error.describe()}\n`);
    return EXIT.userError;
  }
  io.stderr(
    `model-ci: internal error (a bug; please report it with the command you ran):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.bug;
}
