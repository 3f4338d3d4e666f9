/**
 * The Search view in the real UI: its states without a case, with an empty case and with no
 * result, and, once a case holds names (imported through the Network view's FollowTheMoney
 * import), finding an entity by a name in Khmer script and by a Latin alias typed in another
 * case, with the keyboard alone; and a name written in one script found by its spelling in
 * another (Somchai finds สมชาย, Sopheap finds សុភាព, ដារ៉ា finds Dara).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { createCase, createVault } from '../helpers/vaultDriver';

const RING = join(import.meta.dirname, '..', 'fixtures', 'ftm', 'ring.ftm.jsonl');

async function openCase(page: Page, reference: string): Promise<void> {
  await page.getByTestId('case-row').filter({ hasText: reference }).click();
}

test('search says what it needs: an open case, something to search, and no match', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await page.getByTestId('nav-search').click();
  await expect.poll(() => page.getByTestId('go-to-cases').count()).toBe(1);

  await createCase(page, { reference: 'TH-2026-010', title: 'Bangkok case' });
  await openCase(page, 'TH-2026-010');
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-nothing-indexed').waitFor();

  // "/" focuses the box from anywhere in the view.
  await page.getByTestId('view-search').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'search-input',
  );
  await page.keyboard.type('wichai');
  // Results follow each keystroke, so wait for the answer to the whole word, not to "wi".
  const none = page.getByTestId('search-no-results');
  await expect.poll(() => none.textContent()).toContain('No results for “wichai”');
  expect(await page.getByTestId('search-hit').count()).toBe(0);
});

test('search finds imported names across scripts and opens the entity with the keyboard', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-020', title: 'Ring' });
  await openCase(page, 'KH-2026-020');

  // Seed through the real UI: the Network view's FollowTheMoney import.
  await page.getByTestId('nav-network').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('ftm-import').click();
  await (await chooser).setFiles(RING);
  await page.getByTestId('ftm-confirm').click();
  await expect.poll(() => page.getByTestId('ftm-confirm').count(), { timeout: 30_000 }).toBe(0);

  await page.getByTestId('nav-search').click();
  const input = page.getByTestId('search-input');
  await expect.poll(() => page.getByTestId('search-indexed').count()).toBe(1);

  // A Khmer name, then its Latin alias in another case: both reach the same person.
  await input.fill('សុខា');
  await expect.poll(() => page.getByTestId('search-hit').count()).toBeGreaterThan(0);
  const khmerHit = page.locator('[data-testid="search-hit"][data-kind="entity"]').first();
  expect(await khmerHit.locator('mark').first().textContent()).toBe('សុខា');

  await input.fill('SOKHA');
  const hit = page.locator('[data-testid="search-hit"][data-kind="entity"]').first();
  // The hits of the Khmer query stay on screen until this one's arrive: wait for these. Both
  // spellings are marked now, the Latin alias as typed and the Khmer name through its
  // romanisation.
  await expect
    .poll(async () => (await hit.locator('mark').allTextContents()).map((m) => m.toLowerCase()))
    .toEqual(['សុខា', 'sokha']);
  expect((await hit.textContent()) ?? '').toContain('Sokha Chan');
  expect(await hit.getAttribute('aria-selected')).toBe('true');
  const href = await hit.locator('a').getAttribute('href');
  expect(href).toMatch(/^#\/entities\/[0-9a-f-]{36}$/);

  // Arrows move through the results; Enter opens the active one.
  const count = await page.getByTestId('search-hit').count();
  if (count > 1) {
    await input.press('ArrowDown');
    await input.press('ArrowUp');
  }
  await input.press('Enter');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(href);
  await page.getByTestId('view-entities').waitFor();
});

test('search finds a name written only in Thai or Khmer by its Latin spelling, and back', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-search-e2e-'));
  const file = join(dir, 'scripts.ftm.jsonl');
  writeFileSync(
    file,
    [
      { id: 't1', schema: 'Person', properties: { name: ['สมชาย รักดี'] } },
      { id: 'k1', schema: 'Person', properties: { name: ['សុភាព ម៉ៅ'] } },
      { id: 'l1', schema: 'Person', properties: { name: ['Dara Pich'] } },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n'),
    'utf8',
  );
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'TH-2026-030', title: 'Scripts' });
  await openCase(page, 'TH-2026-030');
  await page.getByTestId('nav-network').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('ftm-import').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('ftm-confirm').click();
  await expect.poll(() => page.getByTestId('ftm-confirm').count(), { timeout: 30_000 }).toBe(0);

  await page.getByTestId('nav-search').click();
  const input = page.getByTestId('search-input');
  await expect.poll(() => page.getByTestId('search-indexed').count()).toBe(1);
  const firstMark = page.locator('[data-testid="search-hit"][data-kind="entity"] mark').first();
  for (const [query, marked] of [
    ['Somchai ', 'สมชาย'],
    ['Sopheap ', 'សុភាព'],
    ['ដារ៉ា', 'Dara'],
  ] as const) {
    await input.fill(query);
    await expect.poll(() => firstMark.textContent()).toBe(marked);
  }
});
