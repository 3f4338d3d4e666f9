import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import {
  caseReferences,
  createCase,
  createVault,
  INVESTIGATOR,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  unlock,
} from '../helpers/vaultDriver';

test('first run: a weak passphrase is refused with reasons, a strong one creates the vault', async (t) => {
  const { page } = await openApp(t);
  await page.getByTestId('create-vault-form').waitFor();
  await page.getByTestId('create-actor-name').fill(INVESTIGATOR.name);
  await page.getByTestId('create-agency').fill(INVESTIGATOR.agency);
  await page.getByTestId('create-badge').fill(INVESTIGATOR.badge);
  await page.getByTestId('create-passphrase').fill('password1');
  await page.getByTestId('create-passphrase-repeat').fill('password1');
  expect(await page.getByTestId('passphrase-meter').textContent()).toMatch(/weak/);
  expect(await page.getByTestId('passphrase-meter').textContent()).toMatch(
    /at least 12 characters/,
  );
  expect(await page.getByTestId('create-vault-submit').isDisabled()).toBe(true);

  await page.getByTestId('create-passphrase').fill(PASSPHRASE);
  await page.getByTestId('create-passphrase-repeat').fill(PASSPHRASE);
  expect(await page.getByTestId('passphrase-meter').textContent()).toMatch(/strong/);
  await page.getByTestId('create-vault-submit').click();
  await page.getByTestId('view-cases').waitFor({ timeout: 30_000 });
  await page.getByTestId('nav-settings').click();
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('Sokha Chan');
  expect(await page.getByTestId('fingerprint').textContent()).toMatch(
    /^([0-9A-F]{4} ){15}[0-9A-F]{4}$/,
  );
});

test('a wrong passphrase gets a clear message and unlocks nothing; the right one unlocks', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-017', title: 'Koh Kong fishing boats' });
  await page.getByTestId('lock').click();
  await page.getByTestId('unlock-form').waitFor();
  // Locked: nothing of the cases is in the page any more.
  expect(await page.content()).not.toContain('Koh Kong fishing boats');

  await unlock(page, 'not the passphrase at all');
  await expect
    .poll(() => page.getByTestId('unlock-error').textContent(), { timeout: 30_000 })
    .toContain('does not open this vault');
  expect(await page.getByTestId('view-cases').count()).toBe(0);

  await unlock(page);
  await page.getByTestId('view-cases').waitFor({ timeout: 30_000 });
  expect(await caseReferences(page)).toEqual(['KH-2026-017']);
});

test('cases: create, rename, change status, delete with confirmation and undo, purge', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, {
    reference: 'TH-2026-003',
    title: 'Mae Sot brokers',
    summary: 'Passports held',
  });
  await createCase(page, { reference: 'KH-2026-009', title: 'Poipet casino compound' });

  const row = page.getByTestId('case-row').filter({ hasText: 'TH-2026-003' });
  await row.getByTestId('case-edit').click();
  await page.getByTestId('case-title').fill('Mae Sot brokers and drivers');
  await page.getByTestId('case-save').click();
  await expect.poll(() => row.textContent()).toContain('Mae Sot brokers and drivers');

  await row.getByTestId('case-status').selectOption('closed');
  await expect.poll(() => row.getByTestId('case-status').inputValue()).toBe('closed');

  // A duplicate reference is refused with a message, and the dialog keeps what was typed.
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-reference').fill('kh 2026 009');
  await page.getByTestId('case-title').fill('Duplicate');
  await page.getByTestId('case-save').click();
  await page.getByTestId('case-form-error').waitFor();
  expect(await page.getByTestId('case-title').inputValue()).toBe('Duplicate');
  await page.keyboard.press('Escape');

  // Delete asks first; cancelling keeps the case.
  await row.getByTestId('case-delete').click();
  await page.getByTestId('confirm-cancel').click();
  expect(await caseReferences(page)).toContain('TH-2026-003');
  await row.getByTestId('case-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect.poll(() => caseReferences(page)).toEqual(['KH-2026-009']);
  await page.getByTestId('cases-undo').click();
  await expect
    .poll(async () => (await caseReferences(page)).sort())
    .toEqual(['KH-2026-009', 'TH-2026-003']);

  // Purge works only from the bin, and only after typing the reference.
  await row.getByTestId('case-delete').click();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('cases-filter-deleted').click();
  await expect.poll(() => caseReferences(page)).toEqual(['TH-2026-003']);
  await page.getByTestId('case-purge').click();
  expect(await page.getByTestId('confirm-ok').isDisabled()).toBe(true);
  await page.getByTestId('confirm-type').fill('TH-2026-003');
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('bin-empty').waitFor();
  await page.getByTestId('cases-filter-active').click();
  await expect.poll(() => caseReferences(page)).toEqual(['KH-2026-009']);

  await page.getByTestId('nav-audit').click();
  await expect
    .poll(() => page.locator('[data-testid="audit-row"] td:nth-child(4)').allTextContents())
    .toEqual(expect.arrayContaining(['case.create', 'case.purge']));
});

test('audit log: intact after work; an altered entry on disk is named by its number', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-021', title: 'Online scam compound' });
  await createCase(page, { reference: 'KH-2026-022', title: 'Bus route to Bavet' });
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-verify').click();
  await expect
    .poll(() => page.getByTestId('audit-result').textContent())
    .toMatch(/intact: \d+ entries/);

  // Flip one byte of the sealed third entry directly in IndexedDB, as an attacker with disk access would.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ringtrace-vault:ringtrace');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('audit', 'readwrite');
      const store = tx.objectStore('audit');
      const get = store.get(3);
      get.onsuccess = () => {
        const row = get.result as { sealed: Uint8Array };
        const sealed = new Uint8Array(row.sealed);
        sealed[sealed.length - 5] = (sealed[sealed.length - 5] ?? 0) ^ 0x01;
        store.put({ ...row, sealed });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  });
  await page.getByTestId('audit-verify').click();
  await expect
    .poll(() => page.getByTestId('audit-result').textContent())
    .toMatch(/NOT intact.*entry 3/);
});

test('a damaged case record is named, and the rest of the vault keeps working', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-031', title: 'First' });
  await createCase(page, { reference: 'KH-2026-032', title: 'Second' });
  await createCase(page, { reference: 'KH-2026-033', title: 'Third' });
  // Move one case's ciphertext onto another row: the associated data binds it to its own row.
  const victimId = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ringtrace-vault:ringtrace');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const id = await new Promise<string>((resolve, reject) => {
      const tx = db.transaction('cases', 'readwrite');
      const store = tx.objectStore('cases');
      const all = store.getAll();
      all.onsuccess = () => {
        const rows = all.result as Array<{ id: string; sealed: Uint8Array }>;
        const [a, b] = rows;
        if (!a || !b) throw new Error('expected two cases');
        store.put({ ...a, sealed: b.sealed });
        resolve(a.id);
      };
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
    return id;
  });
  await page.getByTestId('lock').click();
  await unlock(page);
  await page.getByTestId('view-cases').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.getByTestId('cases-unreadable').textContent()).toContain(victimId);
  expect(await page.getByTestId('case-row').count()).toBe(2);
  await createCase(page, { reference: 'KH-2026-034', title: 'Still works' });
});

test('key slots: a second user opens the same data; passphrase change and removal work', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'TH-2026-040', title: 'Shared case' });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('add-user').click();
  await page.getByTestId('add-actor-name').fill('Niran Suksai');
  await page.getByTestId('add-agency').fill('Royal Thai Police ATPD');
  await page.getByTestId('add-badge').fill('TH-9912');
  await page.getByTestId('add-passphrase').fill(OTHER_PASSPHRASE);
  await page.getByTestId('add-passphrase-repeat').fill(OTHER_PASSPHRASE);
  await page.getByTestId('add-user-submit').click();
  await expect.poll(() => page.getByTestId('slot').count(), { timeout: 30_000 }).toBe(2);

  await page.getByTestId('lock').click();
  await unlock(page, OTHER_PASSPHRASE);
  await page.getByTestId('view-settings').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('Niran Suksai');
  await page.getByTestId('nav-cases').click();
  await expect.poll(() => caseReferences(page)).toEqual(['TH-2026-040']);
  await page.getByTestId('nav-settings').click();
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('Niran Suksai');

  // The second user changes their passphrase: the old one stops working, the new one opens.
  const newer = 'Night shift moved to Aranyaprathet 9';
  await page.getByTestId('change-current').fill(OTHER_PASSPHRASE);
  await page.getByTestId('change-passphrase').fill(newer);
  await page.getByTestId('change-passphrase-repeat').fill(newer);
  await page.getByTestId('change-submit').click();
  await expect
    .poll(() => page.getByTestId('settings-message').textContent(), { timeout: 30_000 })
    .toContain('changed');
  await page.getByTestId('lock').click();
  await unlock(page, OTHER_PASSPHRASE);
  await page.getByTestId('unlock-error').waitFor({ timeout: 30_000 });
  await unlock(page, newer);
  // Unlocking returns to the view that was open when the vault locked.
  await page.getByTestId('view-settings').waitFor({ timeout: 30_000 });

  // The second user removes the first one's slot, after confirming.
  const first = page.getByTestId('slot').filter({ hasText: 'Sokha Chan' });
  await first.getByTestId('slot-remove').click();
  await page.getByTestId('confirm-ok').click();
  await expect.poll(() => page.getByTestId('slot').count()).toBe(1);
  await page.getByTestId('lock').click();
  await unlock(page, PASSPHRASE);
  await page.getByTestId('unlock-error').waitFor({ timeout: 30_000 });
});

test('the vault locks itself after the idle time the user set', async (t) => {
  const { page } = await openApp(t);
  await page.clock.install();
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-050', title: 'Idle lock case' });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('idle-minutes').fill('2');
  await page.getByTestId('idle-save').click();
  await page.getByTestId('settings-message').waitFor();
  await page.clock.runFor('01:50');
  expect(await page.getByTestId('unlock-form').count()).toBe(0);
  await page.clock.runFor('00:15');
  await page.getByTestId('unlock-form').waitFor();
  expect(await page.getByTestId('unlock-notice').textContent()).toContain('2 minutes');
  expect(await page.content()).not.toContain('Idle lock case');
});
