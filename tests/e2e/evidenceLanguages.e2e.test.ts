/**
 * A language that does not ship with the app, added from a .traineddata file in the intake form
 * and used to read a document, offline: every request that is not to the app is blocked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { characterErrorRate } from '../../src/core/ocr';
import { onlyTheApp, openApp } from '../helpers/browser';
import { generateDocuments } from '../helpers/documents';
import { chooseLanguages } from '../helpers/intakeDriver';
import { createCase, createVault, unlock } from '../helpers/vaultDriver';

// A language the user adds from a file: the repository's Khmer model under another code
// (Northern Khmer, kxm), so that what the workers read is the file the user picked, under the
// code the user gave. Khmer itself is bundled (tests/e2e/khmerOcr.e2e.test.ts).
const custom = {
  code: 'kxm',
  label: 'kxm',
  file: join(import.meta.dirname, '../../resources/tessdata/khm.traineddata.gz'),
  name: 'kxm.traineddata.gz',
};

async function languageMessage(page: Page): Promise<string> {
  await page.getByTestId('intake-language-message').waitFor();
  return (await page.getByTestId('intake-language-message').textContent()) ?? '';
}

test('a language added from a traineddata file reads a document, and can be removed', async (t) => {
  const docs = await generateDocuments(['khmer']);
  const doc = docs.khmer;
  const session = await openApp(t);
  const { page } = session;
  const blocked = await onlyTheApp(session);

  await createVault(page);
  await createCase(page, { reference: 'KH-2026-0077', title: 'Battambang recruiters' });
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId('intake-dropzone').waitFor();
  await page.getByTestId('intake-language-eng').waitFor();

  // A file that is not language data is refused by name, and nothing is added.
  await page.getByTestId('intake-language-file').setInputFiles([
    {
      name: 'lao.traineddata',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('<html>404</html>'),
    },
  ]);
  expect(await languageMessage(page)).toMatch(
    /Language not added: lao\.traineddata: not a tesseract traineddata file/,
  );
  expect(await page.getByTestId('intake-language-lao').count()).toBe(0);
  // A file not named like a language file says how it must be named.
  await page
    .getByTestId('intake-language-file')
    .setInputFiles([
      { name: 'khmer-model.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('x') },
    ]);
  await expect.poll(() => languageMessage(page)).toContain('khmer-model.bin is not named like');

  // The real file: offered at once, and ticked for the documents being taken in.
  await page.getByTestId('intake-language-file').setInputFiles([
    {
      name: custom.name,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(custom.file),
    },
  ]);
  await expect
    .poll(() => languageMessage(page), { timeout: 30_000 })
    .toContain(`Added ${custom.label}`);
  expect(await page.getByTestId(`intake-language-${custom.code}`).isChecked()).toBe(true);
  await chooseLanguages(page, [custom.code]);

  await page.getByTestId('intake-seizedBy').fill('Det. Sophal Keo');
  await page.getByTestId('intake-seizedFrom').fill('Recruiter’s phone');
  await page.getByTestId('intake-seizedWhere').fill('Battambang');
  await page.getByTestId('intake-description').fill('Photo of a handwritten statement');
  await page
    .getByTestId('intake-files')
    .setInputFiles([
      { name: 'statement-km.png', mimeType: 'image/png', buffer: readFileSync(doc.path) },
    ]);
  await page.getByTestId('intake-submit').click();

  const row = page.getByTestId('evidence-row').filter({ hasText: 'statement-km.png' });
  await expect
    .poll(() => row.getByTestId('job-status').getAttribute('data-status'), {
      timeout: 180_000,
      interval: 500,
    })
    .toBe('done');
  expect(await row.getByTestId('job-status').textContent()).toContain(custom.code);
  await row.getByTestId('evidence-open').click();
  await page.getByTestId('evidence-item').waitFor();
  const text = await page.getByTestId('page-text').inputValue();
  // Khmer is written without spaces between words: compare without whitespace. Measured 2.3%
  // in Node (tests/unit/core/ocr/engine.test.ts).
  const whitespace = 'remove';
  expect(characterErrorRate(text, doc.text, { whitespace })).toBeLessThan(0.07);
  expect(blocked).toEqual([]);

  // The addition is in the vault's audit log, with the file's SHA-256.
  await page.getByTestId('nav-audit').click();
  await expect
    .poll(() => page.locator('body').textContent())
    .toMatch(
      new RegExp(
        `Added OCR language ${custom.code} from ${custom.name.replace(/\./g, '\\.')} \\(\\d+ bytes, SHA-256 [0-9a-f]{64}\\)`,
      ),
    );

  // The language is kept on this computer: a new window, unlocked again, still offers it.
  await page.reload();
  await unlock(page);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-open').first().click();
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId(`intake-language-${custom.code}`).waitFor({ timeout: 30_000 });

  // A waiting document set to be read in the added language alone.
  await page
    .getByTestId('intake-files')
    .setInputFiles([{ name: 'flyer.png', mimeType: 'image/png', buffer: readFileSync(doc.path) }]);
  const line = page.getByTestId('intake-file').filter({ hasText: 'flyer.png' });
  await line.getByTestId('intake-file-languages').click();
  await line.getByTestId(`intake-file-language-${custom.code}`).check();
  await line.getByTestId('intake-file-language-eng').uncheck();
  expect(await line.getByTestId('intake-file-languages').textContent()).toBe(custom.label);
  expect(await page.getByTestId('intake-submit').isEnabled()).toBe(true);

  // Removing asks first; Cancel keeps it, confirming removes it.
  await page.getByTestId(`intake-language-remove-${custom.code}`).click();
  await page.getByTestId('confirm-cancel').click();
  expect(await page.getByTestId(`intake-language-${custom.code}`).count()).toBe(1);
  await page.getByTestId(`intake-language-remove-${custom.code}`).click();
  await page.getByTestId('confirm-ok').click();
  await expect.poll(() => page.getByTestId(`intake-language-${custom.code}`).count()).toBe(0);
  // The waiting document is left with no language, says so, and cannot be taken in as it is.
  await expect
    .poll(() => line.getByTestId('intake-file-languages').textContent())
    .toBe('Choose at least one language.');
  expect(await page.getByTestId('intake-submit').isDisabled()).toBe(true);
  // The text already recognised stays.
  await page
    .getByTestId('evidence-row')
    .filter({ hasText: 'statement-km.png' })
    .getByTestId('evidence-open')
    .click();
  expect(
    characterErrorRate(await page.getByTestId('page-text').inputValue(), doc.text, { whitespace }),
  ).toBeLessThan(0.07);
});
