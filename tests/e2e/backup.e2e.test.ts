import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import {
  createCase,
  createVault,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  unlock,
} from '../helpers/vaultDriver';

test('a vault backed up in one profile is restored whole in another, with any user passphrase', async (t) => {
  // Machine A: a vault with two users, two cases, one in the bin.
  const a = await openApp(t);
  await createVault(a.page);
  await createCase(a.page, {
    reference: 'KH-2026-101',
    title: 'Sihanoukville compound',
    summary: 'Forty victims',
  });
  await createCase(a.page, { reference: 'TH-2026-102', title: 'Sa Kaeo crossing' });
  const row = a.page.getByTestId('case-row').filter({ hasText: 'TH-2026-102' });
  await row.getByTestId('case-delete').click();
  await a.page.getByTestId('confirm-ok').click();
  await a.page.getByTestId('nav-settings').click();
  await a.page.getByTestId('add-user').click();
  await a.page.getByTestId('add-actor-name').fill('Niran Suksai');
  await a.page.getByTestId('add-agency').fill('Royal Thai Police ATPD');
  await a.page.getByTestId('add-badge').fill('TH-9912');
  await a.page.getByTestId('add-passphrase').fill(OTHER_PASSPHRASE);
  await a.page.getByTestId('add-passphrase-repeat').fill(OTHER_PASSPHRASE);
  await a.page.getByTestId('add-user-submit').click();
  await expect.poll(() => a.page.getByTestId('slot').count(), { timeout: 30_000 }).toBe(2);
  const fingerprint = await a.page.getByTestId('fingerprint').textContent();

  const download = a.page.waitForEvent('download');
  await a.page.getByTestId('backup').click();
  const file = join(mkdtempSync(join(tmpdir(), 'ringtrace-backup-')), 'vault.ringtrace-backup');
  await (await download).saveAs(file);
  await a.page.getByTestId('settings-message').waitFor();
  await a.page.getByTestId('nav-audit').click();
  await expect
    .poll(() => a.page.locator('[data-testid="audit-row"] td:nth-child(4)').allTextContents())
    .toContain('vault.export');

  // Machine B: a fresh profile restores it with the second user's passphrase.
  const b = await openApp(t);
  await b.page.getByTestId('gate-to-restore').click();
  await b.page.getByTestId('restore-file').setInputFiles(file);
  await b.page.getByTestId('restore-passphrase').fill('a wrong passphrase entirely');
  await b.page.getByTestId('restore-submit').click();
  await expect
    .poll(() => b.page.getByTestId('restore-error').textContent(), { timeout: 30_000 })
    .toContain('does not open');
  await b.page.getByTestId('restore-passphrase').fill(OTHER_PASSPHRASE);
  await b.page.getByTestId('restore-submit').click();
  await b.page.getByTestId('view-cases').waitFor({ timeout: 30_000 });
  await expect
    .poll(() => b.page.locator('[data-testid="case-row"]').allTextContents())
    .toEqual([expect.stringContaining('Sihanoukville compound')]);
  expect(await b.page.getByTestId('case-row').textContent()).toContain('Forty victims');
  await b.page.getByTestId('cases-filter-deleted').click();
  await expect
    .poll(() => b.page.locator('[data-testid="case-row"] td.mono').allTextContents())
    .toEqual(['TH-2026-102']);
  await b.page.getByTestId('nav-settings').click();
  await expect.poll(() => b.page.getByTestId('slot').count()).toBe(2);
  expect(await b.page.getByTestId('fingerprint').textContent()).toBe(fingerprint);
  await b.page.getByTestId('nav-audit').click();
  await b.page.getByTestId('audit-verify').click();
  await expect.poll(() => b.page.getByTestId('audit-result').textContent()).toMatch(/intact/);

  // The first user's passphrase opens the restored vault too.
  await b.page.getByTestId('lock').click();
  await unlock(b.page, PASSPHRASE);
  await b.page.getByTestId('view-audit').waitFor({ timeout: 30_000 });
});

test('a damaged backup file is refused with a clear message and creates nothing', async (t) => {
  const { page } = await openApp(t);
  await page.getByTestId('gate-to-restore').click();
  await page.getByTestId('restore-file').setInputFiles({
    name: 'vault.ringtrace-backup',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('this is not a Ringtrace backup at all, just some bytes'),
  });
  await page.getByTestId('restore-passphrase').fill(PASSPHRASE);
  await page.getByTestId('restore-submit').click();
  await page.getByTestId('restore-error').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('restore-error').textContent()).toMatch(/backup/i);
  // Nothing was created: the gate still offers to create a first vault.
  await page.reload();
  await page.getByTestId('gate-create').waitFor();
});
