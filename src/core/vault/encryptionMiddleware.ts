import {
  cmp,
  Dexie,
  type DBCore,
  type DBCoreCursor,
  type DBCoreGetManyRequest,
  type DBCoreGetRequest,
  type DBCoreKeyRange,
  type DBCoreOpenCursorRequest,
  type DBCoreQueryRequest,
  type DBCoreQueryResponse,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTableSchema,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { SELF_PROTECTED_TABLES, type VaultTableName } from '../db';
import type { CaseId } from '../model';
import { InvalidVaultInputError, type RecordDecryptError } from './errors';
import { utf8 } from './bytes';
import {
  Commitment,
  describeProblem,
  IntegrityHasher,
  problemsOf,
  type IntegrityReport,
  type IntegrityStateRow,
  type RowElement,
} from './integrity';
import { RowCipher, SEALED_FIELD, VERSION_FIELD } from './rowCipher';
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
 *
 * It also keeps the vault-wide commitment (integrity.ts) in step with every write: each write
 * transaction is widened to include vaultMeta, and every put, add or delete folds the old and
 * new rows' elements into the sealed integrity record in that same transaction, so that the
 * record and the rows can never commit apart.
 */
export function encryptionMiddleware(
  ring: KeyRing,
  unreadable: UnreadableRecords,
  integrity: VaultIntegrity,
): Middleware<DBCore> {
  const cipher = new RowCipher(ring);
  return {
    stack: 'dbcore',
    name: 'RingtraceEncryption',
    level: LEVEL,
    create(down) {
      integrity.attach(down, cipher);
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && !stores.includes(META_TABLE) ? [...stores, META_TABLE] : stores;
          return down.transaction(widened, mode, options);
        },
        table(tableName) {
          const table = down.table(tableName);
          if (!isTracked(tableName)) return table;
          if (tableName in SELF_PROTECTED_TABLES) return trackedClearTable(table, integrity);
          return sealedTable(table, tableName as VaultTableName, cipher, unreadable, integrity);
        },
      };
    },
  };
}

const META_TABLE = 'vaultMeta';
/** vaultMeta's row holding the sealed commitment; not part of what it commits to. */
export const INTEGRITY_ROW_ID = 'integrity';

/**
 * Tables the commitment covers: all but the file chunks, which the file layer guards (each
 * chunk's file id, index and final flag are in its AAD, and the sealed file row, which is
 * covered, holds the chunk count; files are written once and never rewritten).
 */
export function isTracked(tableName: string): boolean {
  return tableName !== 'fileChunks';
}

function versionOf(stored: unknown): number {
  const v =
    stored !== null && typeof stored === 'object'
      ? (stored as Record<string, unknown>)[VERSION_FIELD]
      : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

type Commitments = WeakMap<object, Promise<Commitment | undefined>>;

/**
 * The integrity side of the middleware: per transaction, the commitment read once and
 * written after every change; and the full scan that checks the stored rows against it.
 */
export class VaultIntegrity {
  #down: DBCore | undefined;
  #cipher: RowCipher | undefined;
  readonly #perTransaction: Commitments = new WeakMap();
  readonly hasher: IntegrityHasher;

  constructor(ring: KeyRing) {
    this.hasher = new IntegrityHasher(ring.key('integrity'));
  }

  attach(down: DBCore, cipher: RowCipher): void {
    this.#down = down;
    this.#cipher = cipher;
  }

  #core(): { down: DBCore; cipher: RowCipher } {
    if (!this.#down || !this.#cipher) throw new Error('The vault database is not open.');
    return { down: this.#down, cipher: this.#cipher };
  }

  /** The element of a stored row, as the scan sees it and as the writer saw it. */
  elementOf(table: string, key: unknown, stored: unknown): RowElement {
    const sealed =
      stored !== null && typeof stored === 'object'
        ? (stored as Record<string, unknown>)[SEALED_FIELD]
        : undefined;
    let digest: Uint8Array;
    if (sealed instanceof Uint8Array && !(table in SELF_PROTECTED_TABLES)) {
      digest = this.hasher.digest(sealed);
    } else {
      try {
        digest = this.hasher.digestClearRow(stored);
      } catch {
        digest = this.hasher.digest(utf8(String(JSON.stringify(stored))));
      }
    }
    return this.hasher.element(table, key, versionOf(stored), digest);
  }

  async #read(trans: DBCoreTransaction): Promise<IntegrityStateRow | 'missing' | 'unreadable'> {
    const { down, cipher } = this.#core();
    const stored: unknown = await down.table(META_TABLE).get({ trans, key: INTEGRITY_ROW_ID });
    if (stored === undefined) return 'missing';
    const opened = cipher.open(META_TABLE, INTEGRITY_ROW_ID, stored, ['id']);
    if (!opened.ok) return 'unreadable';
    const row = opened.value as unknown as IntegrityStateRow;
    return row.format === 1 && row.cells instanceof Uint8Array ? row : 'unreadable';
  }

  /** The transaction's commitment, or undefined where there is none to keep (see check()). */
  load(trans: DBCoreTransaction): Promise<Commitment | undefined> {
    let pending = this.#perTransaction.get(trans);
    if (!pending) {
      pending = this.#read(trans).then((row) =>
        typeof row === 'string' ? undefined : new Commitment(this.hasher, row),
      );
      this.#perTransaction.set(trans, pending);
    }
    return pending;
  }

  async save(trans: DBCoreTransaction, commitment: Commitment): Promise<void> {
    const { down, cipher } = this.#core();
    const row = commitment.toRow();
    await down.table(META_TABLE).mutate({
      type: 'put',
      trans,
      values: [
        {
          id: INTEGRITY_ROW_ID,
          [VERSION_FIELD]: 1,
          [SEALED_FIELD]: cipher.seal(META_TABLE, INTEGRITY_ROW_ID, row, 1),
        },
      ],
    });
  }

  /** Reads every tracked row of the vault, in one transaction, into a fresh commitment. */
  async #scan(trans: DBCoreTransaction, tables: readonly string[]): Promise<Commitment> {
    const { down } = this.#core();
    const actual = new Commitment(this.hasher);
    for (const name of tables) {
      const table = down.table(name);
      const extractKey = table.schema.primaryKey.extractKey;
      if (!extractKey) continue;
      actual.counts[name] ??= 0;
      let lower: unknown;
      for (;;) {
        const range = (
          lower === undefined ? { type: 3 } : { type: 2, lower, lowerOpen: true }
        ) as DBCoreKeyRange;
        const page = await table.query({
          trans,
          values: true,
          limit: SCAN_PAGE,
          query: { index: table.schema.primaryKey, range },
        });
        const rows = page.result as unknown[];
        for (const stored of rows) {
          const key: unknown = extractKey(stored);
          if (name === META_TABLE && key === INTEGRITY_ROW_ID) continue;
          actual.add(this.elementOf(name, key, stored));
        }
        if (rows.length < SCAN_PAGE) break;
        lower = extractKey(rows[rows.length - 1]);
      }
    }
    return actual;
  }

  #trackedTables(): string[] {
    const { down } = this.#core();
    return down.schema.tables.map((t) => t.name).filter(isTracked);
  }

  /**
   * Checks every stored row against the commitment and names what differs. One read-only
   * transaction, so that a write in progress cannot show as a difference.
   */
  async check(): Promise<IntegrityReport> {
    const { down } = this.#core();
    const tables = this.#trackedTables();
    const trans = down.transaction(tables, 'readonly');
    const stored = await this.#read(trans);
    const actual = await this.#scan(trans, tables);
    const rows = Object.values(actual.counts).reduce((a, b) => a + b, 0);
    if (typeof stored === 'string') {
      return {
        ok: false,
        problems: [],
        countChanges: {},
        complete: false,
        commitmentMissing: true,
        message:
          stored === 'missing'
            ? 'The vault’s integrity record is missing: rows may have been removed or rolled back without trace.'
            : 'The vault’s integrity record cannot be read: it was altered.',
      };
    }
    const expected = new Commitment(this.hasher, stored);
    const { expected: missing, found, complete } = expected.difference(actual);
    const countChanges: Record<string, number> = {};
    for (const t of new Set([...Object.keys(expected.counts), ...Object.keys(actual.counts)])) {
      const change = (actual.counts[t] ?? 0) - (expected.counts[t] ?? 0);
      if (change !== 0) countChanges[t] = change;
    }
    if (complete && missing.length === 0 && found.length === 0) return { ok: true, rows };
    const problems = problemsOf(missing, found);
    const named = problems.map(describeProblem);
    if (!complete) {
      for (const [t, change] of Object.entries(countChanges)) {
        named.push(
          change < 0
            ? `${-change} row(s) of ${t} are missing`
            : `${change} row(s) of ${t} were added`,
        );
      }
      named.push('more records differ than can be named one by one');
    }
    return {
      ok: false,
      problems,
      countChanges,
      complete,
      commitmentMissing: false,
      message: `The vault’s integrity check failed: ${named.join('; ')}.`,
    };
  }

  /**
   * Makes the commitment what is stored now: for a vault made before the commitment existed
   * (its first unlock after the upgrade), or when a user accepts a reported difference. The
   * caller records it in the audit log.
   */
  async rebuild(): Promise<void> {
    const { down } = this.#core();
    const tables = this.#trackedTables();
    const trans = down.transaction([...tables], 'readwrite');
    const actual = await this.#scan(trans, tables);
    await this.save(trans, actual);
    await new Promise<void>((resolve, reject) => {
      const idb = trans as unknown as IDBTransaction;
      if (typeof idb.addEventListener !== 'function') return resolve();
      idb.addEventListener('complete', () => resolve());
      idb.addEventListener('abort', () => reject(idb.error ?? new Error('Transaction aborted.')));
      idb.addEventListener('error', () => reject(idb.error ?? new Error('Transaction failed.')));
    });
  }

  /** A brand-new vault: an empty commitment, before its first rows are written. */
  async initialiseEmpty(): Promise<void> {
    await this.rebuild();
  }
}

const SCAN_PAGE = 2000;

/** Key slots stay in the clear (see SELF_PROTECTED_TABLES), but the commitment covers them. */
function trackedClearTable(table: DBCoreTable, integrity: VaultIntegrity): DBCoreTable {
  const keyPath = table.schema.primaryKey.extractKey;
  if (!keyPath) return table;
  const extractKey: (value: unknown) => unknown = keyPath;
  return {
    ...table,
    mutate: (req) => inZone(mutate(req)),
  };
  async function mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    {
      const commitment = await integrity.load(req.trans);
      if (!commitment) return table.mutate(req);
      const removed = await priorElements(table, req, integrity);
      const added =
        req.type === 'add' || req.type === 'put'
          ? req.values.map((v: unknown) => integrity.elementOf(table.name, extractKey(v), v))
          : [];
      const response = await table.mutate(req);
      applyChange(commitment, response, removed, added);
      await integrity.save(req.trans, commitment);
      return response;
    }
  }
}

/**
 * Hands a native promise back to Dexie as one of its own: Dexie's layers above keep their
 * transaction zone across a Dexie promise, and lose it across a native one (its hooks layer
 * then finds no current transaction).
 */
function inZone<T>(promise: Promise<T>): Promise<T> {
  return Dexie.Promise.resolve(promise);
}

/**
 * The stored rows a mutation replaces or deletes, as elements, with the operation index each
 * belongs to (for put: the value's index; duplicates within one request are handled by the
 * caller). Read in the same transaction, just before the write.
 */
async function priorElements(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  integrity: VaultIntegrity,
): Promise<Array<{ index: number; key: unknown; stored: unknown; element: RowElement }>> {
  const extractKey = table.schema.primaryKey.extractKey;
  if (!extractKey || req.type === 'add') return [];
  if (req.type === 'deleteRange') {
    const page = await table.query({
      trans: req.trans,
      values: true,
      query: { index: table.schema.primaryKey, range: req.range },
    });
    return (page.result as unknown[])
      .filter((stored) => !(table.name === META_TABLE && extractKey(stored) === INTEGRITY_ROW_ID))
      .map((stored) => {
        const key: unknown = extractKey(stored);
        return { index: 0, key, stored, element: integrity.elementOf(table.name, key, stored) };
      });
  }
  const keys: unknown[] =
    req.type === 'delete' ? req.keys : req.values.map((v: unknown): unknown => extractKey(v));
  const stored: unknown[] = await table.getMany({ trans: req.trans, keys });
  const seen = new Set<string>();
  const out: Array<{ index: number; key: unknown; stored: unknown; element: RowElement }> = [];
  stored.forEach((row, index) => {
    const key = keys[index];
    const id = JSON.stringify(key);
    if (row === undefined || seen.has(id)) return;
    seen.add(id);
    out.push({ index, key, stored: row, element: integrity.elementOf(table.name, key, row) });
  });
  return out;
}

/** Folds a completed mutation into the commitment: only the operations that succeeded. */
function applyChange(
  commitment: Commitment,
  response: DBCoreMutateResponse,
  removed: ReadonlyArray<{ index: number; element: RowElement }>,
  added: ReadonlyArray<RowElement | undefined>,
): void {
  const failed = (i: number): boolean => response.failures[i] !== undefined;
  for (const r of removed) if (!failed(r.index)) commitment.remove(r.element);
  added.forEach((element, i) => {
    if (element && !failed(i)) commitment.add(element);
  });
}

function sealedTable(
  table: DBCoreTable,
  tableName: VaultTableName,
  cipher: RowCipher,
  unreadable: UnreadableRecords,
  integrity: VaultIntegrity,
): DBCoreTable {
  const clearFields = clearFieldsOf(table.schema);
  const primaryKey = table.schema.primaryKey;
  const extractKey = primaryKey.extractKey;
  if (primaryKey.outbound || !extractKey) {
    throw new InvalidVaultInputError(`Table ${tableName} must have an inbound primary key.`);
  }

  const seal = (value: unknown, version: number): Record<string, unknown> => {
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
    stored[VERSION_FIELD] = version;
    stored[SEALED_FIELD] = cipher.seal(tableName, key, value, version);
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

  const isMeta = tableName === META_TABLE;

  const mutate = async (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
    {
      const commitment = await integrity.load(req.trans);
      const prior = await priorElements(table, req, integrity);
      switch (req.type) {
        case 'add':
        case 'put': {
          const keys = req.values.map((v: unknown): unknown => extractKey(v));
          const priorByIndex = new Map(prior.map((p) => [p.index, p]));
          // The version follows the row: one more than what is stored, or than an earlier
          // value for the same key in this same request (only the last one is kept).
          const latest = new Map<string, { version: number; element: RowElement }>();
          const replaced: Array<{ index: number; element: RowElement }> = [];
          const added: RowElement[] = [];
          const values = req.values.map((value: unknown, i) => {
            const id = JSON.stringify(keys[i]);
            const before = latest.get(id);
            const stored = priorByIndex.get(i);
            const previousVersion = before?.version ?? (stored ? versionOf(stored.stored) : 0);
            const version = previousVersion + 1;
            const sealed = seal(value, version);
            const element = integrity.elementOf(tableName, keys[i], sealed);
            const old = before?.element ?? stored?.element;
            if (old) replaced.push({ index: i, element: old });
            added.push(element);
            latest.set(id, { version, element });
            if (isMeta && keys[i] === 'auditHead' && commitment) {
              const head = value as { count?: unknown; lastHash?: unknown };
              if (typeof head.count === 'number' && typeof head.lastHash === 'string') {
                commitment.auditHead = { count: head.count, lastHash: head.lastHash };
              }
            }
            return sealed;
          });
          unreadable.forget(tableName, keys);
          const response = await table.mutate({ ...req, values });
          if (commitment) {
            applyChange(commitment, response, replaced, added);
            await integrity.save(req.trans, commitment);
          }
          return response;
        }
        case 'delete':
        case 'deleteRange': {
          if (req.type === 'delete') unreadable.forget(tableName, req.keys);
          else unreadable.forgetRange(tableName, req.range);
          const response = await table.mutate(req);
          if (commitment) {
            applyChange(commitment, response, prior, []);
            await integrity.save(req.trans, commitment);
          }
          return response;
        }
      }
    }
  };

  return {
    ...table,
    mutate: (req) => inZone(mutate(req)),
    get: (req) => inZone(get(req)),
    getMany: (req) => inZone(getMany(req)),
    query: (req) => inZone(query(req)),
    openCursor: (req) => inZone(openCursor(req)),
  };

  async function get(req: DBCoreGetRequest): Promise<unknown> {
    const stored: unknown = await table.get(req);
    return openOrThrow(req.key, stored);
  }
  async function getMany(req: DBCoreGetManyRequest): Promise<unknown[]> {
    const stored: unknown[] = await table.getMany(req);
    return stored.map((row, i) => openOrThrow(req.keys[i], row));
  }
  async function query(req: DBCoreQueryRequest): Promise<DBCoreQueryResponse> {
    if (!req.values) return table.query(req);
    const response = await table.query(req);
    const result: unknown[] = [];
    for (const stored of response.result as unknown[]) {
      if (isMeta && keyOfStored(stored, undefined) === INTEGRITY_ROW_ID) continue;
      // For a values query the key comes from the row itself; a row whose clear primary key
      // was edited then fails authentication under the edited key, which is what it claims.
      const opened = tryOpen(keyOfStored(stored, undefined), stored);
      if (opened !== undefined) result.push(opened);
    }
    return { ...response, result };
  }
  async function openCursor(req: DBCoreOpenCursorRequest): Promise<DBCoreCursor | null> {
    const cursor = await table.openCursor(req);
    if (!cursor || !req.values) return cursor;
    // The integrity record is the middleware's own: listings of vaultMeta never show it.
    return decryptingCursor(cursor, (key, stored) =>
      isMeta && key === INTEGRITY_ROW_ID ? undefined : tryOpen(key, stored),
    );
  }
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
