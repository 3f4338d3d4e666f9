/**
 * The Network view end to end: FollowTheMoney import through the UI (preview and report), the
 * drawing, the analysis worker's ranking, rings and exposure, victim protection on the canvas
 * labels, and saved positions surviving a reload.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { previewFtm, nodeLabels, RING_FTM } from '../helpers/networkDriver';
import { createCase, createVault, unlock } from '../helpers/vaultDriver';

test('imports a FollowTheMoney file, draws and analyses the rings, protects victims, keeps positions', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-061', title: 'Border ring' });
  await page.getByTestId('nav-network').click();
  await page.getByTestId('empty-state').waitFor();

  // Preview and report before anything is written.
  await previewFtm(page, RING_FTM);
  const summary = await page.getByTestId('ftm-summary').textContent();
  expect(summary).toContain('15 entities');
  const malformed = await page.getByTestId('ftm-malformed').textContent();
  expect(malformed).toMatch(/Line 16:/);
  expect(malformed).toMatch(/Line 18:/);
  expect(await page.getByTestId('ftm-unmapped').textContent()).toContain('Vessel');
  expect(await page.getByTestId('ftm-unresolved').textContent()).toContain('lu2');
  const personRow = page.getByTestId('ftm-schema-row').filter({ hasText: 'Person' }).first();
  expect(await personRow.textContent()).toContain('entity: Person');
  await page.getByTestId('ftm-confirm').click();
  await page.getByTestId('ftm-dialog').waitFor({ state: 'detached' });

  // A second file adds a victim to the same case.
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-ftm-'));
  const victimFile = join(dir, 'victim.ftm.jsonl');
  writeFileSync(
    victimFile,
    [
      '{"id":"v1","schema":"Person","properties":{"name":["Srey Mom"],"keywords":["ringtrace:role:victim"]}}',
      '{"id":"v1a","schema":"UnknownLink","properties":{"subject":["v1"],"object":["v1"]}}',
    ].join('\n'),
  );
  await previewFtm(page, victimFile);
  await page.getByTestId('ftm-confirm').click();
  await page.getByTestId('ftm-dialog').waitFor({ state: 'detached' });

  // The graph draws every entity.
  const canvas = page.getByTestId('network-canvas');
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 }).toBe('16');

  // The analysis worker: the broker between the two rings comes first by betweenness.
  await page.getByTestId('analysis-done').waitFor({ timeout: 60_000 });
  await page.getByTestId('network-tab-ranking').click();
  expect(await page.getByTestId('ranking-row').first().textContent()).toContain('Lim Heng');

  // Rings as colours: the members of each ring share a colour, and the rings differ.
  await page.getByTestId('colour-mode').selectOption('community');
  const colours = async (): Promise<Map<string, string>> => {
    await nodeLabels(page);
    const rows = await page
      .getByTestId('network-node')
      .evaluateAll((els) =>
        els.map((e) => [e.textContent ?? '', e.getAttribute('data-colour') ?? '']),
      );
    return new Map(rows as [string, string][]);
  };
  // In role colours both rings' members share one colour, so this holds only once the ring
  // colours have reached the list.
  await expect
    .poll(async () => {
      const c = await colours();
      return c.get('Dara Pich') !== c.get('Anan Srisuk');
    })
    .toBe(true);
  const byName = await colours();
  expect(byName.get('Dara Pich')).toBe(byName.get('Vanna Keo'));
  expect(byName.get('Anan Srisuk')).toBe(byName.get('Niran Boonmee'));
  expect(byName.get('Dara Pich')).not.toBe(byName.get('Anan Srisuk'));

  // Exposure: the official's suspects within two links, with paths; the one known only
  // before the official took up the post is left out.
  await page.getByTestId('network-tab-exposure').click();
  const official = page.getByTestId('exposure-official').filter({ hasText: 'Chea Rith' });
  const text = (await official.textContent()) ?? '';
  expect(text).toContain('Dara Pich');
  expect(text).toContain('Lim Heng');
  expect(text).not.toContain('Keo Samnang');
  expect(await official.getByTestId('network-path-step').count()).toBeGreaterThan(0);

  // Victim protection is on by default; turning it off shows the name, on hides it again.
  expect(await nodeLabels(page)).toContain('V-001');
  expect((await nodeLabels(page)).join('|')).not.toContain('Srey Mom');
  // The list follows the canvas labels a render later, hence the polls.
  await page.getByTestId('protect-victims').uncheck();
  await expect.poll(() => nodeLabels(page)).toContain('Srey Mom');
  await page.getByTestId('protect-victims').check();
  await expect.poll(() => nodeLabels(page)).toContain('V-001');
  const protectedLabels = await nodeLabels(page);
  expect(protectedLabels.join('|')).not.toContain('Srey Mom');
  expect(protectedLabels).toContain('V-001');

  // Save positions, reload, unlock, reopen: the positions are those saved.
  const positions = async (): Promise<Record<string, string>> => {
    await nodeLabels(page);
    const rows = await page
      .getByTestId('network-node')
      .evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-id') ?? '',
          `${e.getAttribute('data-x')},${e.getAttribute('data-y')}`,
        ]),
      );
    return Object.fromEntries(rows) as Record<string, string>;
  };
  await page.getByTestId('save-positions').click();
  await page.getByTestId('network-message').filter({ hasText: 'Saved view' }).waitFor();
  const saved = await positions();
  await page.reload();
  await unlock(page);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-open').first().click();
  await page.getByTestId('nav-network').click();
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 }).toBe('16');
  expect(await positions()).toEqual(saved);
});
