import { argon2id } from 'hash-wasm';
import type { KdfParams } from '../db';
import { utf8 } from './bytes';
import { InvalidVaultInputError } from './errors';

/**
 * Argon2id as in RFC 9106 section 4, second recommended option (for memory-constrained
 * environments): 64 MiB, 3 passes, 4 lanes. hash-wasm computes the lanes one after the other,
 * so lanes add no time here but keep the attacker's cost per guess where RFC 9106 puts it.
 * About 0.3 s on a laptop, well under the 1.5 s an investigator should wait to unlock.
 */
export const PRODUCTION_KDF = Object.freeze({
  algorithm: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 4,
} as const);

export type KdfCost = Readonly<Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>>;

/** Guards a stored slot against parameters that would exhaust memory or time at unlock. */
const MAX_MEMORY_KIB = 4 * 1024 * 1024;
const MAX_ITERATIONS = 64;

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
