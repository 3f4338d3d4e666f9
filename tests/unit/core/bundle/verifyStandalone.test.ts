/*
 * The verifier inside every bundle (verify/verify.mjs) gives the same result and exit code as
 * `npm run cli -- verify` for the same bundles, and runs with Node alone, from a folder that
 * holds nothing else. verify/verify.html does the same checks in Chromium on a dropped file.
 */
import { spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFIER_FILES } from '../../../../src/core/bundle/standalone/verifierFiles.generated';
import { verifierFilesSource } from '../../../../scripts/buildVerifier';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../helpers/chromium';
import { buildCaseFixture, exportFixture, unzipSync, zipSync } from './caseFixture';

type Run = { code: number | null; out: string };

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: out.replace(/npm warn.*\n/g, '') }));
  });
}

let dir: string;
let mjs: string;
let fingerprint: string;
const bundles: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ringtrace-standalone-'));
  const bundle = await exportFixture(buildCaseFixture());
  fingerprint = bundle.signer.fingerprint;
  const files = unzipSync(bundle.zip);
  // The verifier as it travels inside the bundle, copied out alone.
  mjs = join(dir, 'verify.mjs');
  writeFileSync(mjs, files['verify/verify.mjs'] ?? new Uint8Array());
  bundles['good'] = join(dir, 'good.zip');
  writeFileSync(bundles['good'], bundle.zip);
  const changed = { ...files, 'pages/EX-001/2.txt': strToU8('01/12 paid Somchai 12 USD') };
  bundles['changed'] = join(dir, 'changed.zip');
  writeFileSync(bundles['changed'], zipSync(changed));
  bundles['truncated'] = join(dir, 'truncated.zip');
  writeFileSync(bundles['truncated'], bundle.zip.subarray(0, 4000));
  bundles['v1'] = new URL('../../../fixtures/bundle/bundle-v1.zip', import.meta.url).pathname;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify/verify.mjs', () => {
  it('is what scripts/buildVerifier.ts builds from the current code', async () => {
    const source = readFileSync(
      new URL('../../../../src/core/bundle/standalone/verifierFiles.generated.ts', import.meta.url),
      'utf8',
    );
    expect(source).toBe(await verifierFilesSource());
    expect(VERIFIER_FILES.map((f) => f.path)).toEqual([
      'verify/verify.mjs',
      'verify/verify.html',
      'verify/README.txt',
    ]);
    // No dependency: it imports only Node's own modules.
    const text = VERIFIER_FILES[0]?.text ?? '';
    const imports = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1] ?? '');
    expect(imports.length).toBeGreaterThan(0);
    for (const name of imports) expect(builtinModules).toContain(name.replace(/^node:/, ''));
  });

  const cases: Array<[string, string[]]> = [
    ['good', ['--key', 'FP']],
    ['good', []],
    ['good', ['--key', 'abcd '.repeat(16).trim()]],
    ['changed', ['--key', 'FP']],
    ['truncated', []],
    [
      'v1',
      ['--key', '41A0 F094 A99C 24BD E24F C034 0DB7 D05B 713A D565 F373 B49F AF62 873A F8E4 4C22'],
    ],
  ];
  for (const [name, args] of cases)
    it(`matches the CLI: ${name} ${args.join(' ').replace('FP', '(its key)')}`, async () => {
      const bundle = bundles[name] ?? '';
      const argv = [bundle, ...args.map((a) => (a === 'FP' ? fingerprint : a))];
      const alone = await run('node', [mjs, ...argv], dir);
      const cli = await run('npx', ['tsx', 'src/cli/index.ts', 'verify', ...argv], process.cwd());
      expect(alone.code).toBe(cli.code);
      expect(alone.out).toBe(cli.out);
      expect(alone.out).toMatch(/RESULT: /);
    });
});

describe('verify/verify.html', () => {
  it('verifies a dropped bundle offline in Chromium, with the same result text', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'ringtrace-verify-html-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const html = join(dir, 'verify.html');
      writeFileSync(html, VERIFIER_FILES[1]?.text ?? '');
      await page.goto(`file://${html}`);
      const banner = page.locator('#banner');

      await page.locator('#file').setInputFiles(bundles['good'] ?? '');
      await expect.poll(() => banner.getAttribute('data-status')).toBe('unconfirmed');
      await page.locator('#key').fill(fingerprint);
      await page.locator('#check').click();
      await expect.poll(() => banner.getAttribute('data-status')).toBe('verified');
      const cli = await run(
        'npx',
        ['tsx', 'src/cli/index.ts', 'verify', bundles['good'] ?? '', '--key', fingerprint],
        process.cwd(),
      );
      expect((await page.locator('#output').innerText()).trim()).toBe(cli.out.trim());

      await page.locator('#file').setInputFiles(bundles['changed'] ?? '');
      await expect.poll(() => banner.getAttribute('data-status')).toBe('failed');
      expect(await page.locator('#output').innerText()).toMatch(
        /pages\/EX-001\/2\.txt was changed/,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
