/** Pieces the schemas share. */
import { FULL_SHA } from '../domain/record.ts';

/** A string of at most `maxLength` characters: every string from outside is bounded. */
export const str = (maxLength = 500) => ({ type: 'string', maxLength }) as const;

/** A full commit SHA: 40 hex digits, 64 in a SHA-256 repository. */
export const sha = { type: 'string', pattern: FULL_SHA.source } as const;

/**
 * `JSONSchemaType` wants `nullable` on an optional field; JSON never writes `undefined` as `null`, so a
 * `null` there is refused as any other wrong type would be.
 */
export const absentNotNull = { nullable: true, not: { type: 'null' } } as const;

/** `schema` as an optional field. */
export const optional = <S extends object>(schema: S) => ({ ...schema, ...absentNotNull });
