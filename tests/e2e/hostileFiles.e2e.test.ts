/**
 * Hostile and lying files through the real UI: PDFs with a FontMatrix injection
 * (CVE-2024-4367), document JavaScript and Launch actions, and a looping page tree are stored
 * or refused with a message, nothing in them runs (the flag their payloads set stays unset)
 * and the app stays responsive. A PDF named .png whose Thai font has a broken ToUnicode map is
 * taken in as a PDF, its page OCR'd, and the viewer says why and keeps the text layer.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { setContentWithFixtureFonts } from '../helpers/fixtureFonts';
import { chooseLanguages } from '../helpers/intakeDriver';
import { createCase, createVault } from '../helpers/vaultDriver';
import {
  PWNED_FLAG,
  fontMatrixInjectionPdf,
  pageTreeLoopPdf,
  scriptAndLaunchPdf,
} from '../unit/core/evidence/helpers/hostilePdfs';
import { withBrokenToUnicode } from '../unit/core/evidence/helpers/pdfBytes';

const fileState = (page: Page, name: string) =>
  page.getByTestId('intake-file').filter({ hasText: name }).getAttribute('data-state');

test('hostile PDFs stay inert, and a lying text layer is OCR’d with the reason shown', async (t) => {
  const session = await openApp(t);
  const { page, context } = session;

  const printer = await context.newPage();
  await setContentWithFixtureFonts(
    printer,
    '<body style="margin:60px;font-size:28px"><p>Dara paid 8,000 baht to Somchai</p><p>สมชาย ใจดี</p></body>',
  );
  const printed = new Uint8Array(await printer.pdf({ width: '8.5in', height: '11in' }));
  await printer.close();
  const lying = withBrokenToUnicode(printed, [0x0e00, 0x0e7f], 'nul');

  await createVault(page);
  await createCase(page, { reference: 'KH-2026-0666', title: 'Seized laptop' });
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId('intake-seizedBy').fill('Det. Sophal Keo');
  await page.getByTestId('intake-seizedFrom').fill('Broker office');
  await page.getByTestId('intake-seizedWhere').fill('Poipet');
  await chooseLanguages(page, ['eng']);
  const pdf = (name: string, bytes: Uint8Array) => ({
    name,
    mimeType: name.endsWith('.png') ? 'image/png' : 'application/pdf',
    buffer: Buffer.from(bytes),
  });
  await page
    .getByTestId('intake-files')
    .setInputFiles([
      pdf('invoice.pdf', fontMatrixInjectionPdf()),
      pdf('statement.pdf', scriptAndLaunchPdf()),
      pdf('loop.pdf', pageTreeLoopPdf()),
      pdf('IMG_0042.png', lying),
    ]);
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
  expect(await fileState(page, 'invoice.pdf')).toBe('stored');
  expect(await fileState(page, 'statement.pdf')).toBe('stored');
  expect(await fileState(page, 'loop.pdf')).toBe('refused');
  expect(
    await page.getByTestId('intake-file').filter({ hasText: 'loop.pdf' }).textContent(),
  ).toMatch(/Refused/);
  expect(await fileState(page, 'IMG_0042.png')).toBe('stored');

  // The misnamed PDF is OCR'd (its page's text layer lies), then opened.
  const row = page.getByTestId('evidence-row').filter({ hasText: 'IMG_0042.png' });
  await row.locator('[data-testid="job-status"][data-status="done"]').waitFor({ timeout: 120_000 });
  await row.getByTestId('evidence-open').click();
  await page.getByTestId('evidence-item').waitFor();
  await expect.poll(() => page.getByTestId('file-type').textContent()).toContain('application/pdf');
  expect(await page.getByTestId('name-type-mismatch').textContent()).toContain('image/png');
  await page.getByTestId('text-layer-doubt').waitFor();
  expect(await page.getByTestId('text-layer-doubt').textContent()).toMatch(/NUL/);
  expect(await page.getByTestId('page-text').inputValue()).toContain('Somchai');
  await page.getByTestId('text-layer-kept').waitFor();

  // The hostile ones opened in the viewer too (pdf.js renders them): nothing ran, and the app
  // still answers.
  for (const name of ['invoice.pdf', 'statement.pdf']) {
    await page.getByTestId('nav-evidence').click();
    const hostile = page.getByTestId('evidence-row').filter({ hasText: name });
    await hostile.getByTestId('evidence-open').click();
    await page.getByTestId('evidence-item').waitFor();
    await page.getByTestId('word-layer').waitFor();
  }
  expect(await page.evaluate((flag) => flag in globalThis, PWNED_FLAG)).toBe(false);
  expect(context.pages()).toHaveLength(1);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').filter({ hasText: 'KH-2026-0666' }).waitFor();
}, 240_000);
