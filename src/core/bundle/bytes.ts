import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ByteSource } from './types';

/*
 * Hashing goes through @noble/hashes rather than WebCrypto because WebCrypto cannot hash
 * incrementally, and originals are hashed while they stream into the ZIP.
 */

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export type StreamingHash = Readonly<{ update: (chunk: Uint8Array) => void; hex: () => string }>;

export function streamingSha256(): StreamingHash {
  const h = sha256.create();
  return { update: (chunk) => void h.update(chunk), hex: () => bytesToHex(h.digest()) };
}

/**
 * SHA-256 of the public key, upper-case hex in groups of 4, so that it can be read out over the
 * phone; the same form the vault shows for its key.
 */
export { fingerprintOf } from '../vault/signing';

export function groupHex(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/** A fingerprint as typed by a user: spaces, colons and case do not matter. */
export function normaliseFingerprint(text: string): string {
  return text.replace(/[\s:-]/g, '').toLowerCase();
}

export { bytesToHex };

export function hexToBytesStrict(hex: string, expectedLength: number, what: string): Uint8Array {
  if (!/^[0-9a-f]*$/i.test(hex) || hex.length !== expectedLength * 2)
    throw new Error(`${what} must be ${expectedLength * 2} hexadecimal characters`);
  const out = new Uint8Array(expectedLength);
  for (let i = 0; i < expectedLength; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Running CRC-32 as ZIP uses it: start with 0, feed chunks, compare with the header's value. */
export { crc32 } from '../checksum';

const SLICE = 1 << 20;

/** Reads a ByteSource chunk by chunk; a whole array is cut into 1 MiB slices. */
export async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += SLICE) yield source.subarray(at, at + SLICE);
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (!(value instanceof Uint8Array))
        throw new TypeError('An original stream produced something other than bytes');
      if (value.length > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

const encoder = new TextEncoder();
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
