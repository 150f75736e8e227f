/**
 * The schema of a sweep candidate's result file, typed against `CandidateFile`: a field the result
 * types gain that this schema does not follow is a type error. Exact shape, bounded sizes; the commit
 * it claims to be for is checked by its reader (`src/action/candidate-file.ts`).
 */
import type { JSONSchemaType } from 'ajv';
import type { RunSide } from '../compare/compare.ts';
import { sha, str } from './parts.ts';

export const CANDIDATE_SCHEMA = 1;

/** What one candidate job measured: the file the sweep job collects. */
export interface CandidateResult {
  id: string;
  name: string;
  params: Record<string, unknown>;
  backend: string;
  run: RunSide;
}

/** A candidate's file as written: its result, the commit it trained and the schema number. */
export type CandidateFile = CandidateResult & { schema: typeof CANDIDATE_SCHEMA; headSha: string };

export const candidateSchema: JSONSchemaType<CandidateFile> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    schema: { type: 'integer', const: CANDIDATE_SCHEMA },
    headSha: sha,
    id: { type: 'string', pattern: '^c[0-9]{1,3}$' },
    name: str(),
    params: { type: 'object', required: [], maxProperties: 50 },
    backend: str(50),
    run: {
      type: 'object',
      additionalProperties: false,
      properties: {
        metrics: { type: 'object', required: [], additionalProperties: { type: 'number' }, maxProperties: 100 },
        params: {
          type: 'object',
          required: [],
          additionalProperties: { type: ['string', 'number', 'boolean'], maxLength: 2000, nullable: true },
          maxProperties: 1000,
        },
        data: {
          type: 'object',
          required: [],
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: { hash: str(100), rows: { type: 'number' } },
            required: ['hash', 'rows'],
          },
          maxProperties: 1000,
        },
      },
      required: ['metrics', 'params', 'data'],
    },
  },
  required: ['schema', 'headSha', 'id', 'name', 'params', 'backend', 'run'],
};
