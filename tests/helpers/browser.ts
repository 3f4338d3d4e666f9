/**
 * Page driver for end-to-end tests: Debian's Chromium through playwright-core, a fresh
 * profile directory per test, and a screenshot plus the console log kept when a test fails.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject, type TestContext } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

export { CHROMIUM, CHROMIUM_ARGS } from './chromium';

const resultsDir = join(import.meta.dirname, '..', '..', 'test-results', 'e2e');

export type AppSession = Readonly<{
  page: Page;
  context: BrowserContext;
  profileDir: string;
  url: string;
  /** Closes the browser; the profile stays on disk until the test ends (for marker searches). */
  closeBrowser: () => Promise<void>;
}>;

function slug(text: string): string {
  return text.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
}

export async function openApp(
  test: TestContext,
  options: { viewport?: { width: number; height: number }; path?: string } = {},
): Promise<AppSession> {
  const url = inject('appUrl');
  const profileDir = mkdtempSync(join(tmpdir(), 'ringtrace-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const log: string[] = [];
  page.on('console', (message) => log.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => log.push(`[pageerror] ${error.message}`));
  let closed = false;
  const closeBrowser = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await context.close();
    }
  };
  // One hook, so that the failure screenshot is taken before the browser closes.
  test.onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      mkdirSync(resultsDir, { recursive: true });
      const name = slug(test.task.name);
      if (!closed) {
        await page
          .screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true })
          .catch(() => undefined);
      }
      writeFileSync(join(resultsDir, `${name}.log`), log.join('\n'));
    }
    await closeBrowser();
    rmSync(profileDir, { recursive: true, force: true });
  });
  await page.goto(new URL(options.path ?? '', url).href);
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  return { page, context, profileDir, url, closeBrowser };
}

/**
 * Lets the browser fetch only the app itself (its own server) and aborts everything else; the
 * returned list fills with what was refused, so a test can assert the app asked for nothing
 * outside (no CDN for language data, wasm, workers or fonts).
 */
export async function onlyTheApp(session: AppSession): Promise<readonly string[]> {
  const blocked: string[] = [];
  await session.context.route('**/*', async (route) => {
    const requested = route.request().url();
    if (requested.startsWith(session.url)) await route.continue();
    else {
      blocked.push(requested);
      await route.abort();
    }
  });
  return blocked;
}
