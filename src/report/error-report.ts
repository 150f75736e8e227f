/** The comment posted instead of a report when the run could not produce one. */
import type { ErrorLocation } from '../errors.ts';
import { codeBlock, escapeInline } from './escape.ts';
import { commentMarker } from './marker.ts';
import { runLinks, type ReportLinks } from './report.ts';

export interface Problem extends ErrorLocation {
  message: string;
}

export interface ErrorReportInput {
  model: string;
  /** What could not be done, e.g. `Could not train this PR's model`. */
  title: string;
  problems: readonly Problem[];
  links?: ReportLinks;
}

/**
 * Same marker as the report, so it replaces the model's sticky comment and is replaced in turn
 * once the PR is fixed. Each problem names where it is; multi-line messages (a YAML parse error
 * with its code frame) keep their layout in a code block.
 */
export function renderErrorReport({ model, title, problems, links = {} }: ErrorReportInput): string {
  const items = problems.map((problem) => {
    const [first, ...rest] = problem.message.replace(/\r\n?/g, '\n').split('\n');
    const where = location(problem);
    const line = `- ${where ? `**${where}**: ` : ''}${escapeInline(first)}`;
    const detail = rest.join('\n').trimEnd();
    return detail ? `${line}\n\n${codeBlock(detail, '  ')}` : line;
  });
  const footer = runLinks(links);
  return (
    [
      commentMarker(model),
      `### model-ci · ${escapeInline(model)} — ❌ no report`,
      `**${escapeInline(title)}**`,
      items.length > 0 ? items.join('\n') : '- no details were given',
      'Fix the problems above and push again; this comment will be replaced by the report.',
      ...(footer.length > 0 ? [`<sub>${footer.join(' · ')}</sub>`] : []),
    ].join('\n\n') + '\n'
  );
}

/** `params.yaml:12 (train.epochs)`, omitting what is unknown. */
function location({ file, line, field }: ErrorLocation): string {
  const place = file ? escapeInline(line ? `${file}:${line}` : file) : '';
  const key = field ? escapeInline(field) : '';
  return place && key ? `${place} (${key})` : place || key;
}
