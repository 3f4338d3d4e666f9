/**
 * Entities, aliases, links and their notes, and typed statements at rest: a unique marker
 * typed into each is searched for in every file of the browser profile after the browser has
 * closed (tests/e2e/atRest.e2e.test.ts explains the method and the positive control).
 */
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { scanForText, writePositiveControl } from '../helpers/profileScan';
import { createCase, createVault } from '../helpers/vaultDriver';

const MARKER = 'Xqwé-entity-5190';
const CONTROL = 'Xqwé-control-6302';

test('entity names, aliases, notes and link notes never reach the disk in the clear', async (t) => {
  const session = await openApp(t);
  const { page, profileDir } = session;
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-555', title: 'At rest' });
  await page.getByTestId('nav-entities').click();

  await page.getByTestId('add-statement').click();
  await page.getByTestId('statement-ref').fill('ST-9');
  await page.getByTestId('statement-by').fill(`Witness ${MARKER}`);
  await page.getByTestId('statement-text').fill(`Statement ${MARKER}: Sok Dara paid.`);
  await page.getByTestId('statement-save').click();
  await page.getByTestId('statement-form').waitFor({ state: 'detached' });

  for (const [name, alias, notes] of [
    [`Name ${MARKER}`, `Alias ${MARKER}`, `Entity note ${MARKER}`],
    ['Chan Vuthy', 'ចាន់ វុទ្ធី', ''],
  ] as const) {
    await page.getByTestId('new-entity').click();
    await page.getByTestId('entity-name').fill(name);
    await page.getByTestId('entity-add-alias').click();
    await page.getByTestId('entity-alias').fill(alias);
    if (notes !== '') await page.getByTestId('entity-notes').fill(notes);
    await page.getByTestId('entity-save').click();
    await page.getByTestId('entity-form').waitFor({ state: 'detached' });
  }
  await page
    .getByTestId('entity-item')
    .filter({ hasText: `Name ${MARKER}` })
    .click();
  await page.getByTestId('entity-add-link').click();
  await page.getByTestId('link-target').selectOption({ label: 'Chan Vuthy (Person)' });
  await page.getByTestId('link-notes').fill(`Link note ${MARKER}`);
  await page.getByTestId('cite-evidence').selectOption({ label: 'ST-9 — ST-9.txt' });
  await page.getByTestId('cite-quote').fill(`Statement ${MARKER}`);
  await page.getByTestId('link-save').click();
  await page.getByTestId('link-form').waitFor({ state: 'detached' });
  await expect
    .poll(() => page.getByTestId('entity-links').textContent())
    .toContain(`Link note ${MARKER}`);

  // Positive control: the same kind of storage, written in the clear on purpose.
  await writePositiveControl(page, CONTROL);

  await page.getByTestId('lock').click();
  await session.closeBrowser();

  expect(scanForText(profileDir, CONTROL).length).toBeGreaterThan(0);
  expect(scanForText(profileDir, MARKER)).toEqual([]);
  expect(scanForText(profileDir, 'entity-5190')).toEqual([]);
});
