import sodium from 'libsodium-wrappers';
import { concatBytes, randomBytes, utf8 } from './bytes';
import { decodeRow, encodeRow } from './codec';
import { RecordDecryptError } from './errors';
import type { KeyRing } from './keys';

const NONCE_BYTES = 24;

/** The property of a stored row that holds nonce || ciphertext || tag. */
export const SEALED_FIELD = 'sealed';

/**
 * The property of a stored row that holds its version: 1 when first written, one more on each
 * rewrite. Kept in the clear so that the integrity check reads it without decrypting, and
 * bound by the AAD, so that a changed number fails authentication.
 */
export const VERSION_FIELD = 'v';

/**
 * The AAD binds a ciphertext to its table, primary key and version: a ciphertext copied onto
 * another row, or into another table, or given another version number, fails authentication
 * there and is reported under that row. Rows written before versions (schema 2 vaults) carry
 * no version and were sealed with the v2 AAD; they stay readable and take a version when next
 * written.
 */
function rowAad(table: string, key: unknown, version: number | undefined): Uint8Array {
  return version === undefined
    ? utf8(`ringtrace/row/v2\u0000${table}\u0000${JSON.stringify(key)}`)
    : utf8(`ringtrace/row/v3\u0000${table}\u0000${JSON.stringify(key)}\u0000${version}`);
}

export type OpenResult =
  | Readonly<{ ok: true; value: Record<string, unknown> }>
  | Readonly<{ ok: false; error: RecordDecryptError }>;

/** Loads libsodium's WebAssembly once; the vault awaits it before any row is sealed or opened. */
export function loadRowCipher(): Promise<void> {
  return sodium.ready;
}

/**
 * libsodium-wrappers copies the key into libsodium's WebAssembly heap for every call and frees
 * that copy without zeroing it, so the rows key would stay readable in the heap after lock.
 * On lock the vault calls this with the keys it is about to wipe: every copy of them in the
 * heap (live or freed) is overwritten with zeros. The wrapper exposes its Emscripten module as
 * `libsodium`, untyped, hence the narrow cast.
 */
export function scrubRowCipherHeap(keys: readonly Uint8Array[]): number {
  const module = (sodium as unknown as { libsodium?: { HEAPU8?: Uint8Array } }).libsodium;
  const heap = module?.HEAPU8;
  if (heap === undefined) return 0;
  let scrubbed = 0;
  for (const key of keys) {
    if (key.length < 16) continue;
    const first = key[0] ?? 0;
    for (let at = heap.indexOf(first); at !== -1; at = heap.indexOf(first, at + 1)) {
      let same = true;
      for (let i = 1; i < key.length && same; i++) same = heap[at + i] === key[i];
      if (!same) continue;
      sodium.memzero(heap.subarray(at, at + key.length));
      scrubbed++;
    }
  }
  return scrubbed;
}

/**
 * Seals and opens rows with XChaCha20-Poly1305 (libsodium, synchronous once loaded: see
 * index.ts for why) under the rows key, a fresh random 192-bit nonce per write.
 *
 * 192-bit random nonces never collide in practice, where random 96-bit GCM nonces put a
 * birthday bound on the number of rows one key may seal.
 */
export class RowCipher {
  constructor(private readonly ring: KeyRing) {}

  seal(table: string, key: unknown, value: unknown, version: number): Uint8Array {
    const nonce = randomBytes(NONCE_BYTES);
    const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      encodeRow(value),
      rowAad(table, key, version),
      null,
      nonce,
      this.ring.key('rows'),
    );
    return concatBytes(nonce, sealed);
  }

  /**
   * Opens a stored row. `clearFields` are the properties kept in the clear for indexing; they
   * must equal their sealed copies, so that editing an index in the clear (to move an entity
   * to another case, say) shows as tampering instead of silently taking effect.
   */
  open(table: string, key: unknown, stored: unknown, clearFields: readonly string[]): OpenResult {
    const fail = (reason: string): OpenResult => ({
      ok: false,
      error: new RecordDecryptError(table, key, reason),
    });
    if (stored === null || typeof stored !== 'object') return fail('it is not a sealed row');
    const sealed = (stored as Record<string, unknown>)[SEALED_FIELD];
    if (!(sealed instanceof Uint8Array) || sealed.length < NONCE_BYTES + 16) {
      return fail('it is not sealed (plaintext or truncated)');
    }
    const version = (stored as Record<string, unknown>)[VERSION_FIELD];
    if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version))) {
      return fail('its version is not a number');
    }
    const rowsKey = this.ring.key('rows');
    let plaintext: Uint8Array;
    try {
      plaintext = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        sealed.subarray(NONCE_BYTES),
        rowAad(table, key, version),
        sealed.subarray(0, NONCE_BYTES),
        rowsKey,
      );
    } catch {
      return fail('authentication failed (the ciphertext was altered or belongs to another row)');
    }
    let value: unknown;
    try {
      value = decodeRow(plaintext);
    } catch {
      return fail('its sealed content is malformed');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return fail('its sealed content is not a row');
    }
    const row = value as Record<string, unknown>;
    for (const field of clearFields) {
      const clear = (stored as Record<string, unknown>)[field];
      if (JSON.stringify(clear) !== JSON.stringify(row[field])) {
        return fail(`its clear index field "${field}" does not match its sealed content`);
      }
    }
    return { ok: true, value: row };
  }
}
