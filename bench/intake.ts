/**
 * A 500 MB seized PDF through the real UI: the app is built (into out-intake unless RINGTRACE_OUT
 * names another folder), served in browser mode and driven in Debian's Chromium. The file is
 * written for the run (two statement pages with a text layer, 500 MB of random bytes, a scanned
 * page behind them; tests/helpers/largePdf.ts) and picked in the intake form by its path.
 *
 * Printed: the time to take it in (hash, structure, encrypt and store), its rate, the time to
 * show its first page from the encrypted original, and how far the app renderer's resident
 * memory rose above its resting size while the file was taken in. memory_ratio is that rise
 * over the file's size: 1 or more for any design that holds the file, far below for one that
 * streams it.
 */
import { join } from 'node:path';
import { writeLargePdf } from '../tests/helpers/largePdf';
import { residentNow, sampleRenderers } from '../tests/helpers/rendererMemory';
import { openBenchApp } from './support/browserApp';
import type { BenchResult } from './types';

const PADDING_BYTES = 500 * 1000 * 1000;
const MB = 1024 * 1024;

const began = performance.now();
function step(what: string): void {
  console.error(`  [intake ${((performance.now() - began) / 1000).toFixed(1)} s] ${what}`);
}

export async function run(): Promise<BenchResult> {
  const pdf = writeLargePdf({
    paddingBytes: PADDING_BYTES,
    textPages: [['WITNESS STATEMENT - BENCH', 'I was taken from Poipet by Sokha Chan.']],
    scanText: 'RECEIPT 4471 PAID TO DARA PICH',
  });
  step(`wrote a ${(pdf.size / MB).toFixed(0)} MiB PDF`);
  const { page, dir, close } = await openBenchApp({
    name: 'intake',
    caseReference: 'BENCH-500MB',
    caseTitle: 'A large seizure',
    step,
  });
  try {
    const profileDir = join(dir, 'profile');
    await page.getByTestId('nav-evidence').click();
    await page.getByTestId('intake-dropzone').waitFor();
    await page.getByTestId('intake-seizedFrom').fill('Server room');
    await page.getByTestId('intake-seizedWhere').fill('Poipet');
    // Leave no OCR to run in the background of the figures below.
    await page.getByTestId('intake-language-eng').waitFor();
    await page.waitForTimeout(2000);
    const resting = residentNow(profileDir);
    await page.getByTestId('intake-files').setInputFiles(pdf.path);
    const sampler = sampleRenderers(profileDir);
    const start = performance.now();
    await page.getByTestId('intake-submit').click();
    const line = page.locator('[data-testid="intake-file"]');
    await page.waitForFunction(
      () => {
        const state = document
          .querySelector('[data-testid="intake-file"]')
          ?.getAttribute('data-state');
        return state !== undefined && state !== null && state !== 'waiting' && state !== 'working';
      },
      undefined,
      { timeout: 600_000, polling: 100 },
    );
    const intakeMs = performance.now() - start;
    const peak = sampler.stop();
    if ((await line.getAttribute('data-state')) !== 'stored')
      throw new Error(`The file was not taken in: ${(await line.textContent()) ?? ''}`);
    step('taken in');

    const viewStart = performance.now();
    await page.locator('[data-testid="intake-file"] a').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector<HTMLTextAreaElement>('[data-testid="page-text"]')
          ?.value.includes('Sokha Chan') === true &&
        document.querySelector('[data-testid="page-image"] img') !== null,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const viewMs = performance.now() - viewStart;
    step('first page shown');

    const riseMb = (peak - resting) / MB;
    const fileMb = pdf.size / MB;
    return {
      rows: [
        ['file', `${fileMb.toFixed(0)} MiB PDF, ${pdf.pageCount} pages`],
        ['intake (hash, read structure, encrypt, store)', `${(intakeMs / 1000).toFixed(1)} s`],
        ['intake rate', `${((fileMb / intakeMs) * 1000).toFixed(0)} MiB/s`],
        ['first page shown from the encrypted original', `${viewMs.toFixed(0)} ms`],
        [
          'renderer memory rise during intake',
          `${riseMb.toFixed(0)} MiB (resting ${(resting / MB).toFixed(0)} MiB), ${((riseMb / fileMb) * 100).toFixed(0)}% of the file`,
        ],
      ],
      figures: {
        intake_ms: Math.round(intakeMs),
        intake_mb_s: Math.round((fileMb / intakeMs) * 1000),
        view_ms: Math.round(viewMs),
        intake_rise_mb: Math.round(riseMb),
        memory_ratio: Number((riseMb / fileMb).toFixed(2)),
      },
    };
  } finally {
    await close();
    pdf.remove();
  }
}
