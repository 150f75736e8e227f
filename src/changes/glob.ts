/**
 * Glob patterns for watched paths, relative to the repository root, with the
 * semantics of GitHub Actions' `paths` filters so a pattern means the same in
 * model-ci.yml as in the workflow that runs it:
 *   `*` any run of characters but `/`; `**` any number of whole segments;
 *   `?` one character but `/`; `[abc]`, `[a-z]`, `[!abc]` one character of a set;
 *   `{a,b}` alternatives (nestable); `\` escapes the next character.
 * Wildcards match dotfiles too (`.github/**` and `**` both reach `.github/x`).
 * A pattern that matches a folder matches everything below it (`data` and
 * `data/` watch `data/train.csv`), as in `.gitignore`.
 *
 * Dependency-free rather than `path.matchesGlob`: that one never lets `**`
 * reach a dotfolder and, until Node 24, warned that it was experimental.
 */
import { UserError } from '../errors.ts';

/** Upper bound on the patterns `{…}` may expand to; `{a,b}{c,d}…` grows exponentially. */
const MAX_EXPANSIONS = 1024;

export type PathMatcher = (path: string) => boolean;

/** Compiles one pattern (without a leading `!`); `field` names it in errors, e.g. `watch[2]`. */
export function compileGlob(pattern: string, field = 'glob'): PathMatcher {
  const normalized = pattern
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
  if (normalized === '') throw new UserError(`empty pattern ${JSON.stringify(pattern)}: expected a path or glob relative to the repository root`, { field });
  const alternatives = expandBraces(normalized, field).map((p) => globToRegExpSource(p, field));
  const regex = new RegExp(`^(?:${alternatives.join('|')})(?:/.*)?$`, 's');
  return (path) => regex.test(path);
}

/** Escapes glob syntax so a literal path (a data file named `x[1].csv`) can be used as a pattern. */
export function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}!]/g, (c) => `\\${c}`);
}

function expandBraces(pattern: string, field: string): string[] {
  const open = findUnescaped(pattern, '{', 0);
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      depth++;
    } else if (c === ',' && depth === 1) {
      commas.push(i);
    } else if (c === '}' && --depth === 0) {
      const bounds = [open, ...commas, i];
      const prefix = pattern.slice(0, open);
      const suffix = pattern.slice(i + 1);
      const expanded: string[] = [];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const alternative = pattern.slice(bounds[k] + 1, bounds[k + 1]);
        expanded.push(...expandBraces(prefix + alternative + suffix, field));
        if (expanded.length > MAX_EXPANSIONS) {
          throw new UserError(`pattern ${JSON.stringify(pattern)} expands to more than ${MAX_EXPANSIONS} alternatives`, { field });
        }
      }
      return expanded;
    }
  }
  throw new UserError(`pattern ${JSON.stringify(pattern)} has a "{" without its closing "}"`, { field });
}

function findUnescaped(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

function globToRegExpSource(pattern: string, field: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    const segmentStart = i === 0 || pattern[i - 1] === '/';
    if (c === '*' && pattern[i + 1] === '*' && segmentStart && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
      // `**/` is zero or more whole folders; a final `**` is everything below.
      if (i + 2 === pattern.length) {
        out += '.*';
        i += 2;
      } else {
        out += '(?:[^/]*/)*';
        i += 3;
      }
    } else if (c === '*') {
      while (pattern[i] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = findClassEnd(pattern, i);
      if (close < 0) throw new UserError(`pattern ${JSON.stringify(pattern)} has a "[" without its closing "]"`, { field });
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      const set = body.replace(/\\(.)/g, '$1').replace(/[\\\]^]/g, (m) => `\\${m}`);
      out += negated ? `[^/${set}]` : `(?!/)[${set}]`;
      i = close + 1;
    } else if (c === '\\' && i + 1 < pattern.length) {
      out += escapeRegExp(pattern[i + 1]);
      i += 2;
    } else {
      out += escapeRegExp(c);
      i++;
    }
  }
  return out;
}

/** Index of the `]` closing the class opened at `open`; a `]` right after `[` or `[!` is a member, as in POSIX. */
function findClassEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
