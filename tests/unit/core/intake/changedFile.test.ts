/**
 * A seized file that changes or becomes unreadable on disk while it is taken in (a USB stick
 * pulled out, a sync tool rewriting it) is refused with a message saying so, and leaves nothing
 * behind: no item, no stored chunks. Real vault (fake-indexeddb, real WebCrypto).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { IntakeError, sha256Blob } from '../../../../src/core/evidence';
import { createEvidenceStore } from '../../../../src/core/intake';
import type { CaseId } from '../../../../src/core/model';
import { FILE_CHUNK_BYTES } from '../../../../src/core/vault';
import type { UnlockedVault } from '../../../../src/core/vault';
import { writeLargePdf } from '../../../helpers/largePdf';
import type { LargePdf } from '../../../helpers/largePdf';
import { newTestVault } from '../../../helpers/vaultFixture';

/** A Blob whose reads of [failStart, failEnd) fail, as a File does once its file changed. */
class ChangingBlob extends Blob {
  constructor(
    parts: BlobPart[],
    private readonly fails: (start: number, end: number) => boolean,
  ) {
    super(parts);
  }
  override slice(start = 0, end = this.size): Blob {
    const part = super.slice(start, end);
    if (!this.fails(start, Math.min(end, this.size))) return part;
    return Object.assign(part, {
      arrayBuffer: () =>
        Promise.reject(new DOMException('The file changed on disk', 'NotReadableError')),
    });
  }
}

let pdf: LargePdf;
let bytes: Uint8Array;
let vault: UnlockedVault;
let caseId: CaseId;

beforeAll(async () => {
  pdf = writeLargePdf({
    paddingBytes: 3 * FILE_CHUNK_BYTES,
    textPages: [['STATEMENT', 'Sokha Chan, Poipet']],
    scanText: 'RECEIPT 4471',
  });
  bytes = new Uint8Array(readFileSync(pdf.path));
  vault = await newTestVault();
  caseId = (await openCaseStore(vault).create({ reference: 'KH-2026-9', title: 'Changes' })).id;
}, 60_000);

afterAll(() => {
  vault.lock();
  pdf.remove();
});

const META = {
  seizedBy: 'Det. Sophal Keo',
  seizedFrom: 'USB stick',
  seizedWhere: 'Poipet',
  description: 'Statements',
};

describe('a file that changes while it is taken in', () => {
  it('is refused while hashing, naming the file', async () => {
    // Hashing reads 8 MiB slices: the first one reads, the second fails.
    const blob = new ChangingBlob([new Uint8Array(9 * FILE_CHUNK_BYTES)], (start) => start > 0);
    const error = await sha256Blob(blob, { fileName: 'statements.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect(error).toMatchObject({ code: 'truncated', fileName: 'statements.pdf' });
    expect((error as Error).message).toMatch(/changed or could not be read while it was hashed/);
  });

  it('is refused while storing, and leaves no item and no chunks behind', async () => {
    // Hashing (one slice of the whole file) and pdf.js's reads succeed; the store's second
    // megabyte fails.
    const blob = new ChangingBlob(
      [bytes.slice()],
      (start, end) => start === FILE_CHUNK_BYTES && end === 2 * FILE_CHUNK_BYTES,
    );
    const store = createEvidenceStore(vault);
    const outcome = await store.intake(caseId, { name: 'statements.pdf', blob }, META);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.error.code).toBe('truncated');
    expect(outcome.error.message).toMatch(
      /^statements\.pdf: the file changed or could not be read while it was stored/,
    );
    expect(await store.list(caseId)).toEqual([]);
    expect(await vault.db.fileChunks.count()).toBe(0);

    // The same file, readable again, is taken in.
    const again = await store.intake(
      caseId,
      { name: 'statements.pdf', blob: new Blob([bytes.slice()]) },
      META,
    );
    expect(again.kind).toBe('stored');
  });
});
