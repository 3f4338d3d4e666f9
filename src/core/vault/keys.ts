import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { KdfParams, KeySlotRow } from '../db';
import type { KeySlotId } from '../model';
import { concatBytes, randomBytes, utf8, wipe } from './bytes';
import { VaultLockedError } from './errors';

export const DATA_KEY_BYTES = 32;
const NONCE_BYTES = 12;

/**
 * The AAD of a wrapped data key binds it to its slot id and its KDF parameters, so that a
 * wrapped key copied into another slot, or a slot whose parameters were edited, fails.
 */
function slotAad(id: KeySlotId, kdf: KdfParams): Uint8Array {
  return utf8(
    `ringtrace/key-slot/v1\u0000${id}\u0000${kdf.algorithm}:${kdf.memoryKiB}:${kdf.iterations}:${kdf.parallelism}`,
  );
}

export function wrapDataKey(
  id: KeySlotId,
  kdf: KdfParams,
  keyEncryptionKey: Uint8Array,
  dataKey: Uint8Array,
): KeySlotRow {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = gcm(keyEncryptionKey, nonce, concatBytes(slotAad(id, kdf), kdf.salt)).encrypt(
    dataKey,
  );
  return { id, kdf, wrappedKey: concatBytes(nonce, sealed) };
}

/** Returns the data key, or undefined when the key-encryption key is not this slot's. */
export function unwrapDataKey(
  slot: KeySlotRow,
  keyEncryptionKey: Uint8Array,
): Uint8Array | undefined {
  const nonce = slot.wrappedKey.subarray(0, NONCE_BYTES);
  const sealed = slot.wrappedKey.subarray(NONCE_BYTES);
  try {
    const key = gcm(
      keyEncryptionKey,
      nonce,
      concatBytes(slotAad(slot.id, slot.kdf), slot.kdf.salt),
    ).decrypt(sealed);
    return key.length === DATA_KEY_BYTES ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Purposes of the keys derived from the data key; one HKDF info string each. */
const PURPOSES = {
  rows: 'ringtrace/rows/v1',
  blindIndex: 'ringtrace/blind-index/v1',
  files: 'ringtrace/files/v1',
  backup: 'ringtrace/backup/v1',
  /** Keys the vault-wide commitment's digests (integrity.ts). */
  integrity: 'ringtrace/integrity/v1',
} as const;
export type KeyPurpose = keyof typeof PURPOSES;

/**
 * The unlocked vault's keys. One object shared by the middleware, the file store, the blind
 * index and the backup, so that lock() wipes them all at once and every later use throws.
 */
export class KeyRing {
  #dataKey: Uint8Array | undefined;
  #derived = new Map<KeyPurpose, Uint8Array>();
  #fileKey: CryptoKey | undefined;

  constructor(dataKey: Uint8Array) {
    this.#dataKey = dataKey;
    for (const purpose of Object.keys(PURPOSES) as KeyPurpose[]) {
      // Separate keys per purpose: a blind-index token can never be confused with, or help
      // attack, a row ciphertext made from the same data key.
      this.#derived.set(purpose, hkdf(sha256, dataKey, undefined, utf8(PURPOSES[purpose]), 32));
    }
  }

  get locked(): boolean {
    return this.#dataKey === undefined;
  }

  dataKey(): Uint8Array {
    if (!this.#dataKey) throw new VaultLockedError();
    return this.#dataKey;
  }

  key(purpose: KeyPurpose): Uint8Array {
    const key = this.#derived.get(purpose);
    if (!key || this.locked) throw new VaultLockedError();
    return key;
  }

  /** The file key as a non-extractable WebCrypto key: chunks use the native AES-GCM. */
  async fileKey(): Promise<CryptoKey> {
    const raw = this.key('files');
    this.#fileKey ??= await globalThis.crypto.subtle.importKey(
      'raw',
      raw as Uint8Array<ArrayBuffer>,
      'AES-GCM',
      false,
      ['encrypt', 'decrypt'],
    );
    if (this.locked) throw new VaultLockedError();
    return this.#fileKey;
  }

  /** The key bytes held, for a caller that must also scrub copies a library made of them. */
  heldKeys(): Uint8Array[] {
    return this.#dataKey === undefined ? [] : [this.#dataKey, ...this.#derived.values()];
  }

  wipe(): void {
    wipe(this.#dataKey, ...this.#derived.values());
    this.#dataKey = undefined;
    this.#derived.clear();
    this.#fileKey = undefined;
  }
}
