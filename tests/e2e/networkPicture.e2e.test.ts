/**
 * The network picture as a user sees and exports it (issue #18): the legend stands beside the
 * canvas and never over it, folds away, and counts as rings only communities of two or more
 * (the fixture's victim, linked only to herself, is in none); the exported SVG and PNG carry the
 * title, the case reference, the date, the legend and "Victims pseudonymised" while protection
 * is on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { importFtm, RING_FTM } from '../helpers/networkDriver';
import { createCase, createVault } from '../helpers/vaultDriver';

async function exported(page: Page, id: 'export-png' | 'export-svg'): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByTestId(id).click();
  return readFileSync(await (await download).path());
}

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer): [number, number] => [png.readUInt32BE(16), png.readUInt32BE(20)];

test('the legend stands beside the canvas, rings exclude loners, exports carry header and legend', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-071', title: 'Border ring' });
  await page.getByTestId('nav-network').click();
  await page.getByTestId('empty-state').waitFor();
  await importFtm(page, RING_FTM);
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-picture-'));
  const victimFile = join(dir, 'victim.ftm.jsonl');
  writeFileSync(
    victimFile,
    [
      '{"id":"v1","schema":"Person","properties":{"name":["Srey Mom"],"keywords":["ringtrace:role:victim"]}}',
      '{"id":"v1a","schema":"UnknownLink","properties":{"subject":["v1"],"object":["v1"]}}',
    ].join('\n'),
  );
  await importFtm(page, victimFile);
  const canvas = page.getByTestId('network-canvas');
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 }).toBe('16');
  await page.getByTestId('analysis-done').waitFor({ timeout: 60_000 });

  // Beside the canvas, not over it; folded by its summary, the canvas keeps its place.
  const legend = page.getByTestId('network-legend');
  const l = (await legend.boundingBox())!;
  const c = (await canvas.boundingBox())!;
  const overlaps =
    l.x < c.x + c.width && c.x < l.x + l.width && l.y < c.y + c.height && c.y < l.y + l.height;
  expect(overlaps).toBe(false);
  expect(await legend.getAttribute('open')).not.toBeNull();
  await legend.locator('summary').click();
  expect(await legend.getAttribute('open')).toBeNull();
  await legend.locator('summary').click();

  // Rings are communities of two or more: the victim, linked only to herself, is in none; every
  // ring the ranking counts and the legend lists has at least two members in the list.
  await page.getByTestId('network-tab-ranking').click();
  const intro = (await page.getByTestId('network-ranking').textContent()) ?? '';
  const rings = Number(/(\d+) rings found/.exec(intro)?.[1]);
  expect(rings).toBeGreaterThan(0);
  await page.getByTestId('colour-mode').selectOption('community');
  await expect.poll(() => page.getByTestId('legend-ring').count()).toBe(rings);
  expect(await legend.textContent()).toContain('In no ring');
  await page.getByTestId('network-node-list').locator('summary').click();
  const members = await page
    .getByTestId('network-node')
    .evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('data-community')]));
  expect(members.find(([name]) => name === 'V-001')?.[1]).toBeNull();
  const sizes = new Map<string, number>();
  for (const [, ring] of members)
    if (ring !== null && ring !== undefined) sizes.set(ring, (sizes.get(ring) ?? 0) + 1);
  expect(sizes.size).toBe(rings);
  for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(2);

  // The SVG: header lines, the legend, and the protection note while protection is on.
  const today = new Date().toISOString().slice(0, 10);
  const svg = (await exported(page, 'export-svg')).toString('utf8');
  for (const text of [
    'Network of case KH-2026-071: Border ring',
    `Exported ${today} from Ringtrace`,
    'Victims pseudonymised',
    'Colour: ring',
    'Ring 2',
    'Official (gold double ring)',
    'Source reliability E–F',
  ])
    expect(svg).toContain(`>${text}</text>`);
  expect(svg).not.toContain('Srey Mom');

  // Protection off: the note goes, the name appears.
  await page.getByTestId('protect-victims').uncheck();
  const named = (await exported(page, 'export-svg')).toString('utf8');
  expect(named).not.toContain('Victims pseudonymised');
  expect(named).toContain('Srey Mom');
  await page.getByTestId('protect-victims').check();

  // The PNG is framed the same way: wider than the canvas's own picture by the legend column
  // (220 px at scale 2) and taller by the three header lines.
  const png = await exported(page, 'export-png');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const [width, height] = pngSize(png);
  expect(width).toBeGreaterThan(440);
  expect(height).toBeGreaterThan(2 * (16 + 3 * 20));
  // Something is drawn in the header band (its text) and in the legend column (its shapes and
  // words): ImageMagick's mean of a crop is 1 for pure white.
  const file = join(dir, 'picture.png');
  writeFileSync(file, png);
  const mean = (crop: string): number =>
    Number(
      execFileSync('convert', [file, '-crop', crop, '+repage', '-format', '%[fx:mean]', 'info:'], {
        encoding: 'utf8',
      }),
    );
  expect(mean(`${width - 440}x40+0+40`)).toBeLessThan(0.995);
  expect(mean(`440x${height - 200}+${width - 440}+160`)).toBeLessThan(0.995);
});
