import {
  cmp,
  type DBCore,
  type DBCoreCursor,
  type DBCoreKeyRange,
  type DBCoreTable,
  type DBCoreTableSchema,
  type Middleware,
} from 'dexie';
import { SELF_PROTECTED_TABLES, type VaultTableName } from '../db';
import type { CaseId } from '../model';
import { InvalidVaultInputError, type RecordDecryptError } from './errors';
import { RowCipher, SEALED_FIELD } from './rowCipher';
import type { KeyRing } from './keys';

/** A stored row that failed to open; listings skip it and report it here. */
export type UnreadableRecord = Readonly<{
  table: string;
  key: unknown;
  /** The clear caseId of the row, when it has one, so that a case view can show its own. */
  caseId?: CaseId;
  reason: string;
}>;

/**
 * What the vault knows to be unreadable. A fact store rather than a per-call result, so that
 * concurrent reads cannot mix up whose listing found what: a row is here from the moment a
 * read failed on it until it is overwritten or deleted.
 */
export class UnreadableRecords {
  readonly #records = new Map<string, UnreadableRecord>();

  static #id(table: string, key: unknown): string {
    return `${table}\u0000${JSON.stringify(key)}`;
  }

  note(error: RecordDecryptError, stored: unknown): void {
    const caseId =
      stored !== null && typeof stored === 'object'
        ? (stored as { caseId?: unknown }).caseId
        : undefined;
    this.#records.set(UnreadableRecords.#id(error.table, error.recordKey), {
      table: error.table,
      key: error.recordKey,
      ...(typeof caseId === 'string' ? { caseId: caseId as CaseId } : {}),
      reason: error.message,
    });
  }

  forget(table: string, keys: readonly unknown[]): void {
    for (const key of keys) this.#records.delete(UnreadableRecords.#id(table, key));
  }

  forgetRange(table: string, range: DBCoreKeyRange): void {
    for (const [id, record] of this.#records) {
      if (record.table === table && inRange(record.key, range)) this.#records.delete(id);
    }
  }

  list(table?: string): readonly UnreadableRecord[] {
    const all = [...this.#records.values()];
    return table === undefined ? all : all.filter((r) => r.table === table);
  }
}

function inRange(key: unknown, range: DBCoreKeyRange): boolean {
  try {
    const lower = range.lower === undefined ? -1 : cmp(key, range.lower);
    const upper = range.upper === undefined ? 1 : cmp(range.upper, key);
    return (range.lowerOpen ? lower > 0 : lower >= 0) && (range.upperOpen ? upper > 0 : upper >= 0);
  } catch {
    return false;
  }
}

/** The properties IndexedDB must read: primary key and index key paths. All else is sealed. */
function clearFieldsOf(schema: DBCoreTableSchema): readonly string[] {
  const paths = [schema.primaryKey, ...schema.indexes].flatMap((index) =>
    index.keyPath === null ? [] : Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath],
  );
  return [...new Set(paths)];
}

/**
 * Dexie middleware level: below every built-in layer (hooks, cache, observability), so that
 * they all work on plaintext in memory and only IndexedDB sees ciphertext.
 */
const LEVEL = -10;

/**
 * The DBCore middleware that seals every row on its way into IndexedDB and opens it on the
 * way out. Exact look-ups (get, getMany) of an unreadable row throw a RecordDecryptError
 * naming it; listings (query, openCursor) skip it and note it in `unreadable`, so that one
 * damaged record does not hide the rest of a case.
 */
export function encryptionMiddleware(
  ring: KeyRing,
  unreadable: UnreadableRecords,
): Middleware<DBCore> {
  const cipher = new RowCipher(ring);
  return {
    stack: 'dbcore',
    name: 'RingtraceEncryption',
    level: LEVEL,
    create(down) {
      return {
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          if (tableName in SELF_PROTECTED_TABLES) return table;
          return sealedTable(table, tableName as VaultTableName, cipher, unreadable);
        },
      };
    },
  };
}

function sealedTable(
  table: DBCoreTable,
  tableName: VaultTableName,
  cipher: RowCipher,
  unreadable: UnreadableRecords,
): DBCoreTable {
  const clearFields = clearFieldsOf(table.schema);
  const primaryKey = table.schema.primaryKey;
  const extractKey = primaryKey.extractKey;
  if (primaryKey.outbound || !extractKey) {
    throw new InvalidVaultInputError(`Table ${tableName} must have an inbound primary key.`);
  }

  const seal = (value: unknown): Record<string, unknown> => {
    if (value === null || typeof value !== 'object') {
      throw new InvalidVaultInputError(`A row of ${tableName} must be an object.`);
    }
    const key: unknown = extractKey(value);
    if (key === undefined) {
      throw new InvalidVaultInputError(`A row of ${tableName} is missing its primary key.`);
    }
    const stored: Record<string, unknown> = {};
    for (const field of clearFields) {
      const v = (value as Record<string, unknown>)[field];
      if (v !== undefined) stored[field] = v;
    }
    stored[SEALED_FIELD] = cipher.seal(tableName, key, value);
    return stored;
  };

  const keyOfStored = (stored: unknown, fallback: unknown): unknown => {
    try {
      return stored !== null && typeof stored === 'object' ? extractKey(stored) : fallback;
    } catch {
      return fallback;
    }
  };

  /** Opens a row or returns undefined after noting it; the primary key comes from IndexedDB. */
  const tryOpen = (key: unknown, stored: unknown): Record<string, unknown> | undefined => {
    const result = cipher.open(tableName, key, stored, clearFields);
    if (result.ok) return result.value;
    unreadable.note(result.error, stored);
    return undefined;
  };

  const openOrThrow = (key: unknown, stored: unknown): Record<string, unknown> | undefined => {
    if (stored === undefined) return undefined;
    const result = cipher.open(tableName, key, stored, clearFields);
    if (result.ok) return result.value;
    unreadable.note(result.error, stored);
    throw result.error;
  };

  return {
    ...table,
    mutate(req) {
      switch (req.type) {
        case 'add':
        case 'put': {
          const values = req.values.map(seal);
          unreadable.forget(
            tableName,
            req.values.map((v: unknown): unknown => extractKey(v)),
          );
          return table.mutate({ ...req, values });
        }
        case 'delete':
          unreadable.forget(tableName, req.keys);
          return table.mutate(req);
        case 'deleteRange':
          unreadable.forgetRange(tableName, req.range);
          return table.mutate(req);
      }
    },
    async get(req) {
      const stored: unknown = await table.get(req);
      return openOrThrow(req.key, stored);
    },
    async getMany(req) {
      const stored: unknown[] = await table.getMany(req);
      return stored.map((row, i) => openOrThrow(req.keys[i], row));
    },
    async query(req) {
      if (!req.values) return table.query(req);
      const response = await table.query(req);
      const result: unknown[] = [];
      for (const stored of response.result as unknown[]) {
        // For a values query the key comes from the row itself; a row whose clear primary key
        // was edited then fails authentication under the edited key, which is what it claims.
        const opened = tryOpen(keyOfStored(stored, undefined), stored);
        if (opened !== undefined) result.push(opened);
      }
      return { ...response, result };
    },
    async openCursor(req) {
      const cursor = await table.openCursor(req);
      if (!cursor || !req.values) return cursor;
      return decryptingCursor(cursor, tryOpen);
    },
  };
}

/**
 * A cursor that shows opened rows and steps over unreadable ones. Same shape as Dexie's own
 * virtual-index cursor: Object.create over the real cursor, overriding what differs.
 */
function decryptingCursor(
  cursor: DBCoreCursor,
  tryOpen: (key: unknown, stored: unknown) => Record<string, unknown> | undefined,
): DBCoreCursor {
  let lastStored: unknown;
  let lastOpened: Record<string, unknown> | undefined;
  const openCurrent = (): Record<string, unknown> | undefined => {
    const stored: unknown = cursor.value;
    if (stored !== lastStored) {
      lastStored = stored;
      lastOpened = tryOpen(cursor.primaryKey, stored);
    }
    return lastOpened;
  };
  return Object.create(cursor, {
    primaryKey: { get: (): unknown => cursor.primaryKey },
    key: { get: (): unknown => cursor.key },
    value: { get: openCurrent },
    done: { get: () => cursor.done },
    start: {
      value: (onNext: () => void) =>
        cursor.start(() => {
          if (openCurrent() === undefined) cursor.continue();
          else onNext();
        }),
    },
  }) as DBCoreCursor;
}
