/** A `--import` module (for NODE_OPTIONS) that appends the URL of every module the process loads to `file`. */
export function recordModules(file: string): string {
  const source = [
    "import { registerHooks } from 'node:module';",
    "import { appendFileSync } from 'node:fs';",
    `registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(file)}, url + '\\n'); return next(url, context); } });`,
  ].join('\n');
  return `data:text/javascript,${encodeURIComponent(source)}`;
}
