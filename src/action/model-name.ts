/** The model's name for a comment that reports a broken config: read leniently, since the config may be what is broken. */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parse } from 'yaml';

export function peekModelName(configFile: string): string {
  try {
    const doc = parse(readFileSync(configFile, 'utf8')) as { name?: unknown } | null;
    if (typeof doc?.name === 'string' && doc.name.trim() !== '') return doc.name.trim();
  } catch {
    // Unreadable or invalid YAML: fall back to the folder's name, stable across pushes.
  }
  return basename(dirname(configFile)) || 'model';
}
