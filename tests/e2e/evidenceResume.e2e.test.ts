/**
 * Scanned documents through the real UI: a PDF whose pages are only images (rendered by pdf.js,
 * then OCRed), a multi-page TIFF, and a restart in the middle of a document: the job comes back
 * queued after unlock, resumes with the pages still missing, and nothing half-done is shown.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { createCase, createVault, unlock } from '../helpers/vaultDriver';
import { buildMultiPageTiff } from '../unit/core/documents/helpers/imageBytes';

const PAGE_WORDS = ['Poipet', 'Battambang', 'Kampot', 'Sihanoukville'];

const jobState = (page: Page, name: string) =>
  page
    .getByTestId('evidence-row')
    .filter({ hasText: name })
    .getByTestId('job-status')
    .getAttribute('data-status')
    .catch(() => null);

test('scanned PDF and TIFF pages are OCRed, and a job resumes after a restart', async (t) => {
  const session = await openApp(t);
  const { page, context, url } = session;

  // Each page of this PDF is a canvas: an image without any text layer, like a scan.
  const printer = await context.newPage();
  await printer.setContent(
    PAGE_WORDS.map(
      (word, i) =>
        `<div style="page-break-after:always"><canvas id="c${i}" width="900" height="300"></canvas></div>`,
    ).join('') +
      `<script>${JSON.stringify(PAGE_WORDS)}.forEach((w, i) => { const x = document.getElementById('c' + i).getContext('2d'); x.fillStyle = '#fff'; x.fillRect(0, 0, 900, 300); x.fillStyle = '#000'; x.font = '56px sans-serif'; x.fillText('Transfer ' + w + ' ' + (i + 1), 30, 150); });</script>`,
  );
  const scan = await printer.pdf();
  await printer.close();
  const tiff = buildMultiPageTiff([
    { kind: 'fax', width: 1728, height: 600, dpiX: 204, dpiY: 98, blackRows: 10 },
    { kind: 'fax', width: 1728, height: 600, dpiX: 204, dpiY: 98, blackRows: 20 },
  ]);

  await createVault(page);
  await createCase(page, { reference: 'KH-2026-0099', title: 'Scans' });
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId('intake-seizedBy').fill('Det. Sophal Keo');
  await page.getByTestId('intake-seizedFrom').fill('Office safe');
  await page.getByTestId('intake-seizedWhere').fill('Battambang');
  await page.getByTestId('intake-files').setInputFiles([
    // The TIFF first: by the time the scan's OCR runs, both files are taken in, and the
    // restart below interrupts OCR, not intake.
    { name: 'fax.tiff', mimeType: 'image/tiff', buffer: Buffer.from(tiff) },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: scan },
  ]);
  await page.getByTestId('intake-submit').click();

  // Restart while the scanned PDF is being read: reload drops everything held in memory.
  await expect
    .poll(() => jobState(page, 'scan.pdf'), { timeout: 60_000, interval: 50 })
    .toBe('running');
  await page.reload();
  await unlock(page);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-open').first().click();
  await page.getByTestId('nav-evidence').click();

  await expect
    .poll(() => jobState(page, 'scan.pdf'), { timeout: 120_000, interval: 250 })
    .toBe('done');
  await expect
    .poll(() => jobState(page, 'fax.tiff'), { timeout: 120_000, interval: 250 })
    .toBe('done');

  // Every page of the scan has its own text, read from its rendered image.
  const row = page.getByTestId('evidence-row').filter({ hasText: 'scan.pdf' });
  const href = (await row.getByTestId('evidence-open').getAttribute('href')) ?? '';
  for (const [i, word] of PAGE_WORDS.entries()) {
    await page.goto(new URL(href.replace(/\/1$/, `/${i + 1}`), url).href);
    await expect
      .poll(
        () =>
          page
            .getByTestId('page-text')
            .inputValue()
            .catch(() => ''),
        { timeout: 20_000 },
      )
      .toContain(word);
    expect(await page.getByTestId('page-number').textContent()).toContain(`${i + 1} of 4`);
  }
  // One OCR run is recorded for the item, however many times it was interrupted.
  expect(await page.locator('[data-testid="custody-row"][data-action="ocr"]').count()).toBe(1);

  // Cancel stops a job at once and keeps only finished pages; Resume reads the rest.
  await page.goto(new URL('#/evidence', url).href);
  await page.getByTestId('intake-seizedFrom').fill('Office safe');
  await page.getByTestId('intake-seizedWhere').fill('Battambang');
  await page.getByTestId('intake-files').setInputFiles([
    {
      name: 'scan-copy.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([scan, Buffer.from('\n')]),
    },
  ]);
  await page.getByTestId('intake-submit').click();
  await expect
    .poll(() => jobState(page, 'scan-copy.pdf'), { timeout: 60_000, interval: 50 })
    .toBe('running');
  await page
    .getByTestId('evidence-row')
    .filter({ hasText: 'scan-copy.pdf' })
    .getByTestId('job-cancel')
    .click();
  await expect.poll(() => jobState(page, 'scan-copy.pdf'), { timeout: 30_000 }).toBe('cancelled');
  const copy = page.getByTestId('evidence-row').filter({ hasText: 'scan-copy.pdf' });
  const copyHref = (await copy.getByTestId('evidence-open').getAttribute('href')) ?? '';
  await page.goto(new URL(copyHref.replace(/\/1$/, '/4'), url).href);
  await page.getByTestId('page-pending').waitFor();
  await page.getByTestId('job-resume').click();
  await expect
    .poll(
      () =>
        page
          .getByTestId('page-text')
          .inputValue()
          .catch(() => ''),
      { timeout: 60_000 },
    )
    .toContain('Sihanoukville');

  // The TIFF's second page is decoded and shown.
  await page.goto(new URL('#/evidence', url).href);
  const fax = page.getByTestId('evidence-row').filter({ hasText: 'fax.tiff' });
  expect(await fax.locator('td').nth(2).textContent()).toBe('2');
  const faxHref = (await fax.getByTestId('evidence-open').getAttribute('href')) ?? '';
  await page.goto(new URL(faxHref.replace(/\/1$/, '/2'), url).href);
  await expect
    .poll(() => page.locator('[data-testid="page-image"] img').count(), { timeout: 20_000 })
    .toBe(1);
}, 300_000);
