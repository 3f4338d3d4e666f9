/**
 * Real documents for the evidence tests, made by Chromium: PDFs with a text layer (page.pdf()),
 * PNG and JPEG screenshots, WebP from a canvas. Every launch gets a fresh profile directory,
 * deleted on close. Pages are drawn with the bundled fonts only (FIXTURE_SANS, see
 * tests/helpers/fixtureFonts.ts), never the machine's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { setContentWithFixtureFonts } from '../../../../helpers/fixtureFonts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export type Chromium = Readonly<{
  page: Page;
  pdf: (
    html: string,
    options?: Readonly<{ width?: string; height?: string }>,
  ) => Promise<Uint8Array>;
  screenshot: (
    html: string,
    type: 'png' | 'jpeg',
    size?: Readonly<{ width: number; height: number }>,
  ) => Promise<Uint8Array>;
  /** Draws `text` on a canvas and encodes it with canvas.toDataURL(mediaType, quality). */
  canvasImage: (
    text: string,
    mediaType: 'image/webp' | 'image/png' | 'image/jpeg',
    size: Readonly<{ width: number; height: number }>,
    quality?: number,
  ) => Promise<Uint8Array>;
  close: () => Promise<void>;
}>;

export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'ringtrace-evidence-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = await context.newPage();
  return {
    page,
    pdf: async (html, options = {}) => {
      await setContentWithFixtureFonts(page, html);
      const pdf = await page.pdf({
        width: options.width ?? '8.5in',
        height: options.height ?? '11in',
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
        printBackground: true,
      });
      return new Uint8Array(pdf);
    },
    screenshot: async (html, type, size = { width: 640, height: 400 }) => {
      await page.setViewportSize(size);
      await setContentWithFixtureFonts(page, html);
      const shot = await page.screenshot(type === 'jpeg' ? { type, quality: 90 } : { type });
      return new Uint8Array(shot);
    },
    canvasImage: async (text, mediaType, size, quality) => {
      await setContentWithFixtureFonts(page, '<!doctype html><title>canvas</title>');
      const dataUrl = await page.evaluate(
        ({ text, mediaType, size, quality }) => {
          const canvas = document.createElement('canvas');
          canvas.width = size.width;
          canvas.height = size.height;
          const ctx = canvas.getContext('2d');
          if (ctx === null) throw new Error('no 2d context');
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, size.width, size.height);
          ctx.fillStyle = '#000';
          ctx.font = `${Math.round(size.height / 3)}px 'Fixture Sans'`;
          ctx.fillText(text, 10, size.height * 0.6);
          return canvas.toDataURL(mediaType, quality);
        },
        { text, mediaType, size, quality },
      );
      const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
      return new Uint8Array(Buffer.from(base64, 'base64'));
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
