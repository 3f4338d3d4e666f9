import { sha256 } from '@noble/hashes/sha2.js';
import { argon2id } from 'hash-wasm';
import type { KdfParams } from '../db';
import { concatBytes, utf8 } from './bytes';
import { InvalidVaultInputError } from './errors';

/**
 * Argon2id for new key slots: 256 MiB, 3 passes, 4 lanes. RFC 9106's second recommended option
 * (64 MiB, 3 passes) took about 0.3 s on the 2-core build machines, against a 1.5 s budget
 * for unlocking, while a native attacker guesses about twice as fast as hash-wasm: memory is
 * raised fourfold (memory, not passes, because memory is what makes each guess dear on a GPU),
 * for about 1 s per unlock (the vault bench prints it). hash-wasm computes the lanes one after
 * the other, so lanes add no time here but keep the attacker's cost per guess.
 */
export const PRODUCTION_KDF = Object.freeze({
  algorithm: 'argon2id',
  memoryKiB: 256 * 1024,
  iterations: 3,
  parallelism: 4,
} as const);

/**
 * Every cost an earlier version made key slots with. They keep unlocking; a passphrase change
 * rewraps the slot with PRODUCTION_KDF.
 */
export const EARLIER_KDFS: readonly KdfCost[] = Object.freeze([
  Object.freeze({ memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 }),
]);

/**
 * Why a stored key slot cannot be used, or undefined. A slot's parameters must be one of the
 * costs this app creates (`allowed`): anything else was altered, and is refused at once rather
 * than run (gigabytes of memory would hang the unlock; zero passes or a weaker cost would be a
 * downgrade). The salt and the wrapped key must have their fixed sizes.
 */
export function keySlotProblem(
  params: KdfParams,
  wrappedKeyBytes: number,
  allowed: readonly KdfCost[],
): string | undefined {
  const cost = `${String(params.memoryKiB)} KiB, ${String(params.iterations)} passes, ${String(params.parallelism)} lanes`;
  if (params.algorithm !== 'argon2id')
    return `unknown key derivation "${String(params.algorithm)}"`;
  const known = allowed.some(
    (a) =>
      a.memoryKiB === params.memoryKiB &&
      a.iterations === params.iterations &&
      a.parallelism === params.parallelism,
  );
  if (!known) return `its Argon2id parameters (${cost}) are not ones Ringtrace creates`;
  if (!(params.salt instanceof Uint8Array) || params.salt.length !== 16) {
    return 'its salt has the wrong size';
  }
  if (wrappedKeyBytes !== WRAPPED_KEY_BYTES) return 'its wrapped key has the wrong size';
  return undefined;
}

/** 12-byte nonce, 32-byte data key, 16-byte tag. */
const WRAPPED_KEY_BYTES = 12 + 32 + 16;

export type KdfCost = Readonly<Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>>;

/** Guards against parameters that would exhaust memory or time. */
const MAX_MEMORY_KIB = 1024 * 1024;
const MAX_ITERATIONS = 16;

export function newKdfParams(cost: KdfCost = PRODUCTION_KDF): KdfParams {
  checkCost(cost);
  return {
    algorithm: 'argon2id',
    memoryKiB: cost.memoryKiB,
    iterations: cost.iterations,
    parallelism: cost.parallelism,
    salt: globalThis.crypto.getRandomValues(new Uint8Array(16)),
  };
}

function checkCost(cost: KdfCost): void {
  const ok =
    Number.isInteger(cost.memoryKiB) &&
    Number.isInteger(cost.iterations) &&
    Number.isInteger(cost.parallelism) &&
    cost.parallelism >= 1 &&
    cost.parallelism <= 16 &&
    cost.iterations >= 1 &&
    cost.iterations <= MAX_ITERATIONS &&
    cost.memoryKiB >= 8 * cost.parallelism &&
    cost.memoryKiB <= MAX_MEMORY_KIB;
  if (!ok) {
    throw new InvalidVaultInputError(
      `Argon2id parameters out of range: memory ${cost.memoryKiB} KiB, ` +
        `${cost.iterations} passes, ${cost.parallelism} lanes.`,
    );
  }
}

/** Derives the 256-bit key-encryption key of a key slot from its passphrase. */
export async function deriveKeyEncryptionKey(
  passphrase: string,
  params: KdfParams,
): Promise<Uint8Array> {
  if (params.algorithm !== 'argon2id') {
    throw new InvalidVaultInputError(`Unknown key derivation "${String(params.algorithm)}".`);
  }
  checkCost(params);
  if (!(params.salt instanceof Uint8Array) || params.salt.length < 16) {
    throw new InvalidVaultInputError('Key slot salt is missing or shorter than 16 bytes.');
  }
  // NFC: the same passphrase typed on two keyboards (precomposed or combining marks, common in
  // Thai and Vietnamese input methods) must give the same key.
  return argon2id({
    password: utf8(passphrase.normalize('NFC')),
    salt: params.salt,
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
}

/**
 * The key check stored with a slot: a one-way hash of the key-encryption key. It tells a right
 * passphrase on a damaged slot from a wrong passphrase, and says nothing the wrapped key does
 * not already (which is itself a check of the key-encryption key).
 */
export function keyCheckOf(keyEncryptionKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8('ringtrace/key-check/v1'), keyEncryptionKey)).subarray(0, 16);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
