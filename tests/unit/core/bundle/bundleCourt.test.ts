/*
 * Format 2 as a court reads it, through a real vault: a protected bundle names no victim in
 * any file, typed statements go out pseudonymised, every page comes with its text, corrected
 * pages show both texts, views fold into one line per day and user, hand-overs are signed by
 * the receiving officer and checked by the verifier, and custody is cross-checked against the
 * audit entries the bundle carries.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  exportFromVault,
  formatVerifyResult,
  handoverStatement,
  reasonHash,
  verifyBundle,
  type BundleManifest,
  type BundleSaver,
} from '../../../../src/core/bundle';
import { addTypedStatement } from '../../../../src/core/entities';
import {
  createEvidenceStore,
  custodyTransferStatement,
  recordCustodyTransfer,
} from '../../../../src/core/evidence';
import type { CaseId } from '../../../../src/core/model';
import type { UnlockedVault } from '../../../../src/core/vault';
import { BOB, newTestVault } from '../../../helpers/vaultFixture';
import {
  VICTIM_IDENTIFIERS,
  buildCaseFixture,
  chargeSelection,
  strFromU8,
  unzipSync,
  zipSync,
  type CaseFixture,
} from './caseFixture';

async function seed(vault: UnlockedVault, f: CaseFixture): Promise<CaseId> {
  const db = vault.db;
  const caseId = f.data.case.id;
  await db.cases.put(f.data.case);
  const evidence = [];
  for (const item of f.data.evidence) {
    const original = f.originals.get(item.id);
    if (original === undefined) throw new Error(`no original for ${item.exhibitRef}`);
    const file = await vault.files.put(original, { caseId, mediaType: item.mediaType });
    evidence.push({ ...item, fileId: file.id, blind: [] });
  }
  await db.evidence.bulkPut(evidence);
  await db.entities.bulkPut(f.data.entities.map((e) => ({ ...e, blind: [] })));
  await db.links.bulkPut([...f.data.links]);
  await db.pages.bulkPut([...f.data.pages]);
  await db.citations.bulkPut([...f.data.citations]);
  await db.custody.bulkPut([...f.data.custody]);
  return caseId;
}

async function exported(
  vault: UnlockedVault,
  caseId: CaseId,
  request: Omit<Parameters<typeof exportFromVault>[1], 'caseId'>,
): Promise<Uint8Array> {
  let bytes: Uint8Array | undefined;
  const save: BundleSaver = (b) => {
    bytes = b;
    return Promise.resolve({ saved: true, path: null });
  };
  await exportFromVault(vault, { caseId, ...request }, save);
  if (bytes === undefined) throw new Error('not saved');
  return bytes;
}

const STATEMENT =
  'Statement of the mother. My daughter Srey Mom Chan, born 17/03/2004, left with Sok Vanna in November.';

describe('a court bundle of format 2', () => {
  it('protected: no victim identifier in any member; the typed statement pseudonymised', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const st = await addTypedStatement(vault, {
      caseId,
      exhibitRef: 'ST-001',
      statedBy: 'Mother of a victim',
      takenWhere: 'Poipet police post',
      text: STATEMENT,
    });
    const zip = await exported(vault, caseId, {
      selection: { ...chargeSelection(f), evidenceIds: [st] },
      includeOriginals: 'not-naming-victims',
    });
    const files = unzipSync(zip);
    const m = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
    expect(m.version).toBe(2);
    const typed = m.evidence.find((e) => e.exhibitRef === 'ST-001');
    expect(typed?.original).toMatchObject({ included: false });
    const path = typed?.original.included === false ? typed.original.pseudonymisedPath : undefined;
    expect(path).toMatch(/^originals\/ST-001\/.*\.pseudonymised\.txt$/);
    expect(strFromU8(files[path ?? ''] ?? new Uint8Array())).toMatch(
      /My daughter V-00[12], born \[V-00[12] birth date\]/,
    );
    // Search every member, in UTF-8 and in the raw bytes, for every identifier.
    for (const [name, bytes] of Object.entries(files)) {
      const text = Buffer.from(bytes).toString('latin1') + strFromU8(bytes, true);
      for (const id of VICTIM_IDENTIFIERS) expect(text, `${name}: ${id}`).not.toContain(id);
    }
    // The ledger names victims: left out, and the bundle still verifies.
    const ledger = m.evidence.find((e) => e.exhibitRef === 'EX-001');
    expect(ledger?.original.included).toBe(false);
    const result = await verifyBundle(zip, { expectedFingerprint: vault.signing.fingerprint });
    expect(result.problems).toEqual([]);
    expect(result.status).toBe('verified');
    expect(m.auditHead?.count).toBeGreaterThan(0);

    // With identities deliberately included, the statement goes out as typed.
    const open = unzipSync(
      await exported(vault, caseId, {
        selection: { evidenceIds: [st] },
        victimProtection: 'include-identities',
      }),
    );
    expect(strFromU8(open['originals/ST-001/ST-001.txt'] ?? new Uint8Array())).toBe(STATEMENT);
  });

  it('a seized original naming a victim goes in only when the officer picks it', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const zip = await exported(vault, caseId, {
      selection: chargeSelection(f),
      includeOriginals: 'not-naming-victims',
      includeNamingOriginals: [f.ids.ledger],
    });
    const files = unzipSync(zip);
    expect(files['originals/EX-001/ledger-scan.pdf']).toBeDefined();
  });

  it('every page, corrections with both texts, views folded, custody cross-checked', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const store = createEvidenceStore(vault);
    const chatPage = f.data.pages.find((p) => p.evidenceId === f.ids.chat);
    if (chatPage === undefined) throw new Error('fixture');
    await store.correctPage(chatPage.id, chatPage.text.replace('on Friday', 'on Saturday'));
    for (const page of [1, 2, 2, 1, 2]) await store.recordView(f.ids.ledger, page);
    // Only the ledger's first page is cited by this link; its second page comes too.
    const zip = await exported(vault, caseId, {
      selection: { citedByLinkIds: [f.ids.recruitedV1, f.ids.colluded] },
      reportLanguage: 'en',
      timeZone: 'Asia/Bangkok',
    });
    const files = unzipSync(zip);
    expect(files['pages/EX-001/2.txt']).toBeDefined();
    expect(strFromU8(files['pages/EX-002/1.before-correction.txt'] ?? new Uint8Array())).toContain(
      'on Friday',
    );
    const report = strFromU8(files['report.html'] ?? new Uint8Array());
    expect(report).toMatch(/id="corrections"/);
    expect(report).toContain('on Saturday');
    expect(report.match(/data-action="view"/g)).toHaveLength(1);
    expect(report).toContain('data-folded="5"');
    expect(report).toMatch(/Viewed pp\. 1, 2 \(5 times/);
    const result = await verifyBundle(zip, { expectedFingerprint: vault.signing.fingerprint });
    expect(result.problems).toEqual([]);

    // Someone removes a view from the custody and re-signs with the agency's own key (an
    // insider): the audit entries the bundle carries still name it.
    const m = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
    const shortened = {
      ...m,
      evidence: m.evidence.map((e) => ({
        ...e,
        custody: e.custody.filter((c, i) => !(c.action === 'view' && i % 2 === 0)),
      })),
    };
    const bytes = strToU8(`${JSON.stringify(shortened, null, 2)}\n`);
    const insider = vault.signing.sign(bytes);
    const forged = zipSync({ ...files, 'manifest.json': bytes, 'manifest.sig': insider });
    const forgedResult = await verifyBundle(forged, {
      expectedFingerprint: vault.signing.fingerprint,
    });
    expect(forgedResult.problems.map((p) => p.code)).toContain('custody-inconsistent');
    expect(formatVerifyResult(forgedResult)).toMatch(/custody was shortened/);
  });

  it('a hand-over signed by the receiving officer: checked when recorded and when verified', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const receiver = ed25519.keygen();
    const at = '2025-02-10T03:30:00.000Z';
    const reason = 'For forensic examination at the DSI laboratory';
    const statement = await custodyTransferStatement(vault, {
      evidenceId: f.ids.bank,
      to: BOB,
      at,
      reason,
    });
    const signatureHex = Buffer.from(ed25519.sign(statement, receiver.secretKey)).toString('hex');
    const keyHex = Buffer.from(receiver.publicKey).toString('hex');

    await expect(
      recordCustodyTransfer(vault, {
        evidenceId: f.ids.bank,
        to: BOB,
        at,
        reason: `${reason}!`,
        receiverPublicKeyHex: keyHex,
        receiverSignatureHex: signatureHex,
      }),
    ).rejects.toMatchObject({ code: 'bad-signature' });
    const entry = await recordCustodyTransfer(vault, {
      evidenceId: f.ids.bank,
      to: BOB,
      at,
      reason,
      receiverPublicKeyHex: keyHex,
      receiverSignatureHex: signatureHex,
    });
    expect(entry.transfer?.reasonSha256).toBe(reasonHash(reason));

    const zip = await exported(vault, caseId, {
      selection: { evidenceIds: [f.ids.bank] },
    });
    const result = await verifyBundle(zip, { expectedFingerprint: vault.signing.fingerprint });
    expect(result.problems).toEqual([]);
    const files = unzipSync(zip);
    const report = strFromU8(files['report.html'] ?? new Uint8Array());
    expect(report).toContain('Handed over by Alice Chea');
    expect(report).toMatch(
      /Signed by the receiving officer&#39;s key|Signed by the receiving officer's key/,
    );

    // The statement the verifier rebuilds is the one that was signed.
    const m = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
    const item = m.evidence[0];
    const listed = item?.custody.find((c) => c.action === 'transfer');
    expect(listed?.transfer?.receiverSignatureHex).toBe(signatureHex);
    expect(
      handoverStatement({
        evidenceId: f.ids.bank,
        exhibitSha256: item?.intakeSha256 ?? '',
        at,
        from: vault.actor,
        to: BOB,
        reasonSha256: reasonHash(reason),
      }),
    ).toEqual(statement);

    // A re-signed bundle whose hand-over was moved to another day fails on the hand-over.
    const moved = {
      ...m,
      evidence: m.evidence.map((e) => ({
        ...e,
        custody: e.custody.map((c) =>
          c.action === 'transfer' ? { ...c, at: '2025-02-11T03:30:00.000Z' } : c,
        ),
      })),
    };
    const bytes = strToU8(`${JSON.stringify(moved, null, 2)}\n`);
    const forged = zipSync({
      ...files,
      'manifest.json': bytes,
      'manifest.sig': vault.signing.sign(bytes),
    });
    const forgedResult = await verifyBundle(forged, {
      expectedFingerprint: vault.signing.fingerprint,
    });
    expect(forgedResult.problems.map((p) => p.code)).toContain('handover-invalid');
  });
});
