import type { EvidenceRow, PageRow } from '../db';
import {
  newId,
  type CaseId,
  type CustodyId,
  type EvidenceId,
  type IsoDate,
  type PageId,
} from '../model';
import type { UnlockedVault } from '../vault';
import { EntityStoreError } from './errors';

export type StatementInput = Readonly<{
  caseId: CaseId;
  /** The exhibit reference the officer gives the statement (e.g. "ST-1"). */
  exhibitRef: string;
  /** Who made the statement: the witness or victim, as the officer records them. */
  statedBy: string;
  /** When it was taken, YYYY-MM-DD. */
  takenAt?: IsoDate;
  /** Where it was taken. */
  takenWhere: string;
  text: string;
}>;

/** A statement longer than this is a document to scan or import, not something typed in. */
export const MAX_STATEMENT_CHARS = 200_000;

/**
 * A statement typed by the officer (a witness or victim interview written up on the spot) as
 * an evidence item of its own: the text is stored as a text/plain file, hashed at intake, with
 * one page holding the text and a custody entry, so that extraction and citations treat it
 * like any other exhibit. It has no image, hence no word boxes.
 */
export async function addTypedStatement(
  vault: UnlockedVault,
  input: StatementInput,
): Promise<EvidenceId> {
  const text = input.text.replace(/\r\n?/g, '\n');
  const exhibitRef = input.exhibitRef.trim();
  if (exhibitRef === '') throw new EntityStoreError('The statement needs an exhibit reference.');
  if (text.trim() === '') throw new EntityStoreError('The statement is empty.');
  if (text.length > MAX_STATEMENT_CHARS)
    throw new EntityStoreError(
      `The statement has ${text.length} characters; at most ${MAX_STATEMENT_CHARS} can be typed in. Import it as a document instead.`,
    );
  const db = vault.db;
  const taken = await db.evidence.where('caseId').equals(input.caseId).toArray();
  const clash = taken.find((e) => e.exhibitRef.trim().toLowerCase() === exhibitRef.toLowerCase());
  if (clash !== undefined)
    throw new EntityStoreError(
      `Exhibit reference ${clash.exhibitRef} is already used in this case; choose another.`,
    );
  const bytes = new TextEncoder().encode(text);
  const file = await vault.files.put(bytes, {
    caseId: input.caseId,
    mediaType: 'text/plain;charset=utf-8',
    label: `statement ${exhibitRef}`,
  });
  const sha256 = file.sha256;
  if (sha256 === undefined) throw new EntityStoreError('The statement could not be hashed.');
  const at = new Date().toISOString();
  const evidenceId = newId<EvidenceId>();
  const evidence: EvidenceRow = {
    id: evidenceId,
    caseId: input.caseId,
    exhibitRef,
    fileName: `${exhibitRef}.txt`,
    mediaType: 'text/plain;charset=utf-8',
    size: bytes.length,
    sha256,
    fileId: file.id,
    seizedBy: vault.actor.name,
    seizedFrom: input.statedBy.trim(),
    ...(input.takenAt !== undefined && input.takenAt !== '' ? { seizedAt: input.takenAt } : {}),
    seizedWhere: input.takenWhere.trim(),
    description: `Statement of ${input.statedBy.trim()}, typed by ${vault.actor.name}.`,
    metadata: {},
    pageCount: 1,
    createdAt: at,
    blind: [vault.blindIndex.sha256(sha256)],
  };
  const page: PageRow = {
    id: newId<PageId>(),
    caseId: input.caseId,
    evidenceId,
    number: 1,
    text,
    words: [],
    source: 'text',
  };
  try {
    await vault.writeAudited([db.evidence, db.pages, db.custody], async (audit) => {
      await db.evidence.add(evidence);
      await db.pages.add(page);
      await db.custody.add({
        id: newId<CustodyId>(),
        caseId: input.caseId,
        evidenceId,
        at,
        actor: vault.actor,
        action: 'intake',
        details: `Typed statement of ${input.statedBy.trim()}, SHA-256 ${sha256}.`,
      });
      await audit({
        action: 'evidence.create',
        table: 'evidence',
        recordId: evidenceId,
        caseId: input.caseId,
        summary: `Added typed statement ${exhibitRef} (${bytes.length} bytes, SHA-256 ${sha256}).`,
      });
    });
  } catch (error) {
    // The file was stored before the transaction (files are written chunk by chunk): without
    // its evidence row it would be an orphan, so it goes.
    await vault.files.delete(file.id).catch(() => undefined);
    throw error;
  }
  return evidenceId;
}
