/**
 * The citing story of issue 5 across two views: words selected on an OCR'd page in the
 * evidence viewer become a citation for a person, and the citation opens that page again with
 * the same words highlighted.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { generateDocuments } from '../helpers/documents';
import { takeInAndOpen } from '../helpers/intakeDriver';
import { createCase, createVault } from '../helpers/vaultDriver';

test('select words on a page, cite them for a person, and open the citation at those words', async (t) => {
  const { statement } = await generateDocuments(['statement']);
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2024-0117', title: 'Poipet karaoke bar' });

  await page.getByTestId('nav-entities').click();
  await page.getByTestId('new-entity').click();
  await page.getByTestId('entity-name').fill('Sokha Chan');
  await page.getByTestId('entity-role-recruiter').check();
  await page.getByTestId('entity-save').click();
  await page.getByTestId('entity-form').waitFor({ state: 'detached' });

  await takeInAndOpen(page, {
    name: 'statement.png',
    mimeType: 'image/png',
    buffer: readFileSync(statement.path),
  });

  // Select "Sokha Chan." as the statement names him, by clicking the two words on the image.
  const words = page.getByTestId('word');
  const texts = await words.allTextContents();
  const first = texts.findIndex((w, i) => w === 'Sokha' && texts[i + 1]?.startsWith('Chan'));
  expect(first).toBeGreaterThan(-1);
  await words.nth(first).click();
  await words.nth(first + 1).click();
  await page.getByTestId('cite-selection').click();
  await page.getByTestId('cite-selection-dialog').waitFor();
  const option = await page
    .getByTestId('cite-selection-subject')
    .locator('option', { hasText: 'Sokha Chan' })
    .getAttribute('value');
  await page.getByTestId('cite-selection-subject').selectOption(option ?? '');
  await page.getByTestId('cite-selection-save').click();
  await expect.poll(() => page.getByTestId('cite-notice').textContent()).toContain('Sokha Chan');

  // The person now rests on that page; the citation opens it with exactly those words marked.
  await page.getByTestId('cite-notice').locator('a').click();
  const citation = page.getByTestId('entity-citations').getByTestId('citation-link');
  await expect.poll(() => citation.count()).toBe(1);
  expect(await citation.textContent()).toBe('EX-001, page 1');
  expect(await page.getByTestId('entity-citations').textContent()).toContain(
    `${texts[first]} ${texts[first + 1]}`,
  );
  await citation.click();
  await page.getByTestId('word-layer').waitFor();
  await expect
    .poll(() => page.locator('[data-testid="word"].highlight').allTextContents())
    .toEqual([texts[first], texts[first + 1]]);

  await page.getByTestId('nav-audit').click();
  await expect
    .poll(() => page.locator('[data-testid="audit-row"] td:nth-child(4)').allTextContents())
    .toContain('citation.add');
});
