import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../helpers/chromium';
import { buildCaseFixture, exportFixture, strFromU8, unzipSync } from './caseFixture';

/*
 * report.html must render in a stock browser with nothing but itself: the page is served
 * from a made-up origin through Playwright's router, and every other request fails the test.
 */

const ORIGIN = 'http://bundle.invalid';
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'ringtrace-report-'));
  // A fresh profile directory per run: nothing cached from an earlier run can mask a request.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
  });
});

afterAll(async () => {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('report.html', () => {
  it('renders offline: people table, network SVG, links with quotes, exhibits', async () => {
    const f = buildCaseFixture();
    const { zip, manifest } = await exportFixture(f);
    const html = strFromU8(unzipSync(zip)['report.html'] ?? new Uint8Array());

    const page = await context.newPage();
    const foreign: string[] = [];
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('request', (r) => {
      if (r.url() !== `${ORIGIN}/report.html`) foreign.push(r.url());
    });
    await context.route('**/*', async (route) => {
      if (route.request().url() === `${ORIGIN}/report.html`)
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else {
        foreign.push(route.request().url());
        await route.abort();
      }
    });
    await page.goto(`${ORIGIN}/report.html`, { waitUntil: 'load' });

    const rows = page.locator('#people tbody tr');
    expect(await rows.count()).toBe(manifest.entities.length);
    const peopleText = await page.locator('#people').innerText();
    expect(peopleText).toContain('Sok Vanna');
    expect(peopleText).toContain('Chea Rithy');
    expect(peopleText).toContain('Deputy Chief, Poipet checkpoint');
    expect(peopleText).toContain('V-001');
    expect(peopleText).not.toContain('Srey Mom');

    const svg = page.locator('.network svg');
    expect(await svg.count()).toBe(1);
    expect(await svg.locator('g.node').count()).toBe(manifest.entities.length);
    expect(await svg.locator('g.edge').count()).toBe(manifest.links.length);
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(300);

    const links = await page.locator('article.link').allInnerTexts();
    expect(links).toHaveLength(manifest.links.length);
    expect(links.join('\n')).toMatch(/Sok Vanna paid Somchai Prasert/);
    expect(links.join('\n')).toMatch(/Exhibit EX-003, page 1/);
    expect(await page.locator('#exhibits tbody tr').count()).toBe(3);
    expect(await page.locator('#originals').innerText()).toMatch(/unredacted/);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/bundle-report.png', fullPage: true });
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
