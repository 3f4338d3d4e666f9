/*
 * Old bundles keep verifying, refusals name what is wrong, and the signature and hashes are
 * checkable by code nobody here wrote: Node's own Ed25519 and SHA-256 (OpenSSL underneath).
 */
import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  escapeUntrusted,
  formatVerifyResult,
  verifyBundle,
  type BundleManifest,
} from '../../../../src/core/bundle';
import { rawZip } from './rawZip';
import { buildCaseFixture, exportFixture, strFromU8, unzipSync, zipSync } from './caseFixture';

const fixtures = new URL('../../../fixtures/bundle/', import.meta.url);

function fixture(name: string): { zip: Uint8Array; fingerprint: string; version: number } {
  const meta = JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8')) as {
    fingerprint: string;
    version: number;
  };
  return { zip: new Uint8Array(readFileSync(new URL(`${name}.zip`, fixtures))), ...meta };
}

/** Node's own Ed25519 (OpenSSL), given the raw 32-byte key through a DER SPKI wrapper. */
function nodeEd25519Verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) {
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]);
  const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  return nodeVerify(null, message, key, signature);
}

describe('every released bundle format keeps verifying', () => {
  for (const name of ['bundle-v1', 'bundle-v2']) {
    it(`${name}.zip, kept from when that format was current`, async () => {
      const f = fixture(name);
      const result = await verifyBundle(f.zip, { expectedFingerprint: f.fingerprint });
      expect(result.problems).toEqual([]);
      expect(result.status).toBe('verified');
      expect(result.manifest?.version).toBe(f.version);
    });
  }

  it('a version this verifier does not know is refused with the reason', async () => {
    const bundle = await exportFixture(buildCaseFixture());
    const files = unzipSync(bundle.zip);
    const m = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
    files['manifest.json'] = strToU8(JSON.stringify({ ...m, version: 99 }));
    const result = await verifyBundle(zipSync(files));
    const problem = result.problems.find((p) => p.code === 'manifest-invalid');
    expect(problem?.message).toMatch(/format version 99 is not one this verifier knows/);
  });
});

describe('independent checks: Node crypto, not the project code', () => {
  for (const name of ['bundle-v1', 'bundle-v2']) {
    it(`${name}: Ed25519 signature by Node's crypto.verify, every file by Node's SHA-256`, () => {
      const f = fixture(name);
      const files = unzipSync(f.zip);
      const manifestBytes = files['manifest.json'] ?? new Uint8Array();
      const signer = JSON.parse(strFromU8(files['signer.json'] ?? new Uint8Array())) as {
        publicKeyHex: string;
      };
      const publicKey = Buffer.from(signer.publicKeyHex, 'hex');
      expect(
        nodeEd25519Verify(manifestBytes, files['manifest.sig'] ?? new Uint8Array(), publicKey),
      ).toBe(true);
      const fp = createHash('sha256').update(publicKey).digest('hex').toUpperCase();
      expect(fp.match(/.{4}/g)?.join(' ')).toBe(f.fingerprint);
      const manifest = JSON.parse(strFromU8(manifestBytes)) as BundleManifest;
      for (const file of manifest.files) {
        const bytes = files[file.path];
        expect(bytes, file.path).toBeDefined();
        expect(
          createHash('sha256')
            .update(bytes ?? new Uint8Array())
            .digest('hex'),
        ).toBe(file.sha256);
        expect(bytes?.length).toBe(file.size);
      }
      // And a changed manifest fails Node's check too.
      const changed = manifestBytes.slice();
      changed[10] = (changed[10] ?? 0) ^ 1;
      expect(nodeEd25519Verify(changed, files['manifest.sig'] ?? new Uint8Array(), publicKey)).toBe(
        false,
      );
    });
  }
});

describe('refusals say what is wrong', () => {
  it('one flipped byte in a deflated member is "damaged" or "changed", never a bomb', async () => {
    const bundle = await exportFixture(buildCaseFixture());
    const zip = bundle.zip;
    const files = unzipSync(zip);
    const names = Object.keys(files).filter((n) => n.startsWith('pages/') || n === 'report.html');
    const view = new DataView(zip.buffer, zip.byteOffset);
    // Walk the central directory: fflate's local headers defer sizes to a data descriptor.
    const eocd = zip.length - 22;
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    let tried = 0;
    for (let i = 0; i < count; i++) {
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true);
      const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
      at += 46 + skip;
      if (!names.includes(name) || method !== 8) continue;
      const dataAt =
        local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      for (const offset of [1, Math.floor(size / 2), size - 2]) {
        const tampered = zip.slice();
        tampered[dataAt + offset] = (tampered[dataAt + offset] ?? 0) ^ 0x10;
        const result = await verifyBundle(tampered);
        expect(result.status, `${name}+${offset}`).toBe('failed');
        expect(result.problems.map((p) => p.code)).not.toContain('zip-bomb');
        expect(result.problems[0]?.path).toBe(name);
        expect(formatVerifyResult(result)).toMatch(/\[(file damaged|file changed)\]/);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(6);
  });

  it('swapped audit entries are "reordered"', async () => {
    const f = buildCaseFixture();
    const bundle = await exportFixture(
      f,
      {},
      { entityIds: [f.ids.bystander, f.ids.victim1], linkIds: [f.ids.paidBroker] },
    );
    const files = unzipSync(bundle.zip);
    const m = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
    expect(m.audit.length).toBeGreaterThanOrEqual(2);
    const swapped = { ...m, audit: [...m.audit].reverse() };
    const bytes = strToU8(`${JSON.stringify(swapped, null, 2)}\n`);
    files['manifest.json'] = bytes;
    files['manifest.sig'] = ed25519.sign(bytes, f.keyPair.secretKey);
    const result = await verifyBundle(zipSync(files));
    expect(result.problems.map((p) => p.code)).toContain('audit-reordered');
    expect(formatVerifyResult(result)).toMatch(/\[audit reordered\] Audit entries are reordered/);
  });

  it('terminal escapes in a member name and the case title are printed escaped', async () => {
    const f = buildCaseFixture();
    const evil = '\u001b[2K\u001b[1ARESULT: VERIFIED';
    const bundle = await exportFixture({
      ...f,
      data: { ...f.data, case: { ...f.data.case, title: evil } },
    });
    const titled = formatVerifyResult(await verifyBundle(bundle.zip), 'bundle\u001b[31m.zip');
    const files = unzipSync(bundle.zip);
    const entries = Object.entries(files).map(([name, data]) => ({ name, data }));
    entries.push({ name: `pages/x\u001b]0;owned\u0007.txt`, data: strToU8('x') });
    const named = formatVerifyResult(await verifyBundle(rawZip(entries)));
    expect(named).toContain('x\\x1b]0;owned\\x07.txt');
    const text = titled + named;
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('\\x1b[2K\\x1b[1ARESULT: VERIFIED');
    expect(text).toContain('bundle\\x1b[31m.zip');
    expect(escapeUntrusted('a\u202eb\\c')).toBe('a\\u202eb\\\\c');
  });
});
