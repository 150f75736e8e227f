/**
 * Parses a :predict body (pure): TF Serving's row format `{"instances": [...]}` answered with
 * "predictions", or its columnar format `{"inputs": {feature: [values...]}}` (or `inputs` as rows)
 * answered with "outputs". Instance contents are checked by the predictor's encoder.
 */
import { parseJsonBody, RequestError } from './request-error.ts';

export interface PredictRequest {
  rows: unknown[];
  /** Where the rows came from, for error messages: `instances[3].age`. */
  field: 'instances' | 'inputs';
  outputKey: 'predictions' | 'outputs';
}

const KEYS = ['instances', 'inputs', 'signature_name'];

export function parsePredictRequest(body: Buffer, maxBatch: number): PredictRequest {
  const bad = (message: string) => new RequestError(400, message, 'invalid_request');
  const parsed = parseJsonBody(body);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw bad('expected a JSON object like {"instances": [[...], ...]}');
  }
  const request = parsed as Record<string, unknown>;
  const unknown = Object.keys(request).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0) throw bad(`unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')}; expected "instances" (or "inputs")`);
  if (request.signature_name !== undefined && request.signature_name !== 'serving_default') {
    throw bad(`unknown signature_name ${JSON.stringify(request.signature_name)}; the only signature is "serving_default"`);
  }
  if ('instances' in request && 'inputs' in request) throw bad('send either "instances" or "inputs", not both');

  let rows: unknown[];
  let field: PredictRequest['field'];
  if ('instances' in request) {
    if (!Array.isArray(request.instances)) throw bad('"instances" must be an array of rows (arrays in feature order or objects keyed by feature name)');
    rows = request.instances;
    field = 'instances';
  } else if ('inputs' in request) {
    rows = inputsToRows(request.inputs, bad);
    field = 'inputs';
  } else {
    throw bad('missing "instances": expected {"instances": [[...], ...]}');
  }
  if (rows.length === 0) throw bad(`"${field}" is empty; send at least one row`);
  if (rows.length > maxBatch) throw bad(`"${field}" has ${rows.length} rows, more than the limit of ${maxBatch} per request; split the batch`);
  return { rows, field, outputKey: field === 'instances' ? 'predictions' : 'outputs' };
}

/** Columnar `{feature: [v0, v1, ...]}` becomes row objects; an array is already rows. */
function inputsToRows(inputs: unknown, bad: (message: string) => RequestError): unknown[] {
  if (Array.isArray(inputs)) return inputs;
  if (inputs === null || typeof inputs !== 'object') throw bad('"inputs" must be an object of feature → array of values, or an array of rows');
  const columns = Object.entries(inputs as Record<string, unknown>);
  const length = columns.length > 0 && Array.isArray(columns[0][1]) ? columns[0][1].length : 0;
  for (const [feature, values] of columns) {
    if (!Array.isArray(values)) throw bad(`inputs.${feature} must be an array with one value per row`);
    if (values.length !== length)
      throw bad(`inputs.${feature} has ${values.length} values but inputs.${columns[0][0]} has ${length}; every column needs one value per row`);
  }
  return Array.from({ length }, (_, i) => Object.fromEntries(columns.map(([feature, values]) => [feature, (values as unknown[])[i]])));
}
