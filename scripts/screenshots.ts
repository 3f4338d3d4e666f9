/**
 * `npx tsx scripts/screenshots.ts`: builds the app, serves it in browser mode, walks a demo
 * vault through the views and saves screenshots to test-results/screens/ (and the README's
 * docs/screenshot.png), so that the README shows the current build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startWebServer } from '../src/main/browserMode';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/chromium';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test-results', 'screens');
mkdirSync(out, { recursive: true });

const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: 'ignore',
  },
);
if (build.status !== 0) throw new Error('build failed');
const server = await startWebServer(join(root, 'out', 'renderer'));
const profile = mkdtempSync(join(tmpdir(), 'ringtrace-screens-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 800 },
});
const page: Page = context.pages()[0] ?? (await context.newPage());
const shot = async (name: string): Promise<void> => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`) });
};

await page.goto(server.url);
await page.getByTestId('create-vault-form').waitFor();
await page.getByTestId('create-actor-name').fill('Sokha Chan');
await page
  .getByTestId('create-agency')
  .fill('Anti-Human Trafficking and Juvenile Protection Police');
await page.getByTestId('create-badge').fill('KH-4471');
await page.getByTestId('create-passphrase').fill('Mekong river ledger 7 tides!');
await page.getByTestId('create-passphrase-repeat').fill('Mekong river ledger 7 tides!');
await shot('create-vault');
await page.getByTestId('create-vault-submit').click();
await page.getByTestId('view-cases').waitFor({ timeout: 30_000 });
await shot('cases-empty');
const cases = [
  [
    'KH-2026-017',
    'Poipet casino compound',
    'Recruits from Battambang held in an online-scam compound; passports taken on arrival.',
  ],
  ['TH-2026-003', 'Mae Sot brokers', 'Drivers and a broker moving workers across the Moei river.'],
  [
    'KH-2026-021',
    'Koh Kong fishing boats',
    'Crew recruited with false job offers; wages withheld for debt.',
  ],
] as const;
for (const [reference, title, summary] of cases) {
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-reference').fill(reference);
  await page.getByTestId('case-title').fill(title);
  await page.getByTestId('case-summary').fill(summary);
  await page.getByTestId('case-save').click();
  await page.getByTestId('case-form').waitFor({ state: 'detached' });
}
await page.getByTestId('case-row').first().getByTestId('case-status').selectOption('open');
await shot('cases');
await page
  .getByTestId('case-row')
  .filter({ hasText: 'KH-2026-021' })
  .getByTestId('case-delete')
  .click();
await shot('case-delete-confirm');
await page.getByTestId('confirm-cancel').click();
await page.getByTestId('nav-audit').click();
await page.getByTestId('audit-verify').click();
await page.getByTestId('audit-result').waitFor();
await shot('audit');
await page.getByTestId('nav-settings').click();
await page.getByTestId('fingerprint').waitFor();
await shot('settings');
await page.getByTestId('nav-evidence').click();
await shot('evidence');
await page.getByTestId('lock').click();
await page.getByTestId('unlock-form').waitFor();
await page.getByTestId('unlock-passphrase').fill('wrong passphrase here');
await page.getByTestId('unlock-submit').click();
await page.getByTestId('unlock-error').waitFor({ timeout: 30_000 });
await shot('unlock-wrong');
await page.getByTestId('unlock-passphrase').fill('Mekong river ledger 7 tides!');
await page.getByTestId('unlock-submit').click();
await page.getByTestId('nav-cases').click();
await page.getByTestId('case-row').first().waitFor({ timeout: 30_000 });
await page
  .getByTestId('case-row')
  .filter({ hasText: 'KH-2026-017' })
  .getByTestId('case-open')
  .click();

// The network of a case, imported from the FollowTheMoney fixture: the README's picture.
await page.getByTestId('nav-network').click();
const chooser = page.waitForEvent('filechooser');
await page.getByTestId('ftm-import').first().click();
await (await chooser).setFiles(join(root, 'tests', 'fixtures', 'ftm', 'ring.ftm.jsonl'));
await page.getByTestId('ftm-dialog').waitFor();
await shot('ftm-import');
await page.getByTestId('ftm-confirm').click();
await page.getByTestId('ftm-dialog').waitFor({ state: 'detached' });
await page.getByTestId('network-canvas').waitFor();
await page.waitForFunction(
  () =>
    document.querySelector('[data-testid="network-canvas"]')?.getAttribute('data-nodes') !== null,
);
await page.waitForTimeout(2500);
await page.screenshot({ path: join(root, 'docs', 'screenshot.png') });
await shot('network');
// An official found by name: the details panel with the official's posts, links and citations.
await page.getByTestId('network-find').fill('Chea Rith');
await page.getByTestId('network-find').press('Enter');
await page.getByTestId('network-details').locator('h2').waitFor();
await shot('network-details');
for (const view of ['entities', 'search', 'exchange', 'bundle'] as const) {
  await page.goto(new URL(`#/${view}`, server.url).href);
  await page.getByTestId(`view-${view}`).waitFor();
  await shot(view);
}
// The export panel with links picked: originals that name a victim listed, the report's language.
await page.goto(new URL('#/bundle', server.url).href);
await page.getByTestId('bundle-export-form').waitFor();
for (const box of (
  await page.getByTestId('bundle-links').locator('input[type=checkbox]').all()
).slice(0, 4))
  await box.check();
await page.getByTestId('bundle-originals-not-naming-victims').check();
await page.getByTestId('bundle-report-language-km').check();
await page.getByTestId('bundle-originals').scrollIntoViewIfNeeded();
await shot('bundle-export-selected');
// An exhibit's custody with the hand-over form open.
await page.getByTestId('nav-evidence').click();
const firstItem = page.getByTestId('evidence-open').first();
if ((await firstItem.count()) > 0) {
  await firstItem.click();
  await page.getByTestId('custody-transfer-open').click();
  await page.getByTestId('custody-transfer-name').fill('Pol. Capt. Dara Meas');
  await page.getByTestId('custody-transfer-agency').fill('Forensic Science Department');
  await page.getByTestId('custody-transfer-badge').fill('KH-2210');
  await page.getByTestId('custody-transfer-reason').fill('For forensic examination');
  await page.getByTestId('custody-transfer-form').scrollIntoViewIfNeeded();
  await shot('custody-transfer');
}

await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });
console.log(`Screenshots in ${out} and docs/screenshot.png`);
