/*
 * A bundle unzipped and zipped again by the tools a defence expert or a court clerk has at
 * hand (Info-ZIP zip, Python's zipfile, 7-Zip), in other orders and at other compression
 * levels, is the same evidence and must still verify; anything that could carry data outside
 * the signed content (comments, odd extra fields, symlinks, setuid bits) is refused. The
 * tools are the real Debian programs, run on real files.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle, type VerifyResult } from '../../../../src/core/bundle';
import { buildCaseFixture, exportFixture, unzipSync } from './caseFixture';

let work: string;
let tree: string;
let fingerprint: string;
let original: Uint8Array;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ringtrace-repack-'));
  const bundle = await exportFixture(buildCaseFixture());
  original = bundle.zip;
  fingerprint = bundle.signer.fingerprint;
  tree = join(work, 'tree');
  for (const [path, bytes] of Object.entries(unzipSync(original))) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), bytes);
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function out(): string {
  return join(work, `repacked-${++counter}.zip`);
}

async function check(path: string): Promise<VerifyResult> {
  return verifyBundle(new Uint8Array(readFileSync(path)), { expectedFingerprint: fingerprint });
}

function python(script: string, ...args: string[]): void {
  execFileSync('python3', ['-c', script, ...args], { cwd: tree });
}

const PY_REPACK = `
import os, random, sys, zipfile
target, method, level, seed, dirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == '1'
files, folders = [], set()
for root, ds, fs in os.walk('.'):
    for f in fs:
        files.append(os.path.relpath(os.path.join(root, f)))
    for d in ds:
        folders.add(os.path.relpath(os.path.join(root, d)))
random.Random(seed).shuffle(files)
with zipfile.ZipFile(target, 'w', method, compresslevel=level if method else None) as z:
    if dirs:
        for d in sorted(folders, reverse=True):
            z.write(d)
    for f in files:
        z.write(f)
`;

describe('a bundle re-packed by a common ZIP tool still verifies', () => {
  it('Info-ZIP zip -r, stored and at level 9, with its folder entries and UT/ux extra fields', async () => {
    for (const level of ['-0', '-1', '-9']) {
      const target = out();
      execFileSync('zip', ['-q', '-r', level, target, '.'], { cwd: tree });
      const listing = execFileSync('unzip', ['-Z1', target]).toString();
      expect(listing).toMatch(/^originals\/$/m);
      const result = await check(target);
      expect(result.problems, level).toEqual([]);
      expect(result.status).toBe('verified');
    }
  });

  it("Python's zipfile: shuffled order, deflate levels 1 and 9 or stored, with and without folders", async () => {
    const runs: Array<[number, number, number, string]> = [
      [8, 1, 1, '1'],
      [8, 9, 2, '0'],
      [0, 0, 3, '1'],
    ];
    for (const [method, level, seed, dirs] of runs) {
      const target = out();
      python(PY_REPACK, target, String(method), String(level), String(seed), dirs);
      const result = await check(target);
      expect(result.problems, `${method}/${level}/${dirs}`).toEqual([]);
      expect(result.status).toBe('verified');
    }
  });

  it('7-Zip (7z a -tzip) at levels 0 and 9, with its NTFS time extra fields', async () => {
    for (const level of ['-mx=0', '-mx=9']) {
      const target = out();
      execFileSync('7z', ['a', '-tzip', level, target, '.'], { cwd: tree, stdio: 'ignore' });
      const result = await check(target);
      expect(result.problems, level).toEqual([]);
      expect(result.status).toBe('verified');
    }
  });

  it('a re-packed bundle with one changed byte still fails, naming the file first', async () => {
    const copy = join(work, 'changed');
    execFileSync('cp', ['-r', tree, copy]);
    const page = join(copy, 'pages/EX-001/2.txt');
    const bytes = readFileSync(page);
    bytes[3] = (bytes[3] ?? 0) ^ 0x01;
    writeFileSync(page, bytes);
    const target = out();
    execFileSync('zip', ['-q', '-r', '-9', target, '.'], { cwd: copy });
    const result = await check(target);
    expect(result.status).toBe('failed');
    expect(result.problems[0]).toMatchObject({ code: 'file-changed', path: 'pages/EX-001/2.txt' });
  });
});

describe('what a bundle writer never produces is refused', () => {
  it('an archive comment', async () => {
    const target = out();
    execFileSync('zip', ['-q', '-r', target, '.'], { cwd: tree });
    execFileSync('zip', ['-q', '-z', target], { input: 'hidden message\n' });
    const result = await check(target);
    expect(result.status).toBe('failed');
    expect(result.problems[0]?.code).toBe('zip-hidden-data');
    expect(result.problems[0]?.message).toMatch(/archive comment/);
  });

  it('a file comment', async () => {
    const target = out();
    python(
      `import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for root, ds, fs in os.walk('.'):
        for f in fs:
            p = os.path.relpath(os.path.join(root, f))
            info = zipfile.ZipInfo.from_file(p)
            if p == 'report.html': info.comment = b'exfiltrated bytes'
            with open(p, 'rb') as fh: z.writestr(info, fh.read(), zipfile.ZIP_DEFLATED)`,
      target,
    );
    const result = await check(target);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'zip-hidden-data', path: 'report.html' }),
    ]);
    expect(result.problems[0]?.message).toMatch(/file comment/);
  });

  it('an extra field of an unknown kind', async () => {
    {
      const target = out();
      python(
        `import sys, struct, zipfile, os
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for root, ds, fs in os.walk('.'):
        for f in fs:
            p = os.path.relpath(os.path.join(root, f))
            info = zipfile.ZipInfo.from_file(p)
            if p == 'manifest.sig':
                info.extra = struct.pack('<HH', 0xcafe, 8) + b'12345678'
            with open(p, 'rb') as fh: z.writestr(info, fh.read(), zipfile.ZIP_DEFLATED)`,
        target,
      );
      const result = await check(target);
      expect(result.status).toBe('failed');
      expect(result.problems[0]).toMatchObject({ code: 'zip-hidden-data', path: 'manifest.sig' });
      expect(result.problems[0]?.message).toMatch(/0xcafe/);
    }
  });

  it('a symbolic link, and setuid or setgid bits', async () => {
    const copy = join(work, 'links');
    execFileSync('cp', ['-r', tree, copy]);
    rmSync(join(copy, 'report.html'));
    symlinkSync('/etc/passwd', join(copy, 'report.html'));
    const linked = out();
    execFileSync('zip', ['-q', '-r', '--symlinks', linked, '.'], { cwd: copy });
    const link = await check(linked);
    expect(link.status).toBe('failed');
    expect(link.problems[0]).toMatchObject({ code: 'zip-unsafe-path', path: 'report.html' });
    expect(link.problems[0]?.message).toMatch(/symbolic link/);

    const copy2 = join(work, 'setuid');
    execFileSync('cp', ['-r', tree, copy2]);
    chmodSync(join(copy2, 'report.html'), 0o4755);
    const setuid = out();
    execFileSync('zip', ['-q', '-r', setuid, '.'], { cwd: copy2 });
    const result = await check(setuid);
    expect(result.problems[0]).toMatchObject({ code: 'zip-unsafe-path', path: 'report.html' });
    expect(result.problems[0]?.message).toMatch(/setuid/);
  });

  it('unzip extracts every member of an accepted bundle as a plain file', () => {
    const target = join(work, 'original.zip');
    writeFileSync(target, original);
    const into = join(work, 'extracted');
    execFileSync('unzip', ['-q', target, '-d', into]);
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        const stat = lstatSync(path);
        if (stat.isDirectory()) return walk(path);
        expect(stat.isFile(), path).toBe(true);
        expect(stat.mode & 0o7000, path).toBe(0);
        return [path];
      });
    expect(walk(into).length).toBe(Object.keys(unzipSync(original)).length);
  });
});
