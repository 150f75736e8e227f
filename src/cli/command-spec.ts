/**
 * What a `model-ci` command is, how its arguments are parsed (node:util
 * parseArgs, with our own messages and "did you mean"), and its --help text.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../config/suggest.ts';
import { BACKENDS, type BackendName } from '../domain/config.ts';
import { DEFAULT_CONFIG } from '../defaults.ts';
import { UserError } from '../errors.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in help, e.g. `file`. */
  value?: string;
  description: string;
}

export interface CliIO {
  stdout: (text: string) => void;
  /** Bytes to stdout, settled once written (the caller then reuses them); when absent, they go through `stdout` as text. */
  writeStdout?: (bytes: Uint8Array) => Promise<void>;
  /** Progress and notices: kept apart from stdout so that can be piped. */
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage line after `model-ci <name> `. */
  usage: string;
  /** Paragraphs after the usage line. */
  description: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments the command takes (default none). */
  maxPositionals?: number;
  examples?: string[];
  run: (args: ParsedArgs, io: CliIO) => Promise<number>;
}

export const EXIT = { ok: 0, bug: 1, userError: 2, gateFailed: 3 } as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  a bug in model-ci (the message includes a stack trace; please report it)
  2  a mistake in the command line, config, params, data or model folder (the message says what and where)
  3  a gated metric regressed (report), or features drifted (monitor)`;

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options: Record<string, OptionSpec> = { ...command.options, help: HELP_OPTION };
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }])),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const where = `model-ci ${command.name}`;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) {
      const flags = Object.keys(options).map((name) => `--${name}`);
      throw new UserError(`unknown option ${token.rawName} for \`${where}\`${didYouMean(token.rawName, flags)}; see \`${where} --help\``);
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-'))) {
      throw new UserError(`option ${token.rawName} needs a value: ${token.rawName} <${spec.value ?? 'value'}>`);
    }
    if (spec.type === 'boolean' && token.inlineValue) {
      throw new UserError(`option ${token.rawName} takes no value`);
    }
  }
  if (positionals.length > (command.maxPositionals ?? 0)) {
    const extra = positionals[command.maxPositionals ?? 0];
    throw new UserError(`unexpected argument ${JSON.stringify(extra)} for \`${where}\`; see \`${where} --help\``);
  }
  return { values: values as ParsedArgs['values'], positionals };
}

export function commandHelp(command: Command): string {
  const options = { ...command.options, help: HELP_OPTION };
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` <${spec.value ?? 'value'}>` : ''}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = [
    `Usage: model-ci ${command.name} ${command.usage}`,
    '',
    command.description,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
  ];
  if (command.examples?.length) lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  lines.push('', EXIT_CODES_HELP);
  return `${lines.join('\n')}\n`;
}

/** Reads a string option that must be one of `choices`. */
export function choice<T extends string>(value: string | boolean | undefined, choices: readonly T[], flag: string): T | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UserError(`${flag} ${JSON.stringify(value)} is not one of ${choices.join(', ')}${didYouMean(value, choices)}`);
}

/** `--config`, as every command that reads a model-ci config takes it. */
export const CONFIG_OPTION: OptionSpec = { type: 'string', short: 'c', value: 'file', description: `the model-ci config (default ${DEFAULT_CONFIG})` };

/** `--backend`; `fallback` says what is used without it. */
export function backendOption(fallback: string): OptionSpec {
  return { type: 'string', short: 'b', value: 'name', description: `${BACKENDS.join(' | ')} (default: ${fallback})` };
}

/** The config file `--config` names, or the default. */
export function configOf(args: ParsedArgs): string {
  return stringOption(args, 'config') ?? DEFAULT_CONFIG;
}

/** The backend `--backend` names, validated; undefined without it. */
export function backendOf(args: ParsedArgs): BackendName | undefined {
  return choice(args.values.backend, BACKENDS, '--backend');
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
