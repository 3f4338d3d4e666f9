/**
 * The vault database: one Dexie database per vault, its typed tables and its numbered schema
 * versions. Dexie lives here and nowhere else; encryption is plugged in by core/vault as a
 * DBCore middleware, so this module knows nothing about keys.
 */
export {
  VaultDb,
  VAULT_TABLES,
  SELF_PROTECTED_TABLES,
  CASE_OWNED_TABLES,
  vaultDbName,
  type VaultTableName,
} from './vaultDb';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations';
export type * from './rows';
export { OCR_JOB_STATUSES } from './rows';
export * from './exchangeRows';
