/**
 * People and links, end to end in the real UI: a typed statement as evidence, extraction
 * suggestions accepted and rejected, a co-mention confirmed as a link, a graded link with a
 * citation made by hand, duplicates merged and the merge undone.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { createCase, createVault } from '../helpers/vaultDriver';

const STATEMENT =
  'Statement. Sok Dara called me from 012 345 678 and told me to pay 15,000 THB to account ' +
  '123-456-789 at ACLEDA Bank. Chan Vuthy drove the van.';

const count = (page: Page, testId: string) => page.getByTestId(testId).count();

async function openEntity(page: Page, name: string): Promise<void> {
  await page.getByTestId('entities-tab-entities').click();
  await page.getByTestId('entity-item').filter({ hasText: name }).first().click();
  await expect.poll(() => page.getByTestId('entity-detail-name').textContent()).toBe(name);
}

test('suggestions, links with citations, and merge with undo, from the UI', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-101', title: 'Poipet recruitment ring' });

  await page.getByTestId('nav-entities').click();
  await page.getByTestId('entities-view').waitFor();
  await page.getByTestId('empty-state').waitFor();

  // Evidence: a statement typed by the officer.
  await page.getByTestId('add-statement').click();
  await page.getByTestId('statement-ref').fill('ST-1');
  await page.getByTestId('statement-by').fill('Victim V1');
  await page.getByTestId('statement-where').fill('Poipet police post');
  await page.getByTestId('statement-text').fill(STATEMENT);
  await page.getByTestId('statement-save').click();
  await page.getByTestId('statement-form').waitFor({ state: 'detached' });

  // A second statement with a used exhibit reference is refused with a clear message.
  await page.getByTestId('add-statement').click();
  await page.getByTestId('statement-ref').fill('st-1');
  await page.getByTestId('statement-by').fill('Someone');
  await page.getByTestId('statement-text').fill('Another text');
  await page.getByTestId('statement-save').click();
  await expect
    .poll(() => page.getByTestId('statement-error').textContent())
    .toContain('ST-1 is already used');
  await page.keyboard.press('Escape');

  // Suggestions: accept the phone and the account, all names, reject the money.
  await page.getByTestId('entities-tab-suggestions').click();
  const row = (kind: string) =>
    page.locator(`[data-testid="suggestion-row"][data-kind="${kind}"][data-status="open"]`);
  await row('phone').waitFor();
  await row('phone').getByTestId('suggestion-accept-new').click();
  await expect.poll(() => row('phone').count()).toBe(0);
  await row('account').getByTestId('suggestion-accept-new').click();
  await expect.poll(() => row('account').count()).toBe(0);
  await row('money').getByTestId('suggestion-reject').click();
  await expect.poll(() => row('money').count()).toBe(0);
  await page.getByTestId('suggestion-accept-all-name').click();
  await expect.poll(() => row('name').count()).toBe(0);

  // The rejected money stays rejected, shown only with decided suggestions.
  await page.getByTestId('suggestions-show-decided').check();
  await expect
    .poll(() =>
      page.locator('[data-testid="suggestion-row"][data-kind="money"]').getAttribute('data-status'),
    )
    .toBe('rejected');
  await page.getByTestId('suggestions-show-decided').uncheck();

  // People named on the same page: confirm the weak link.
  const co = page
    .locator('[data-testid="comention-row"][data-status="open"]')
    .filter({ hasText: 'Sok Dara' })
    .filter({ hasText: 'Chan Vuthy' });
  await co.getByTestId('comention-confirm').click();
  await expect.poll(() => co.count()).toBe(0);

  // The entities, grouped by kind.
  await page.getByTestId('entities-tab-entities').click();
  await expect
    .poll(() => page.getByTestId('entities-group-person').getByTestId('entity-item').count())
    .toBe(2);
  await expect
    .poll(() => page.getByTestId('entities-group-phone').textContent())
    .toContain('+85512345678');
  await expect.poll(() => count(page, 'entities-group-bankAccount')).toBe(1);

  await openEntity(page, 'Sok Dara');
  const citations = page.getByTestId('entity-citations').getByTestId('citation-link');
  await expect.poll(() => citations.count()).toBe(1);
  expect(await citations.first().getAttribute('href')).toMatch(
    /^#\/evidence\/[0-9a-f-]{36}\/1\?citation=[0-9a-f-]{36}$/,
  );
  await expect
    .poll(() => page.getByTestId('entity-links').textContent())
    .toMatch(/associate.*Chan Vuthy.*F6/);

  // A link by hand, graded, with a citation of the words on the page.
  await page.getByTestId('entity-add-link').click();
  await page.getByTestId('link-type').selectOption('paid');
  await page.getByTestId('link-target').selectOption({ label: 'Chan Vuthy (Person)' });
  await page.getByTestId('link-amount').fill('15000');
  await page.getByTestId('link-reliability').selectOption('B');
  await page.getByTestId('link-credibility').selectOption('2');
  await page.getByTestId('link-notes').fill('Payment demanded by phone');
  await page.getByTestId('cite-evidence').selectOption({ label: 'ST-1 — ST-1.txt' });
  await page.getByTestId('cite-quote').fill('pay 15,000 THB to account');
  await page.getByTestId('link-save').click();
  // No currency: refused, nothing lost, and saved once it is given.
  await expect.poll(() => page.getByTestId('link-form-error').textContent()).toContain('currency');
  await page.getByTestId('link-currency').fill('thb');
  await page.getByTestId('link-save').click();
  await page.getByTestId('link-form').waitFor({ state: 'detached' });
  const paid = page.getByTestId('link-row').filter({ hasText: 'paid' });
  await expect.poll(() => paid.textContent()).toMatch(/B2.*15,000 THB/);
  const paidCitation = paid.getByTestId('citation-link');
  expect(await paidCitation.getAttribute('href')).toMatch(/^#\/evidence\/.+\/1\?citation=.+$/);
  await expect.poll(() => paid.textContent()).toContain('pay 15,000 THB to account');
  expect(await count(page, 'link-row')).toBe(2);

  // A duplicate typed by hand: the same person, names in the other order, and a Khmer alias.
  await page.getByTestId('new-entity').click();
  await page.getByTestId('entity-name').fill('Dara Sok');
  await page.getByTestId('entity-add-alias').click();
  await page.getByTestId('entity-alias').fill('សុខ ដារា');
  await page.getByTestId('entity-role-recruiter').check();
  await page.getByTestId('entity-save').click();
  await page.getByTestId('entity-form').waitFor({ state: 'detached' });
  await expect
    .poll(() => page.getByTestId('entities-group-person').getByTestId('entity-item').count())
    .toBe(3);

  await page.getByTestId('entities-tab-duplicates').click();
  const dup = page.getByTestId('duplicate-row').filter({ hasText: 'Dara Sok' });
  await expect
    .poll(() => dup.getByTestId('duplicate-reasons').textContent())
    .toContain('same name');
  // Asked first: cancelling merges nothing.
  const keepSokDara = dup.getByRole('button', { name: 'Keep “Sok Dara”' });
  await keepSokDara.click();
  await page.getByTestId('confirm-cancel').click();
  expect(await count(page, 'merge-row')).toBe(0);
  await keepSokDara.click();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('merge-row').waitFor();
  expect(await count(page, 'duplicate-row')).toBe(0);

  await openEntity(page, 'Sok Dara');
  await expect.poll(() => page.getByTestId('entity-aliases').textContent()).toContain('Dara Sok');
  expect(await page.getByTestId('entity-aliases').textContent()).toContain('សុខ ដារា');
  expect(await page.getByTestId('entity-detail').textContent()).toContain('Recruiter');
  expect(await page.getByTestId('entities-group-person').getByTestId('entity-item').count()).toBe(
    2,
  );

  // Undo puts the absorbed person back and takes its aliases off the survivor.
  await page.getByTestId('entities-tab-duplicates').click();
  await page.getByTestId('merge-undo').click();
  await expect.poll(() => count(page, 'merge-row')).toBe(0);
  await page.getByTestId('duplicate-row').filter({ hasText: 'Dara Sok' }).waitFor();
  await openEntity(page, 'Dara Sok');
  await openEntity(page, 'Sok Dara');
  expect(await count(page, 'entity-aliases')).toBe(0);

  // Delete asks first.
  await openEntity(page, 'Dara Sok');
  await page.getByTestId('entity-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect
    .poll(() => page.getByTestId('entities-group-person').getByTestId('entity-item').count())
    .toBe(2);

  // A second statement with the same phone written another way: it is recognised through the
  // blind index and attached to the existing phone, not duplicated.
  await page.getByTestId('add-statement').click();
  await page.getByTestId('statement-ref').fill('ST-2');
  await page.getByTestId('statement-by').fill('Witness W2');
  await page.getByTestId('statement-text').fill('The broker gave me +855 12 345 678 to call.');
  await page.getByTestId('statement-save').click();
  await page.getByTestId('statement-form').waitFor({ state: 'detached' });
  await page.getByTestId('entities-tab-suggestions').click();
  const phone2 = page
    .getByTestId('suggestion-page')
    .filter({ hasText: 'ST-2' })
    .locator('[data-testid="suggestion-row"][data-kind="phone"]');
  await expect
    .poll(() => phone2.getByTestId('suggestion-known').textContent())
    .toContain('+85512345678');
  await phone2.getByTestId('suggestion-attach').click();
  await expect.poll(() => phone2.count()).toBe(0);
  await openEntity(page, '+85512345678');
  await expect
    .poll(() => page.getByTestId('entity-citations').getByTestId('citation-link').count())
    .toBe(2);
  expect(await count(page, 'entities-group-phone')).toBe(1);

  // Editing: Chan Vuthy turns out to be an official, with the post and the dates held.
  await openEntity(page, 'Chan Vuthy');
  await page.getByTestId('entity-edit').click();
  await page.getByTestId('entity-role-official').check();
  await page.getByTestId('entity-add-post').click();
  await page.getByTestId('post-agency').fill('Immigration Police');
  await page.getByTestId('post-position').fill('Checkpoint officer');
  await page.getByTestId('post-rank').fill('Major');
  await page.getByTestId('post-from').fill('2024-01-01');
  await page.getByTestId('entity-save').click();
  await page.getByTestId('entity-form').waitFor({ state: 'detached' });
  await expect
    .poll(() => page.getByTestId('entity-detail').textContent())
    .toContain('Major, Checkpoint officer, Immigration Police (2024-01-01 to …)');
  expect(await page.getByTestId('entity-detail').textContent()).toContain('Official');

  // The agreed deep link opens an entity (search results and the network view use it).
  const chanId = await page
    .getByTestId('entity-item')
    .filter({ hasText: 'Chan Vuthy' })
    .getAttribute('data-entity-id');
  await page.getByTestId('nav-cases').click();
  await page.evaluate((id) => {
    window.location.hash = `#/entities/${id}`;
  }, chanId);
  await expect.poll(() => page.getByTestId('entity-detail-name').textContent()).toBe('Chan Vuthy');

  // Every change is in the audit log.
  await page.getByTestId('nav-audit').click();
  const audit = page.getByTestId('audit-table');
  await expect.poll(() => audit.textContent()).toContain('Merged "Dara Sok" into "Sok Dara"');
  const text = (await audit.textContent()) ?? '';
  expect(text).toContain('Undid the merge');
  expect(text).toContain('Rejected the money');
  expect(text).toContain('Linked "Sok Dara" paid "Chan Vuthy" (B2)');
});
