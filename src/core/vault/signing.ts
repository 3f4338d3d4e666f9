import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { SigningKeyRow } from '../db';
import { toHex, wipe } from './bytes';
import { VaultLockedError } from './errors';

/** The vault's Ed25519 signing key, as the unlocked vault exposes it. */
export type SigningKey = Readonly<{
  algorithm: 'ed25519';
  publicKey: Uint8Array;
  /** SHA-256 of the public key in upper-case hex, groups of four: read out over the phone. */
  fingerprint: string;
  sign: (message: Uint8Array) => Uint8Array;
}>;

export function newSigningKeyRow(): SigningKeyRow {
  const { secretKey, publicKey } = ed25519.keygen();
  return {
    id: 'signing',
    algorithm: 'ed25519',
    secretKey,
    publicKey,
    createdAt: new Date().toISOString(),
  };
}

export function fingerprintOf(publicKey: Uint8Array): string {
  return toHex(sha256(publicKey)).toUpperCase().match(/.{4}/g)?.join(' ') ?? '';
}

/** Verifies a signature made with a vault key (no vault needed: bundles are checked anywhere). */
export function verifySignature(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** Holds the secret key until lock; `release` wipes it. */
export function signingKeyFrom(row: SigningKeyRow): { key: SigningKey; release: () => void } {
  let secret: Uint8Array | undefined = row.secretKey.slice();
  const publicKey = row.publicKey.slice();
  const key: SigningKey = Object.freeze({
    algorithm: 'ed25519',
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    sign(message: Uint8Array): Uint8Array {
      if (!secret) throw new VaultLockedError();
      return ed25519.sign(message, secret);
    },
  });
  return {
    key,
    release() {
      wipe(secret);
      secret = undefined;
    },
  };
}
