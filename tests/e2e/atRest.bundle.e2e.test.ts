/**
 * Exporting writes only where the user chose. A marker typed into a case title and one put in
 * an entity's name (through the FollowTheMoney import) go out in the exported bundle, yet are
 * nowhere in the browser profile on disk, in any encoding, after the export, its audit and
 * custody entries, and a verification of the bundle in the app; and the download is the only
 * new file outside the profile that holds them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { openApp } from '../helpers/browser';
import { scanForText, writePositiveControl } from '../helpers/profileScan';
import { createCase, createVault } from '../helpers/vaultDriver';

// Non-ASCII on purpose, so that its Latin-1, UTF-8 and UTF-16LE forms all differ.
const CASE_MARKER = 'Qzvé-bundlecase-5180';
const ENTITY_MARKER = 'Qzvé-bundlename-6291';
const CONTROL = 'Qzvé-bundlecontrol-7302';

/** Files in the temp directory that are not in `before`, skipping what vanishes meanwhile. */
function newTempEntries(before: ReadonlySet<string>, skip: readonly string[]): string[] {
  return readdirSync(tmpdir())
    .filter((name) => !before.has(name))
    .map((name) => join(tmpdir(), name))
    .filter((path) => !skip.includes(path));
}

function scanQuietly(path: string, text: string): string[] {
  try {
    if (statSync(path).isDirectory()) return scanForText(path, text).map((h) => h.file);
    return readFileSync(path).includes(Buffer.from(text, 'utf8')) ? [path] : [];
  } catch {
    // Another test's temporary file, removed while we looked: not ours.
    return [];
  }
}

test('an export leaves the case and entity markers nowhere in the profile', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'ringtrace-atrest-bundle-'));
  t.onTestFinished(() => rmSync(work, { recursive: true, force: true }));
  const ftm = join(work, 'ring.ftm.jsonl');
  writeFileSync(
    ftm,
    [
      { id: 'p1', schema: 'Person', properties: { name: [`Broker ${ENTITY_MARKER}`] } },
      { id: 'p2', schema: 'Person', properties: { name: ['Driver Sok'] } },
      {
        id: 'l1',
        schema: 'Associate',
        properties: { person: ['p1'], associate: ['p2'], relationship: ['partner'] },
      },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );
  const tempBefore = new Set(readdirSync(tmpdir()));

  const session = await openApp(t);
  const { page, profileDir } = session;
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-900', title: `Title ${CASE_MARKER}` });
  await page.getByTestId('case-row').filter({ hasText: 'KH-2026-900' }).click();

  await page.getByTestId('nav-network').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('ftm-import').click();
  await (await chooser).setFiles(ftm);
  await page.getByTestId('ftm-confirm').click();
  await expect.poll(() => page.getByTestId('ftm-confirm').count(), { timeout: 30_000 }).toBe(0);

  await page.evaluate(() => {
    window.location.hash = '#/bundle';
  });
  await page.getByTestId('bundle-entities-all').click();
  await page.getByTestId('bundle-links-all').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('bundle-export').click();
  const file = await download;
  const saved = join(work, file.suggestedFilename());
  await file.saveAs(saved);
  await page.getByTestId('bundle-saved').waitFor();

  // The export did carry both markers (so a clean profile means something).
  const zip = unzipSync(new Uint8Array(readFileSync(saved)));
  const manifest = strFromU8(zip['manifest.json'] ?? new Uint8Array());
  expect(manifest).toContain(CASE_MARKER);
  expect(manifest).toContain(ENTITY_MARKER);

  // Verifying it in the app reads it into memory only.
  await page.getByTestId('bundle-tab-verify').click();
  const verifyChooser = page.waitForEvent('filechooser');
  await page.getByTestId('verify-choose').click();
  await (await verifyChooser).setFiles(saved);
  await page.getByTestId('verify-verdict').waitFor();
  expect(await page.getByTestId('verify-report').textContent()).toContain(CASE_MARKER);

  // Positive control: the same kind of storage, written in the clear on purpose.
  await writePositiveControl(page, CONTROL);

  await page.getByTestId('lock').click();
  await session.closeBrowser();

  expect(scanForText(profileDir, CONTROL).length).toBeGreaterThan(0);
  for (const marker of [CASE_MARKER, ENTITY_MARKER, 'bundlecase-5180', 'bundlename-6291'])
    expect(scanForText(profileDir, marker)).toEqual([]);

  // Outside the profile: no new file holds a marker in the clear. The bundle's texts are
  // deflated inside the ZIP, so the saved download does not match either; a plaintext
  // temporary copy (a spilled manifest, a report) would.
  const outside = newTempEntries(tempBefore, [profileDir]);
  const hits = outside.flatMap((path) => [
    ...scanQuietly(path, CASE_MARKER),
    ...scanQuietly(path, ENTITY_MARKER),
  ]);
  expect(hits).toEqual([]);
  expect(readdirSync(work).sort()).toEqual([file.suggestedFilename(), 'ring.ftm.jsonl'].sort());
});
