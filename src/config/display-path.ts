import { isAbsolute, relative, sep } from 'node:path';

/** A path as the user would type it: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

/**
 * At most `max` characters of a value for a message, cut with an ellipsis: a file that is not what it
 * should be (a secret, a binary) is never echoed whole. Callers quote it with JSON.stringify (escaped).
 */
export function excerpt(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
