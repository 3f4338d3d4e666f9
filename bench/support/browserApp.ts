/**
 * For the bench parts that measure the real UI: build the app into its own folder, serve it in
 * browser mode, open it in Debian's Chromium with a fresh profile, and create a vault and an
 * open case through the UI, as a user would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startWebServer } from '../../src/main/browserMode';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/helpers/chromium';

// performance.memory with real figures, for the parts that sample the page's heap.
const BENCH_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

export type BenchApp = Readonly<{
  page: Page;
  /** A temporary folder for the part's generated files; removed by close(). */
  dir: string;
  close: () => Promise<void>;
}>;

export type BenchAppOptions = Readonly<{
  /** Names the temporary folder and the default build folder (out-<name>). */
  name: string;
  caseReference: string;
  caseTitle: string;
  step: (what: string) => void;
}>;

export async function openBenchApp(options: BenchAppOptions): Promise<BenchApp> {
  const root = join(import.meta.dirname, '..', '..');
  const out = process.env['RINGTRACE_OUT'] ?? `out-${options.name}`;
  if (process.env['RINGTRACE_SKIP_BUILD'] !== '1') {
    const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const built = spawnSync(process.execPath, [cli, 'build'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, RINGTRACE_OUT: out },
    });
    if (built.status !== 0) throw new Error(`Build failed:\n${built.stdout}\n${built.stderr}`);
    options.step('built');
  }
  const dir = mkdtempSync(join(tmpdir(), `ringtrace-bench-${options.name}-`));
  const server = await startWebServer(join(root, out, 'renderer'));
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: BENCH_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const close = async (): Promise<void> => {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const passphrase = `Bench ${options.name} passphrase, long enough!`;
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    await page.getByTestId('create-vault-form').waitFor();
    await page.getByTestId('create-actor-name').fill('Bench Analyst');
    await page.getByTestId('create-agency').fill('Bench Agency');
    await page.getByTestId('create-badge').fill('B-1');
    await page.getByTestId('create-passphrase').fill(passphrase);
    await page.getByTestId('create-passphrase-repeat').fill(passphrase);
    await page.getByTestId('create-vault-submit').click();
    await page.getByTestId('view-cases').waitFor({ timeout: 60_000 });
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-reference').fill(options.caseReference);
    await page.getByTestId('case-title').fill(options.caseTitle);
    await page.getByTestId('case-save').click();
    await page.getByTestId('case-row').filter({ hasText: options.caseReference }).waitFor();
    return { page, dir, close };
  } catch (error) {
    await close();
    throw error;
  }
}
