/**
 * The model's name for a comment that reports a broken config: read leniently, since the config may be
 * what is broken. The config is the PR's, so leniently does not mean unbounded: a file over the YAML size
 * limit is not read, aliases are capped, and a name that is not a valid model name is not used.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parse } from 'yaml';
import { MODEL_NAME } from '../domain/record.ts';
import { limit } from '../limits.ts';

export function peekModelName(configFile: string): string {
  try {
    if (statSync(configFile).size <= limit('yamlBytes')) {
      const doc = parse(readFileSync(configFile, 'utf8'), { maxAliasCount: limit('yamlAliases') }) as { name?: unknown } | null;
      const name = typeof doc?.name === 'string' ? doc.name.trim() : '';
      if (MODEL_NAME.test(name)) return name;
    }
  } catch {
    // Unreadable, too large or invalid YAML: fall back to the folder's name, stable across pushes.
  }
  return basename(dirname(configFile)) || 'model';
}
