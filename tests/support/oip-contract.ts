/**
 * The Open Inference Protocol's own OpenAPI description (a copy of KServe's
 * docs/predict-api/v2/rest_predict_v2.yaml, see oip/SOURCE.md), compiled with Ajv: validates the
 * request and response bodies of an exchange with a v2 server, as github-server.ts does for GitHub.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { parse } from 'yaml';

type JsonObject = Record<string, any>;

const SPEC_FILE = join(import.meta.dirname, 'oip', 'rest_predict_v2.yaml');
const SPEC_ID = 'https://kserve.github.io/oip/rest_predict_v2.json';
const MODEL = '/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}';

/** Our path → the description's path template. The required API makes the version segment optional; the description only lists versioned paths. */
export function specPath(path: string): string | undefined {
  if (path === '/v2' || path === '/v2/') return '/v2/';
  if (path === '/v2/health/live' || path === '/v2/health/ready') return path;
  const match = /^\/v2\/models\/[^/]+(?:\/versions\/[^/]+)?(\/ready|\/infer)?$/.exec(path);
  return match ? `${MODEL}${match[1] ?? ''}` : undefined;
}

export class OipContract {
  readonly spec: JsonObject;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  /** Error bodies on statuses the description does not list (404, 503 …): the protocol's error object. */
  private readonly errorBody: ValidateFunction;

  constructor() {
    this.spec = { ...parse(readFileSync(SPEC_FILE, 'utf8')), $id: SPEC_ID };
    this.ajv = new Ajv({ strict: false, allErrors: true });
    (ajvFormats as unknown as (ajv: Ajv) => void)(this.ajv);
    this.ajv.addSchema(this.spec);
    this.errorBody = this.schema('/components/schemas/metadata_model_error_response');
  }

  private schema(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate;
  }

  /** The operation; with `wrongMethodOk`, a path the protocol has with another method gives an operation without responses (for a 405). */
  private operation(method: string, path: string, wrongMethodOk = false): { template: string; op: JsonObject } {
    const template = specPath(path);
    const ops = template === undefined ? undefined : this.spec.paths[template];
    const op = ops?.[method.toLowerCase()] ?? (ops && wrongMethodOk ? { responses: {} } : undefined);
    if (!op) throw new Error(`the Open Inference Protocol has no ${method} ${path}`);
    return { template: template as string, op };
  }

  /** Problems with a request body (empty when it is valid). */
  checkRequest(method: string, path: string, body: unknown): string[] {
    const { template, op } = this.operation(method, path);
    if (!op.requestBody) return body === undefined ? [] : [`${method} ${template} takes no body`];
    const pointer = `/paths/${pointerSegment(template)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
    const validate = this.schema(pointer);
    return validate(body) ? [] : describe(validate.errors, 'request body');
  }

  /** Problems with a response: its status is the protocol's and its body matches the schema declared for it. */
  checkResponse(method: string, path: string, status: number, contentType: string | null, body: unknown): string[] {
    const { template, op } = this.operation(method, path, status === 405);
    const declared = op.responses[String(status)];
    const problems: string[] = [];
    if (status >= 400) {
      // The required API: every error answers {"error": "<message>"}.
      if (!this.errorBody(body)) problems.push(...describe(this.errorBody.errors, `error body (${status})`));
      if (status !== 400 && status !== 404 && status !== 405 && status !== 413 && status !== 503) problems.push(`unexpected status ${status}`);
    } else if (!declared) {
      problems.push(`${method} ${template} declares no ${status} response`);
    }
    const schema = declared?.content?.['application/json']?.schema;
    if (schema) {
      if (!contentType?.startsWith('application/json')) problems.push(`content-type ${contentType} is not application/json`);
      const pointer = `/paths/${pointerSegment(template)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
      const validate = this.schema(pointer);
      if (!validate(body)) problems.push(...describe(validate.errors, `response body (${status})`));
    }
    return problems;
  }
}

/** A JSON-pointer segment inside a `$ref` URI: `~` and `/` escaped, then percent-encoded (`${`, `}` are not URI characters). */
function pointerSegment(part: string): string {
  return encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function describe(errors: ErrorObject[] | null | undefined, what: string): string[] {
  return (errors ?? []).map((e) => `${what}${e.instancePath || ''}: ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
