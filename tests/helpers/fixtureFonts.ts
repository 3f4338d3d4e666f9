/**
 * The fonts every Chromium-made test document is drawn with, taken from the Noto fonts bundled
 * in node_modules (the same the app ships), never from the machine's fonts.
 *
 * Why: a PDF printed with `font: sans-serif` uses whatever fontconfig offers. On a machine with
 * no Thai font (a fresh CI image; or one whose font cache is still being built while Chromium
 * starts under load) Chromium draws Thai with the .notdef glyph and Skia writes no Unicode for
 * it, so pdf.js reads the Thai cell as NUL characters. With the faces below, given as data URLs
 * so they load from any page (also about:blank after setContent), and with printing held until
 * each face has loaded, the document is the same on every machine.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const FACES = [
  ['Fixture Sans', 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2'],
  [
    'Fixture Thai',
    'node_modules/@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2',
  ],
  [
    'Fixture Khmer',
    'node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2',
  ],
] as const;

/** A font-family list covering Latin, Thai and Khmer with the bundled fonts only. */
export const FIXTURE_SANS = "'Fixture Sans', 'Fixture Thai', 'Fixture Khmer'";

let css: string | undefined;

/** @font-face rules for the bundled fonts, plus the list above as the page's default family. */
export function fixtureFontCss(): string {
  css ??= [
    ...FACES.map(([family, file]) => {
      const data = readFileSync(join(root, file)).toString('base64');
      return `@font-face { font-family: '${family}'; src: url(data:font/woff2;base64,${data}) format('woff2'); }`;
    }),
    `html { font-family: ${FIXTURE_SANS}; }`,
  ].join('\n');
  return css;
}

/**
 * Sets `html` as the page's content with the bundled faces, and returns once every face is
 * loaded (a face that failed throws): a document printed or captured after this never depends
 * on when, or whether, a system font was found.
 */
export async function setContentWithFixtureFonts(page: Page, html: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.addStyleTag({ content: fixtureFontCss() });
  const failed = await page.evaluate(async () => {
    const families = ['Fixture Sans', 'Fixture Thai', 'Fixture Khmer'];
    await Promise.all(families.map((f) => document.fonts.load(`16px '${f}'`)));
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => families.includes(f.family.replace(/['"]/g, '')) && f.status !== 'loaded')
      .map((f) => `${f.family}: ${f.status}`);
  });
  if (failed.length > 0) throw new Error(`Fixture fonts did not load: ${failed.join(', ')}`);
}
