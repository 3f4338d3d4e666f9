/**
 * Two agencies, two browser profiles: they exchange public keys through downloaded files,
 * confirm fingerprints, send victim records both ways (full, then match-only) and see the
 * matches. Everything through the real UI.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { createCase, createVault, type Identity } from '../helpers/vaultDriver';

const CAMBODIA: Identity = { name: 'Sokha Chan', agency: 'AHTJP Phnom Penh', badge: 'KH-4471' };
const THAILAND: Identity = { name: 'Somchai Wong', agency: 'DSI Bangkok', badge: 'TH-0077' };

/** Clicks a button that downloads a file and returns the downloaded file's path. */
async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = await file.path();
  if (path === null) throw new Error('download failed');
  return path;
}

async function openExchange(page: Page): Promise<string> {
  await page.getByTestId('nav-exchange').click();
  await page.getByTestId('exchange-view').waitFor();
  const fingerprint = page.getByTestId('own-fingerprint');
  await fingerprint.waitFor();
  return (await fingerprint.textContent()) ?? '';
}

async function addPartner(
  page: Page,
  keyFile: string,
  expectedFingerprint: string,
  agency: string,
): Promise<void> {
  await page.getByTestId('partner-key-file').setInputFiles(keyFile);
  await expect
    .poll(() => page.getByTestId('partner-fingerprint').textContent())
    .toBe(expectedFingerprint);
  // Adding is impossible until the user states the fingerprints were compared.
  expect(await page.getByTestId('partner-add').isDisabled()).toBe(true);
  await page.getByTestId('partner-confirmed').check();
  await page.getByTestId('partner-add').click();
  await expect
    .poll(() => page.getByTestId('partner-row').filter({ hasText: agency }).count())
    .toBe(1);
}

type Victim = { name: string; alias?: string; birth?: string; passport?: string };

async function addVictim(page: Page, victim: Victim): Promise<void> {
  await page.getByTestId('victim-new-name').fill(victim.name);
  await page.getByTestId('victim-add').click();
  const form = page.getByTestId('victim-record-form');
  await form.waitFor();
  if (victim.alias !== undefined) {
    await form.getByTestId('record-add-name').click();
    await form.getByTestId('record-name').nth(1).fill(victim.alias);
    await form.getByTestId('record-name-script').nth(1).selectOption('khmer');
  }
  if (victim.birth !== undefined) await form.getByTestId('record-birth').fill(victim.birth);
  if (victim.passport !== undefined) {
    await form.getByTestId('record-add-document').click();
    await form.getByTestId('record-doc-number').fill(victim.passport);
  }
  await form.getByTestId('record-indicator-deception').check();
  await form.getByTestId('record-save').click();
  await form.getByTestId('record-saved').waitFor();
  await page
    .getByTestId('victim-row')
    .filter({ hasText: victim.name })
    .getByTestId('victim-edit')
    .click();
}

async function exportPackage(page: Page, names: string[], mode: 'full' | 'match'): Promise<string> {
  for (const name of names) {
    await page
      .getByTestId('victim-row')
      .filter({ hasText: name })
      .getByTestId('victim-select')
      .check();
  }
  await page.getByTestId(`export-mode-${mode}`).check();
  const path = await download(page, 'export-package');
  await page.getByTestId('export-done').waitFor();
  for (const name of names) {
    await page
      .getByTestId('victim-row')
      .filter({ hasText: name })
      .getByTestId('victim-select')
      .uncheck();
  }
  return path;
}

async function importPackage(page: Page, path: string): Promise<void> {
  await page.getByTestId('package-file').setInputFiles(path);
  await page.getByTestId('import-result').waitFor();
}

test('two agencies exchange victim records both ways, full and match-only, and see the matches', async (t) => {
  const a = await openApp(t);
  const b = await openApp(t);
  await createVault(a.page, { identity: CAMBODIA });
  await createVault(b.page, { identity: THAILAND });
  await createCase(a.page, { reference: 'KH-2026-014', title: 'Poipet recruitment ring' });
  await createCase(b.page, { reference: 'TH-2026-203', title: 'Rayong fishing boats' });

  // Keys: each downloads its public key file, the other imports it and checks the fingerprint.
  const fingerprintA = await openExchange(a.page);
  const fingerprintB = await openExchange(b.page);
  expect(fingerprintA).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  expect(fingerprintA).not.toBe(fingerprintB);
  const keyA = await download(a.page, 'save-own-key');
  const keyB = await download(b.page, 'save-own-key');
  await addPartner(b.page, keyA, fingerprintA, CAMBODIA.agency);
  await addPartner(a.page, keyB, fingerprintB, THAILAND.agency);

  await addVictim(a.page, {
    name: 'Sok Dara',
    alias: 'សុខ ដារ៉ា',
    birth: '2004-03-12',
    passport: 'N0 1234567',
  });
  await addVictim(a.page, { name: 'Chan Bopha', birth: '2001' });
  await addVictim(b.page, { name: 'Dara Sok', birth: '2004', passport: 'n01234567' });
  await addVictim(b.page, { name: 'Nopparat Chai', birth: '1998' });

  // Full package A -> B: B sees Sok Dara matched to its Dara Sok, with the reasons.
  const fullAB = await exportPackage(a.page, ['Sok Dara', 'Chan Bopha'], 'full');
  await importPackage(b.page, fullAB);
  expect(await b.page.getByTestId('import-result').textContent()).toContain(CAMBODIA.agency);
  const incoming = b.page.getByTestId('incoming-record');
  await expect.poll(() => incoming.count()).toBe(2);
  const sok = incoming.filter({ hasText: 'Sok Dara' });
  const candidate = sok.getByTestId('match-candidate');
  expect(await candidate.getByTestId('candidate-name').textContent()).toBe('Dara Sok');
  const reasons = (await candidate.getByTestId('candidate-reasons').textContent()) ?? '';
  expect(reasons).toContain('passport number N01234567 in both');
  expect(reasons).toContain('same birth year 2004');
  expect(
    await incoming.filter({ hasText: 'Chan Bopha' }).getByTestId('match-candidate').count(),
  ).toBe(0);
  await candidate.getByTestId('match-confirm').click();
  await sok.getByTestId('candidate-confirmed').waitFor();
  // Attached to the local victim with its provenance, not merged.
  await b.page
    .getByTestId('victim-row')
    .filter({ hasText: 'Dara Sok' })
    .getByTestId('victim-received')
    .waitFor();
  await b.page
    .getByTestId('victim-row')
    .filter({ hasText: 'Dara Sok' })
    .getByTestId('victim-edit')
    .click();
  expect(await b.page.getByTestId('victim-provenance').textContent()).toContain(
    `From ${CAMBODIA.agency}`,
  );
  expect(await b.page.getByTestId('record-name').first().inputValue()).toBe('Dara Sok');
  await b.page
    .getByTestId('victim-row')
    .filter({ hasText: 'Dara Sok' })
    .getByTestId('victim-edit')
    .click();

  // Full package B -> A: A sees its own Sok Dara as the candidate.
  const fullBA = await exportPackage(b.page, ['Dara Sok', 'Nopparat Chai'], 'full');
  await importPackage(a.page, fullBA);
  const atA = a.page.getByTestId('incoming-record').filter({ hasText: 'Dara Sok' });
  expect(await atA.getByTestId('candidate-name').textContent()).toBe('Sok Dara');
  await atA.getByTestId('match-reject').click();
  await atA.getByTestId('candidate-rejected').waitFor();

  // Match-only: A makes the shared key, B enters it; then hashes both ways.
  await a.page.getByTestId('match-key-generate').click();
  const sharedKey = (await a.page.getByTestId('match-key-value').textContent()) ?? '';
  expect(sharedKey.replace(/\s/g, '')).toMatch(/^[0-9A-F]{64}$/);
  await b.page.getByTestId('match-key-input').fill(sharedKey);
  await b.page.getByTestId('match-key-save').click();
  await b.page.getByText('Shared key saved.').waitFor();

  const matchAB = await exportPackage(a.page, ['Sok Dara', 'Chan Bopha'], 'match');
  await importPackage(b.page, matchAB);
  const hitsAtB = b.page.getByTestId('match-hit');
  await expect.poll(() => hitsAtB.count()).toBe(1);
  expect(await hitsAtB.first().textContent()).toContain('Dara Sok');
  expect(await b.page.getByTestId('import-result').textContent()).toContain('2 record(s) compared');

  const matchBA = await exportPackage(b.page, ['Dara Sok', 'Nopparat Chai'], 'match');
  await importPackage(a.page, matchBA);
  const hitsAtA = a.page.getByTestId('match-hit');
  await expect.poll(() => hitsAtA.count()).toBe(1);
  expect(await hitsAtA.first().textContent()).toContain('Sok Dara');

  // The exports and imports are in the audit log.
  await a.page.getByTestId('nav-audit').click();
  await expect
    .poll(() =>
      a.page.getByTestId('audit-row').filter({ hasText: 'Exported 2 victim record(s)' }).count(),
    )
    .toBe(1);
});

test('a package from an agency that is not a partner is refused with a clear message', async (t) => {
  const a = await openApp(t);
  const b = await openApp(t);
  await createVault(a.page, { identity: CAMBODIA });
  await createVault(b.page, { identity: THAILAND });
  await createCase(a.page, { reference: 'KH-1', title: 'One' });
  await openExchange(a.page);
  await openExchange(b.page);
  await addPartner(
    a.page,
    await download(b.page, 'save-own-key'),
    (await b.page.getByTestId('own-fingerprint').textContent()) ?? '',
    THAILAND.agency,
  );
  await addVictim(a.page, { name: 'Sok Dara', birth: '2004' });
  const pkg = await exportPackage(a.page, ['Sok Dara'], 'full');
  // B never added A.
  await b.page.getByTestId('package-file').setInputFiles(pkg);
  const error = b.page.getByTestId('import-error');
  await error.waitFor();
  expect(await error.textContent()).toContain('not one of your partner agencies');
  expect(await b.page.getByTestId('incoming-record').count()).toBe(0);
});
