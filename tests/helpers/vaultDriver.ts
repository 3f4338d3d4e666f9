/** Drives the vault screens of the real UI the way a user does: typing and clicking. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const PASSPHRASE = 'Mekong river ledger 7 tides!';
export const OTHER_PASSPHRASE = 'Second officer on night shift 42';

export type Identity = Readonly<{ name: string; agency: string; badge: string }>;
export const INVESTIGATOR: Identity = {
  name: 'Sokha Chan',
  agency: 'Anti-Human Trafficking Police',
  badge: 'KH-4471',
};

export async function createVault(
  page: Page,
  options: { passphrase?: string; identity?: Identity; name?: string } = {},
): Promise<void> {
  const identity = options.identity ?? INVESTIGATOR;
  const passphrase = options.passphrase ?? PASSPHRASE;
  await page.getByTestId('create-vault-form').waitFor();
  if (options.name !== undefined) await page.getByTestId('create-vault-name').fill(options.name);
  await page.getByTestId('create-actor-name').fill(identity.name);
  await page.getByTestId('create-agency').fill(identity.agency);
  await page.getByTestId('create-badge').fill(identity.badge);
  await page.getByTestId('create-passphrase').fill(passphrase);
  await page.getByTestId('create-passphrase-repeat').fill(passphrase);
  await page.getByTestId('create-vault-submit').click();
  await page.getByTestId('view-cases').waitFor({ timeout: 30_000 });
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock-submit').click();
}

export async function createCase(
  page: Page,
  fields: { reference: string; title: string; summary?: string },
): Promise<void> {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-reference').fill(fields.reference);
  await page.getByTestId('case-title').fill(fields.title);
  if (fields.summary !== undefined) await page.getByTestId('case-summary').fill(fields.summary);
  await page.getByTestId('case-save').click();
  await expect
    .poll(() => page.getByTestId('case-row').filter({ hasText: fields.reference }).count())
    .toBe(1);
}

export async function caseReferences(page: Page): Promise<string[]> {
  return page.locator('[data-testid="case-row"] td.mono').allTextContents();
}
