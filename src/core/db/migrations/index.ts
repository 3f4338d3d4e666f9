import type { Transaction } from 'dexie';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-exchange';

/**
 * Every schema version, oldest first. A new version is a new file NNNN-name.ts with the full
 * `stores` map (Dexie diffs it against the previous one) and, where rows change shape, an
 * `upgrade` that rewrites them through the encrypted tables.
 */
export const MIGRATIONS = [migration0001, migration0002] as const satisfies readonly Migration[];

/**
 * One schema version: its number, a name for the file, the full `stores` map, and where rows
 * change shape an `upgrade` that rewrites them. The upgrade runs inside Dexie's versionchange
 * transaction, above the encryption middleware, so it reads and writes plaintext rows.
 */
export type Migration = Readonly<{
  version: number;
  name: string;
  stores: Readonly<Record<string, string>>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}>;

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
