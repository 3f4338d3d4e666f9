/**
 * Khmer OCR out of the box: on a fresh profile, with no language file added and every request
 * that is not to the app blocked, the intake form offers Khmer and reads a Khmer statement with
 * the model the app ships (resources/tessdata/khm.traineddata.gz).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { characterErrorRate } from '../../src/core/ocr';
import { onlyTheApp, openApp } from '../helpers/browser';
import { generateDocuments } from '../helpers/documents';
import { chooseLanguages } from '../helpers/intakeDriver';
import { createCase, createVault } from '../helpers/vaultDriver';

test('a Khmer document is read with the bundled model, no language file added', async (t) => {
  const { khmer } = await generateDocuments(['khmer']);
  const session = await openApp(t);
  const { page } = session;
  const blocked = await onlyTheApp(session);

  await createVault(page);
  await createCase(page, { reference: 'KH-2026-0101', title: 'Poipet crossing' });
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId('intake-dropzone').waitFor();
  // Bundled: offered without adding a file, and not removable like an added one.
  await page.getByTestId('intake-language-khm').waitFor();
  expect(await page.getByTestId('intake-language-remove-khm').count()).toBe(0);
  await chooseLanguages(page, ['khm']);

  await page.getByTestId('intake-seizedBy').fill('Det. Sophal Keo');
  await page.getByTestId('intake-seizedFrom').fill('Witness');
  await page.getByTestId('intake-seizedWhere').fill('Poipet');
  await page.getByTestId('intake-description').fill('Typed statement in Khmer');
  await page
    .getByTestId('intake-files')
    .setInputFiles([
      { name: 'statement-km.png', mimeType: 'image/png', buffer: readFileSync(khmer.path) },
    ]);
  await page.getByTestId('intake-submit').click();

  const row = page.getByTestId('evidence-row').filter({ hasText: 'statement-km.png' });
  await expect
    .poll(() => row.getByTestId('job-status').getAttribute('data-status'), {
      timeout: 180_000,
      interval: 500,
    })
    .toBe('done');
  await row.getByTestId('evidence-open').click();
  await page.getByTestId('evidence-item').waitFor();
  const text = await page.getByTestId('page-text').inputValue();
  // Khmer is written without spaces between words: compare without whitespace (2.3% in Node).
  expect(characterErrorRate(text, khmer.text, { whitespace: 'remove' })).toBeLessThan(0.07);
  expect(blocked).toEqual([]);
});
