/**
 * No exchange or CSV-import data at rest in the clear: a marker typed into a victim record,
 * carried by a partner's key file and a package from it, and put into an imported CSV (file
 * name, header, cells, mapping name, exhibit reference) is found nowhere in the profile.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  encodePublicKeyFile,
  newExchangeKeyRow,
  parsePublicKeyFile,
  sealFullPackage,
} from '../../src/core/exchange/packageFormat';
import { openApp } from '../helpers/browser';
import { scanForText, writePositiveControl } from '../helpers/profileScan';
import { createCase, createVault } from '../helpers/vaultDriver';

const MARKER = 'Qzvé-xchg-5820';
const CONTROL = 'Qzvé-xctl-1174';

async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = await file.path();
  if (path === null) throw new Error('download failed');
  return path;
}

test('no exchange or CSV-import marker reaches the disk in the clear', async (t) => {
  const session = await openApp(t);
  const { page, profileDir } = session;
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-atrest-x-'));
  await createVault(page, {
    identity: { name: 'Sokha Chan', agency: `Agency ${MARKER}`, badge: 'KH-1' },
  });
  await createCase(page, { reference: 'KH-AT-REST', title: 'At rest' });
  await page.getByTestId('nav-exchange').click();
  await page.getByTestId('own-fingerprint').waitFor();

  // A partner whose agency name carries the marker, made outside the app.
  const partner = newExchangeKeyRow(`Partner ${MARKER}`);
  const partnerKeyFile = join(dir, 'partner-key.json');
  writeFileSync(partnerKeyFile, encodePublicKeyFile(partner));
  await page.getByTestId('partner-key-file').setInputFiles(partnerKeyFile);
  await page.getByTestId('partner-confirmed').check();
  await page.getByTestId('partner-add').click();
  await page.getByTestId('partner-row').waitFor();

  // A victim record with the marker in every free-text field.
  await page.getByTestId('victim-new-name').fill(`Victim ${MARKER}`);
  await page.getByTestId('victim-add').click();
  const form = page.getByTestId('victim-record-form');
  await form.getByTestId('record-add-name').click();
  await form.getByTestId('record-name').nth(1).fill(`Alias ${MARKER}`);
  await form.getByTestId('record-birth').fill('2003');
  await form.getByTestId('record-nationality').fill(`Nation ${MARKER}`);
  await form.getByTestId('record-add-document').click();
  await form.getByTestId('record-doc-number').fill(`DOC-${MARKER}`);
  await form.getByTestId('record-identified-where').fill(`Where ${MARKER}`);
  await form.getByTestId('record-identified-by').fill(`By ${MARKER}`);
  await form.getByTestId('record-indicator-debtBondage').check();
  await form.getByTestId('record-indicator-notes').fill(`Notes ${MARKER}`);
  await form.getByTestId('record-receiving-agency').fill(`Shelter ${MARKER}`);
  await form.getByTestId('record-save').click();
  await form.getByTestId('record-saved').waitFor();

  // A package from the partner, sealed to this vault's key, with the marker in its record.
  const ownKey = parsePublicKeyFile(readFileSync(await download(page, 'save-own-key')));
  const pkg = sealFullPackage(partner, ownKey, [
    {
      names: [{ value: `Incoming ${MARKER}`, script: 'latin' }],
      birthDate: '2003',
      documents: [{ type: 'passport', number: `IN-${MARKER}` }],
      indicators: ['isolation'],
      indicatorNotes: `Incoming notes ${MARKER}`,
    },
  ]);
  const pkgFile = join(dir, 'incoming.rtx');
  writeFileSync(pkgFile, pkg.bytes);
  await page.getByTestId('package-file').setInputFiles(pkgFile);
  await page.getByTestId('import-result').waitFor();
  await page.getByTestId('incoming-record').waitFor();

  // A CSV with the marker in its name, a header, cells, the mapping name and the exhibit ref.
  const csv = join(dir, `cdr-${MARKER}.csv`);
  writeFileSync(
    csv,
    `Calling Number,Called Number,Start Time,Duration,Cell ID,Note ${MARKER}\n` +
      `+85512345678,+66812345678,2026-01-05 10:00:00,60,Cell ${MARKER},x ${MARKER}\n` +
      `+85512345678,"+66812345678"${MARKER},2026-01-05 10:00:00,60,Cell,y\n`,
  );
  await page.getByTestId('csv-file').setInputFiles(csv);
  await page.getByTestId('csv-preview').waitFor();
  await page.getByTestId('csv-mapping-name').fill(`Mapping ${MARKER}`);
  await page.getByTestId('csv-save-mapping').click();
  await page.getByTestId('csv-message').waitFor();
  await page.getByTestId('csv-exhibit-ref').fill(`EX-${MARKER}`);
  await page.getByTestId('csv-import').click();
  await page.getByTestId('csv-done').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('csv-problem').count()).toBe(1);

  // Positive control, as in atRest.e2e.test.ts: clear text in the same stores must be found.
  await writePositiveControl(page, CONTROL);

  await page.getByTestId('lock').click();
  await session.closeBrowser();

  expect(scanForText(profileDir, CONTROL).length).toBeGreaterThan(0);
  expect(scanForText(profileDir, MARKER)).toEqual([]);
  expect(scanForText(profileDir, 'xchg-5820')).toEqual([]);
});
