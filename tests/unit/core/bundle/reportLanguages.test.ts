import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES, type BundleManifest } from '../../../../src/core/bundle';
import { networkSvg } from '../../../../src/core/bundle/networkSvg';
import { REPORT_STRINGS } from '../../../../src/core/bundle/reportStrings';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../helpers/chromium';
import { buildCaseFixture, exportFixture, strFromU8, unzipSync } from './caseFixture';

/*
 * The court report in each language the officer may choose, rendered in Chromium with system
 * fonts out of reach: the page may load nothing (every request is refused), and the only
 * faces that can draw Khmer and Thai are the ones embedded in the file.
 */

const ORIGIN = 'http://bundle.invalid';
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'ringtrace-report-lang-'));
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

const HEADINGS = {
  en: ['Evidence bundle', 'Chain of custody', 'How to verify this bundle'],
  km: ['កញ្ចប់ភស្តុតាង', 'ខ្សែសង្វាក់នៃការថែរក្សាវត្ថុតាង', 'របៀបផ្ទៀងផ្ទាត់កញ្ចប់នេះ'],
  th: ['ชุดพยานหลักฐาน', 'ห่วงโซ่การครอบครองพยานหลักฐาน', 'วิธีตรวจสอบชุดพยานหลักฐานนี้'],
} as const;

describe('report.html in the officer’s language', () => {
  for (const language of REPORT_LANGUAGES) {
    it(`${language}: words, times in the case's zone, embedded fonts loaded, no request`, async () => {
      const f = buildCaseFixture();
      const { zip, manifest } = await exportFixture(f, {
        reportLanguage: language,
        timeZone: 'Asia/Phnom_Penh',
      });
      expect(manifest.reportLanguage).toBe(language);
      expect(manifest.timeZone).toBe('Asia/Phnom_Penh');
      const html = strFromU8(unzipSync(zip)['report.html'] ?? new Uint8Array());
      const faces = html.match(/@font-face\{[^}]*\}/g) ?? [];
      expect(faces.length).toBe(6);
      expect(faces.every((face) => face.includes('src:url(data:font/woff2;base64,'))).toBe(true);
      // Internal names never reach the reader.
      expect(html).not.toMatch(/>bankAccount<|>colludedWith<|>identityDocument</);
      // No raw UTC timestamps in what is shown.
      const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

      const page = await context.newPage();
      const foreign: string[] = [];
      await page.route('**/*', async (route) => {
        if (route.request().url() === `${ORIGIN}/report.html`)
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        else {
          foreign.push(route.request().url());
          await route.abort();
        }
      });
      await page.goto(`${ORIGIN}/report.html`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const body = await page.locator('main').innerText();
      for (const heading of HEADINGS[language]) expect(body).toContain(heading);
      // 17:00 in Phnom Penh is 10:00 UTC: the export time is shown in the case's zone.
      expect(await page.locator('#exported-at').innerText()).toMatch(/17[:.]00/);
      expect(await page.locator('#time-zone').innerText()).toContain('Asia/Phnom_Penh');
      const loaded = await page.evaluate(() =>
        [...document.fonts]
          .filter((face) => face.status === 'loaded')
          .map((face) => face.unicodeRange),
      );
      // The Latin face always; the Khmer or Thai face when the report is in that script.
      expect(loaded.some((r) => r.includes('U+0-FF') || r.includes('U+0000-00FF'))).toBe(true);
      if (language === 'km') expect(loaded.some((r) => r.includes('1780'))).toBe(true);
      if (language === 'th') expect(loaded.some((r) => r.includes('E01'))).toBe(true);
      expect(foreign).toEqual([]);
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/bundle-report-${language}.png`, fullPage: true });
      await page.close();
    });
  }

  it('no label of the network picture overlaps another, even on a crowded case', () => {
    const f = buildCaseFixture();
    const base = f.data.entities[0];
    if (base === undefined) throw new Error('fixture');
    const entities = Array.from({ length: 24 }, (_, i) => ({
      ...base,
      id: `e${i}` as typeof base.id,
      names: [
        { value: `Person with a rather long name ${i}`, script: 'latin' as const, primary: true },
      ],
      properties: {},
    }));
    const links = entities.flatMap((e, i) =>
      [1, 5, 11].map((step) => ({
        id: `l${i}-${step}` as BundleManifest['links'][number]['id'],
        type: 'colludedWith' as const,
        source: e.id,
        target: entities[(i + step) % entities.length]?.id ?? e.id,
        directed: true,
        reliability: 'B' as const,
        credibility: 2 as const,
      })),
    );
    const picture = networkSvg(entities, links, REPORT_STRINGS.en);
    const boxes = picture.labelBoxes;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a === undefined || b === undefined) continue;
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlap, `labels ${i} and ${j}`).toBe(false);
      }
    // Labels that found no room are numbered and listed, never dropped.
    expect(picture.svg.match(/<text/g)?.length).toBe(entities.length + links.length);
  });
});
