import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  verifyBundle,
  writeBundle,
  selectForBundle,
  type BundleManifest,
} from '../../../../src/core/bundle';
import { sha256Hex } from '../../../../src/core/bundle/bytes';
import {
  EXPORTED_AT,
  PROSECUTOR,
  VICTIM_IDENTIFIERS,
  buildCaseFixture,
  chargeSelection,
  exportFixture,
  flipBits,
  strFromU8,
  unzipSync,
} from './caseFixture';

function parseManifest(files: Record<string, Uint8Array>): BundleManifest {
  const bytes = files['manifest.json'];
  if (bytes === undefined) throw new Error('no manifest.json');
  return JSON.parse(strFromU8(bytes)) as BundleManifest;
}

describe('buildBundle', () => {
  it('exports a bundle that verifies: originals, page texts, report, signed manifest', async () => {
    const f = buildCaseFixture();
    const { zip, manifest, signer } = await exportFixture(f);
    const files = unzipSync(zip);

    expect(Object.keys(files).sort()).toEqual(
      [
        'manifest.json',
        'manifest.sig',
        'signer.json',
        'report.html',
        'originals/EX-001/ledger-scan.pdf',
        'originals/EX-002/IMG_2041.png',
        'originals/EX-003/statement.txt',
        'pages/EX-001/1.txt',
        'pages/EX-001/2.txt',
        'pages/EX-002/1.txt',
        'pages/EX-003/1.txt',
        'verify/verify.mjs',
        'verify/verify.html',
        'verify/README.txt',
      ].sort(),
    );
    // Originals exactly as taken in.
    expect(files['originals/EX-001/ledger-scan.pdf']).toEqual(f.originals.get(f.ids.ledger));
    expect(files['originals/EX-002/IMG_2041.png']).toEqual(f.originals.get(f.ids.chat));

    // The signature is a plain Ed25519 signature over the exact manifest bytes.
    const manifestBytes = files['manifest.json'];
    const sig = files['manifest.sig'];
    if (manifestBytes === undefined || sig === undefined) throw new Error('missing');
    expect(ed25519.verify(sig, manifestBytes, f.keyPair.publicKey)).toBe(true);
    const signerJson = JSON.parse(strFromU8(files['signer.json'] ?? new Uint8Array())) as {
      publicKeyHex: string;
      fingerprint: string;
    };
    expect(signerJson.publicKeyHex).toBe(Buffer.from(f.keyPair.publicKey).toString('hex'));
    expect(signerJson.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(signerJson.fingerprint.replace(/ /g, '').toLowerCase()).toBe(
      sha256Hex(f.keyPair.publicKey),
    );
    expect(signer.fingerprint).toBe(signerJson.fingerprint);

    // Every file except the three signature files is listed with its true size and hash.
    expect(parseManifest(files)).toEqual(manifest);
    expect(manifest.files.map((x) => x.path).sort()).toEqual(
      Object.keys(files)
        .filter((p) => !['manifest.json', 'manifest.sig', 'signer.json'].includes(p))
        .sort(),
    );
    for (const file of manifest.files) {
      const bytes = files[file.path];
      expect(bytes?.length).toBe(file.size);
      expect(sha256Hex(bytes ?? new Uint8Array())).toBe(file.sha256);
    }

    const result = await verifyBundle(zip, { expectedFingerprint: signer.fingerprint });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.keyMatched).toBe(true);
    expect(result.filesVerified).toBe(manifest.files.length);
  });

  it('records the case, grading, citations to item/page/words, custody, audit and exporter', async () => {
    const f = buildCaseFixture();
    const { manifest } = await exportFixture(f);

    expect(manifest.case.reference).toBe('KH-BMC-2025-0142');
    expect(manifest.exportedBy).toEqual(PROSECUTOR);
    expect(manifest.exportedAt).toBe(EXPORTED_AT);
    // The witness and his link were not selected.
    expect(manifest.entities.map((e) => e.id).sort()).toEqual(
      [
        f.ids.recruiter,
        f.ids.broker,
        f.ids.official,
        f.ids.victim1,
        f.ids.victim2,
        f.ids.passport,
      ].sort(),
    );
    const paid = manifest.links.find((l) => l.id === f.ids.paidBroker);
    expect(paid).toMatchObject({ reliability: 'A', credibility: 1, amount: 1200, currency: 'USD' });
    const colluded = manifest.links.find((l) => l.id === f.ids.colluded);
    expect(colluded).toMatchObject({ reliability: 'D', credibility: 3, directed: false });

    const paidCitations = manifest.citations.filter(
      (c) => c.subject.kind === 'link' && c.subject.id === f.ids.paidBroker,
    );
    expect(paidCitations.map((c) => c.evidenceId).sort()).toEqual(
      [f.ids.ledger, f.ids.bank].sort(),
    );
    expect(paidCitations[0]?.words).toEqual([{ x0: 10, y0: 40, x1: 300, y1: 56 }]);
    expect(
      manifest.citations.some(
        (c) => c.subject.kind === 'entity' && c.subject.id === f.ids.official,
      ),
    ).toBe(true);

    const ledger = manifest.evidence.find((i) => i.id === f.ids.ledger);
    expect(ledger?.intakeSha256).toBe(sha256Hex(f.originals.get(f.ids.ledger) ?? new Uint8Array()));
    expect(ledger?.exportSha256).toBe(ledger?.intakeSha256);
    expect(ledger?.custody.map((c) => c.action)).toEqual(['intake', 'ocr', 'note']);
    expect(ledger?.pages.map((p) => p.path)).toEqual(['pages/EX-001/1.txt', 'pages/EX-001/2.txt']);
    // Audit entries of exported records only: not the unselected witness's.
    expect(manifest.audit.map((a) => a.seq)).toEqual([1, 2]);
    expect(manifest.originals.statement).toMatch(/unredacted/);
  });

  it('replaces victims with stable pseudonyms everywhere outside the originals', async () => {
    const f = buildCaseFixture();
    const { zip, manifest, pseudonyms } = await exportFixture(f);
    const files = unzipSync(zip);

    const v1 = pseudonyms.get(f.ids.victim1);
    const v2 = pseudonyms.get(f.ids.victim2);
    expect(new Set([v1, v2])).toEqual(new Set(['V-001', 'V-002']));
    expect(manifest.victimProtection.mode).toBe('pseudonymised');
    expect(manifest.victimProtection.victimCount).toBe(2);

    const victim1 = manifest.entities.find((e) => e.id === f.ids.victim1);
    expect(victim1?.names).toEqual([{ value: v1, script: 'latin', primary: true }]);
    expect(victim1?.properties).toEqual({ gender: 'female' });
    expect(victim1?.withheld).toEqual(['birthDate', 'passportNumber', 'hometown']);
    expect(manifest.entities.find((e) => e.id === f.ids.passport)?.names[0]?.value).toBe(
      `Identity document of ${v1}`,
    );

    const page1 = strFromU8(files['pages/EX-001/1.txt'] ?? new Uint8Array());
    expect(page1).toContain(`${v1}, born [${v1} birth date], passport [${v1} passportNumber]`);
    expect(page1).toContain(`${v2}, ID [${v2} nationalIdNumber]`);
    // The chat names them by alias, in another order: caught too.
    expect(strFromU8(files['pages/EX-002/1.txt'] ?? new Uint8Array())).toContain(
      `bring ${v1} and ${v2} on Friday`,
    );
    const report = strFromU8(files['report.html'] ?? new Uint8Array());
    expect(report).toContain(v1);
    expect(report).toContain(v2);

    for (const [path, bytes] of Object.entries(files)) {
      if (path.startsWith('originals/')) continue;
      const text = strFromU8(bytes).toLowerCase();
      for (const identifier of VICTIM_IDENTIFIERS)
        expect(text.includes(identifier.toLowerCase()), `${identifier} leaked into ${path}`).toBe(
          false,
        );
    }
    // Offenders are named as they are.
    expect(report).toContain('Sok Vanna');
    expect(report).toContain('Chea Rithy');
  });

  it('includes victims’ identities only when deliberately chosen, and says so', async () => {
    const f = buildCaseFixture();
    const { zip, manifest, pseudonyms } = await exportFixture(f, {
      victimProtection: 'include-identities',
    });
    const files = unzipSync(zip);
    expect(manifest.victimProtection.mode).toBe('identities-included');
    expect(manifest.victimProtection.statement).toMatch(/deliberately included/);
    expect(pseudonyms.size).toBe(0);
    expect(strFromU8(files['pages/EX-001/1.txt'] ?? new Uint8Array())).toContain('Srey Mom Chan');
    expect(strFromU8(files['report.html'] ?? new Uint8Array())).toContain('Dara Keo');
    expect((await verifyBundle(zip)).ok).toBe(true);
  });

  it('can leave out the originals that name victims, keeping their hashes', async () => {
    const f = buildCaseFixture();
    const { zip, manifest } = await exportFixture(f, { includeOriginals: 'not-naming-victims' });
    const files = unzipSync(zip);
    expect(Object.keys(files).filter((p) => p.startsWith('originals/'))).toEqual([
      'originals/EX-003/statement.txt',
    ]);
    const ledger = manifest.evidence.find((i) => i.id === f.ids.ledger);
    expect(ledger?.original).toEqual({ included: false, reason: 'it names a victim' });
    expect(ledger?.exportSha256).toBe(ledger?.intakeSha256);
    expect(manifest.originals.statement).toMatch(/2 of 3 original\(s\) were left out/);
    // With no victim names in any file, nothing identifies them anywhere in the ZIP.
    for (const [path, bytes] of Object.entries(files)) {
      const text = strFromU8(bytes).toLowerCase();
      for (const identifier of VICTIM_IDENTIFIERS)
        expect(text.includes(identifier.toLowerCase()), `${identifier} in ${path}`).toBe(false);
    }
    expect((await verifyBundle(zip)).ok).toBe(true);

    const none = await exportFixture(f, { includeOriginals: 'none' });
    expect(Object.keys(unzipSync(none.zip)).some((p) => p.startsWith('originals/'))).toBe(false);
    expect((await verifyBundle(none.zip)).ok).toBe(true);
  });

  it('streams originals from a ReadableStream and writes the ZIP chunk by chunk', async () => {
    const f = buildCaseFixture();
    const contents = selectForBundle(f.data, chargeSelection(f));
    const chunks: Uint8Array[] = [];
    const summary = await writeBundle(
      {
        ...contents,
        readOriginal: (item) => {
          const bytes = f.originals.get(item.id) ?? new Uint8Array();
          let at = 0;
          // Small pieces, as a decrypting file reader would hand them over.
          return new ReadableStream<Uint8Array>({
            pull(controller) {
              if (at >= bytes.length) controller.close();
              else controller.enqueue(bytes.slice(at, (at += 97)));
            },
          });
        },
        exportedBy: PROSECUTOR,
        exportedAt: EXPORTED_AT,
        signingKey: f.keyPair,
      },
      async (chunk) => {
        await Promise.resolve();
        chunks.push(chunk.slice());
      },
    );
    expect(chunks.length).toBeGreaterThan(10);
    const zip = Buffer.concat(chunks);
    expect(zip.length).toBe(summary.size);
    expect(unzipSync(zip)['originals/EX-001/ledger-scan.pdf']).toEqual(
      f.originals.get(f.ids.ledger),
    );
    expect((await verifyBundle(zip)).ok).toBe(true);
  });

  it('refuses an original that no longer matches its intake hash, naming the exhibit', async () => {
    const f = buildCaseFixture();
    await expect(
      exportFixture(f, {
        readOriginal: (item) => {
          const bytes = (f.originals.get(item.id) ?? new Uint8Array()).slice();
          if (item.id === f.ids.chat) flipBits(bytes, bytes.length - 20, 1);
          return bytes;
        },
      }),
    ).rejects.toThrow(/Exhibit EX-002 \(IMG_2041\.png\).*changed/);
  });

  it('signs through a vault-style signer that never hands out the secret key', async () => {
    const f = buildCaseFixture();
    const { secretKey, publicKey } = f.keyPair;
    const { zip, signer } = await exportFixture(f, {
      signingKey: { publicKey, sign: (message) => ed25519.sign(message, secretKey) },
    });
    expect((await verifyBundle(zip, { expectedFingerprint: signer.fingerprint })).ok).toBe(true);

    const stranger = ed25519.keygen();
    await expect(
      exportFixture(f, {
        signingKey: { publicKey, sign: (message) => ed25519.sign(message, stranger.secretKey) },
      }),
    ).rejects.toThrow(/does not verify with the signing public key/);
  });

  it('refuses a signing key pair whose halves do not belong together', async () => {
    const f = buildCaseFixture();
    const other = ed25519.keygen();
    await expect(
      exportFixture(f, {
        signingKey: { secretKey: f.keyPair.secretKey, publicKey: other.publicKey },
      }),
    ).rejects.toThrow(BundleError);
  });

  it('keeps Khmer file names readable and makes hostile ones harmless', async () => {
    const f = buildCaseFixture();
    const renamed = {
      ...f,
      data: {
        ...f.data,
        evidence: f.data.evidence.map((i) =>
          i.id === f.ids.ledger
            ? { ...i, fileName: '../../សៀវភៅ បញ្ជី.pdf' }
            : i.id === f.ids.bank
              ? { ...i, exhibitRef: 'C:\\EX/003', fileName: '/etc/passwd' }
              : i,
        ),
      },
    };
    const { zip, manifest } = await exportFixture(renamed);
    const paths = Object.keys(unzipSync(zip)).filter((p) => p.startsWith('originals/'));
    expect(paths.sort()).toEqual(
      [
        'originals/C_EX_003/_etc_passwd',
        'originals/EX-001/_.._សៀវភៅ បញ្ជី.pdf',
        'originals/EX-002/IMG_2041.png',
      ].sort(),
    );
    // The manifest keeps the names as they were, the paths are what is safe to extract.
    expect(manifest.evidence.find((i) => i.id === f.ids.ledger)?.fileName).toBe(
      '../../សៀវភៅ បញ្ជី.pdf',
    );
    expect((await verifyBundle(zip)).ok).toBe(true);
  });

  it('writes the same bytes for the same input', async () => {
    const f = buildCaseFixture();
    const a = await exportFixture(f);
    const b = await exportFixture(f);
    expect(sha256Hex(a.zip)).toBe(sha256Hex(b.zip));
  });
});
