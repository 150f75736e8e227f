/**
 * The page at `GET /`, driven in headless Chromium against a real server on a model trained for
 * real: the form is the training schema, submitting it shows what the predict API answers, hostile
 * feature names and categories stay text, and the page breaks none of its own Content-Security-Policy.
 * Screenshots go to tests/artifacts/page/ (git-ignored) for a human to look at.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createModelServer, type ModelServer } from '../../src/serve/server.ts';
import type { TrainRun } from '../../src/train/pipeline.ts';
import { launchBrowser } from '../support/browser.ts';
import { HOSTILE_CATEGORY, HOSTILE_FEATURE, trainSyntheticModel } from '../support/trained-model.ts';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'page');
const NAME = 'synthetic';

let root: string;
let run: TrainRun;
let server: ModelServer;
let browser: Browser | undefined;
let skip: string | undefined;

before(async () => {
  const launched = await launchBrowser();
  if ('skip' in launched) skip = launched.skip;
  else browser = launched;
  root = await mkdtemp(join(tmpdir(), 'model-ci-page-'));
  run = await trainSyntheticModel(root, NAME);
  server = await createModelServer({ model: run.out, port: 0, backend: 'cpu' });
  await server.ready;
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** A page that records CSP violations, console errors and dialogs (an alert() would mean a script ran). */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await (browser as Browser).newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url)) problems.push(`request outside the server: ${request.url()}`);
  });
  // A string: the test's TypeScript has no DOM types. Chromium also logs the violation, but this names the directive.
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  const response = await page.goto(`${server.url}/`);
  assert.equal(response?.status(), 200);
  return { page, problems };
}

async function predictDirectly(instance: unknown[]): Promise<unknown> {
  const res = await fetch(`${server.url}/v1/models/${NAME}:predict`, { method: 'POST', body: JSON.stringify({ instances: [instance] }) });
  assert.equal(res.status, 200);
  return res.json();
}

describe('the page to try the model, in Chromium', () => {
  test('is small, self-contained and served with a strict Content-Security-Policy', async (t) => {
    const res = await fetch(`${server.url}/`);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.ok(Buffer.byteLength(html) < 50 * 1024, `page is ${Buffer.byteLength(html)} bytes`);
    t.diagnostic(`page size: ${Buffer.byteLength(html)} bytes`);
    assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//, 'no external asset');
    assert.ok(!html.includes(HOSTILE_FEATURE) && !html.includes(HOSTILE_CATEGORY), 'training names appear only escaped');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  test('the form is the training schema; submitting it shows what the predict API answers', { skip }, async () => {
    const { page, problems } = await openPage();
    const labels = await page.locator('form label').allInnerTexts();
    assert.deepEqual(
      labels.map((l) => l.split('\n')[0]),
      run.preprocessing.features.map((f) => f.name),
    );
    const age = run.preprocessing.features[0];
    assert.ok(age.kind === 'numeric' && age.min !== undefined && age.max !== undefined);
    assert.match(labels[0], new RegExp(`training range ${age.min} to ${age.max}`));
    const options = await page.locator('#f3 option').allInnerTexts();
    assert.deepEqual(options, (run.preprocessing.features[3] as { categories: string[] }).categories);

    await page.fill('#f0', '64');
    await page.fill('#f1', '4200');
    await page.fill('#f2', '0.93');
    await page.selectOption('#f3', 'oslo');
    await page.click('button[type=submit]');
    await page.locator('#label').waitFor();
    const direct = (await predictDirectly([64, 4200, 0.93, 'oslo'])) as { predictions: Array<{ label: string; probabilities: number[] }> };
    const [expected] = direct.predictions;
    assert.equal(await page.locator('#label').innerText(), expected.label);
    const rows = await page.locator('#probabilities tr').allInnerTexts();
    assert.deepEqual(
      rows.slice(1).map((r) => r.split('\t').slice(0, 2).join(' ').trim()),
      expected.probabilities.map((p, k) => `${run.preprocessing.classes![k]} ${p.toFixed(4)}`),
    );
    assert.deepEqual(JSON.parse((await page.locator('#raw').textContent()) ?? ''), direct);
    await page.screenshot({ path: join(ARTIFACTS, 'prediction.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a hostile feature name and category stay text: no script runs, no CSP violation', { skip }, async () => {
    const { page, problems } = await openPage();
    assert.equal(await page.locator('img').count(), 0, 'the feature name made no <img>');
    assert.equal(await page.evaluate("document.querySelector('label[for=f2]').firstChild.textContent"), HOSTILE_FEATURE);
    await page.fill('#f0', '45');
    await page.fill('#f1', '3000');
    await page.fill('#f2', '0.5');
    await page.selectOption('#f3', HOSTILE_CATEGORY);
    await page.click('button[type=submit]');
    await page.locator('#label').waitFor();
    const direct = await predictDirectly([45, 3000, 0.5, HOSTILE_CATEGORY]);
    assert.deepEqual(JSON.parse((await page.locator('#raw').textContent()) ?? ''), direct);
    assert.equal(await page.locator('script').count(), 2, 'only the page`s own two script elements');
    await page.screenshot({ path: join(ARTIFACTS, 'hostile-names.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('an error from the API is shown as text', { skip }, async () => {
    const { page, problems } = await openPage();
    // What a number field cannot hold is sent as null (JSON has no NaN): the server's 400 names the feature.
    await page.evaluate("Object.assign(document.getElementById('f0'), { type: 'text', value: 'abc' })");
    await page.click('button[type=submit]');
    await page.locator('#error').waitFor();
    assert.match(await page.locator('#error').innerText(), /^The server answered 400: .*age/);
    await page.screenshot({ path: join(ARTIFACTS, 'error.png'), fullPage: true });
    assert.deepEqual(
      problems.filter((p) => !p.includes('400 (Bad Request)')),
      [],
    );
    await page.close();
  });
});
