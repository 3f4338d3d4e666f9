import { sha256 } from '@noble/hashes/sha2.js';
import type { KdfParams, KeySlotRow } from '../db';
import type { KeySlotId } from '../model';
import { concatBytes, u32be, utf8 } from './bytes';
import { BackupFormatError } from './errors';

/**
 * A vault backup, one file:
 *
 *   "RTVAULT" 0x01                 magic and format version
 *   u32 n, n bytes                 header (row codec): schema version, time, the key slots as
 *                                  stored (salts, KDF parameters, wrapped data key)
 *   frames until the final one:    u32 n, n bytes = nonce(12) || AES-256-GCM(frame) || tag
 *
 * A frame holds a batch of raw stored rows of one table (still sealed row by row), sealed
 * again under the backup key (HKDF of the data key) so that the clear ids and blind indexes
 * are hidden too. Each frame's AAD is the header's hash, its index and a final flag: a frame
 * dropped, repeated, reordered or cut off, or a header swapped from another backup, fails.
 * The final frame carries the row count per table, checked on restore.
 */
export const BACKUP_MAGIC = concatBytes(utf8('RTVAULT'), new Uint8Array([1]));
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
export const FRAME_NONCE_BYTES = 12;

export type BackupHeader = Readonly<{
  format: 1;
  schemaVersion: number;
  createdAt: string;
  keySlots: readonly KeySlotRow[];
}>;

export type BackupFrame =
  | Readonly<{ final: false; table: string; rows: readonly Record<string, unknown>[] }>
  | Readonly<{ final: true; counts: Readonly<Record<string, number>> }>;

export function frameAad(headerHash: Uint8Array, index: number, final: boolean): Uint8Array {
  return concatBytes(
    utf8('ringtrace/backup-frame/v1\u0000'),
    headerHash,
    u32be(index),
    new Uint8Array([final ? 1 : 0]),
  );
}

export function headerHash(headerBytes: Uint8Array): Uint8Array {
  return sha256(headerBytes);
}

/** Checks the shape of a parsed header; a backup is untrusted input. */
export function checkHeader(value: unknown): BackupHeader {
  const bad = (what: string): never => {
    throw new BackupFormatError(`This backup's header is damaged: ${what}.`);
  };
  if (value === null || typeof value !== 'object') return bad('not an object');
  const h = value as Record<string, unknown>;
  if (h.format !== 1) return bad(`unknown format ${String(h.format)}`);
  if (typeof h.schemaVersion !== 'number') return bad('no schema version');
  if (typeof h.createdAt !== 'string') return bad('no creation time');
  if (!Array.isArray(h.keySlots) || h.keySlots.length === 0) return bad('no key slots');
  const keySlots = (h.keySlots as unknown[]).map((s): KeySlotRow => {
    const slot = s as Record<string, unknown> | null;
    const kdf = slot?.kdf as Record<string, unknown> | undefined;
    if (
      typeof slot?.id !== 'string' ||
      !(slot.wrappedKey instanceof Uint8Array) ||
      kdf?.algorithm !== 'argon2id' ||
      !(kdf.salt instanceof Uint8Array) ||
      typeof kdf.memoryKiB !== 'number' ||
      typeof kdf.iterations !== 'number' ||
      typeof kdf.parallelism !== 'number'
    ) {
      return bad('a key slot is malformed');
    }
    return {
      id: slot.id as KeySlotId,
      kdf: kdf as unknown as KdfParams,
      wrappedKey: slot.wrappedKey,
      ...(slot.check instanceof Uint8Array ? { check: slot.check } : {}),
    };
  });
  return { format: 1, schemaVersion: h.schemaVersion, createdAt: h.createdAt, keySlots };
}

/** Reads exact byte counts from a stream without holding more than one of its chunks. */
export class ByteReader {
  #buffer: Uint8Array = new Uint8Array(0);
  #done = false;
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Exactly n bytes, or undefined at a clean end of stream; a partial read is an error. */
  async read(n: number): Promise<Uint8Array | undefined> {
    const parts = [this.#buffer];
    let have = this.#buffer.length;
    while (have < n && !this.#done) {
      const { done, value } = await this.reader.read();
      if (done) this.#done = true;
      else {
        parts.push(value);
        have += value.length;
      }
    }
    if (have === 0 && this.#done && n > 0) return undefined;
    if (have < n) {
      throw new BackupFormatError('This backup is truncated: it ends in the middle of a record.');
    }
    const all = parts.length === 1 ? this.#buffer : concatBytes(...parts);
    this.#buffer = all.subarray(n);
    return all.subarray(0, n);
  }

  async atEnd(): Promise<boolean> {
    if (this.#buffer.length > 0) return false;
    const next = await this.read(1);
    if (next === undefined) return true;
    this.#buffer = concatBytes(next, this.#buffer);
    return false;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}
