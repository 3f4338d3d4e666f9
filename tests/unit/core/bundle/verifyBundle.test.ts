import { ed25519 } from '@noble/curves/ed25519.js';
import { deflateSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytesSource,
  fingerprintOf,
  formatVerifyResult,
  verifyBundle,
  type BundleManifest,
  type RandomAccess,
  type VerifyResult,
} from '../../../../src/core/bundle';
import { crc32 } from '../../../../src/core/bundle/bytes';
import {
  buildCaseFixture,
  exportFixture,
  flipBits,
  strFromU8,
  unzipSync,
  zipSync,
} from './caseFixture';
import { rawZip, type RawEntry } from './rawZip';

type Files = Record<string, Uint8Array>;

let zip: Uint8Array;
let fingerprint: string;
let secretKey: Uint8Array;

beforeAll(async () => {
  const f = buildCaseFixture();
  const bundle = await exportFixture(f);
  zip = bundle.zip;
  fingerprint = bundle.signer.fingerprint;
  secretKey = f.keyPair.secretKey;
});

/** A copy of the bundle rebuilt by a ZIP tool after editing its files (CRCs stay right). */
function repack(edit: (files: Files) => void): Uint8Array {
  const files = unzipSync(zip);
  edit(files);
  return zipSync(files);
}

function manifestOf(files: Files): BundleManifest {
  return JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
}

/** Rewrites the manifest and signs it again with the given key, as the holder of a key could. */
function resign(files: Files, manifest: BundleManifest, key: Uint8Array): void {
  const bytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  files['manifest.json'] = bytes;
  files['manifest.sig'] = ed25519.sign(bytes, key);
  const publicKey = ed25519.getPublicKey(key);
  files['signer.json'] = strToU8(
    JSON.stringify({
      algorithm: 'Ed25519',
      publicKeyHex: Buffer.from(publicKey).toString('hex'),
      fingerprint: fingerprintOf(publicKey),
    }),
  );
}

function codes(result: VerifyResult): string[] {
  return result.problems.map((p) => p.code);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}

describe('verifyBundle: tampering is detected and named', () => {
  it('a changed byte inside a stored original, edited in the ZIP bytes', async () => {
    const png = unzipSync(zip)['originals/EX-002/IMG_2041.png'] ?? new Uint8Array();
    const at = indexOf(zip, png.subarray(0, 64));
    expect(at).toBeGreaterThan(0);
    const tampered = zip.slice();
    flipBits(tampered, at + 100, 0x01);
    const result = await verifyBundle(tampered);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'file-changed',
      path: 'originals/EX-002/IMG_2041.png',
    });
    expect(formatVerifyResult(result)).toMatch(/originals\/EX-002\/IMG_2041\.png was changed/);
  });

  it('a changed byte in a deflated page text, edited in the ZIP bytes', async () => {
    const files = unzipSync(zip);
    const manifest = manifestOf(files);
    // Find the compressed page entry through the directory, then flip a byte of its data.
    const entryName = strToU8('pages/EX-003/1.txt');
    const local = indexOf(zip, entryName) - 30;
    const view = new DataView(zip.buffer, zip.byteOffset);
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const tampered = zip.slice();
    flipBits(tampered, dataAt + 5, 0x20);
    const result = await verifyBundle(tampered);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path)).toEqual(['pages/EX-003/1.txt']);
    expect(manifest.files.some((f) => f.path === 'pages/EX-003/1.txt')).toBe(true);
  });

  it('a changed file repacked by a ZIP tool (CRC recomputed): the hash names it', async () => {
    for (const path of ['originals/EX-001/ledger-scan.pdf', 'pages/EX-001/2.txt', 'report.html']) {
      const tampered = repack((files) => {
        const bytes = (files[path] ?? new Uint8Array()).slice();
        flipBits(bytes, Math.floor(bytes.length / 2), 0x04);
        files[path] = bytes;
      });
      const result = await verifyBundle(tampered);
      expect(result.ok, path).toBe(false);
      expect(result.problems, path).toEqual([
        expect.objectContaining({ code: 'file-changed', path }),
      ]);
      expect(result.problems[0]?.message).toMatch(/the manifest says [0-9a-f]{64}/);
    }
  });

  it('a removed file and an added file', async () => {
    const removed = await verifyBundle(
      repack((files) => {
        delete files['pages/EX-002/1.txt'];
      }),
    );
    expect(removed.problems).toEqual([
      expect.objectContaining({ code: 'file-missing', path: 'pages/EX-002/1.txt' }),
    ]);

    const added = await verifyBundle(
      repack((files) => {
        files['originals/EX-002/extra-photo.jpg'] = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
      }),
    );
    expect(added.problems).toEqual([
      expect.objectContaining({ code: 'file-added', path: 'originals/EX-002/extra-photo.jpg' }),
    ]);
  });

  it('an edited manifest: the signature fails', async () => {
    const tampered = repack((files) => {
      const text = strFromU8(files['manifest.json'] ?? new Uint8Array());
      // Upgrade the collusion link's grading from D3 to A1.
      const edited = text.replace('"reliability": "D"', '"reliability": "A"');
      expect(edited).not.toBe(text);
      files['manifest.json'] = strToU8(edited);
    });
    const result = await verifyBundle(tampered, { expectedFingerprint: fingerprint });
    expect(codes(result)).toEqual(['signature-invalid']);
    expect(result.problems[0]?.path).toBe('manifest.json');
    expect(result.signatureValid).toBe(false);
  });

  it('a changed signature file', async () => {
    const result = await verifyBundle(
      repack((files) => {
        const sig = (files['manifest.sig'] ?? new Uint8Array()).slice();
        flipBits(sig, 10, 0x80);
        files['manifest.sig'] = sig;
      }),
    );
    expect(codes(result)).toEqual(['signature-invalid']);
  });

  it('the wrong key: --key mismatch says whose key signed it', async () => {
    const other = ed25519.keygen();
    const wrong = await verifyBundle(zip, { expectedFingerprint: fingerprintOf(other.publicKey) });
    expect(codes(wrong)).toEqual(['wrong-key']);
    expect(wrong.problems[0]?.message).toContain(
      `signed by the key with fingerprint ${fingerprint}`,
    );
    expect(wrong.keyMatched).toBe(false);

    // Someone edits the manifest and signs it again with their own key: the signature is
    // valid, but it is not the exporting agency's key.
    const forged = repack((files) => {
      const manifest = manifestOf(files);
      resign(
        files,
        { ...manifest, links: manifest.links.map((l) => ({ ...l, reliability: 'A' })) },
        other.secretKey,
      );
    });
    const withoutKey = await verifyBundle(forged);
    expect(withoutKey.signerFingerprint).toBe(fingerprintOf(other.publicKey));
    expect(withoutKey.status).not.toBe('verified');
    // A careful forger also puts their key into the manifest: everything is consistent, yet
    // without an expected key it is never called VERIFIED.
    const fullForge = repack((files) => {
      const manifest = manifestOf(files);
      resign(
        files,
        {
          ...manifest,
          signer: {
            algorithm: 'Ed25519',
            publicKeyHex: Buffer.from(other.publicKey).toString('hex'),
            fingerprint: fingerprintOf(other.publicKey),
          },
          links: manifest.links.map((l) => ({ ...l, reliability: 'A' })),
        },
        other.secretKey,
      );
    });
    const forgedNoKey = await verifyBundle(fullForge);
    expect(forgedNoKey.ok).toBe(true);
    expect(forgedNoKey.status).toBe('unconfirmed');
    expect(formatVerifyResult(forgedNoKey)).toMatch(/RESULT: KEY NOT CONFIRMED/);
    expect(formatVerifyResult(forgedNoKey)).not.toMatch(/RESULT: VERIFIED/);
    expect(formatVerifyResult(forgedNoKey)).toContain(fingerprintOf(other.publicKey));
    const forgedWithKey = await verifyBundle(fullForge, { expectedFingerprint: fingerprint });
    expect(forgedWithKey.status).toBe('failed');
    expect(codes(forgedWithKey)).toEqual(['wrong-key']);
    const withKey = await verifyBundle(forged, { expectedFingerprint: fingerprint.toLowerCase() });
    expect(codes(withKey)).toContain('wrong-key');
    expect(withKey.problems.find((p) => p.code === 'wrong-key')?.message).toContain(
      fingerprintOf(other.publicKey),
    );
    // The copy of the genuine key inside the manifest no longer matches signer.json either.
    expect(codes(withKey)).toContain('signer-invalid');
  });

  it('a fingerprint typed without spaces or in lower case still matches', async () => {
    const result = await verifyBundle(zip, {
      expectedFingerprint: fingerprint.replace(/ /g, '').toLowerCase(),
    });
    expect(result.ok).toBe(true);
  });

  it('a truncated ZIP', async () => {
    for (const cut of [10, 1000, Math.floor(zip.length / 2)]) {
      const result = await verifyBundle(zip.slice(0, zip.length - cut));
      expect(result.ok, `cut ${cut}`).toBe(false);
      expect(codes(result), `cut ${cut}`).toEqual(['zip-truncated']);
      expect(result.problems[0]?.message).toMatch(/truncated/);
    }
    expect(codes(await verifyBundle(new Uint8Array(0)))).toEqual(['zip-truncated']);
  });

  it('a manifest whose references do not resolve, even when properly signed', async () => {
    const tampered = repack((files) => {
      const m = manifestOf(files);
      const [first, ...rest] = m.evidence;
      if (first === undefined) throw new Error('no evidence');
      const firstPage = first.pages[0];
      const firstCustody = first.custody[0];
      if (firstPage === undefined || firstCustody === undefined) throw new Error('fixture');
      delete files[firstPage.path];
      resign(
        files,
        {
          ...m,
          entities: m.entities.filter((e) => !e.roles.includes('official')),
          evidence: [
            {
              ...first,
              pages: first.pages.slice(1),
              custody: [{ ...firstCustody, evidenceId: rest[0]?.id ?? first.id }],
            },
            ...rest,
          ],
          files: m.files.filter((f) => f.path !== firstPage.path),
        },
        secretKey,
      );
    });
    const result = await verifyBundle(tampered, { expectedFingerprint: fingerprint });
    expect(result.signatureValid).toBe(true);
    const messages = result.problems
      .filter((p) => p.code === 'manifest-inconsistent')
      .map((p) => p.message);
    expect(messages.some((m) => /Citation .* points to page .*not included/.test(m))).toBe(true);
    expect(messages.some((m) => /Link .*colludedWith.* not an included entity/.test(m))).toBe(true);
    expect(messages.some((m) => /Custody entry .* belongs to item/.test(m))).toBe(true);
    expect(messages.some((m) => /supports entity .* not included/.test(m))).toBe(true);
  });
});

describe('verifyBundle: hostile ZIPs are refused before anything is inflated', () => {
  it('path traversal, absolute paths, drive letters and backslashes', async () => {
    const data = strToU8('#!/bin/sh\nrm -rf ~\n');
    const hostile = rawZip([
      { name: '../../evil.sh', data },
      { name: '/etc/cron.d/evil', data },
      { name: 'originals\\..\\..\\evil.bat', data },
      { name: 'C:/Windows/evil.dll', data },
      { name: 'pages/./x.txt', data },
      { name: 'report.html', data },
    ]);
    const result = await verifyBundle(hostile);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['zip-unsafe-path', '../../evil.sh'],
      ['zip-unsafe-path', '/etc/cron.d/evil'],
      ['zip-unsafe-path', 'originals\\..\\..\\evil.bat'],
      ['zip-unsafe-path', 'C:/Windows/evil.dll'],
      ['zip-unsafe-path', 'pages/./x.txt'],
    ]);
    expect(result.problems[0]?.message).toMatch(/climbs out/);
    expect(result.problems[2]?.message).toMatch(/backslash/);
  });

  it('a genuine bundle with a traversal entry slipped in', async () => {
    const files = unzipSync(zip);
    const entries = Object.entries(files).map(([name, data]) => ({ name, data }));
    entries.splice(3, 0, { name: 'pages/../../../home/user/.bashrc', data: strToU8('curl x|sh') });
    const result = await verifyBundle(rawZip(entries));
    expect(codes(result)).toEqual(['zip-unsafe-path']);
    expect(result.problems[0]?.path).toBe('pages/../../../home/user/.bashrc');
    expect(result.filesVerified).toBe(0);
  });

  it('a duplicated name', async () => {
    const result = await verifyBundle(
      rawZip([
        { name: 'report.html', data: strToU8('a') },
        { name: 'REPORT.html', data: strToU8('b') },
      ]),
    );
    expect(codes(result)).toEqual(['zip-duplicate-path']);
  });

  it('a deflate bomb with honest headers: refused from the central directory, not inflated', async () => {
    const bombSize = 64 * 1024 * 1024;
    const bomb = deflateSync(new Uint8Array(bombSize), { level: 9 });
    const padding = new Uint8Array(128 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const hostile = rawZip([
      {
        name: 'pages/EX-001/1.txt',
        data: bomb,
        method: 8,
        size: bombSize,
        crc: crc32(new Uint8Array(bombSize)),
      },
      { name: 'padding.bin', data: padding },
    ]);
    const reads: Array<[number, number]> = [];
    const inner = bytesSource(hostile);
    const spy: RandomAccess = {
      size: inner.size,
      read: (offset, length) => {
        reads.push([offset, length]);
        return inner.read(offset, length);
      },
    };
    const result = await verifyBundle(spy);
    expect(codes(result)).toEqual(['zip-bomb']);
    expect(result.problems[0]?.path).toBe('pages/EX-001/1.txt');
    expect(result.problems[0]?.message).toMatch(/would expand \d+ times/);
    // The compressed data sits right after the 48-byte local header; nothing read it.
    const dataStart = 30 + 'pages/EX-001/1.txt'.length;
    expect(reads.some(([o, l]) => o + l > dataStart && o < dataStart + bomb.length)).toBe(false);
  });

  it('a bomb whose headers lie about its size: stopped while inflating', async () => {
    const real = new Uint8Array(32 * 1024 * 1024);
    const bomb = deflateSync(real, { level: 9 });
    const files = unzipSync(zip);
    const entries: RawEntry[] = Object.entries(files).map(([name, data]) => ({
      name,
      data,
    }));
    // Claims to be a 4 KB page, compressed to about 32 KB: no ratio alarm from the headers.
    const at = entries.findIndex((e) => e.name === 'pages/EX-001/2.txt');
    entries[at] = { name: 'pages/EX-001/2.txt', data: bomb, method: 8, size: 4096, crc: 0 };
    const result = await verifyBundle(rawZip(entries));
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.path === 'pages/EX-001/2.txt');
    expect(problem?.code).toBe('zip-bomb');
    expect(problem?.message).toMatch(/inflates to more than the 4096 bytes its header declares/);
  });

  it('too many entries, too big an entry, too much in total', async () => {
    const many = rawZip(
      Array.from({ length: 20_001 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array() })),
    );
    const manyResult = await verifyBundle(many);
    expect(codes(manyResult)).toEqual(['zip-bomb']);
    expect(manyResult.problems[0]?.message).toMatch(/20001 entries; at most 20000/);

    const big = await verifyBundle(zip, { limits: { maxEntrySize: 2000 } });
    expect(big.problems.every((p) => p.code === 'zip-bomb')).toBe(true);
    expect(big.problems.map((p) => p.path)).toContain('report.html');

    const total = await verifyBundle(zip, { limits: { maxTotalSize: 10_000 } });
    expect(codes(total)).toEqual(['zip-bomb']);
    expect(total.problems[0]?.message).toMatch(/in all/);
  });

  it('data hidden between entries', async () => {
    const files = unzipSync(zip);
    const honest = rawZip(Object.entries(files).map(([name, data]) => ({ name, data })));
    expect((await verifyBundle(honest)).ok).toBe(true);
    // Shift the central directory by inserting bytes before it and fixing its offset.
    const view = new DataView(honest.buffer);
    const eocd = honest.length - 22;
    const cdOffset = view.getUint32(eocd + 16, true);
    const hidden = strToU8('secret payload');
    const out = new Uint8Array(honest.length + hidden.length);
    out.set(honest.subarray(0, cdOffset));
    out.set(hidden, cdOffset);
    out.set(honest.subarray(cdOffset), cdOffset + hidden.length);
    new DataView(out.buffer).setUint32(out.length - 22 + 16, cdOffset + hidden.length, true);
    expect(codes(await verifyBundle(out))).toEqual(['zip-hidden-data']);
  });
});
