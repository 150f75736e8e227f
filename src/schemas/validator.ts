/**
 * The one Ajv instance that checks untrusted JSON, and how its errors read.
 *
 * Ajv is imported on first use, not at load: a PR run that retrains nothing reads no artifact and no
 * record, so it must not load (nor compile) a schema validator. Each schema is compiled once.
 */
import type { Ajv, ErrorObject, JSONSchemaType, ValidateFunction } from 'ajv';
import { excerpt, shorten } from '../errors.ts';

let instance: Promise<Ajv> | undefined;
const compiled = new WeakMap<object, Promise<ValidateFunction>>();

/**
 * `allowUnionTypes` for scalars (string, number, boolean or null);
 * `allErrors` so a record can say what all its problems are (bounded by whoever reports them);
 * `verbose` so an error carries the failing value and schema (for `expected` and `got`);
 * `discriminator` so a union picks its branch by `kind` and reports that branch's errors only.
 * `default` is Ajv's CommonJS `module.exports`, the class, both under Node and in the bundle (whose Ajv
 * chunk exports nothing else).
 */
const ajv = () =>
  (instance ??= import('ajv').then(
    ({ default: exported }) =>
      new (exported as unknown as typeof Ajv)({ strict: true, allowUnionTypes: true, allErrors: true, verbose: true, discriminator: true }),
  ));

/** Schemas with a `description` on a field use it as what was expected there. */
export function validator<T>(schema: JSONSchemaType<T>): Promise<ValidateFunction<T>> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv().then((instance) => instance.compile(schema));
    compiled.set(schema, validate);
  }
  return validate as Promise<ValidateFunction<T>>;
}

/** One problem of a document: where (`a.b[2]`, empty for the root), what was expected, what was there. */
export interface SchemaProblem {
  path: string;
  /** The JSON pointer, as Ajv reports it (for `UserError`'s field). */
  pointer: string;
  message: string;
}

/** Ajv's errors as bounded problems, one per field, in the order Ajv found them. */
export function schemaProblems(errors: readonly ErrorObject[] | null | undefined, root: unknown): SchemaProblem[] {
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors ?? []) {
    // A failed oneOf/anyOf/discriminator also reports its branches' errors: those are the useful ones.
    if (['oneOf', 'anyOf', 'if'].includes(error.keyword) && problems.length > 0) continue;
    const missing = error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
    const pointer = missing === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(missing)}`;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    problems.push({ path: dotted(pointer, root), pointer, message: describe(error, missing) });
  }
  return problems;
}

function describe(error: ErrorObject, missing: string | undefined): string {
  if (missing !== undefined) {
    const field = (error.parentSchema?.properties as Record<string, { description?: string }> | undefined)?.[missing];
    return `expected ${field?.description ?? 'a value'}, got nothing`;
  }
  if (error.keyword === 'additionalProperties' && error.params.additionalProperty !== undefined) {
    return `unexpected field "${excerpt(String(error.params.additionalProperty), 60)}"`;
  }
  if (error.keyword === 'discriminator') return `${error.message ?? 'unknown kind'}, got ${got(error.data)}`;
  const expected =
    typeof error.parentSchema?.description === 'string' ? error.parentSchema.description : (error.message ?? error.keyword).replace(/^must be /, '');
  return `expected ${expected}, got ${got(error.data)}`;
}

/** A value as a short, escaped excerpt: untrusted data is never echoed whole. */
export function got(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${excerpt(value, 60)}"`;
  // JSON already escapes C0 controls and quotes; format characters (bidi overrides) are escaped here.
  return shorten(JSON.stringify(value) ?? String(value), 60).replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** `/history/loss/1` → `history.loss[1]`, looking at the document to tell list items from keys. */
function dotted(pointer: string, root: unknown): string {
  let path = '';
  let at = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += Array.isArray(at) ? `[${key}]` : path === '' ? key : `.${key}`;
    at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  }
  return excerpt(path, 200);
}
