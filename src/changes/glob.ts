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
  const alternatives = expandBraces(normalized, field).map((p) => compileTokens(p, field));
  return (path) => alternatives.some((tokens) => matchTokens(tokens, path));
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

/**
 * One step of a pattern. Matched by simulating the automaton (every live state at once), not by a
 * backtracking regex: `*a*a*a…b` against a long path took seconds per star on V8's regex engine, and a
 * PR writes its own `watch`. Time is (pattern length × path length) whatever the pattern.
 */
type Token =
  | { kind: 'char'; test: (c: string) => boolean }
  /** `*`: any run of characters but `/`. */
  | { kind: 'star' }
  /** `**` followed by `/`: zero or more whole folders. */
  | { kind: 'folders' }
  /** A final `**`: everything below. */
  | { kind: 'rest' };

function compileTokens(pattern: string, field: string): Token[] {
  const tokens: Token[] = [];
  const literal = (ch: string) => tokens.push({ kind: 'char', test: (c) => c === ch });
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    const segmentStart = i === 0 || pattern[i - 1] === '/';
    if (c === '*' && pattern[i + 1] === '*' && segmentStart && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
      tokens.push({ kind: i + 2 === pattern.length ? 'rest' : 'folders' });
      i += 3;
    } else if (c === '*') {
      while (pattern[i] === '*') i++;
      tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'char', test: (ch) => ch !== '/' });
      i++;
    } else if (c === '[') {
      const close = findClassEnd(pattern, i);
      if (close < 0) throw new UserError(`pattern ${JSON.stringify(pattern)} has a "[" without its closing "]"`, { field });
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      const set = body.replace(/\\(.)/g, '$1').replace(/[\\\]^]/g, (m) => `\\${m}`);
      // A one-character class is a regex that cannot backtrack.
      const member = new RegExp(`^[${set}]$`, 's');
      tokens.push({ kind: 'char', test: (ch) => ch !== '/' && member.test(ch) !== negated });
      i = close + 1;
    } else if (c === '\\' && i + 1 < pattern.length) {
      literal(pattern[i + 1]);
      i += 2;
    } else {
      literal(c);
      i++;
    }
  }
  return tokens;
}

/**
 * States: `2t` is "before token t", `2t + 1` is "inside a folder name of the `folders` token t". Past the
 * last token, `2n` is the end and `TAIL` is "below a matched folder" (a pattern matching a folder matches
 * everything in it).
 */
const TAIL = -1;

function matchTokens(tokens: Token[], path: string): boolean {
  const end = 2 * tokens.length;
  // Adds `state` and what it reaches without reading a character.
  const close = (states: Set<number>, state: number): void => {
    if (states.has(state)) return;
    states.add(state);
    if (state === TAIL || state % 2 === 1 || state === end) return;
    const kind = tokens[state / 2].kind;
    if (kind !== 'char') close(states, state + 2);
  };
  let current = new Set<number>();
  close(current, 0);
  for (const c of path) {
    const next = new Set<number>();
    for (const state of current) {
      if (state === TAIL) close(next, TAIL);
      else if (state === end) {
        if (c === '/') close(next, TAIL);
      } else if (state % 2 === 1) close(next, c === '/' ? state - 1 : state);
      else {
        const token = tokens[state / 2];
        if (token.kind === 'char') {
          if (token.test(c)) close(next, state + 2);
        } else if (token.kind === 'star') {
          if (c !== '/') close(next, state);
        } else if (token.kind === 'folders') {
          close(next, c === '/' ? state : state + 1);
        } else {
          close(next, state);
        }
      }
    }
    if (next.size === 0) return false;
    current = next;
  }
  return current.has(end) || current.has(TAIL);
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
