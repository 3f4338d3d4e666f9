/*
 * The export as the app runs it: a real vault (fake-indexeddb, real WebCrypto), the fixture
 * case written into it as encrypted rows and files, exportFromVault, and the standalone
 * verifier on what was saved.
 */
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  ExportCancelledError,
  bundleFileName,
  exportFromVault,
  verifyBundle,
  type BundleSaver,
  type BundleSelection,
} from '../../../../src/core/bundle';
import { readWholeCase } from '../../../../src/core/cases';
import type { CaseId } from '../../../../src/core/model';
import type { UnlockedVault } from '../../../../src/core/vault';
import { newTestVault, ALICE } from '../../../helpers/vaultFixture';
import {
  VICTIM_IDENTIFIERS,
  buildCaseFixture,
  chargeSelection,
  strFromU8,
  unzipSync,
  type CaseFixture,
} from './caseFixture';

/** Writes the fixture case into the vault as the app would hold it; returns the case id. */
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

function savingTo(store: { bytes?: Uint8Array; name?: string }): BundleSaver {
  return (bytes, suggestedName) => {
    store.bytes = bytes;
    store.name = suggestedName;
    return Promise.resolve({ saved: true, path: null });
  };
}

describe('exportFromVault', () => {
  it('exports a signed bundle that verifies, and records it in the audit log and custody', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const saved: { bytes?: Uint8Array; name?: string } = {};
    const progress: number[] = [];

    const outcome = await exportFromVault(
      vault,
      { caseId, selection: chargeSelection(f), onProgress: (p) => progress.push(p.currentItem) },
      savingTo(saved),
    );

    expect(outcome.saved).toBe(true);
    if (!outcome.saved || saved.bytes === undefined) throw new Error('not saved');
    expect(saved.name).toBe(outcome.fileName);
    expect(saved.name).toMatch(
      /^KH-BMC-2025-0142-bundle-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.zip$/,
    );
    const result = await verifyBundle(saved.bytes, {
      expectedFingerprint: vault.signing.fingerprint,
    });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.keyMatched).toBe(true);
    expect(result.manifest?.exportedBy).toEqual(ALICE);
    expect(result.manifest?.victimProtection.mode).toBe('pseudonymised');
    expect(progress.at(-1)).toBe(outcome.contents.evidence.length);

    // Victims are protected by default: none of their identifiers is in the manifest or texts.
    const files = unzipSync(saved.bytes);
    const texts = Object.entries(files)
      .filter(([path]) => !path.startsWith('originals/'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    for (const identifier of VICTIM_IDENTIFIERS) expect(texts).not.toContain(identifier);

    const audit = await vault.db.audit.where('caseId').equals(caseId).toArray();
    const entry = audit.find((a) => a.action === 'bundle.export');
    expect(entry?.seq).toBe(outcome.auditSeq);
    expect(entry?.summary).toContain(outcome.fileName);
    expect(entry?.summary).toContain(outcome.zipSha256);
    expect(entry?.summary).toContain(vault.signing.fingerprint);
    expect((await vault.audit.verify()).intact).toBe(true);

    const exported = outcome.contents.evidence.map((i) => i.id);
    expect(exported.length).toBeGreaterThan(0);
    const custody = await vault.db.custody.where('caseId').equals(caseId).toArray();
    const exports = custody.filter((c) => c.action === 'export');
    expect(exports.map((c) => c.evidenceId).sort()).toEqual([...exported].sort());
    for (const c of exports) {
      expect(c.actor).toEqual(ALICE);
      expect(c.details).toContain(outcome.zipSha256);
    }
  });

  it('includes victims’ identities only when asked, and leaves out originals on request', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const saved: { bytes?: Uint8Array } = {};
    await exportFromVault(
      vault,
      {
        caseId,
        selection: chargeSelection(f),
        victimProtection: 'include-identities',
        includeOriginals: 'none',
      },
      savingTo(saved),
    );
    if (saved.bytes === undefined) throw new Error('not saved');
    const result = await verifyBundle(saved.bytes);
    expect(result.ok).toBe(true);
    expect(result.manifest?.victimProtection.mode).toBe('identities-included');
    expect(result.manifest?.evidence.every((e) => !e.original.included)).toBe(true);
    const manifest = strFromU8(unzipSync(saved.bytes)['manifest.json'] ?? new Uint8Array());
    expect(manifest).toContain(VICTIM_IDENTIFIERS[0]);
  });

  it('records nothing when the user cancels the save', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const before = await vault.db.audit.count();
    const outcome = await exportFromVault(vault, { caseId, selection: chargeSelection(f) }, () =>
      Promise.resolve({ saved: false, path: null }),
    );
    expect(outcome.saved).toBe(false);
    expect(await vault.db.audit.count()).toBe(before);
    const custody = await vault.db.custody.where('caseId').equals(caseId).toArray();
    expect(custody.some((c) => c.action === 'export')).toBe(false);
  });

  it('stops when cancelled while it runs, and records nothing', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const before = await vault.db.audit.count();
    const controller = new AbortController();
    let saves = 0;
    await expect(
      exportFromVault(
        vault,
        {
          caseId,
          selection: chargeSelection(f),
          signal: controller.signal,
          onProgress: (p) => {
            if (p.currentItem === 1) controller.abort();
          },
        },
        () => {
          saves++;
          return Promise.resolve({ saved: true, path: null });
        },
      ),
    ).rejects.toBeInstanceOf(ExportCancelledError);
    expect(saves).toBe(0);
    expect(await vault.db.audit.count()).toBe(before);
  });

  it('refuses an original that changed since intake, naming the exhibit', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    const caseId = await seed(vault, f);
    const ledger = await vault.db.evidence.get(f.ids.ledger);
    if (ledger === undefined) throw new Error('no ledger');
    // Another file under the ledger's record: what a swapped original looks like at export.
    const other = await vault.files.put(new Uint8Array([1, 2, 3]), { caseId });
    await vault.db.evidence.put({ ...ledger, fileId: other.id });
    const selection: BundleSelection = { evidenceIds: [f.ids.ledger] };
    const error = await exportFromVault(vault, { caseId, selection }, () =>
      Promise.resolve({ saved: true, path: null }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as Error).message).toContain(ledger.exhibitRef);
  });

  it('reads an empty case, and says what to pick when nothing is selected', async () => {
    const vault = await newTestVault();
    const f = buildCaseFixture();
    await vault.db.cases.put(f.data.case);
    const data = await readWholeCase(vault.db, f.data.case.id);
    expect(data.entities).toEqual([]);
    expect(data.evidence).toEqual([]);
    await expect(
      exportFromVault(vault, { caseId: f.data.case.id, selection: {} }, () =>
        Promise.resolve({ saved: true, path: null }),
      ),
    ).rejects.toThrow(/Nothing is selected/);
  });
});

describe('bundleFileName', () => {
  it('keeps only safe characters of the reference', () => {
    expect(bundleFileName('KH/2025:01 ../x', new Date('2025-03-01T10:00:00Z'))).toBe(
      'KH-2025-01-x-bundle-2025-03-01-10-00-00.zip',
    );
    expect(bundleFileName('///', new Date('2025-03-01T10:00:00Z'))).toBe(
      'case-bundle-2025-03-01-10-00-00.zip',
    );
  });
});
