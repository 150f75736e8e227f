/**
 * Typed reading of a YAML document with positions: every accessor either returns
 * a value of the expected type or throws a UserError naming the file, the line of
 * the offending node, the key path, what was expected and what was found.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { excerpt, fileErrorReason, quote, showName, UserError } from '../errors.ts';
import { displayPath } from '../display-path.ts';
import { formatBytes, limit, overLimit, type LimitName } from '../limits.ts';
import { didYouMean } from './suggest.ts';

interface Source {
  /** The file as shown in messages. */
  file: string;
  lines: LineCounter;
  doc: Document;
}

/** One value in the document, with where it is. `node` is null when the key is present with no value. */
export interface Field {
  source: Source;
  /** Key path, e.g. `train.batch_size` or `metrics[2].name`. */
  path: string;
  node: Node | null;
  line: number;
  /** Line of the key that holds this value (a block mapping's own range starts at its first entry). */
  keyLine: number;
}

/** Reads and parses a YAML file; the root field has an empty path. Syntax errors carry line and column. */
export async function readYamlFile(file: string): Promise<Field> {
  const shown = displayPath(file);
  return parseYaml(await readBounded(file, shown), shown);
}

/**
 * Parses YAML text read elsewhere (a file at a commit, from git's objects); `shown` names it in messages.
 * Text over the size limit, and alias bombs, are refused here too.
 */
export function parseYaml(text: string, shown: string): Field {
  const bytes = Buffer.byteLength(text);
  if (bytes > limit('yamlBytes')) throw tooBig(bytes, shown);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const [syntaxError] = doc.errors;
  if (syntaxError) {
    const { line, col } = lines.linePos(syntaxError.pos[0]);
    throw new UserError(`invalid YAML: ${syntaxError.message.split('\n')[0].slice(0, 120)}`, { file: shown, line, column: col });
  }
  checkAliases(doc, shown);
  const source: Source = { file: shown, lines, doc };
  const node = doc.contents as Node | null;
  return { source, path: '', node: resolve(source, node), line: lineOf(source, node) ?? 1, keyLine: 1 };
}

/** The file's text, refused unread when fstat says it is over the YAML size limit. */
async function readBounded(file: string, shown: string): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new UserError(`cannot read the file: ${fileErrorReason(error)}`, { file: shown });
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UserError('cannot read the file: it is a directory', { file: shown });
    if (!stat.isFile()) throw new UserError('cannot read the file: it is not a regular file', { file: shown });
    if (stat.size > limit('yamlBytes')) throw tooBig(stat.size, shown);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

function tooBig(bytes: number, shown: string): UserError {
  return new UserError(`the file is ${formatBytes(bytes)} (${bytes} bytes), ${overLimit('yamlBytes')}`, { file: shown });
}

/**
 * Refuses alias bombs before any value is read. Each alias the readers meet costs a walk of the
 * whole document (the \`yaml\` package finds its anchor that way), so 20,000 aliases in 80 KB take a
 * minute; and nested aliases multiply what a document expands to. Counting them is one walk, and
 * converting once with the package's own \`maxAliasCount\` bounds the expansion.
 */
function checkAliases(doc: Document, shown: string): void {
  const max = limit('yamlAliases');
  let count = 0;
  visit(doc, {
    Alias() {
      count++;
      return count > max ? visit.BREAK : undefined;
    },
  });
  const refuse = (what: string) => new UserError(`${what}, ${overLimit('yamlAliases')}`, { file: shown });
  if (count > max) throw refuse('the file has too many YAML aliases (*name)');
  if (count === 0) return;
  try {
    doc.toJS({ maxAliasCount: max });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      if (/excessive/i.test(error.message)) throw refuse("the file's YAML aliases (*name) expand it too much");
      throw new UserError(`invalid YAML: ${error.message.slice(0, 120)}`, { file: shown });
    }
    throw error;
  }
}

/**
 * The document with `overrides` (dotted path → value) set in it, as a fresh root field: a sweep
 * candidate's params are params.yaml with the candidate's values, checked by the same readers.
 */
export function withOverrides(root: Field, overrides: Record<string, unknown>): Field {
  const { doc } = root.source;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({});
  for (const [key, value] of Object.entries(overrides)) doc.setIn(key.split('.'), doc.createNode(value));
  const node = doc.contents as Node;
  return { ...root, node, line: lineOf(root.source, node) ?? 1 };
}

function resolve(source: Source, node: Node | null): Node | null {
  return isAlias(node) ? ((node.resolve(source.doc) as Node | undefined) ?? null) : node;
}

function lineOf(source: Source, node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? source.lines.linePos(range[0]).line : undefined;
}

export function fail(field: Field, message: string): never {
  throw new UserError(message, { file: field.source.file, line: field.line, field: field.path || undefined });
}

function label(field: Field): string {
  return field.path ? `\`${field.path}\`` : 'the file';
}

/** How a found value reads in a message: `"50" (a string)`, `a list`, `nothing`. */
function found(field: Field): string {
  const { node } = field;
  if (node === null || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    return typeof value === 'string' ? `the string ${quote(value)}` : excerpt(String(value));
  }
  return 'something else';
}

export function expected(field: Field, what: string): never {
  fail(field, `${label(field)} must be ${what}, got ${found(field)}`);
}

function child(parent: Field, path: string, node: Node | null, keyLine: number): Field {
  const resolved = resolve(parent.source, node);
  return { source: parent.source, path, node: resolved, line: lineOf(parent.source, resolved) ?? keyLine, keyLine };
}

function join(parent: Field, key: string): string {
  return parent.path ? `${parent.path}.${key}` : key;
}

export function isPresent(field: Field | undefined): field is Field {
  return field !== undefined && field.node !== null && !(isScalar(field.node) && field.node.value === null);
}

/**
 * The entries of a mapping, keyed by name. Keys not in `allowed` are errors with a
 * "did you mean"; pass `allowed: null` to accept any key (DVC shares params.yaml with other stages).
 */
export function mapping(field: Field, allowed: readonly string[] | null): Map<string, Field> {
  if (!isMap(field.node)) expected(field, 'a mapping of keys to values');
  const entries = new Map<string, Field>();
  for (const pair of field.node.items) {
    const keyNode = pair.key as Node | string | null;
    const keyLine = lineOf(field.source, keyNode) ?? field.line;
    // Parsed keys are scalar nodes; keys set by `withOverrides` are plain strings.
    const key = isScalar(keyNode) ? String(keyNode.value) : typeof keyNode === 'string' ? keyNode : undefined;
    if (key === undefined) fail({ ...field, line: keyLine }, `keys in ${label(field)} must be plain names`);
    if (allowed && !allowed.includes(key)) {
      const path = join(field, key);
      throw new UserError(`unknown key ${showName(path)}${didYouMean(key, allowed)}; expected one of: ${allowed.join(', ')}`, {
        file: field.source.file,
        line: keyLine,
        field: excerpt(path),
      });
    }
    entries.set(key, child(field, join(field, key), pair.value as Node | null, keyLine));
  }
  return entries;
}

export function required(entries: Map<string, Field>, key: string, parent: Field, what: string): Field {
  const field = entries.get(key);
  const line = field?.keyLine ?? parent.keyLine;
  if (isPresent(field)) return field;
  const path = join(parent, key);
  return fail({ ...parent, line, path }, `missing required key \`${path}\`: ${what}`);
}

export function items(field: Field): Field[] {
  if (!isSeq(field.node)) expected(field, 'a list');
  return field.node.items.map((node, i) => child(field, `${field.path}[${i}]`, node as Node | null, field.line));
}

function scalar(field: Field): unknown {
  return isScalar(field.node) ? field.node.value : undefined;
}

export function string(field: Field): string {
  const value = scalar(field);
  if (typeof value !== 'string' || value.trim() === '') expected(field, 'a non-empty string');
  return value;
}

export function boolean(field: Field): boolean {
  const value = scalar(field);
  if (typeof value !== 'boolean') expected(field, 'true or false');
  return value;
}

export function oneOf<T extends string>(field: Field, values: readonly T[]): T {
  const value = scalar(field);
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  const hint = typeof value === 'string' ? didYouMean(value, values) : '';
  return fail(field, `${label(field)} must be one of ${values.join(', ')}, got ${found(field)}${hint}`);
}

export interface Range {
  min?: number;
  max?: number;
  /** Bounds excluded: (min, max). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  /** A bound from `limits.ts`, checked after the range, with a message that says how to raise it. */
  limit?: LimitName;
}

function describeRange(range: Range): string {
  const kind = range.integer ? 'an integer' : 'a number';
  const { min, max } = range;
  if (min !== undefined && max !== undefined) {
    return `${kind} in ${range.minExclusive ? '(' : '['}${min}, ${max}${range.maxExclusive ? ')' : ']'}`;
  }
  if (min !== undefined) return `${kind} ${range.minExclusive ? '>' : '≥'} ${min}`;
  if (max !== undefined) return `${kind} ${range.maxExclusive ? '<' : '≤'} ${max}`;
  return kind;
}

export function number(field: Field, range: Range = {}): number {
  const value = scalar(field);
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!range.integer || Number.isInteger(value)) &&
    (range.min === undefined || (range.minExclusive ? value > range.min : value >= range.min)) &&
    (range.max === undefined || (range.maxExclusive ? value < range.max : value <= range.max));
  if (!ok) expected(field, describeRange(range));
  if (range.limit && (value as number) > limit(range.limit)) fail(field, `${label(field)} is ${value}, ${overLimit(range.limit)}`);
  return value as number;
}

export function stringList(field: Field): string[] {
  const values = items(field).map(string);
  const seen = new Set<string>();
  items(field).forEach((item, i) => {
    if (seen.has(values[i])) fail(item, `\`${field.path}\` lists ${JSON.stringify(values[i])} twice`);
    seen.add(values[i]);
  });
  return values;
}

/** The field's plain JavaScript value (for params that model-ci does not interpret). */
export function plain(field: Field): unknown {
  return field.node === null ? null : (field.node.toJSON() as unknown);
}

/** `read` of the entry when the key is there (a key with no value is a mistake `read` reports), else `fallback`. */
export function optional<T>(entries: Map<string, Field>, key: string, read: (field: Field) => T, fallback: T): T {
  const field = entries.get(key);
  return field === undefined ? fallback : read(field);
}
