/** Steps of the Network view that several end-to-end tests take. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The ring fixture: 15 entities of a trafficking case, with an official and victims. */
export const RING_FTM = join(import.meta.dirname, '..', 'fixtures', 'ftm', 'ring.ftm.jsonl');

/** Picks a FollowTheMoney file in the Network view's import; resolves at its preview. */
export async function previewFtm(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('ftm-import').first().click();
  await (await chooser).setFiles(path);
  await page.getByTestId('ftm-dialog').waitFor();
}

/**
 * Imports a FollowTheMoney file into the open case: preview, confirm, dialog closed. Returns
 * the preview's summary. `timeout` (ms) covers a large file's preview and import.
 */
export async function importFtm(page: Page, path: string, timeout = 30_000): Promise<string> {
  await previewFtm(page, path);
  const confirm = page.getByTestId('ftm-confirm');
  await confirm.waitFor({ timeout });
  const summary = (await page.getByTestId('ftm-summary').textContent()) ?? '';
  await confirm.click();
  await page.getByTestId('ftm-dialog').waitFor({ state: 'detached', timeout: timeout * 2 });
  return summary;
}

/** The names in the view's list of the entities shown (opened if it is closed). */
export async function nodeLabels(page: Page): Promise<string[]> {
  const list = page.getByTestId('network-node-list');
  if ((await list.getAttribute('open')) === null) {
    await list.locator('summary').click();
    // The rows are rendered once the list is open.
    await page.getByTestId('network-node').first().waitFor();
  }
  return page.getByTestId('network-node').allTextContents();
}
