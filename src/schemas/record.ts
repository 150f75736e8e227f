/**
 * The baseline record's schema, typed against `BaselineRecord`: a field added to the type that this
 * schema does not follow is a type error. Unknown fields are allowed (a newer model-ci may add optional
 * ones within the same schema number). Each field's `description` is what its error says was expected.
 * What a schema cannot say (a time that parses, an image name our parser accepts) is in
 * `src/baseline/validate.ts`, run after it.
 */
import type { JSONSchemaType } from 'ajv';
import { type BaselineRecord, FULL_SHA, MODEL_CI_VERSION, MODEL_HASH, MODEL_NAME } from '../domain/record.ts';
import { absentNotNull } from './parts.ts';

const text = { type: 'string', minLength: 1, description: 'a non-empty string' } as const;
const finite = { type: 'number', description: 'a finite number' } as const;
const count = { type: 'integer', minimum: 0, description: 'a whole number ≥ 0' } as const;
const pattern = (source: string, description: string) => ({ type: 'string', pattern: source, description }) as const;
const commit = pattern(FULL_SHA.source, 'a full commit SHA (40 hex digits)');
const object = { description: 'an object' } as const;
const list = { description: 'an array' } as const;

export const recordSchema: JSONSchemaType<BaselineRecord> = {
  type: 'object',
  ...object,
  properties: {
    schema: { type: 'integer', description: 'a record schema number' },
    modelCiVersion: pattern(MODEL_CI_VERSION.source, 'a model-ci version such as 1.2.3'),
    model: pattern(MODEL_NAME.source, 'a model name of letters, digits, ".", "_" and "-"'),
    commit,
    createdAt: pattern('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})$', 'an ISO 8601 time such as 2025-03-04T05:06:07Z'),
    backend: pattern('^[a-z0-9][a-z0-9-]{0,39}$', 'a backend name such as wasm'),
    metrics: { type: 'object', ...object, required: [], additionalProperties: finite },
    params: {
      type: 'object',
      ...object,
      required: [],
      additionalProperties: { type: ['string', 'number', 'boolean'], nullable: true, description: 'a string, number, boolean or null' },
    },
    data: {
      type: 'object',
      ...object,
      required: [],
      additionalProperties: {
        type: 'object',
        description: '{ hash, rows }',
        properties: { hash: text, rows: count },
        required: ['hash', 'rows'],
      },
    },
    inputsHash: text,
    modelHash: text,
    history: {
      type: 'object',
      ...object,
      ...absentNotNull,
      properties: {
        epochs: count,
        loss: { type: 'array', ...list, items: finite },
        val_loss: { type: 'array', ...list, items: finite, ...absentNotNull },
        stoppedEarlyAt: { ...count, ...absentNotNull },
        bestEpoch: { ...count, ...absentNotNull },
      },
      required: ['epochs', 'loss'],
    },
    evaluation: {
      type: 'object',
      ...object,
      ...absentNotNull,
      properties: {
        task: { ...text, type: 'string' },
        testRows: count,
        classes: { type: 'array', ...list, items: text, ...absentNotNull },
        confusionMatrix: { type: 'array', description: 'an array of rows', items: { type: 'array', ...list, items: count }, ...absentNotNull },
      },
      required: ['task', 'testRows'],
    },
    trainingMs: { ...finite, ...absentNotNull },
    image: {
      type: 'object',
      ...object,
      ...absentNotNull,
      properties: {
        name: { type: 'string', description: 'an image name without tag or digest' },
        digest: pattern('^sha256:[0-9a-f]{64}$', 'sha256:<64 hex digits>'),
        tags: { type: 'array', ...list, items: text },
      },
      required: ['name', 'digest', 'tags'],
    },
    runUrl: { ...text, ...absentNotNull },
    rollbackOf: { ...commit, ...absentNotNull },
    reusedFrom: { ...commit, ...absentNotNull },
    storedModel: {
      type: 'object',
      ...object,
      ...absentNotNull,
      properties: { hash: pattern(MODEL_HASH.source, 'sha256:<64 hex digits>'), bytes: count },
      required: ['hash', 'bytes'],
    },
  },
  required: ['schema', 'modelCiVersion', 'model', 'commit', 'createdAt', 'backend', 'metrics', 'params', 'data', 'inputsHash', 'modelHash'],
};
