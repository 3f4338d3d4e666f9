/**
 * Nothing sensitive at rest in the clear: a unique marker typed into every kind of record is
 * searched for in every file of the browser profile, after the browser has closed. Later
 * issues extend this test to every kind of record they add.
 */
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { scanForText, writePositiveControl } from '../helpers/profileScan';
import { createCase, createVault } from '../helpers/vaultDriver';

// Non-ASCII on purpose, so that its Latin-1, UTF-8 and UTF-16LE forms all differ.
const MARKER = 'Qzvé-marker-7431';
const CONTROL = 'Qzvé-control-2958';

test('no typed marker reaches the disk in the clear, in any encoding', async (t) => {
  const session = await openApp(t);
  const { page, profileDir } = session;
  await createVault(page, {
    identity: { name: `Name ${MARKER}`, agency: `Agency ${MARKER}`, badge: `Badge ${MARKER}` },
  });
  await createCase(page, {
    reference: 'KH-2026-777',
    title: `Title ${MARKER}`,
    summary: `Summary ${MARKER}`,
  });
  await page.getByTestId('nav-audit').click();
  await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(1);

  // Positive control: the same kind of storage, written in the clear on purpose, must be
  // found by the scan, or a clean result would prove nothing.
  await writePositiveControl(page, CONTROL);

  await page.getByTestId('lock').click();
  await session.closeBrowser();

  // (Chromium keeps such strings as Latin-1: V8 serialises one-byte strings that way.)
  expect(scanForText(profileDir, CONTROL).length).toBeGreaterThan(0);
  expect(scanForText(profileDir, MARKER)).toEqual([]);
  // Parts of the marker too, in case a store splits or re-encodes strings.
  expect(scanForText(profileDir, 'marker-7431')).toEqual([]);
});
