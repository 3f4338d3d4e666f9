/**
 * From the network to the evidence: words cited in the evidence viewer for a person and for a
 * link are listed in the Network view's details panel (the link reached from the person's list
 * of links, as a keyboard user reaches it), and each citation opens its page with exactly the
 * cited words highlighted.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { importFtm } from '../helpers/networkDriver';
import { generateDocuments } from '../helpers/documents';
import { takeInAndOpen } from '../helpers/intakeDriver';
import { createCase, createVault } from '../helpers/vaultDriver';

/**
 * Clicks the words `want` (consecutive, in order) on the open page, cites them for the entity or
 * link whose option names `subject`, and clicks them again to clear the selection.
 */
async function cite(
  page: Page,
  want: readonly string[],
  kind: 'entity' | 'link',
  subject: string,
): Promise<void> {
  const words = page.getByTestId('word');
  const texts = await words.allTextContents();
  const first = texts.findIndex((_, i) => want.every((w, k) => texts[i + k] === w));
  expect(first, `words ${want.join(' ')} on the page`).toBeGreaterThan(-1);
  for (let k = 0; k < want.length; k++) await words.nth(first + k).click();
  await page.getByTestId('cite-selection').click();
  await page.getByTestId('cite-selection-dialog').waitFor();
  const value = await page
    .getByTestId('cite-selection-subject')
    .locator(`option[value^="${kind}:"]`, { hasText: subject })
    .first()
    .getAttribute('value');
  expect(value, `cite option for ${subject}`).not.toBeNull();
  await page.getByTestId('cite-selection-subject').selectOption(value ?? '');
  await page.getByTestId('cite-selection-save').click();
  await page.getByTestId('cite-selection-dialog').waitFor({ state: 'detached' });
  for (let k = 0; k < want.length; k++) await words.nth(first + k).click();
}

test('a cited person and a cited link list their evidence in the network, which opens at the words', async (t) => {
  const { statement } = await generateDocuments(['statement']);
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2024-0117', title: 'Poipet karaoke bar' });

  // The people and their link, imported as a partner agency would send them.
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-cite-net-'));
  const ftm = join(dir, 'pair.ftm.jsonl');
  writeFileSync(
    ftm,
    [
      '{"id":"p1","schema":"Person","properties":{"name":["Sokha Chan"],"topics":["crime.traffick"]}}',
      '{"id":"p2","schema":"Person","properties":{"name":["Dara Pich"]}}',
      '{"id":"k1","schema":"Associate","properties":{"person":["p1"],"associate":["p2"]}}',
    ].join('\n'),
  );
  await page.getByTestId('nav-network').click();
  await page.getByTestId('empty-state').waitFor();
  await importFtm(page, ftm);

  // The witness statement, read by OCR.
  await takeInAndOpen(page, {
    name: 'statement.png',
    mimeType: 'image/png',
    buffer: readFileSync(statement.path),
  });

  // "a man called Sokha Chan." for the link; "He kept my passport," for the person.
  await cite(page, ['Sokha', 'Chan.'], 'link', 'Dara Pich');
  await cite(page, ['kept', 'my', 'passport,'], 'entity', 'Sokha Chan');

  // The person in the network: the details list the passport citation and the person's link.
  await page.getByTestId('nav-network').click();
  const canvas = page.getByTestId('network-canvas');
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 30_000 }).toBe('2');
  await page.getByTestId('network-find').fill('Sokha');
  await page.getByTestId('network-find').press('Enter');
  const details = page.getByTestId('network-details');
  expect(await details.locator('h2').textContent()).toBe('Sokha Chan');
  const personCitations = details.getByTestId('network-citations').locator('li');
  await expect.poll(() => personCitations.count()).toBe(1);
  expect(await personCitations.textContent()).toBe('page 1 “kept my passport,”');

  // The link, opened from the person's list of links by keyboard.
  const link = details.getByTestId('network-entity-link');
  expect(await link.allTextContents()).toEqual(['— associate — Dara Pich']);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => details.locator('h2').textContent()).toBe('associate');
  expect(await details.textContent()).toContain('Sokha Chan — Dara Pich');
  const linkCitations = details.getByTestId('network-citations').locator('li');
  await expect.poll(() => linkCitations.count()).toBe(1);
  expect(await linkCitations.textContent()).toBe('page 1 “Sokha Chan.”');

  // The link's citation opens the statement's page with those two words highlighted.
  await linkCitations.locator('a').click();
  expect(page.url()).toMatch(/#\/evidence\/[^/]+\/1\?citation=/);
  await page.getByTestId('word-layer').waitFor();
  await expect
    .poll(() => page.locator('[data-testid="word"].highlight').allTextContents())
    .toEqual(['Sokha', 'Chan.']);

  // Back to the person's, which highlights its own words.
  await page.getByTestId('nav-network').click();
  await page.getByTestId('network-find').fill('Sokha');
  await page.getByTestId('network-find').press('Enter');
  await details.getByTestId('network-citations').locator('a').click();
  await page.getByTestId('word-layer').waitFor();
  await expect
    .poll(() => page.locator('[data-testid="word"].highlight').allTextContents())
    .toEqual(['kept', 'my', 'passport,']);
});
