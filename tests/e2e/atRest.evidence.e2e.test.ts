/**
 * Nothing of the evidence records reaches the disk in the clear: a marker rendered as text in an
 * image (so it is in the OCR text and word boxes), typed into the description, carried in the
 * file name and written by a correction (so it is in custody and audit) is searched for in every
 * file of the browser profile after the browser has closed.
 */
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { scanForText, writePositiveControl } from '../helpers/profileScan';
import { createCase, createVault } from '../helpers/vaultDriver';

// Non-ASCII on purpose, so that its Latin-1, UTF-8 and UTF-16LE forms all differ.
const MARKER = 'Qzvé-marker-5318';
const CONTROL = 'Qzvé-control-8671';

test('evidence text, descriptions, names and corrections are sealed at rest', async (t) => {
  const session = await openApp(t);
  const { page, context, profileDir } = session;

  const printer = await context.newPage();
  await printer.setViewportSize({ width: 1000, height: 240 });
  await printer.setContent(
    `<body style="margin:40px;background:#fff;font:48px sans-serif">Seized ledger ${MARKER}</body>`,
  );
  const image = await printer.screenshot({ type: 'png' });
  await printer.close();

  await createVault(page);
  await createCase(page, { reference: 'KH-2026-0777', title: 'At rest' });
  await page.getByTestId('nav-evidence').click();
  await page.getByTestId('intake-seizedBy').fill('Det. Sophal Keo');
  await page.getByTestId('intake-seizedFrom').fill('Suspect');
  await page.getByTestId('intake-seizedWhere').fill('Poipet');
  await page.getByTestId('intake-description').fill(`Description ${MARKER}`);
  await page
    .getByTestId('intake-files')
    .setInputFiles([{ name: `scan ${MARKER}.png`, mimeType: 'image/png', buffer: image }]);
  await page.getByTestId('intake-submit').click();
  await expect
    .poll(
      () =>
        page
          .getByTestId('evidence-row')
          .getByTestId('job-status')
          .getAttribute('data-status')
          .catch(() => null),
      { timeout: 120_000, interval: 500 },
    )
    .toBe('done');

  await page.getByTestId('evidence-open').click();
  const text = await page.getByTestId('page-text').inputValue();
  // The marker really is in the OCR text, or a clean scan would prove nothing.
  expect(text).toContain('marker-5318');
  await page.getByTestId('correct-text').click();
  await page.getByTestId('page-text').fill(`${text} corrected ${MARKER}`);
  await page.getByTestId('correction-save').click();
  await expect
    .poll(() => page.locator('[data-testid="custody-row"][data-action="correction"]').count())
    .toBe(1);

  // Positive control: the same kind of storage, written in the clear on purpose.
  await writePositiveControl(page, CONTROL);

  await page.getByTestId('lock').click();
  await session.closeBrowser();

  expect(scanForText(profileDir, CONTROL).length).toBeGreaterThan(0);
  expect(scanForText(profileDir, MARKER)).toEqual([]);
  expect(scanForText(profileDir, 'marker-5318')).toEqual([]);
}, 240_000);
