import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { createVault, unlock } from '../helpers/vaultDriver';

// In a new vault with no case open: each view says what to do first.
const VIEWS = [
  { name: 'cases', heading: 'Cases', empty: 'No cases yet' },
  { name: 'evidence', heading: 'Evidence', empty: 'No case is open' },
  { name: 'network', heading: 'Network', empty: 'No case is open' },
  { name: 'search', heading: 'Search', empty: 'No case is open' },
] as const;

test('every view of the shell opens from the sidebar and shows its empty state', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  for (const view of VIEWS) {
    await page.getByTestId(`nav-${view.name}`).click();
    const main = page.getByTestId(`view-${view.name}`);
    await expect.poll(() => main.locator('h1').textContent()).toBe(view.heading);
    expect(await main.getByTestId('empty-state').locator('h2').textContent()).toBe(view.empty);
    expect(await page.getByTestId(`nav-${view.name}`).getAttribute('aria-current')).toBe('page');
  }
  // The audit view is never empty once a vault exists: its creation is the first entry.
  await page.getByTestId('nav-audit').click();
  await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(0);
});

test('with a case open, the case views show their own empty states', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-reference').fill('KH-2026-001');
  await page.getByTestId('case-title').fill('Poipet recruitment');
  await page.getByTestId('case-save').click();
  const expected = [
    ['evidence', 'No evidence in this case'],
    ['network', 'Nothing to draw yet'],
    ['search', 'Nothing to search yet'],
  ] as const;
  for (const [name, empty] of expected) {
    await page.getByTestId(`nav-${name}`).click();
    await expect
      .poll(() =>
        page.getByTestId(`view-${name}`).getByTestId('empty-state').locator('h2').textContent(),
      )
      .toBe(empty);
  }
});

test('the sidebar is keyboard navigable: arrows move focus, Enter opens, Alt+number jumps', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await page.getByTestId('nav-cases').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'nav-network',
  );
  await page.keyboard.press('Enter');
  await expect.poll(() => page.url()).toMatch(/#\/network$/);
  await page.keyboard.press('Alt+6');
  await expect.poll(() => page.getByTestId('view-audit').count()).toBe(1);
  await page.goBack();
  await expect.poll(() => page.getByTestId('view-network').count()).toBe(1);
});

test('the language switch changes the interface and is remembered', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await page.getByTestId('language-switch').selectOption('th');
  await expect.poll(() => page.getByTestId('nav-evidence').textContent()).toContain('พยานหลักฐาน');
  // Reloading locks the vault (its keys lived only in the page); the choice survives.
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  await unlock(page);
  await page.getByTestId('nav-evidence').waitFor();
  expect(await page.getByTestId('nav-evidence').textContent()).toContain('พยานหลักฐาน');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
  await page.getByTestId('language-switch').selectOption('km');
  await expect.poll(() => page.getByTestId('nav-cases').textContent()).toContain('សំណុំរឿង');
});

test('Thai and Khmer names render with the bundled fonts, not system fallbacks', async (t) => {
  const { page } = await openApp(t);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const fonts = await page.evaluate(async () => {
    await document.fonts.load('16px "Noto Sans Thai"', 'สมชาย');
    await document.fonts.load('16px "Noto Sans Khmer"', 'សុខា');
    return {
      thai: document.fonts.check('16px "Noto Sans Thai"', 'สมชาย'),
      khmer: document.fonts.check('16px "Noto Sans Khmer"', 'សុខា'),
      loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    };
  });
  expect(fonts.thai).toBe(true);
  expect(fonts.khmer).toBe(true);
  expect(fonts.loaded).toEqual(expect.arrayContaining(['Noto Sans Thai', 'Noto Sans Khmer']));
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
});

test('the shell is readable at 1280x800: nothing overflows horizontally', async (t) => {
  const { page } = await openApp(t, { viewport: { width: 1280, height: 800 } });
  const overflow = (): Promise<number> =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  expect(await overflow()).toBeLessThanOrEqual(0);
  await createVault(page);
  for (const view of [
    'cases',
    'evidence',
    'entities',
    'network',
    'search',
    'audit',
    'exchange',
    'settings',
  ]) {
    await page.getByTestId(`nav-${view}`).click();
    await page.getByTestId(`view-${view}`).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
  }
});

test('a case row leads to the evidence bundle of that case', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-reference').fill('TH-2026-055');
  await page.getByTestId('case-title').fill('Sa Kaeo crossing');
  await page.getByTestId('case-save').click();
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-reference').fill('KH-2026-056');
  await page.getByTestId('case-title').fill('Koh Kong boats');
  await page.getByTestId('case-save').click();
  await page
    .getByTestId('case-row')
    .filter({ hasText: 'TH-2026-055' })
    .getByTestId('case-bundle')
    .click();
  await page.getByTestId('view-bundle').waitFor();
  expect(await page.getByTestId('current-case').textContent()).toContain('TH-2026-055');
});
