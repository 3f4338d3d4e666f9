import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseFixture, exportFixture, unzipSync, zipSync } from './caseFixture';

type Run = { code: number | null; stdout: string; stderr: string };

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/index.ts', 'verify', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let good: string;
let tampered: string;
let fingerprint: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ringtrace-verify-'));
  const bundle = await exportFixture(buildCaseFixture());
  fingerprint = bundle.signer.fingerprint;
  good = join(dir, 'KH-BMC-2025-0142.zip');
  writeFileSync(good, bundle.zip);
  const files = unzipSync(bundle.zip);
  files['pages/EX-001/2.txt'] = strToU8('01/12 paid Somchai 12 USD');
  tampered = join(dir, 'tampered.zip');
  writeFileSync(tampered, zipSync(files));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- verify', () => {
  it('exits 0 on a good bundle and says who signed it', async () => {
    const run = await cli(good, '--key', fingerprint);
    expect(run.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('RESULT: VERIFIED');
    expect(run.stdout).toContain(`Signed by:  Ed25519 key ${fingerprint}`);
    expect(run.stdout).toContain('This is the key you expected.');
    expect(run.stdout).toContain('Case:       KH-BMC-2025-0142: Poipet recruitment ring');
  });

  it('without --key: never VERIFIED, exit code 3, the key named as unconfirmed', async () => {
    const run = await cli(good);
    expect(run.code).toBe(3);
    expect(run.stdout).not.toContain('RESULT: VERIFIED');
    expect(run.stdout).toContain('RESULT: KEY NOT CONFIRMED');
    expect(run.stdout).toContain(`consistent with a signature by key ${fingerprint}`);
  });

  it('exits non-zero and names the changed file', async () => {
    const run = await cli(tampered);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RESULT: NOT VERIFIED');
    expect(run.stderr).toMatch(/\[file changed\] pages\/EX-001\/2\.txt was changed/);
  });

  it('exits non-zero for the wrong key, a truncated file and a missing file', async () => {
    const wrong = await cli(good, '--key', 'abcd '.repeat(16).trim());
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(
      `[wrong key] The bundle was signed by the key with fingerprint ${fingerprint}`,
    );

    const cut = join(dir, 'cut.zip');
    const { readFileSync } = await import('node:fs');
    writeFileSync(cut, readFileSync(good).subarray(0, 5000));
    const truncated = await cli(cut);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/\[ZIP truncated\]/);

    const missing = await cli(join(dir, 'nope.zip'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.zip/);
  });
});
