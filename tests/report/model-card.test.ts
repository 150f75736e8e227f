import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { renderModelCard, type ModelCardInput } from '../../src/report/model-card.ts';

const DIGEST = `sha256:${'cd'.repeat(32)}`;

function input(overrides: Partial<ModelCardInput> = {}): ModelCardInput {
  return {
    model: 'breast-cancer',
    task: 'binary-classification',
    card: { intendedUse: 'Screening aid.\n\nNot a diagnosis.', limitations: 'One hospital.', license: 'MIT' },
    data: { 'data/train.csv': { hash: `sha256:${'ab'.repeat(32)}`, rows: 569 } },
    trainRows: 455,
    testRows: 114,
    evaluation: {
      task: 'binary-classification',
      testRows: 114,
      classes: ['benign', 'malignant'],
      confusionMatrix: [
        [70, 2],
        [3, 39],
      ],
    },
    params: { 'train.epochs': 30, 'model.hidden_units': '[16]' },
    metrics: { accuracy: 0.9561, roc_auc: 0.99 },
    lineage: {
      commit: 'a'.repeat(40),
      repositoryUrl: 'https://github.com/acme/bc',
      trainedAt: '2026-12-01T00:00:00.000Z',
      backend: 'wasm',
      modelCiVersion: '0.1.0',
      hashes: { inputs: 'sha256:1', model: 'sha256:2' },
    },
    ...overrides,
  };
}

test('model card: Hugging Face model-index metadata carries every metric, and the body the data, balance and lineage', () => {
  const card = renderModelCard(input());
  assert.ok(card.startsWith('---\n'));
  const [meta] = parseAllDocuments(card.slice(4, card.indexOf('\n---\n', 4) + 1)).map((d) => d.toJS());
  assert.equal(meta.license, 'mit');
  assert.deepEqual(meta['model-index'][0].results[0].metrics, [
    { type: 'accuracy', name: 'accuracy', value: 0.9561 },
    { type: 'roc_auc', name: 'roc_auc', value: 0.99 },
  ]);
  assert.equal(meta['model-index'][0].results[0].task.type, 'tabular-classification');
  assert.match(card, /## Intended use\n\nScreening aid\.\n\nNot a diagnosis\.\n/);
  assert.match(card, /\| benign \| 72 \| 63\.2% \|/);
  assert.match(card, /\| data\/train\.csv \| 569 \| `abababababababab…` \|/);
  assert.match(card, /commit: \[`aaaaaaaaaaaa`\]\(https:\/\/github\.com\/acme\/bc\/commit\/a{40}\)/);
  assert.doesNotMatch(card, /image:/, "the image's own copy cannot name its digest");
});

test("model card: the summary's copy names the pushed digest and has no front matter", () => {
  const image = { name: 'ghcr.io/acme/bc', digest: DIGEST, tags: ['ghcr.io/acme/bc:sha-aaaaaaa', 'ghcr.io/acme/bc:latest'] };
  const card = renderModelCard(input({ lineage: { ...input().lineage, image } }), { frontMatter: false });
  assert.ok(card.startsWith('# breast-cancer'));
  assert.ok(card.includes(`\`ghcr.io/acme/bc@${DIGEST}\` (\`sha-aaaaaaa\`, \`latest\`)`));
});

test('model card: text from the repository is plain text (no HTML, links, mentions or front-matter breaks)', () => {
  const hostile = input({
    card: { intendedUse: '<img src=x onerror=alert(1)> [click](https://evil.example) @acme/team', limitations: '---\nlicense: stolen' },
    evaluation: {
      task: 'binary-classification',
      testRows: 2,
      classes: ['<b>x</b>', 'a|b'],
      confusionMatrix: [
        [1, 0],
        [0, 1],
      ],
    },
    data: { 'data/\n---\nx: 1.csv': { hash: 'sha256:00', rows: 2 } },
  });
  const card = renderModelCard(hostile);
  assert.ok(!card.includes('<img'), card);
  assert.ok(!card.includes('<b>'));
  assert.ok(card.includes('\\[click\\]'));
  assert.ok(card.includes('@&#8203;acme'));
  assert.ok(card.includes('a\\|b'));
  // The front matter still ends where it should, and holds only our keys.
  const end = card.indexOf('\n---\n', 4);
  const [meta] = parseAllDocuments(card.slice(4, end + 1)).map((d) => d.toJS());
  assert.deepEqual(Object.keys(meta).sort(), ['library_name', 'model-index', 'tags']);
  const body = card.slice(end + 5).split('\n');
  assert.equal(body.filter((line) => /^\s*-{3,}\s*$/.test(line) || /^license:/.test(line)).length, 0, 'the text cannot start a block or metadata');
});
