#!/usr/bin/env node
/** The `model-ci` command line: everything happens in src/cli/; this only connects it to the process. */
import { text } from 'node:stream/consumers';
import { runCli } from './cli/dispatch.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  readStdin: () => text(process.stdin),
});
