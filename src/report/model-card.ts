/**
 * The model card of a deploy: what the model is for (from `card:` in model-ci.yml), what it was made
 * from (data files with rows and hashes, params), how it scored (metrics on the held-out rows, the test
 * label balance), and its lineage (commit, trainer, backend, hashes, image). Markdown with Hugging Face
 * `model-index` metadata in its front matter, so model hubs and catalogues read the scores.
 *
 * The same text goes into the image (served at /v1/models/<name>/card) and into the deploy's job
 * summary. The image's copy cannot name its own digest (it is part of the image); the summary's does.
 * Everything from the repository (names, labels, the card's text) is escaped: it is shown as plain text.
 */
import { stringify } from 'yaml';
import type { ModelCardConfig, Scalar, Task } from '../domain/config.ts';
import type { DataFileStats, Evaluation, Metrics } from '../domain/run-artifacts.ts';
import { formatNumber } from '../compare/numbers.ts';
import { escapeCell, escapeInline, link } from './escape.ts';

export interface ModelCardInput {
  model: string;
  task: Task;
  card?: ModelCardConfig;
  data: Record<string, DataFileStats>;
  trainRows: number;
  testRows: number;
  evaluation: Evaluation;
  params: Record<string, Scalar>;
  metrics: Metrics;
  lineage: {
    commit?: string;
    repositoryUrl?: string;
    runUrl?: string;
    trainedAt: string;
    backend: string;
    modelCiVersion: string;
    hashes: { inputs: string; model: string };
    /** Known to the job summary's copy only. */
    image?: { name: string; digest?: string; tags: string[] };
  };
}

/** Hugging Face's task names for tabular models. */
const HF_TASK: Record<Task, string> = {
  'binary-classification': 'tabular-classification',
  'multiclass-classification': 'tabular-classification',
  regression: 'tabular-regression',
};

/** `frontMatter: false` for a page that shows markdown but not metadata (the job summary). */
export function renderModelCard(input: ModelCardInput, opts: { frontMatter?: boolean } = {}): string {
  const { card = {}, lineage } = input;
  const sections = [
    ...(opts.frontMatter === false ? [] : [frontMatter(input)]),
    `# ${escapeInline(input.model)}`,
    '',
    ...paragraphs(card.description ?? `A ${input.task.replace(/-/g, ' ')} model trained and deployed by model-ci.`),
    '## Intended use',
    '',
    ...paragraphs(card.intendedUse ?? 'Not stated: add `card.intended_use` to model-ci.yml.'),
    '## Limitations',
    '',
    ...paragraphs(card.limitations ?? 'Not stated: add `card.limitations` to model-ci.yml.'),
    '## Data',
    '',
    '| file | rows | sha256 |',
    '| --- | ---: | --- |',
    ...Object.entries(input.data).map(([file, stats]) => `| ${escapeCell(file)} | ${stats.rows} | \`${stats.hash.replace(/^sha256:/, '').slice(0, 16)}…\` |`),
    '',
    `Trained on ${input.trainRows} rows, evaluated on ${input.testRows} held-out rows.`,
    '',
    ...labelBalance(input.evaluation),
    '## Metrics',
    '',
    '| metric | value |',
    '| --- | ---: |',
    ...Object.entries(input.metrics).map(([name, value]) => `| ${escapeCell(name)} | ${formatNumber(value)} |`),
    '',
    '## Params',
    '',
    '| param | value |',
    '| --- | --- |',
    ...Object.entries(input.params).map(([key, value]) => `| ${escapeCell(key)} | ${escapeCell(String(value))} |`),
    '',
    '## Lineage',
    '',
    `- commit: ${lineage.commit ? link(`\`${lineage.commit.slice(0, 12)}\``, lineage.repositoryUrl && `${lineage.repositoryUrl}/commit/${lineage.commit}`) : 'unknown'}`,
    ...(lineage.runUrl ? [`- run: ${link('the deploy job', lineage.runUrl)}`] : []),
    `- trained: ${escapeInline(lineage.trainedAt)} by model-ci ${escapeInline(lineage.modelCiVersion)} on ${escapeInline(lineage.backend)}`,
    `- inputs hash: \`${lineage.hashes.inputs}\``,
    `- model hash: \`${lineage.hashes.model}\``,
    ...(lineage.image
      ? [
          `- image: \`${lineage.image.name}${lineage.image.digest ? `@${lineage.image.digest}` : ''}\` (${lineage.image.tags.map((t) => `\`${t.slice(t.lastIndexOf(':') + 1)}\``).join(', ')})`,
        ]
      : []),
    '',
  ];
  return sections.join('\n');
}

function frontMatter(input: ModelCardInput): string {
  const task = HF_TASK[input.task];
  const metadata = {
    ...(input.card?.license ? { license: input.card.license.toLowerCase() } : {}),
    library_name: 'tensorflowjs',
    tags: ['model-ci', task],
    'model-index': [
      {
        name: input.model,
        results: [
          {
            task: { type: task },
            dataset: { type: 'csv', name: Object.keys(input.data)[0] ?? 'unknown', split: 'test' },
            metrics: Object.entries(input.metrics).map(([name, value]) => ({ type: name, name, value })),
          },
        ],
      },
    ],
  };
  // yaml quotes whatever needs quoting; a file name cannot end the front matter.
  return `---\n${stringify(metadata, { lineWidth: 0 })}---\n`;
}

/** The card's text as plain paragraphs: blank lines separate them, and nothing in them is markup. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .flatMap((paragraph) => [escapeInline(paragraph), '']);
}

function labelBalance(evaluation: Evaluation): string[] {
  if (!evaluation.classes || !evaluation.confusionMatrix) return [];
  const counts = evaluation.confusionMatrix.map((row) => row.reduce((a, b) => a + b, 0));
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  return [
    '| class | test rows | share |',
    '| --- | ---: | ---: |',
    ...evaluation.classes.map((label, k) => `| ${escapeCell(label)} | ${counts[k]} | ${((100 * counts[k]) / total).toFixed(1)}% |`),
    '',
  ];
}
