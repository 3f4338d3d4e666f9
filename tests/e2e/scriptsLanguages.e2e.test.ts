/**
 * A Khmer or Thai officer sees the main views in their language: switch the UI to Khmer, then
 * to Thai, walk cases, evidence, people and links, network, bundle and the vault settings, and
 * check each view's heading is the translation and that no English sentence is left on screen.
 * A screenshot of each view in each language is kept for review (layout of the scripts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { km } from '../../src/renderer/src/i18n/locales/km';
import { th } from '../../src/renderer/src/i18n/locales/th';
import { openApp } from '../helpers/browser';
import { createCase, createVault } from '../helpers/vaultDriver';

const VIEWS = [
  ['cases', (m: typeof km) => m.cases.title],
  ['evidence', (m: typeof km) => m.evidence.title],
  ['entities', (m: typeof km) => m.entities.title],
  ['network', (m: typeof km) => m.network.title],
  ['bundle', (m: typeof km) => m.bundle.title],
  ['settings', (m: typeof km) => m.settings.title],
] as const;

/** Three English words in a row (aside from names the test typed: the case title, the agency). */
async function englishLeft(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return [...text.matchAll(/\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}\b/g)]
    .map((m) => m[0])
    .filter(
      (s) =>
        !/Mekong trafficking ring|Human Trafficking Police|FollowTheMoney|JSON lines|OCCRP Aleph/.test(
          s,
        ),
    );
}

test('the main views read in Khmer and in Thai', async (t) => {
  const session = await openApp(t);
  const { page } = session;
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-0200', title: 'Mekong trafficking ring' });
  const shots = join(import.meta.dirname, '../../out/screenshots-i18n');
  mkdirSync(shots, { recursive: true });

  for (const [lang, messages] of [
    ['km', km],
    ['th', th],
  ] as const) {
    await page.getByTestId('language-switch').selectOption(lang);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    for (const [view, title] of VIEWS) {
      if (view === 'bundle') {
        // The bundle is opened from the case's row.
        await page.getByTestId('nav-cases').click();
        await page.getByTestId('case-bundle').first().click();
      } else await page.getByTestId(`nav-${view}`).click();
      await expect
        .poll(() => page.locator('main h1').first().textContent(), { timeout: 15_000 })
        .toBe(title(messages));
      expect(await englishLeft(page), `${lang} ${view}`).toEqual([]);
      await page.screenshot({ path: join(shots, `${lang}-${view}.png`), fullPage: true });
    }
  }
});
