/**
 * The Network view's two-step draw of a large case (more than 1,500 entities), end to end: a
 * generated FollowTheMoney file of rings is imported through the dialog; the first picture
 * (the entities in the quick grouped layout) comes before the links, with the exports
 * disabled, and the complete picture (the links added a frame later) enables them; the SVG
 * export then holds every link shown. Filters must hold for links added late: with a link type
 * filtered out, a second import rebuilds the canvas, and the rebuilt picture's late links still
 * leave that type out, on the canvas and in the export.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { generateFtm } from '../../bench/graphview';
import { openApp } from '../helpers/browser';
import { importFtm } from '../helpers/networkDriver';
import { createCase, createVault } from '../helpers/vaultDriver';

// Above the view's LARGE (1,500) so that the two-step draw is used, and a multiple of the
// generator's ring size (25) so that every link's ends exist; small enough to import quickly.
const ENTITIES = 1_600;
const LINKS = 4_000;

/** The canvas attribute once it is set (the attributes are absent until their draw). */
async function attribute(canvas: Locator, name: string): Promise<number> {
  await expect.poll(() => canvas.getAttribute(name), { timeout: 30_000 }).not.toBeNull();
  return Number(await canvas.getAttribute(name));
}

/** Exports the picture as SVG and returns how many links (SVG lines) it draws. */
async function svgLines(page: Page): Promise<number> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text).toMatch(/^<svg /);
  return text.match(/<line /g)?.length ?? 0;
}

test('a large case is drawn in two steps, exports wait for its links, filters hold for late links', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-ftm-large-'));
  const largeFile = join(dir, 'rings.ftm.jsonl');
  const text = generateFtm(6, { entities: ENTITIES, links: LINKS });
  writeFileSync(largeFile, text);
  const calls = text.split('\n').filter((line) => line.includes('"schema":"Call"')).length;
  expect(calls).toBeGreaterThan(0);

  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-066', title: 'Generated rings' });
  await page.getByTestId('nav-network').click();
  await page.getByTestId('empty-state').waitFor();

  // What the screen shows each time the canvas's pictures or the exports change: recorded in
  // the page, because a first picture without its links lasts only a frame or two.
  await page.evaluate(() => {
    const seen: Record<string, unknown>[] = [];
    (window as unknown as { pictures: typeof seen }).pictures = seen;
    new MutationObserver(() => {
      const canvas = document.querySelector('[data-testid="network-canvas"]');
      if (canvas === null) return;
      const enabled = (id: string): boolean =>
        document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)?.disabled === false;
      const state = {
        nodes: canvas.getAttribute('data-nodes'),
        edges: canvas.getAttribute('data-edges'),
        first: canvas.getAttribute('data-draw-ms') !== null,
        complete: canvas.getAttribute('data-complete-ms') !== null,
        png: enabled('export-png'),
        svg: enabled('export-svg'),
        ftm: enabled('export-ftm'),
      };
      if (JSON.stringify(seen.at(-1)) !== JSON.stringify(state)) seen.push(state);
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-draw-ms', 'data-complete-ms', 'disabled'],
    });
  });
  const pictures = (): Promise<Record<string, unknown>[]> =>
    page.evaluate(() => (window as unknown as { pictures: Record<string, unknown>[] }).pictures);

  await importFtm(page, largeFile, 30_000);
  const message = await page.getByTestId('network-message').textContent();
  const counts = /^Imported ([\d,]+) entities and ([\d,]+) links\.$/.exec(message ?? '');
  expect(counts, message ?? '').not.toBeNull();
  const links = Number(counts![2]!.replace(/,/g, ''));
  expect(Number(counts![1]!.replace(/,/g, ''))).toBe(ENTITIES);
  expect(links).toBe(LINKS);

  // The complete picture: every entity and every link, after the first picture.
  const canvas = page.getByTestId('network-canvas');
  const completeMs = await attribute(canvas, 'data-complete-ms');
  const drawMs = await attribute(canvas, 'data-draw-ms');
  expect(drawMs).toBeGreaterThan(0);
  expect(drawMs).toBeLessThanOrEqual(completeMs);
  expect(await attribute(canvas, 'data-nodes')).toBe(ENTITIES);
  expect(await attribute(canvas, 'data-edges')).toBe(links);
  expect(await attribute(canvas, 'data-visible-edges')).toBe(links);

  // The first picture had the entities and not yet the links, and no export could be taken.
  const seen = await pictures();
  expect(seen.find((p) => p['first'] === true)).toEqual({
    nodes: String(ENTITIES),
    edges: null,
    first: true,
    complete: false,
    png: false,
    svg: false,
    ftm: false,
  });

  // Once complete, the exports are enabled and the picture exported has every link.
  for (const id of ['export-png', 'export-svg', 'export-ftm'])
    expect(await page.getByTestId(id).isEnabled()).toBe(true);
  expect(await svgLines(page)).toBe(links);

  // Filter out the calls: the canvas hides them at once.
  const filters = page.locator('.network-filters');
  await filters.locator('summary').click();
  const called = filters
    .locator('fieldset')
    .nth(2)
    .getByRole('checkbox', { name: 'called', exact: true });
  await called.uncheck();
  await expect
    .poll(() => canvas.getAttribute('data-visible-edges'), { timeout: 30_000 })
    .toBe(String(links - calls));

  // A second import into the same case rebuilds the canvas, filters kept: its links (one call
  // among them) are added a frame after its entities again, and the calls must stay hidden.
  const smallFile = join(dir, 'extra.ftm.jsonl');
  writeFileSync(
    smallFile,
    [
      '{"id":"x1","schema":"Person","properties":{"name":["Extra Broker"]}}',
      '{"id":"x2","schema":"Person","properties":{"name":["Extra Driver"]}}',
      '{"id":"xa","schema":"Associate","properties":{"person":["x1"],"associate":["x2"]}}',
      '{"id":"xc","schema":"Call","properties":{"caller":["x1"],"receiver":["x2"],"date":["2024-03"]}}',
    ].join('\n'),
  );
  await importFtm(page, smallFile, 30_000);
  await expect
    .poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 })
    .toBe(String(ENTITIES + 2));
  await expect
    .poll(() => canvas.getAttribute('data-edges'), { timeout: 30_000 })
    .toBe(String(links + 2));
  expect(await called.isChecked()).toBe(false);
  expect(await attribute(canvas, 'data-visible-edges')).toBe(links + 1 - calls);
  expect(await svgLines(page)).toBe(links + 1 - calls);

  // Back on: every link again, the late ones included.
  await called.check();
  await expect
    .poll(() => canvas.getAttribute('data-visible-edges'), { timeout: 30_000 })
    .toBe(String(links + 2));
  expect(await svgLines(page)).toBe(links + 2);

  // Through every rebuild above (each import and each export rebuilds the canvas), no export
  // was offered while the canvas lacked its complete picture: it would have left links out.
  const offeredIncomplete = (await pictures()).filter(
    (p) => (p['png'] === true || p['svg'] === true || p['ftm'] === true) && p['complete'] !== true,
  );
  expect(offeredIncomplete).toEqual([]);
});
