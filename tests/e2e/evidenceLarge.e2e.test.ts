/**
 * Issue #4's last gap: a 500 MB seized PDF goes through intake, the viewer and OCR of a page
 * with the renderer's memory bounded well below the file's size. The PDF is written at test
 * time into a temp directory (deleted afterwards): two statement pages with a text layer, 500 MB
 * of random bytes in a stream object, then a scanned page (a JPEG of printed text) behind them.
 * Memory is the resident size (/proc/<pid>/status VmRSS) of Chromium's renderer processes, which
 * hold the app and its workers (pdf.js, tesseract), sampled every 50 ms.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { sha256File, writeLargePdf } from '../helpers/largePdf';
import { residentNow, sampleRenderers } from '../helpers/rendererMemory';
import type { LargePdf } from '../helpers/largePdf';
import { createCase, createVault } from '../helpers/vaultDriver';

const MB = 1024 * 1024;

/**
 * How much the app renderer's resident memory may rise above its resting size while the 500 MB
 * file is taken in. Measured on the 2-core build machine: 110-150 MB, most of it garbage not yet
 * collected (8 MB hashing slices, 1 MiB storage chunks sealed and written to IndexedDB, pdf.js's
 * few ranges). Reading the file whole, as intake did before, rises by more than the file itself.
 * 200 MB is 40% of the file: above the streaming design's worst run, far below any design that
 * holds the file.
 */
const INTAKE_RISE_BOUND = 200 * MB;

/**
 * The whole path (intake, viewing pages, OCR of the scanned page) against the same path for a
 * 1 MB twin with the same pages, which costs what the OCR engine, a 300 DPI render (35 MB of
 * pixels) and its PNG cost whatever the file's size. Measured, the 500 MB file's peak is 100-170
 * MB above its twin's: intake's uncollected garbage meeting the OCR that starts right after it.
 * Holding the file anywhere on the path (as the viewer did, reading the original whole) adds all
 * of its 500 MB; the bound is half of that.
 */
const BIG_OVER_SMALL_BOUND = 250 * MB;

const PAGES = [
  ['WITNESS STATEMENT - CASE KH-2026-0117', 'I was taken from Poipet by Sokha Chan.'],
  ['BANK RECORD', 'Transfers through account 0123-456-789 at ACLEDA.'],
] as const;
const SCAN_TEXT = 'RECEIPT 4471 PAID TO DARA PICH';

let big: LargePdf;
let small: LargePdf;
let sha256: string;

beforeAll(async () => {
  big = writeLargePdf({ paddingBytes: 500 * 1000 * 1000, textPages: PAGES, scanText: SCAN_TEXT });
  // The same pages in a small file: what viewing and OCR cost when the file's size plays no part.
  small = writeLargePdf({
    fileName: 'statements-small.pdf',
    paddingBytes: 1000 * 1000,
    textPages: PAGES,
    scanText: SCAN_TEXT,
  });
  sha256 = await sha256File(big.path);
}, 120_000);

afterAll(() => {
  big?.remove();
  small?.remove();
});

const row = (page: Page, pdf: LargePdf) =>
  page.getByTestId('evidence-row').filter({ hasText: pdf.fileName });

/** Takes the file in through the intake form; resolves when its line says how it went. */
async function takeIn(page: Page, pdf: LargePdf): Promise<void> {
  await page.getByTestId('intake-seizedBy').fill('Det. Sophal Keo');
  await page.getByTestId('intake-seizedFrom').fill('Server room, Poipet casino');
  await page.getByTestId('intake-seizedWhere').fill('Poipet');
  await page.getByTestId('intake-description').fill('Scanned statements, one PDF');
  // A path, not a buffer: the browser reads the file from disk, as with a user's pick.
  await page.getByTestId('intake-files').setInputFiles(pdf.path);
  await page.getByTestId('intake-submit').click();
  const line = page.getByTestId('intake-file').filter({ hasText: pdf.fileName });
  await expect
    .poll(() => line.getAttribute('data-state'), { timeout: 150_000, interval: 250 })
    .toMatch(/^(stored|refused|duplicate|error)$/);
  expect(await line.getAttribute('data-state'), (await line.textContent()) ?? '').toBe('stored');
}

/** Page 1's text and image, then, once OCR is done, the scanned page's text and image. */
async function viewAndOcr(page: Page, url: string, pdf: LargePdf): Promise<string> {
  await page.goto(new URL('#/evidence', url).href);
  await expect.poll(() => row(page, pdf).count()).toBe(1);
  expect(await row(page, pdf).locator('td').nth(2).textContent()).toBe(String(pdf.pageCount));
  await row(page, pdf).getByTestId('evidence-open').click();
  await page.getByTestId('evidence-item').waitFor();
  const facts = (await page.getByTestId('file-metadata').textContent()) ?? '';
  await expect
    .poll(() => page.getByTestId('page-text').inputValue(), { timeout: 20_000 })
    .toContain('I was taken from Poipet by Sokha Chan.');
  // Rendered by pdf.js from ranges of the encrypted original.
  await expect
    .poll(() => page.locator('[data-testid="page-image"] img').count(), { timeout: 30_000 })
    .toBe(1);

  await page.goto(new URL('#/evidence', url).href);
  await expect
    .poll(() => row(page, pdf).getByTestId('job-status').getAttribute('data-status'), {
      timeout: 120_000,
      interval: 500,
    })
    .toBe('done');
  const href = (await row(page, pdf).getByTestId('evidence-open').getAttribute('href')) ?? '';
  await page.goto(new URL(href.replace(/\/\d+$/, `/${pdf.scanPage}`), url).href);
  await page.getByTestId('evidence-item').waitFor();
  await expect
    .poll(() => page.getByTestId('page-text').inputValue(), { timeout: 20_000 })
    .toMatch(/RECEIPT\s+4471/);
  await expect
    .poll(() => page.locator('[data-testid="page-image"] img').count(), { timeout: 30_000 })
    .toBe(1);
  return facts;
}

test('takes in a 500 MB PDF, shows and OCRs its pages, with memory far below the file', async (t) => {
  const { page, profileDir, url } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-0500', title: 'Large seizure' });
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId('intake-dropzone').waitFor();

  // The small twin first: the cost of the whole path when the file's size plays no part.
  const smallRun = sampleRenderers(profileDir);
  await takeIn(page, small);
  await viewAndOcr(page, url, small);
  const smallPeak = smallRun.stop();

  await page.goto(new URL('#/evidence', url).href);
  await page.getByTestId('intake-dropzone').waitFor();
  const resting = residentNow(profileDir);
  const intake = sampleRenderers(profileDir);
  const started = Date.now();
  await takeIn(page, big);
  const intakeSeconds = (Date.now() - started) / 1000;
  const intakePeak = intake.stop();
  const rest = sampleRenderers(profileDir);
  const facts = await viewAndOcr(page, url, big);
  const bigPeak = Math.max(intakePeak, rest.stop());

  // The SHA-256 computed here by streaming the file from disk, and the document information.
  expect(facts).toContain(sha256);
  expect(facts).toContain('Seized statements (large)');

  console.log(
    `500 MB PDF: intake ${intakeSeconds.toFixed(1)} s; app renderer resting ${(resting / MB).toFixed(0)} MB, ` +
      `intake peak ${(intakePeak / MB).toFixed(0)} MB; whole path peak ${(bigPeak / MB).toFixed(0)} MB ` +
      `(the 1 MB twin: ${(smallPeak / MB).toFixed(0)} MB)`,
  );
  expect(intakePeak - resting).toBeLessThan(INTAKE_RISE_BOUND);
  expect(bigPeak - smallPeak).toBeLessThan(BIG_OVER_SMALL_BOUND);
}, 280_000);
