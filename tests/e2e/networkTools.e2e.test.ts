/**
 * The Network view's working tools end to end, on the imported ring fixture: filters by kind
 * and by role, find by name, the shortest path between two chosen entities with its steps,
 * PNG and SVG export (downloads, victims pseudonymised, each recorded in the audit log), and a
 * named view saved and deleted after confirmation. Also the import message's plurals.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { importFtm, nodeLabels, RING_FTM } from '../helpers/networkDriver';
import { createCase, createVault } from '../helpers/vaultDriver';

test('filters, find, shortest path, export with audit, named views', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-062', title: 'Ring tools' });
  await page.getByTestId('nav-network').click();
  await page.getByTestId('empty-state').waitFor();
  await importFtm(page, RING_FTM);
  expect(await page.getByTestId('network-message').textContent()).toMatch(
    /^Imported 15 entities and \d+ links\.$/,
  );

  // Two entities and one link: "link" in the singular.
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-ftm-'));
  const victimFile = join(dir, 'victim.ftm.jsonl');
  writeFileSync(
    victimFile,
    [
      '{"id":"v1","schema":"Person","properties":{"name":["Srey Mom"],"keywords":["ringtrace:role:victim"]}}',
      '{"id":"v2","schema":"Person","properties":{"name":["Sok Phalla"]}}',
      '{"id":"v1a","schema":"Associate","properties":{"person":["v1"],"associate":["v2"]}}',
    ].join('\n'),
  );
  await importFtm(page, victimFile);
  expect(await page.getByTestId('network-message').textContent()).toBe(
    'Imported 2 entities and 1 link.',
  );
  const canvas = page.getByTestId('network-canvas');
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 }).toBe('17');
  expect(await nodeLabels(page)).toHaveLength(17);

  // Filter by kind: without organizations the companies leave the picture, people stay.
  const filters = page.locator('.network-filters');
  await filters.locator('summary').click();
  const kinds = filters.locator('fieldset').nth(0);
  await kinds.getByRole('checkbox', { name: 'Organisation' }).uncheck();
  // The list follows the canvas a render later.
  await expect.poll(() => nodeLabels(page)).not.toContain('Siam Fishing Partners');
  let labels = await nodeLabels(page);
  expect(labels).not.toContain('Golden Lotus Recruitment Co., Ltd.');
  expect(labels).not.toContain('Siam Fishing Partners');
  expect(labels).toContain('Lim Heng');
  await kinds.getByRole('checkbox', { name: 'Organisation' }).check();
  await expect.poll(() => nodeLabels(page)).toContain('Siam Fishing Partners');

  // Filter by role: only officials.
  const roles = filters.locator('fieldset').nth(1);
  await roles.getByRole('checkbox', { name: 'Official' }).check();
  await expect.poll(async () => (await nodeLabels(page)).length).toBeLessThan(5);
  labels = await nodeLabels(page);
  expect(labels).toContain('Chea Rith');
  expect(labels).not.toContain('Dara Pich');
  expect(labels).not.toContain('Lim Heng');
  await roles.getByRole('checkbox', { name: 'Official' }).uncheck();
  await expect.poll(() => nodeLabels(page)).toHaveLength(17);

  // Find by name selects the entity and shows its details; an unknown name says so.
  await page.getByTestId('network-find').fill('lim he');
  await page.getByTestId('network-find').press('Enter');
  expect(await page.getByTestId('network-details').locator('h2').textContent()).toBe('Lim Heng');
  await page.getByTestId('network-find').fill('Nobody Here');
  await page.getByTestId('network-find').press('Enter');
  expect(await page.getByTestId('network-message').textContent()).toContain(
    'No one named “Nobody Here”',
  );
  // Victim protection covers find too: the real name finds nothing while it is on.
  await page.getByTestId('network-find').fill('Srey');
  await page.getByTestId('network-find').press('Enter');
  expect(await page.getByTestId('network-message').textContent()).toContain('No one named');

  // Shortest path between two chosen entities, step by step.
  await page.getByTestId('network-tab-path').click();
  await page.getByTestId('path-from').selectOption({ label: 'Dara Pich' });
  await page.getByTestId('path-to').selectOption({ label: 'Anan Srisuk' });
  await page.getByTestId('path-find').click();
  const steps = await page.getByTestId('network-path-step').allTextContents();
  expect(steps.length).toBeGreaterThanOrEqual(3);
  expect(steps[0]).toMatch(/^Dara Pich /);
  expect(steps.at(-1)).toMatch(/ Anan Srisuk /);
  // Each step joins the previous one's end, with its link type named.
  for (const step of steps) expect(step).toMatch(/ (→|←|—) [a-z ]+ (\(.*\) )?(→|←|—) /);
  expect(steps.join('|')).toMatch(/Lim Heng|Chea Rith/);

  // Export: a real PNG and an SVG without the victim's name, each in the audit log. Exporting
  // leaves the picture as it is: the canvas is not rebuilt nor laid out again.
  await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="network-canvas"]');
    const w = window as unknown as { redraws: number };
    w.redraws = 0;
    if (canvas)
      new MutationObserver(() => (w.redraws += 1)).observe(canvas, {
        attributes: true,
        attributeFilter: ['data-draw-ms'],
      });
  });
  const png = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const pngDownload = await png;
  expect(pngDownload.suggestedFilename()).toMatch(/^network-\d{4}-\d{2}-\d{2}\.png$/);
  const pngBytes = readFileSync(await pngDownload.path());
  expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await page.getByTestId('network-message').filter({ hasText: 'audit log' }).waitFor();
  const svg = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const svgDownload = await svg;
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
  const svgText = readFileSync(await svgDownload.path(), 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Lim Heng');
  expect(svgText).toContain('V-001');
  expect(svgText).not.toContain('Srey Mom');
  await page.getByTestId('network-message').filter({ hasText: '.svg' }).waitFor();
  // A rebuild would have cleared and set data-draw-ms within a second of the audit write.
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { redraws: number }).redraws)).toBe(0);

  // Named view: save, then delete, which asks first; cancelling keeps it.
  await page.getByTestId('save-view-as').click();
  await page.getByTestId('view-name').fill('Briefing for prosecutor');
  await page.getByTestId('view-name-save').click();
  await page
    .getByTestId('network-message')
    .filter({ hasText: 'Saved view “Briefing for prosecutor”' })
    .waitFor();
  const options = (): Promise<string[]> =>
    page.getByTestId('view-select').locator('option').allTextContents();
  expect(await options()).toContain('Briefing for prosecutor');
  await page.getByTestId('view-delete').click();
  expect(await page.getByTestId('confirm-dialog').textContent()).toContain(
    'Briefing for prosecutor',
  );
  await page.getByTestId('confirm-cancel').click();
  expect(await options()).toContain('Briefing for prosecutor');
  await page.getByTestId('view-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect.poll(options).not.toContain('Briefing for prosecutor');

  // The audit log has both exports and the view's creation and deletion.
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-table').waitFor();
  const rows = (await page.getByTestId('audit-row').allTextContents()).join('\n');
  expect(rows).toMatch(
    /network\.export.*Exported the network picture as PNG.*victims pseudonymised/,
  );
  expect(rows).toMatch(/network\.export.*Exported the network picture as SVG/);
  expect(rows).toContain('graphView.create');
  expect(rows).toMatch(/graphView\.delete.*Deleted network view "Briefing for prosecutor"/);
});
