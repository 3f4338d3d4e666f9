import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { VaultTableName } from '../db';
import type { CaseId } from '../model';

/**
 * What one committed transaction touched: the tables it wrote and the cases of the rows it
 * put. `cases` is null when a write's case cannot be known from the request (a delete names
 * only primary keys): listeners must then assume every case of those tables changed.
 */
export type VaultChange = Readonly<{
  tables: ReadonlySet<VaultTableName>;
  cases: ReadonlySet<CaseId> | null;
}>;

export type VaultChangeListener = (change: VaultChange) => void;

/** The unlocked vault's announcements: one per committed read-write transaction. */
export type VaultChanges = Readonly<{
  /** Calls `listener` after each commit; returns the unsubscribe function. */
  subscribe: (listener: VaultChangeListener) => () => void;
}>;

/** Whether a change may concern `tables` of `caseId` (null: a vault-wide read). */
export function changeTouches(
  change: VaultChange,
  tables: readonly VaultTableName[],
  caseId: CaseId | null,
): boolean {
  if (!tables.some((t) => change.tables.has(t))) return false;
  if (caseId === null || change.cases === null) return true;
  // Rows without a caseId (the vault's own tables) are not narrowed by case.
  return change.cases.has(caseId) || change.cases.size === 0;
}

type Pending = { tables: Set<VaultTableName>; cases: Set<CaseId> | null };

/**
 * A DBCore middleware that notes, per IndexedDB transaction, what each mutate request
 * touched, and announces it once the transaction has committed: a listener never sees a
 * change that was rolled back, and re-reads see the committed rows. It sits above the
 * encryption middleware, so it sees plaintext rows (their caseId) and never keeps them.
 */
export function changeFeed(): { middleware: Middleware<DBCore>; changes: VaultChanges } {
  const listeners = new Set<VaultChangeListener>();
  const pending = new WeakMap<DBCoreTransaction, Pending>();

  const announce = (change: VaultChange): void => {
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        // A failing view must not stop the others from learning of the change.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  const note = (trans: DBCoreTransaction, table: VaultTableName, req: DBCoreMutateRequest) => {
    let entry = pending.get(trans);
    if (entry === undefined) {
      entry = { tables: new Set(), cases: new Set() };
      pending.set(trans, entry);
      const idb = trans as unknown as IDBTransaction;
      // Dexie's IndexedDB core hands the IDBTransaction itself down as the DBCore transaction.
      if (typeof idb.addEventListener === 'function') {
        const done = entry;
        idb.addEventListener('complete', () => announce(done));
      }
    }
    entry.tables.add(table);
    if (req.type === 'add' || req.type === 'put') {
      for (const value of req.values as unknown[]) {
        const row =
          value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
        // A case row is its own case.
        const caseId = table === 'cases' ? row['id'] : row['caseId'];
        if (typeof caseId === 'string') entry.cases?.add(caseId as CaseId);
      }
    } else {
      entry.cases = null;
    }
  };

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'RingtraceChanges',
    // Above the encryption middleware (-10), below Dexie's hooks and observability layers.
    level: -5,
    create(down) {
      return {
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          return {
            ...table,
            mutate(req) {
              note(req.trans, tableName as VaultTableName, req);
              return table.mutate(req);
            },
          };
        },
      };
    },
  };

  return {
    middleware,
    changes: Object.freeze({
      subscribe(listener: VaultChangeListener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    }),
  };
}
