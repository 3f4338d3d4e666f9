/**
 * Nothing of the Network view at rest in the clear: an entity imported from a FollowTheMoney
 * file, saved positions and a named view whose name carries a unique marker are written
 * through the real UI, the browser is closed, and every file of the profile is searched for
 * the marker in every encoding. The positive control proves the scan finds clear text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { importFtm } from '../helpers/networkDriver';
import { scanForText, writePositiveControl } from '../helpers/profileScan';
import { createCase, createVault } from '../helpers/vaultDriver';

// Non-ASCII on purpose, so that its Latin-1, UTF-8 and UTF-16LE forms all differ.
const MARKER = 'Qzvé-netmark-6182';
const CONTROL = 'Qzvé-netctl-3907';

test('imported entities, saved positions and named views leave no marker on disk', async (t) => {
  const session = await openApp(t);
  const { page, profileDir } = session;
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-778', title: 'Network at rest' });
  await page.getByTestId('nav-network').click();
  await page.getByTestId('empty-state').waitFor();

  // An imported entity whose name carries the marker, linked to a second one.
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-ftm-'));
  const file = join(dir, 'marker.ftm.jsonl');
  writeFileSync(
    file,
    [
      `{"id":"m1","schema":"Person","properties":{"name":["Person ${MARKER}"]}}`,
      '{"id":"m2","schema":"Person","properties":{"name":["Second person"]}}',
      '{"id":"m12","schema":"Associate","properties":{"person":["m1"],"associate":["m2"]}}',
    ].join('\n'),
  );
  await importFtm(page, file);
  const canvas = page.getByTestId('network-canvas');
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 }).toBe('2');

  // Saved positions (the default view), then a named view with the marker in its name.
  await page.getByTestId('save-positions').click();
  await page.getByTestId('network-message').filter({ hasText: 'Saved view' }).waitFor();
  await page.getByTestId('save-view-as').click();
  await page.getByTestId('view-name').fill(`View ${MARKER}`);
  await page.getByTestId('view-name-save').click();
  await page.getByTestId('network-message').filter({ hasText: MARKER }).waitFor();
  // The marker is really stored: the view list, read back from the vault, offers it.
  expect(await page.getByTestId('view-select').locator('option').allTextContents()).toContain(
    `View ${MARKER}`,
  );

  // Positive control: the same kind of storage, written in the clear on purpose, must be
  // found by the scan, or a clean result would prove nothing.
  await writePositiveControl(page, CONTROL);

  await page.getByTestId('lock').click();
  await session.closeBrowser();

  expect(scanForText(profileDir, CONTROL).length).toBeGreaterThan(0);
  expect(scanForText(profileDir, MARKER)).toEqual([]);
  // Parts of the marker too, in case a store splits or re-encodes strings.
  expect(scanForText(profileDir, 'netmark-6182')).toEqual([]);
});
