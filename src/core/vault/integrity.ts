import sodium from 'libsodium-wrappers';
import { encodeRow } from './codec';
import { fromUtf8, toHex, utf8 } from './bytes';

/**
 * The vault-wide commitment: what makes a deleted, added, moved or rolled-back row visible.
 *
 * Every tracked row contributes one element: its table, primary key, version and a keyed
 * digest of its stored bytes (the sealed ciphertext, which a fresh nonce makes unique per
 * write). The commitment is an invertible Bloom lookup table (IBLT) of those elements: each
 * element is XORed into three cells, with a count and a keyed checksum per cell. Adding or
 * removing an element is O(1), so the middleware updates it inside the transaction of every
 * write, and it stays a few kilobytes whatever the size of the vault.
 *
 * Checking: the same table is built from the rows actually stored, subtracted from the sealed
 * one, and the difference is "peeled": a cell holding exactly one element yields that element
 * (table and key in the clear inside it), which is removed from its other cells, and so on.
 * Up to about CELLS / 1.3 differing elements decode exactly, so the check names each record;
 * beyond that the per-table counts still say which tables changed and by how much. Empty
 * difference means the stored rows are exactly the committed set: the digests are keyed by a
 * key derived from the data key, so nobody without it can make a different set cancel out.
 */

/** Cells per sub-table; every element falls in one cell of each of the three sub-tables. */
const SUB_CELLS = 40;
const HASHES = 3;
export const CELLS = SUB_CELLS * HASHES;

/** Bytes of the element's name part: a length byte then JSON [table, key], zero-padded. */
const NAME_BYTES = 80;
const VERSION_OFFSET = NAME_BYTES;
const DIGEST_OFFSET = NAME_BYTES + 4;
const DIGEST_BYTES = 16;
export const ELEMENT_BYTES = DIGEST_OFFSET + DIGEST_BYTES;
const CHECK_BYTES = 8;
const COUNT_BYTES = 4;
const CELL_BYTES = COUNT_BYTES + ELEMENT_BYTES + CHECK_BYTES;

/** The tracked content of one row, before it is folded into the table. */
export type RowElement = Readonly<{ table: string; bytes: Uint8Array }>;

/** A key too long for the element is named by its hash; the check then names it that way. */
function nameBytes(table: string, key: unknown): Uint8Array {
  const full = utf8(JSON.stringify([table, key]));
  if (full.length < NAME_BYTES) return full;
  const hashed = utf8(
    JSON.stringify([table, { keyHash: toHex(sodium.crypto_generichash(16, full, null)) }]),
  );
  return hashed.subarray(0, NAME_BYTES - 1);
}

export class IntegrityHasher {
  constructor(private readonly key: Uint8Array) {}

  /** The keyed digest of a row's stored bytes (for sealed rows, nonce || ciphertext || tag). */
  digest(stored: Uint8Array): Uint8Array {
    return sodium.crypto_generichash(DIGEST_BYTES, stored, this.key);
  }

  /** Digest of a row kept in the clear by design (key slots): its whole stored encoding. */
  digestClearRow(stored: unknown): Uint8Array {
    return this.digest(encodeRow(stored));
  }

  element(table: string, key: unknown, version: number, digest: Uint8Array): RowElement {
    const bytes = new Uint8Array(ELEMENT_BYTES);
    const name = nameBytes(table, key);
    bytes[0] = name.length;
    bytes.set(name, 1);
    new DataView(bytes.buffer).setUint32(VERSION_OFFSET, version >>> 0, false);
    bytes.set(digest, DIGEST_OFFSET);
    return { table, bytes };
  }

  /** Three cell indices (one per sub-table) and the checksum of an element. */
  place(element: Uint8Array): { cells: number[]; check: Uint8Array } {
    const h = sodium.crypto_generichash(16 + CHECK_BYTES, element, this.key);
    const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
    const cells: number[] = [];
    for (let i = 0; i < HASHES; i++) {
      cells.push(i * SUB_CELLS + (view.getUint32(i * 4, false) % SUB_CELLS));
    }
    return { cells, check: h.subarray(16, 16 + CHECK_BYTES) };
  }
}

/** The decoded content of an element: which row, at which version. */
export type DecodedElement = Readonly<{
  table: string;
  key: unknown;
  version: number;
  digest: string;
}>;

export function decodeElement(bytes: Uint8Array): DecodedElement | undefined {
  const length = bytes[0] ?? 0;
  if (length === 0 || length >= NAME_BYTES) return undefined;
  try {
    const parsed = JSON.parse(fromUtf8(bytes.subarray(1, 1 + length))) as unknown;
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return undefined;
    return {
      table: parsed[0],
      key: parsed[1] as unknown,
      version: new DataView(bytes.buffer, bytes.byteOffset).getUint32(VERSION_OFFSET, false),
      digest: toHex(bytes.subarray(DIGEST_OFFSET, DIGEST_OFFSET + DIGEST_BYTES)),
    };
  } catch {
    return undefined;
  }
}

/** The commitment's state as stored (sealed) in vaultMeta under the id 'integrity'. */
export type IntegrityStateRow = Readonly<{
  id: 'integrity';
  format: 1;
  cells: Uint8Array;
  /** Rows per tracked table. */
  counts: Readonly<Record<string, number>>;
  /** The audit chain head as last written: a wiped or rolled-back log shows against it. */
  auditHead?: Readonly<{ count: number; lastHash: string }>;
}>;

/** A mutable commitment: the cells and per-table counts. */
export class Commitment {
  readonly cells: Uint8Array;
  readonly counts: Record<string, number>;
  auditHead: { count: number; lastHash: string } | undefined;

  constructor(
    private readonly hasher: IntegrityHasher,
    row?: IntegrityStateRow,
  ) {
    this.cells = row ? row.cells.slice() : new Uint8Array(CELLS * CELL_BYTES);
    this.counts = row ? { ...row.counts } : {};
    this.auditHead = row?.auditHead ? { ...row.auditHead } : undefined;
    if (this.cells.length !== CELLS * CELL_BYTES) {
      throw new Error('The integrity record has the wrong size.');
    }
  }

  #fold(element: Uint8Array, sign: 1 | -1): void {
    const { cells, check } = this.hasher.place(element);
    const view = new DataView(this.cells.buffer, this.cells.byteOffset, this.cells.byteLength);
    for (const cell of cells) {
      const base = cell * CELL_BYTES;
      view.setInt32(base, view.getInt32(base, true) + sign, true);
      const sum = base + COUNT_BYTES;
      for (let i = 0; i < ELEMENT_BYTES; i++) this.cells[sum + i]! ^= element[i]!;
      const chk = sum + ELEMENT_BYTES;
      for (let i = 0; i < CHECK_BYTES; i++) this.cells[chk + i]! ^= check[i]!;
    }
  }

  add(element: RowElement): void {
    this.#fold(element.bytes, 1);
    this.counts[element.table] = (this.counts[element.table] ?? 0) + 1;
  }

  remove(element: RowElement): void {
    this.#fold(element.bytes, -1);
    this.counts[element.table] = (this.counts[element.table] ?? 0) - 1;
  }

  toRow(): IntegrityStateRow {
    return {
      id: 'integrity',
      format: 1,
      cells: this.cells.slice(),
      counts: { ...this.counts },
      ...(this.auditHead ? { auditHead: { ...this.auditHead } } : {}),
    };
  }

  /**
   * The elements in `this` and not in `actual` (sign 1: expected, missing) and the reverse
   * (sign -1: stored, not expected). `complete` is false when too many differ to peel all.
   */
  difference(actual: Commitment): {
    expected: DecodedElement[];
    found: DecodedElement[];
    complete: boolean;
  } {
    const diff = this.cells.slice();
    const view = new DataView(diff.buffer);
    const other = new DataView(actual.cells.buffer, actual.cells.byteOffset);
    for (let cell = 0; cell < CELLS; cell++) {
      const base = cell * CELL_BYTES;
      view.setInt32(base, view.getInt32(base, true) - other.getInt32(base, true), true);
      for (let i = COUNT_BYTES; i < CELL_BYTES; i++) diff[base + i]! ^= actual.cells[base + i]!;
    }
    const expected: DecodedElement[] = [];
    const found: DecodedElement[] = [];
    const cellIsZero = (base: number): boolean => {
      for (let i = 0; i < CELL_BYTES; i++) if (diff[base + i] !== 0) return false;
      return true;
    };
    let progress = true;
    while (progress) {
      progress = false;
      for (let cell = 0; cell < CELLS; cell++) {
        const base = cell * CELL_BYTES;
        const count = view.getInt32(base, true);
        if (count !== 1 && count !== -1) continue;
        const element = diff.slice(base + COUNT_BYTES, base + COUNT_BYTES + ELEMENT_BYTES);
        const { cells, check } = this.hasher.place(element);
        const stored = diff.subarray(base + COUNT_BYTES + ELEMENT_BYTES, base + CELL_BYTES);
        if (!cells.includes(cell) || stored.some((b, i) => b !== check[i])) continue;
        const decoded = decodeElement(element);
        if (!decoded) continue;
        (count === 1 ? expected : found).push(decoded);
        for (const c of cells) {
          const b = c * CELL_BYTES;
          view.setInt32(b, view.getInt32(b, true) - count, true);
          for (let i = 0; i < ELEMENT_BYTES; i++) diff[b + COUNT_BYTES + i]! ^= element[i]!;
          for (let i = 0; i < CHECK_BYTES; i++) {
            diff[b + COUNT_BYTES + ELEMENT_BYTES + i]! ^= check[i]!;
          }
        }
        progress = true;
      }
    }
    let complete = true;
    for (let cell = 0; cell < CELLS; cell++) if (!cellIsZero(cell * CELL_BYTES)) complete = false;
    return { expected, found, complete };
  }
}

/** What the integrity check found wrong with one record. */
export type IntegrityProblemKind =
  /** Committed but no longer stored. */
  | 'removed'
  /** Stored but never written through the vault. */
  | 'added'
  /** Stored at an older version than the last one written: an edit was undone behind the vault's back. */
  | 'rolledBack'
  /** Stored at the right key with other content: altered, or a ciphertext moved here. */
  | 'replaced';

export type IntegrityProblem = Readonly<{
  kind: IntegrityProblemKind;
  table: string;
  key: unknown;
  expectedVersion?: number;
  foundVersion?: number;
}>;

export type IntegrityReport =
  | Readonly<{ ok: true; rows: number }>
  | Readonly<{
      ok: false;
      /** Every record the check could name. */
      problems: readonly IntegrityProblem[];
      /** Tables whose row count differs from the committed count: stored minus expected. */
      countChanges: Readonly<Record<string, number>>;
      /** False when more records differ than the commitment can name one by one. */
      complete: boolean;
      /** The sealed integrity record itself is missing or unreadable. */
      commitmentMissing: boolean;
      /** One sentence per problem, for the UI and the export refusal. */
      message: string;
    }>;

const KIND_TEXT: Record<IntegrityProblemKind, string> = {
  removed: 'was removed',
  added: 'was added outside the app',
  rolledBack: 'was rolled back to an earlier version',
  replaced: 'was replaced by other content',
};

export function describeProblem(problem: IntegrityProblem): string {
  const versions =
    problem.kind === 'rolledBack'
      ? ` (version ${problem.foundVersion} stored, ${problem.expectedVersion} expected)`
      : '';
  return `${problem.table}/${JSON.stringify(problem.key)} ${KIND_TEXT[problem.kind]}${versions}`;
}

/** Pairs the peeled elements into per-record problems. */
export function problemsOf(
  expected: readonly DecodedElement[],
  found: readonly DecodedElement[],
): IntegrityProblem[] {
  const id = (e: DecodedElement): string => JSON.stringify([e.table, e.key]);
  const stored = new Map(found.map((e) => [id(e), e]));
  const problems: IntegrityProblem[] = [];
  for (const e of expected) {
    const f = stored.get(id(e));
    if (!f) {
      problems.push({ kind: 'removed', table: e.table, key: e.key, expectedVersion: e.version });
      continue;
    }
    stored.delete(id(e));
    problems.push({
      kind: f.version < e.version ? 'rolledBack' : 'replaced',
      table: e.table,
      key: e.key,
      expectedVersion: e.version,
      foundVersion: f.version,
    });
  }
  for (const f of stored.values()) {
    problems.push({ kind: 'added', table: f.table, key: f.key, foundVersion: f.version });
  }
  return problems;
}
