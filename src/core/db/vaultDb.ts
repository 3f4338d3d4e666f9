import { Dexie, type DBCore, type Middleware, type Table } from 'dexie';
import type { CaseId, FileId, KeySlotId } from '../model';
import { MIGRATIONS, type Migration } from './migrations';
import type {
  ExchangeKeyRow,
  ImportMappingRow,
  IncomingRecordId,
  IncomingRecordRow,
  PartnerId,
  PartnerRow,
  VictimRecordId,
  VictimRecordRow,
} from './exchangeRows';
import type {
  ActorRow,
  AuditRow,
  CaseRow,
  CitationRow,
  CustodyRow,
  EntityRow,
  EvidenceRow,
  FileChunkRow,
  FileRow,
  GraphViewId,
  GraphViewRow,
  KeySlotRow,
  LinkRow,
  OcrJobId,
  OcrJobRow,
  PageRow,
  SettingsRow,
  VaultMetaRow,
} from './rows';
import type { CitationId, CustodyId, EntityId, EvidenceId, LinkId, PageId } from '../model';

/**
 * The vault's Dexie database. Tables are typed with the decrypted rows: the encryption
 * middleware sits below Dexie's own layers, so everything above it sees plaintext.
 */
export class VaultDb extends Dexie {
  declare readonly keySlots: Table<KeySlotRow, KeySlotId>;
  declare readonly actors: Table<ActorRow, KeySlotId>;
  declare readonly vaultMeta: Table<VaultMetaRow, VaultMetaRow['id']>;
  declare readonly settings: Table<SettingsRow, KeySlotId>;
  declare readonly cases: Table<CaseRow, CaseId>;
  declare readonly entities: Table<EntityRow, EntityId>;
  declare readonly links: Table<LinkRow, LinkId>;
  declare readonly evidence: Table<EvidenceRow, EvidenceId>;
  declare readonly pages: Table<PageRow, PageId>;
  declare readonly citations: Table<CitationRow, CitationId>;
  declare readonly custody: Table<CustodyRow, CustodyId>;
  declare readonly audit: Table<AuditRow, number>;
  declare readonly files: Table<FileRow, FileId>;
  declare readonly fileChunks: Table<FileChunkRow, [FileId, number]>;
  declare readonly ocrJobs: Table<OcrJobRow, OcrJobId>;
  declare readonly graphViews: Table<GraphViewRow, GraphViewId>;
  // Schema version 2: the cross-border exchange.
  declare readonly exchangeKeys: Table<ExchangeKeyRow, ExchangeKeyRow['id']>;
  declare readonly partners: Table<PartnerRow, PartnerId>;
  declare readonly victimRecords: Table<VictimRecordRow, VictimRecordId>;
  declare readonly incomingRecords: Table<IncomingRecordRow, IncomingRecordId>;
  declare readonly importMappings: Table<ImportMappingRow, ImportMappingRow['id']>;

  /**
   * `migrations` is every schema version except in the migration tests, which open a
   * database as version N-1 left it to check that version N reads it.
   */
  constructor(
    dbName: string,
    middleware: readonly Middleware<DBCore>[] = [],
    migrations: readonly Migration[] = MIGRATIONS,
  ) {
    // close() (on lock) disables auto-open, so a locked vault's tables cannot quietly reconnect.
    super(dbName, { autoOpen: true });
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
    for (const layer of middleware) this.use(layer);
  }
}

/** Every table of every schema version (distributed over the union, not just common keys). */
type StoreNames<M> = M extends { stores: infer S } ? keyof S : never;
export type VaultTableName = StoreNames<(typeof MIGRATIONS)[number]>;

export const VAULT_TABLES = Object.keys(
  MIGRATIONS[MIGRATIONS.length - 1]?.stores ?? {},
) as readonly VaultTableName[];

/**
 * Tables whose rows the middleware leaves alone, with the reason. Everything else is sealed
 * row by row.
 */
export const SELF_PROTECTED_TABLES: Readonly<Partial<Record<VaultTableName, string>>> = {
  keySlots: 'holds only salts, KDF parameters and the already-wrapped data key',
  fileChunks: 'each chunk is sealed by the file layer (index, final flag and file id in its AAD)',
};

/** Tables whose rows belong to a case through an indexed caseId (purged with the case). */
export const CASE_OWNED_TABLES = [
  'entities',
  'links',
  'evidence',
  'pages',
  'citations',
  'custody',
  'files',
  'ocrJobs',
  'graphViews',
  // A victim's identification record, and a partner's record once attached to a local
  // person, belong to that person's case. Received records not yet attached have no case and
  // stay with the vault.
  'victimRecords',
  'incomingRecords',
] as const satisfies readonly VaultTableName[];

/** IndexedDB database name of a vault, so that several vaults live in one browser profile. */
export function vaultDbName(vaultName: string): string {
  return `ringtrace-vault:${vaultName}`;
}
