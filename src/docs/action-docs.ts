/** Pure: action.yml → the README's inputs and outputs tables. */
import { markdownTable } from 'markdown-table';
import { parse } from 'yaml';

interface ActionYaml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

export function renderActionDocs(actionYml: string): string {
  const action = parse(actionYml) as ActionYaml;
  const inputs = Object.entries(action.inputs ?? {}).map(([name, input]) => [
    `\`${name}\``,
    cell(input.description ?? ''),
    input.default === undefined || input.default === '' ? '' : `\`${cell(String(input.default))}\``,
  ]);
  const outputs = Object.entries(action.outputs ?? {}).map(([name, output]) => [`\`${name}\``, cell(output.description ?? '')]);
  return [
    '### Inputs',
    '',
    markdownTable([['input', 'description', 'default'], ...inputs], { alignDelimiters: false }),
    '',
    '### Outputs',
    '',
    markdownTable([['output', 'description'], ...outputs], { alignDelimiters: false }),
  ].join('\n');
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${start} … ${end} not found`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
