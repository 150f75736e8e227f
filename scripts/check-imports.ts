/**
 * Fails when a folder of src/ imports (statically or dynamically) from a folder that imports it back,
 * directly or through others. Folders are layers: a cycle between them means neither can be read, tested
 * or moved on its own. Prints each cycle with one import that makes each of its edges.
 *
 *   node scripts/check-imports.ts [src]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// `from '…'` (import/export) and `import('…')`: type-only imports count too, since they couple the folders' meaning.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `action/modes/pr.ts` → `action`; a file at the top of src/ is its own folder (`main.ts` → `main.ts`). */
function folderOf(root: string, file: string): string {
  return relative(root, file).split(sep)[0];
}

export interface Edge {
  from: string;
  to: string;
  /** One import that makes this edge, `file:line`. */
  example: string;
}

/** Edges between the folders of `root` that the imports of `files` (inside `root`) make. */
export function folderEdges(root: string, files: string[]): Map<string, Map<string, Edge>> {
  const edges = new Map<string, Map<string, Edge>>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const target = resolve(dirname(file), match[1]);
      if (!target.startsWith(root + sep)) continue;
      const from = folderOf(root, file);
      const to = folderOf(root, target);
      if (from === to) continue;
      const out = edges.get(from) ?? new Map<string, Edge>();
      edges.set(from, out);
      if (!out.has(to)) {
        const line = text.slice(0, match.index).split('\n').length;
        out.set(to, { from, to, example: `${relative(process.cwd(), file)}:${line}` });
      }
    }
  }
  return edges;
}

/** Strongly connected components of more than one folder (Tarjan). */
export function folderCycles(edges: Map<string, Map<string, Edge>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

if (import.meta.main) {
  const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'src'));
  const edges = folderEdges(root, sourceFiles(root));
  const cycles = folderCycles(edges);
  if (cycles.length === 0) {
    console.log(`check-imports: no folder of ${relative(process.cwd(), root) || '.'} imports from one that imports it back`);
  } else {
    for (const cycle of cycles) {
      console.error(`check-imports: these folders import each other: ${cycle.join(', ')}`);
      for (const from of cycle) {
        for (const edge of edges.get(from)?.values() ?? []) if (cycle.includes(edge.to)) console.error(`  ${edge.from} → ${edge.to}  (${edge.example})`);
      }
    }
    process.exitCode = 1;
  }
}
