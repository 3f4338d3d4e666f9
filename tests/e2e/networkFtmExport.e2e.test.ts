/**
 * FollowTheMoney out and back in (issue 8): the case exported as JSON lines for Aleph imports
 * into another case as the same people and links; victims stay out while protect-victims is
 * on; the export is in the audit log.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { importFtm, RING_FTM } from '../helpers/networkDriver';
import { createCase, createVault } from '../helpers/vaultDriver';

type FtmLine = { id: string; schema: string; properties: Record<string, string[]> };

test('a case exported as FollowTheMoney imports back as the same network, without victims', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-071', title: 'Border ring' });
  await page.getByTestId('nav-network').click();
  await importFtm(page, RING_FTM);
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-ftm-out-'));
  const victimFile = join(dir, 'victim.ftm.jsonl');
  writeFileSync(
    victimFile,
    '{"id":"v1","schema":"Person","properties":{"name":["Srey Mom"],"keywords":["ringtrace:role:victim"]}}\n',
  );
  await importFtm(page, victimFile);
  const canvas = page.getByTestId('network-canvas');
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 }).toBe('16');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-ftm').click();
  const exported = join(dir, 'case.ftm.jsonl');
  await (await download).saveAs(exported);
  const lines = readFileSync(exported, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as FtmLine);
  const names = lines.flatMap((l) => l.properties['name'] ?? []);
  expect(names).toContain('Lim Heng');
  expect(names).not.toContain('Srey Mom');
  const people = lines.filter((l) => l.schema === 'Person').length;
  expect(people).toBeGreaterThan(0);

  // Into a second case: the same network comes back.
  await createCase(page, { reference: 'KH-2026-072', title: 'Copy from Aleph' });
  await page.getByTestId('nav-network').click();
  const summary = await importFtm(page, exported);
  expect(summary).toContain('15 entities');
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 }).toBe('15');

  await page.getByTestId('nav-audit').click();
  await expect
    .poll(() => page.locator('[data-testid="audit-row"] td:nth-child(4)').allTextContents())
    .toContain('ftm.export');
});
