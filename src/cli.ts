#!/usr/bin/env node
/** The `model-ci` command line: everything happens in src/cli/; this only connects it to the process. */
import { text } from 'node:stream/consumers';
import { runCli } from './cli/dispatch.ts';

// A reader that stops early (`| head`) closes the pipe: what it read is all it wanted, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  writeStdout: (bytes) => new Promise((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()))),
  stderr: (chunk) => process.stderr.write(chunk),
  readStdin: () => text(process.stdin),
});
