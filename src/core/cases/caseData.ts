import { VaultDb, type AuditRow, type VaultTableName } from '../db';
import type {
  Case,
  CaseId,
  Citation,
  CustodyEntry,
  Entity,
  EvidenceItem,
  Link,
  Page,
} from '../model';
import type { UnlockedVault } from '../vault';
import { withPseudonyms } from '../entities/write';
import { CaseNotFoundError } from './caseStore';

/*
 * The one way to read a case. Every view, the bundle export, search and the network read the
 * records of a case through readCase, naming the parts they show; the parts name the tables
 * they come from, so that a view can re-read exactly when a committed write touched one of
 * them (vault.changes).
 */

/** One audit entry of the case as stored: the chain's fields, nothing hidden. */
export type CaseAuditEntry = AuditRow;

/** Every record of one case, in the model's shapes (storage fields such as blind tokens gone). */
export type CaseRecords = Readonly<{
  case: Case;
  entities: readonly Entity[];
  links: readonly Link[];
  citations: readonly Citation[];
  /** Sorted by exhibit reference, the order in which the UI and bundles list them. */
  evidence: readonly EvidenceItem[];
  pages: readonly Page[];
  custody: readonly CustodyEntry[];
  audit: readonly CaseAuditEntry[];
}>;

export type CasePart = keyof CaseRecords;

/** The table each part is read from: what a reader of the part must watch. */
export const CASE_PART_TABLES: Readonly<Record<CasePart, VaultTableName>> = {
  // (entities also read the case row's pseudonym count; a write that changes it also
  // writes entities, so watching the entities table is enough.)
  case: 'cases',
  entities: 'entities',
  links: 'links',
  citations: 'citations',
  evidence: 'evidence',
  pages: 'pages',
  custody: 'custody',
  audit: 'audit',
};

export const ALL_CASE_PARTS: readonly CasePart[] = Object.keys(CASE_PART_TABLES) as CasePart[];

/** The tables behind some parts. */
export function tablesOf(parts: readonly CasePart[]): VaultTableName[] {
  return [...new Set(parts.map((p) => CASE_PART_TABLES[p]))];
}

/** Drops the storage-only fields of a stored row (blind-index tokens, merge records). */
function withoutStorage<T extends object>(row: T): Omit<T, 'blind' | 'merges'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
  const { blind, merges, ...rest } = row as T & { blind?: unknown; merges?: unknown };
  return rest;
}

/** An unlocked vault, or (in core and tests) its decrypting database. */
export type CaseSource = UnlockedVault | VaultDb;

type Readers = { [P in CasePart]: (db: VaultDb, caseId: CaseId) => Promise<CaseRecords[P]> };

const READERS: Readers = {
  async case(db, caseId) {
    const row = await db.cases.get(caseId);
    if (row === undefined) throw new CaseNotFoundError(caseId);
    return row;
  },
  async entities(db, caseId) {
    const [rows, theCase] = await Promise.all([
      db.entities.where('caseId').equals(caseId).toArray(),
      db.cases.get(caseId),
    ]);
    // Every reader sees each victim's one pseudonym, also in a vault from before they were stored.
    return withPseudonyms(
      rows.map((row) => withoutStorage(row)),
      theCase?.victimPseudonymsIssued,
    );
  },
  links: (db, caseId) => db.links.where('caseId').equals(caseId).toArray(),
  citations: (db, caseId) => db.citations.where('caseId').equals(caseId).toArray(),
  async evidence(db, caseId) {
    const rows = await db.evidence.where('caseId').equals(caseId).toArray();
    return rows
      .map((row) => withoutStorage(row))
      .sort((a, b) => a.exhibitRef.localeCompare(b.exhibitRef));
  },
  pages: (db, caseId) => db.pages.where('caseId').equals(caseId).toArray(),
  custody: (db, caseId) => db.custody.where('caseId').equals(caseId).toArray(),
  audit: (db, caseId) => db.audit.where('caseId').equals(caseId).toArray(),
};

/**
 * Reads the named parts of a case, decrypted in memory. A part not asked for is not read.
 * Throws CaseNotFoundError when 'case' is asked for and the case is not in the vault.
 */
export async function readCase<P extends CasePart>(
  source: CaseSource,
  caseId: CaseId,
  parts: readonly P[],
): Promise<Pick<CaseRecords, P>> {
  const db = source instanceof VaultDb ? source : source.db;
  const wanted = [...new Set(parts)];
  const values = await Promise.all(wanted.map((part) => READERS[part](db, caseId)));
  const out: Partial<Record<CasePart, unknown>> = {};
  wanted.forEach((part, i) => (out[part] = values[i]));
  return out as Pick<CaseRecords, P>;
}

/** The whole case: what a bundle may be cut from. */
export function readWholeCase(source: CaseSource, caseId: CaseId): Promise<CaseRecords> {
  return readCase(source, caseId, ALL_CASE_PARTS);
}

/** What the network draws of a case: its entities, links and the citations behind them. */
export function readCaseGraph(
  source: CaseSource,
  caseId: CaseId,
): Promise<Pick<CaseRecords, 'entities' | 'links' | 'citations'>> {
  return readCase(source, caseId, ['entities', 'links', 'citations']);
}
