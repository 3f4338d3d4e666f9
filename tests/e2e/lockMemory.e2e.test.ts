/**
 * Locked means nothing left in memory. What a red team did: unlock, work with markers in every
 * kind of record, lock, then read the memory of every process of the browser (/proc/PID/mem)
 * for the markers (Latin-1, UTF-8, UTF-16LE), the passphrase and the key bytes. The same scan
 * before lock is the positive control: it must find the markers there, or a clean result after
 * lock would prove nothing.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { KeyRing, unwrapDataKey } from '../../src/core/vault/keys';
import { deriveKeyEncryptionKey } from '../../src/core/vault/kdf';
import type { KeySlotRow } from '../../src/core/db';
import { openApp } from '../helpers/browser';
import { browserPid, processTree, scanProcesses, textNeedles } from '../helpers/processMemory';
import { PASSPHRASE, createCase, createVault } from '../helpers/vaultDriver';

const MARKER = 'Wqvé-memory-8124';

/** The vault's keys, recomputed from its stored key slot and the passphrase. */
async function vaultKeys(page: Page): Promise<Uint8Array[]> {
  const slot = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('ringtrace-vault:ringtrace');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('keySlots').objectStore('keySlots').getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result[0]);
          };
          get.onerror = () => reject(new Error(String(get.error)));
        };
      }),
  );
  const row = slot as KeySlotRow;
  const kek = await deriveKeyEncryptionKey(PASSPHRASE, row.kdf);
  const dataKey = unwrapDataKey(row, kek);
  if (dataKey === undefined) throw new Error('the passphrase did not open the key slot');
  const ring = new KeyRing(dataKey.slice());
  const keys = [
    dataKey,
    ...(['rows', 'blindIndex', 'files', 'backup'] as const).map((p) => ring.key(p).slice()),
  ];
  return keys;
}

test('after lock no process of the browser holds a key of the vault', async (t) => {
  const session = await openApp(t);
  const { page } = session;
  await createVault(page, {
    identity: { name: `Officer ${MARKER}`, agency: 'AHTJP', badge: 'KH-1' },
  });
  await createCase(page, {
    reference: 'KH-2026-812',
    title: `Case ${MARKER}`,
    summary: `Summary ${MARKER}`,
  });
  await page.getByTestId('nav-entities').click();
  for (const [name, alias, notes] of [
    [`Suspect ${MARKER}`, `Alias ${MARKER}`, `Note ${MARKER}`],
    [`Victim ${MARKER}`, 'V', ''],
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
    .filter({ hasText: `Suspect ${MARKER}` })
    .click();
  await page.getByTestId('entity-add-link').click();
  await page.getByTestId('link-target').selectOption({ label: `Victim ${MARKER} (Person)` });
  await page.getByTestId('link-notes').fill(`Link ${MARKER}`);
  await page.getByTestId('link-save').click();
  await page.getByTestId('link-form').waitFor({ state: 'detached' });

  const keys = await vaultKeys(page);
  const needles = [
    ...textNeedles('marker', MARKER),
    ...textNeedles('passphrase', PASSPHRASE),
    ...keys.map((k, i) => [`key ${i}`, k] as const),
  ];
  const root = browserPid();
  const before = scanProcesses(processTree(root), needles);
  // Positive control: while unlocked the markers are in the renderer's memory.
  expect(before.filter((h) => h.needle.startsWith('marker')).length).toBeGreaterThan(0);

  await page.getByTestId('lock').click();
  await page.getByTestId('gate-unlock').waitFor();
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  // A forced collection, as the red team did, so that only what is still referenced remains.
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();

  const after = scanProcesses(processTree(root), needles);
  const summary = (hits: typeof after) =>
    hits.map((h) => `${h.kind} ${h.needle}: ${h.count}`).sort();
  // The figures the README's security model quotes.
  console.log(`before lock:\n  ${summary(before).join('\n  ')}`);
  console.log(`after lock:\n  ${summary(after).join('\n  ')}`);

  // Positive control for the keys: every one of them is found while unlocked ...
  for (const [name] of needles.filter(([n]) => n.startsWith('key ')))
    expect(before.some((h) => h.needle === name)).toBe(true);
  // ... and none in any process after lock: the arrays are zeroed, libsodium's heap copies
  // scrubbed, and the WebCrypto file key went with the page.
  expect(after.filter((h) => h.needle.startsWith('key '))).toEqual([]);
}, 180_000);
