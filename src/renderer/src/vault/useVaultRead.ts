import { useMemo, useSyncExternalStore } from 'react';
import { readCase, tablesOf, type CasePart, type CaseRecords } from '../../../core/cases';
import type { VaultTableName } from '../../../core/db';
import type { CaseId } from '../../../core/model';
import { changeTouches, type UnlockedVault } from '../../../core/vault';
import { useSession } from './session';

/** What a view shows while its data is read, once read, or when the read failed. */
export type ReadState<T> =
  | Readonly<{ status: 'loading' }>
  | Readonly<{ status: 'ready'; data: T }>
  /** `error` as thrown, so that the UI can translate it by its code; `message` as it says. */
  | Readonly<{ status: 'error'; message: string; error: unknown }>;

const LOADING: ReadState<never> = Object.freeze({ status: 'loading' });

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * One read of the vault kept fresh: it runs while someone subscribes, and runs again after
 * every committed write that touched one of its tables (of its case). While a re-read runs the
 * last result stays on screen; a result that arrives after a newer read started is dropped.
 */
class LiveRead<T> {
  #state: ReadState<T> = LOADING;
  #listeners = new Set<() => void>();
  #unsubscribe: (() => void) | null = null;
  #generation = 0;

  constructor(
    private readonly vault: UnlockedVault,
    private readonly tables: readonly VaultTableName[],
    private readonly caseId: CaseId | null,
    private readonly read: () => Promise<T>,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#unsubscribe === null) {
      this.#unsubscribe = this.vault.changes.subscribe((change) => {
        if (changeTouches(change, this.tables, this.caseId)) this.#run();
      });
      this.#run();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && this.#unsubscribe !== null) {
        this.#unsubscribe();
        this.#unsubscribe = null;
        this.#generation++;
      }
    };
  };

  readonly snapshot = (): ReadState<T> => this.#state;

  #run(): void {
    const generation = ++this.#generation;
    // A locked vault throws on every read; the session is unmounting then.
    if (this.vault.locked) return;
    this.read().then(
      (data) => this.#set(generation, { status: 'ready', data }),
      (e: unknown) =>
        this.#set(generation, { status: 'error', message: errorMessage(e), error: e }),
    );
  }

  #set(generation: number, state: ReadState<T>): void {
    if (generation !== this.#generation) return;
    this.#state = state;
    for (const listener of [...this.#listeners]) listener();
  }
}

/**
 * Reads what a view shows and re-reads it when a committed write touches `tables` (of
 * `caseId`, or of any case when null). `read` is taken anew only when `deps` change, as with
 * useMemo: pass every value `read` uses.
 */
export function useVaultRead<T>(
  tables: readonly VaultTableName[],
  caseId: CaseId | null,
  read: (vault: UnlockedVault) => Promise<T>,
  deps: readonly unknown[],
): ReadState<T> {
  const { vault } = useSession();
  return useReadOf(vault, tables, caseId, read, deps);
}

/** useVaultRead for the session itself, which holds the vault before any view has it. */
export function useReadOf<T>(
  vault: UnlockedVault,
  tables: readonly VaultTableName[],
  caseId: CaseId | null,
  read: (vault: UnlockedVault) => Promise<T>,
  deps: readonly unknown[],
): ReadState<T> {
  const tablesKey = tables.join(',');
  const live = useMemo(
    () => new LiveRead(vault, tables, caseId, () => read(vault)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- tables by value; read by deps
    [vault, tablesKey, caseId, ...deps],
  );
  return useSyncExternalStore(live.subscribe, live.snapshot);
}

/** The named parts of a case, re-read when a write touches one of them. */
export function useCaseRead<P extends CasePart>(
  caseId: CaseId,
  parts: readonly P[],
): ReadState<Pick<CaseRecords, P>> {
  const partsKey = [...parts].sort().join(',');
  return useVaultRead(
    tablesOf(parts),
    caseId,
    (vault) => readCase(vault, caseId, parts),
    // `parts` by value: a literal array is new on every render.
    [partsKey],
  );
}

/**
 * A number that grows after each committed write touching `tables` (of `caseId`): for work
 * that must run as an effect (long, with progress and cancel) rather than as a read.
 */
export function useChangeCount(tables: readonly VaultTableName[], caseId: CaseId | null): number {
  const { vault } = useSession();
  const tablesKey = tables.join(',');
  const counter = useMemo(() => {
    let count = 0;
    return {
      subscribe: (listener: () => void) =>
        vault.changes.subscribe((change) => {
          if (!changeTouches(change, tables, caseId)) return;
          count++;
          listener();
        }),
      snapshot: () => count,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- tables by value
  }, [vault, tablesKey, caseId]);
  return useSyncExternalStore(counter.subscribe, counter.snapshot);
}
