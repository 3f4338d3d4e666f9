/**
 * A victim's identification record is reached from the victim in People and links: the form
 * opens in the Exchange view for that person, and what is saved there is theirs.
 */
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { createCase, createVault } from '../helpers/vaultDriver';

test('the identification record opens from the victim entity and is saved for that victim', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'TH-2026-090', title: 'Fishing boat crew' });
  await page.getByTestId('nav-entities').click();
  for (const [name, role] of [
    ['Somchai Boonmee', 'suspect'],
    ['Srey Mom', 'victim'],
  ] as const) {
    await page.getByTestId('new-entity').click();
    await page.getByTestId('entity-name').fill(name);
    await page.getByTestId(`entity-role-${role}`).check();
    await page.getByTestId('entity-save').click();
    await page.getByTestId('entity-form').waitFor({ state: 'detached' });
  }
  // Only a victim offers the record.
  await page.getByTestId('entity-item').filter({ hasText: 'Somchai Boonmee' }).click();
  await expect.poll(() => page.getByTestId('entity-victim-record').count()).toBe(0);
  await page.getByTestId('entity-item').filter({ hasText: 'Srey Mom' }).click();
  await page.getByTestId('entity-victim-record').click();

  const form = page.getByTestId('victim-record-form');
  await form.waitFor();
  expect(await form.getByTestId('record-name').first().inputValue()).toBe('Srey Mom');
  await form.getByTestId('record-birth').fill('2004');
  await form.getByTestId('record-indicator-retentionOfDocuments').check();
  await form.getByTestId('record-save').click();
  await form.getByTestId('record-saved').waitFor();

  await page.getByTestId('nav-audit').click();
  await expect
    .poll(() =>
      page.locator('[data-testid="audit-row"]').filter({ hasText: 'victimRecord.create' }).count(),
    )
    .toBe(1);
  expect(
    await page
      .locator('[data-testid="audit-row"]')
      .filter({ hasText: 'victimRecord.create' })
      .textContent(),
  ).toContain('Srey Mom');
});
