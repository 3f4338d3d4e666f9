/**
 * The Evidence bundle view in the real UI: what it says for a case with nothing to export, and
 * the verifier on a good bundle and on tampered ones. The bundles are made in Node with the
 * same core the app uses (the bundle tests' fixture case), written to disk, and picked in the
 * page through the file chooser, as a user picks a file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp } from '../helpers/browser';
import { createCase, createVault } from '../helpers/vaultDriver';
import { verifyBundle } from '../../src/core/bundle';
import {
  buildCaseFixture,
  exportFixture,
  strFromU8,
  unzipSync,
  zipSync,
} from '../unit/core/bundle/caseFixture';

const RING = join(import.meta.dirname, '..', 'fixtures', 'ftm', 'ring.ftm.jsonl');

let dir: string;
let goodPath: string;
let changedPagePath: string;
let addedFilePath: string;
let fingerprint: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ringtrace-bundles-'));
  const bundle = await exportFixture(buildCaseFixture());
  fingerprint = bundle.signer.fingerprint;
  goodPath = join(dir, 'KH-BMC-2025-0142-bundle.zip');
  writeFileSync(goodPath, bundle.zip);

  // A page text edited after export: the manifest (and its signature) still name the old hash.
  const files = unzipSync(bundle.zip);
  const pagePath = Object.keys(files).find((p) => p.startsWith('pages/'));
  if (pagePath === undefined) throw new Error('the fixture bundle has no page text');
  const edited = { ...files, [pagePath]: new TextEncoder().encode('Nothing happened here.') };
  changedPagePath = join(dir, 'changed-page.zip');
  writeFileSync(changedPagePath, zipSync(edited));
  tamperedPage = pagePath;

  // A file slipped in after export.
  addedFilePath = join(dir, 'added-file.zip');
  writeFileSync(
    addedFilePath,
    zipSync({ ...files, 'originals/extra.txt': new TextEncoder().encode('planted') }),
  );
  expect(strFromU8(files['manifest.json'] ?? new Uint8Array())).toContain(pagePath);
});
let tamperedPage = '';

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function openBundleView(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/bundle';
  });
  await page.getByTestId('view-bundle').waitFor();
}

/** Seeds the open case through the real UI: the Network view's FollowTheMoney import. */
async function importRing(page: Page, file = RING): Promise<void> {
  await page.getByTestId('nav-network').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('ftm-import').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('ftm-confirm').click();
  await expect.poll(() => page.getByTestId('ftm-confirm').count(), { timeout: 30_000 }).toBe(0);
}

async function verifyFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('verify-choose').click();
  await (await chooser).setFiles(path);
  await page.getByTestId('verify-verdict').waitFor();
}

test('a case with nothing to export explains what a bundle needs', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await openBundleView(page);
  // No case open yet: the export side sends the user to Cases.
  await expect.poll(() => page.getByTestId('go-to-cases').count()).toBe(1);

  await createCase(page, { reference: 'KH-2026-001', title: 'Empty case' });
  await page.getByTestId('case-row').filter({ hasText: 'KH-2026-001' }).click();
  await openBundleView(page);
  const nothing = page.getByTestId('bundle-nothing');
  await nothing.waitFor();
  expect(await nothing.textContent()).toContain('Nothing to export yet');
  expect(await nothing.textContent()).toContain('evidence items');
  expect(await page.getByTestId('bundle-export').count()).toBe(0);
});

test('the verifier says a good bundle is verified and names what was changed in others', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await openBundleView(page);
  await page.getByTestId('bundle-tab-verify').click();

  // Good, with the fingerprint the exporting agency gave separately.
  await page.getByTestId('verify-expected-key').fill(fingerprint);
  await verifyFile(page, goodPath);
  const verdict = page.getByTestId('verify-verdict');
  expect(await verdict.getAttribute('data-ok')).toBe('true');
  expect(await verdict.textContent()).toContain('VERIFIED');
  const report = (await page.getByTestId('verify-report').textContent()) ?? '';
  expect(report).toContain('KH-BMC-2025-0142');
  expect(report).toContain('This is the key you expected.');
  expect(report).toContain('RESULT: VERIFIED');

  // A page text changed after export.
  await verifyFile(page, changedPagePath);
  await expect.poll(() => verdict.getAttribute('data-ok')).toBe('false');
  expect(await verdict.textContent()).toContain('NOT VERIFIED');
  const problems = await page.getByTestId('verify-problem').allTextContents();
  expect(problems.some((p) => p.includes(tamperedPage) && p.includes('was changed'))).toBe(true);

  // A file added after export.
  await verifyFile(page, addedFilePath);
  await expect
    .poll(async () => (await page.getByTestId('verify-problem').allTextContents()).join('\n'))
    .toContain('originals/extra.txt is in the ZIP but not in the manifest');

  // The right bundle, but not the key the court was told to expect.
  await page.getByTestId('verify-expected-key').fill('0000 1111 2222 3333');
  await verifyFile(page, goodPath);
  await expect.poll(() => verdict.getAttribute('data-ok')).toBe('false');
  expect((await page.getByTestId('verify-problem').allTextContents()).join('\n')).toContain(
    'not by the expected key',
  );
});

test('a file that is not a bundle gets a clear verdict, not a crash', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await openBundleView(page);
  await page.getByTestId('bundle-tab-verify').click();
  const notZip = join(dir, 'notes.zip');
  writeFileSync(notZip, 'just some text, not a ZIP archive');
  await verifyFile(page, notZip);
  const verdict = page.getByTestId('verify-verdict');
  expect(await verdict.textContent()).toMatch(/NOT VERIFIED|could not be checked/);
  expect(await verdict.textContent()).toContain('notes.zip');
});

test('exports a signed bundle of the links a charge rests on, records it, and verifies it', async (t) => {
  const { page } = await openApp(t);
  await createVault(page);
  await createCase(page, { reference: 'KH-2026-031', title: 'Golden Lotus ring' });
  await page.getByTestId('case-row').filter({ hasText: 'KH-2026-031' }).click();
  await importRing(page);
  await openBundleView(page);
  await page.getByTestId('bundle-export-form').waitFor();

  // Nothing picked: the export cannot start, and the preview says what to do.
  expect(await page.getByTestId('bundle-export').isDisabled()).toBe(true);
  expect(await page.getByTestId('bundle-preview').textContent()).toContain('tick at least one');

  await page.getByTestId('bundle-links-all').click();
  const linkCount = await page.getByTestId('bundle-links-item').count();
  expect(linkCount).toBeGreaterThan(0);
  await expect
    .poll(() => page.getByTestId('bundle-preview').textContent())
    .toContain(`${linkCount} link(s)`);

  // Including victims' identities is a deliberate choice with its warning in view.
  await page.getByTestId('bundle-victims-include').check();
  await page.getByTestId('bundle-victims-warning').waitFor();
  await page.getByTestId('bundle-victims-protect').check();
  expect(await page.getByTestId('bundle-victims-warning').count()).toBe(0);
  await page.getByTestId('bundle-originals-none').check();

  const fingerprint = (await page.getByTestId('bundle-fingerprint').textContent()) ?? '';
  expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);

  const download = page.waitForEvent('download');
  await page.getByTestId('bundle-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^KH-2026-031-bundle-.*\.zip$/);
  const saved = join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  const saved2 = page.getByTestId('bundle-saved');
  await saved2.waitFor();
  expect(await saved2.textContent()).toContain(file.suggestedFilename());

  // The court's check, in Node, with the fingerprint handed over separately.
  const bytes = new Uint8Array(readFileSync(saved));
  const result = await verifyBundle(bytes, { expectedFingerprint: fingerprint });
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.manifest?.case.reference).toBe('KH-2026-031');
  expect(result.manifest?.links.length).toBe(linkCount);
  expect(result.manifest?.exportedBy.badge).toBe('KH-4471');
  expect(result.manifest?.originals.policy).toBe('none');

  // The report as PDF: in browser mode it opens in a tab of its own, for Print > Save as PDF.
  const popup = page.waitForEvent('popup');
  await page.getByTestId('bundle-report-pdf').click();
  const report = await popup;
  await report.waitForLoadState();
  expect(await report.locator('body').textContent()).toContain('KH-2026-031');
  await report.close();
  expect(await page.getByTestId('bundle-report-pdf-status').textContent()).toContain('Save as PDF');

  // And the same file through the app's own verifier.
  await page.getByTestId('bundle-tab-verify').click();
  await page.getByTestId('verify-expected-key').fill(fingerprint);
  await verifyFile(page, saved);
  expect(await page.getByTestId('verify-verdict').getAttribute('data-ok')).toBe('true');

  // Recorded in the audit log of the vault.
  await page.getByTestId('nav-audit').click();
  const row = page.getByTestId('audit-row').filter({ hasText: 'bundle.export' });
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.textContent()).toContain(file.suggestedFilename());
  await expect
    .poll(() => page.getByTestId('audit-row').filter({ hasText: 'bundle.reportPdf' }).count())
    .toBe(1);
  await page.getByTestId('audit-verify').click();
  await expect.poll(() => page.getByTestId('audit-result').textContent()).toContain('intact');
});
