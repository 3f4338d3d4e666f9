import { Dexie, type DBCore, type Middleware, type Table } from 'dexie';
import type { CaseId, FileId, KeySlotId } from '../model';
import { MIGRATIONS } from './migrations';
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

  constructor(dbName: string, middleware?: Middleware<DBCore>) {
    // close() (on lock) disables auto-open, so a locked vault's tables cannot quietly reconnect.
    super(dbName, { autoOpen: true });
    for (const migration of MIGRATIONS) this.version(migration.version).stores(migration.stores);
    if (middleware) this.use(middleware);
  }
}

export type VaultTableName = keyof (typeof MIGRATIONS)[number]['stores'];

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
] as const satisfies readonly VaultTableName[];

/** IndexedDB database name of a vault, so that several vaults live in one browser profile. */
export function vaultDbName(vaultName: string): string {
  return `ringtrace-vault:${vaultName}`;
}
