/**
 * Evidence intake and OCR through the real UI, offline: every request that is not to the app
 * itself is blocked, so OCR language data, wasm and the PDF worker must come from the app.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { onlyTheApp, openApp } from '../helpers/browser';
import { generateDocuments } from '../helpers/documents';
import { chooseLanguages } from '../helpers/intakeDriver';
import { createCase, createVault } from '../helpers/vaultDriver';

type Upload = Readonly<{ name: string; mimeType: string; buffer: Buffer }>;

async function takeIn(
  page: Page,
  files: readonly Upload[],
  languages: readonly ('eng' | 'tha')[],
  /** Runs after the files are listed and before Take in: per-document choices. */
  beforeSubmit?: () => Promise<void>,
): Promise<void> {
  await page.getByTestId('intake-seizedBy').fill('Det. Sophal Keo');
  await page.getByTestId('intake-seizedFrom').fill('Suspect vehicle');
  await page.getByTestId('intake-seizedWhere').fill('Poipet checkpoint');
  await page.getByTestId('intake-description').fill('Papers from the glovebox');
  await chooseLanguages(page, languages);
  await page.getByTestId('intake-files').setInputFiles([...files]);
  await beforeSubmit?.();
  await page.getByTestId('intake-submit').click();
  await expect
    .poll(
      () =>
        page
          .locator(
            '[data-testid="intake-file"][data-state="working"], [data-testid="intake-file"][data-state="waiting"]',
          )
          .count(),
      { timeout: 60_000 },
    )
    .toBe(0);
}

const fileState = (page: Page, name: string) =>
  page.getByTestId('intake-file').filter({ hasText: name }).getAttribute('data-state');

async function openItem(page: Page, fileName: string): Promise<string> {
  await page.goto(new URL('#/evidence', page.url()).href);
  const row = page.getByTestId('evidence-row').filter({ hasText: fileName });
  const href = (await row.getByTestId('evidence-open').getAttribute('href')) ?? '';
  await row.getByTestId('evidence-open').click();
  await page.getByTestId('evidence-item').waitFor();
  return href;
}

async function waitForOcrDone(page: Page, fileName: string): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByTestId('evidence-row')
          .filter({ hasText: fileName })
          .getByTestId('job-status')
          .getAttribute('data-status'),
      { timeout: 120_000, interval: 500 },
    )
    .toBe('done');
}

test('takes in a mixed set offline, reads it, corrects it, and keeps custody', async (t) => {
  const docs = await generateDocuments(['statement', 'thai']);
  const session = await openApp(t);
  const { page, context, url } = session;
  // Nothing but the app itself may be fetched: no CDN for language data, wasm or workers.
  const blocked = await onlyTheApp(session);

  // A PDF with a text layer, printed by the browser itself.
  const printer = await context.newPage();
  await printer.setContent(
    '<title>Chat export</title><p style="font:16px sans-serif">Pick up at Poipet 06:00 with Dara Pich</p>',
  );
  const pdf = await printer.pdf();
  await printer.close();
  const statement = readFileSync(docs.statement.path);

  await createVault(page);
  await createCase(page, { reference: 'KH-2026-0042', title: 'Poipet karaoke ring' });
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId('intake-dropzone').waitFor();

  // Required fields are asked for by name before anything is taken in.
  await page.getByTestId('intake-seizedBy').fill('');
  await page
    .getByTestId('intake-files')
    .setInputFiles([{ name: 'statement.png', mimeType: 'image/png', buffer: statement }]);
  await page.getByTestId('intake-submit').click();
  await expect.poll(() => page.getByTestId('intake-problem').textContent()).toContain('Seized by');

  // statement.png stays in the list, waiting; the rest joins it.
  await takeIn(
    page,
    [
      { name: 'chat.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
      { name: 'broken.png', mimeType: 'image/png', buffer: statement.subarray(0, 300) },
    ],
    ['eng'],
  );
  expect(await fileState(page, 'statement.png')).toBe('stored');
  expect(await fileState(page, 'chat.pdf')).toBe('stored');
  expect(await fileState(page, 'empty.jpg')).toBe('refused');
  expect(await fileState(page, 'broken.png')).toBe('refused');
  const emptyText = await page
    .getByTestId('intake-file')
    .filter({ hasText: 'empty.jpg' })
    .textContent();
  expect(emptyText).toContain('empty');
  const brokenText = await page
    .getByTestId('intake-file')
    .filter({ hasText: 'broken.png' })
    .textContent();
  expect(brokenText).toMatch(/Refused/);
  // The refused files left nothing behind; the good ones are listed with exhibit numbers.
  await expect.poll(() => page.getByTestId('evidence-row').count()).toBe(2);

  // OCR runs with visible progress, then finishes.
  await expect
    .poll(() => page.locator('[data-testid="job-status"][data-status="running"]').count(), {
      timeout: 60_000,
      interval: 100,
    })
    .toBe(1);
  expect(await page.getByTestId('job-progress').count()).toBe(1);
  await waitForOcrDone(page, 'statement.png');

  // The OCR text, over the page image.
  const statementHref = await openItem(page, 'statement.png');
  const text = await page.getByTestId('page-text').inputValue();
  for (const word of ['Poipet', 'Sokha', 'passport', 'ACLEDA']) expect(text).toContain(word);
  expect(await page.getByTestId('word').count()).toBeGreaterThan(40);
  await expect.poll(() => page.locator('[data-testid="page-image"] img').count()).toBe(1);

  // A correction: the new text is shown, the OCR output is kept, custody records before/after.
  await page.getByTestId('correct-text').click();
  await page.getByTestId('page-text').fill(text.replace('Poipet', 'Poipet-Town'));
  await page.getByTestId('correction-save').click();
  await expect.poll(() => page.getByTestId('page-text').inputValue()).toContain('Poipet-Town');
  await page.getByTestId('ocr-original').locator('summary').click();
  expect(await page.getByTestId('ocr-original').textContent()).toContain('from Poipet');
  await expect
    .poll(() => page.locator('[data-testid="custody-row"][data-action="correction"]').textContent())
    .toContain('“Poipet” → “Poipet-Town”');
  const actions = await page
    .getByTestId('custody-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
  for (const action of ['intake', 'ocr', 'view', 'correction']) expect(actions).toContain(action);

  // A search hit's deep link highlights the words of that text range.
  const start = (await page.getByTestId('page-text').inputValue()).indexOf('Sokha');
  await page.goto(new URL(`${statementHref}?highlight=${start}-${start + 5}`, url).href);
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  await expect.poll(() => page.locator('.word.highlight').count(), { timeout: 20_000 }).toBe(1);
  expect(await page.locator('.word.highlight').textContent()).toBe('Sokha');

  // The PDF's text layer is its text, and its metadata is shown with it.
  await openItem(page, 'chat.pdf');
  expect(await page.getByTestId('page-text').inputValue()).toContain('Dara Pich');
  const facts = (await page.getByTestId('file-metadata').textContent()) ?? '';
  // Under readable names, not the stored keys (pdf.title).
  expect(facts).toContain('PDF titleChat export');
  expect(facts).not.toContain('pdf.title');
  // Its page is rendered by pdf.js from the app's own worker, with the words laid over it.
  await expect
    .poll(() => page.locator('[data-testid="page-image"] img').count(), { timeout: 20_000 })
    .toBe(1);
  expect(await page.getByTestId('word').count()).toBeGreaterThan(5);

  // The same file again is linked to the first, not stored twice.
  await page.goto(new URL('#/evidence', url).href);
  await page.getByTestId('intake-dropzone').waitFor();
  await takeIn(
    page,
    [{ name: 'statement-copy.png', mimeType: 'image/png', buffer: statement }],
    ['eng'],
  );
  expect(await fileState(page, 'statement-copy.png')).toBe('duplicate');
  await expect.poll(() => page.getByTestId('evidence-row').count()).toBe(2);

  // A Thai document in an English batch: its own languages are chosen on its line, and it is
  // read with the Thai model served by the app.
  await takeIn(
    page,
    [{ name: 'thai.png', mimeType: 'image/png', buffer: readFileSync(docs.thai.path) }],
    ['eng'],
    async () => {
      const line = page.getByTestId('intake-file').filter({ hasText: 'thai.png' });
      expect(await line.getByTestId('intake-file-languages').textContent()).toBe('English');
      await line.getByTestId('intake-file-languages').click();
      await line.getByTestId('intake-file-language-tha').check();
      await line.getByTestId('intake-file-language-eng').uncheck();
      expect(await line.getByTestId('intake-file-languages').textContent()).toBe('Thai');
    },
  );
  await waitForOcrDone(page, 'thai.png');
  const thaiJob = page.getByTestId('evidence-row').filter({ hasText: 'thai.png' });
  expect(await thaiJob.getByTestId('job-status').textContent()).toMatch(/· tha$/);
  await openItem(page, 'thai.png');
  const thai = (await page.getByTestId('page-text').inputValue()).replace(/\s+/g, '');
  expect(thai).toContain('หนังสือเดินทาง');

  expect(blocked.filter((b) => !b.startsWith('data:') && !b.startsWith('blob:'))).toEqual([]);
}, 300_000);
