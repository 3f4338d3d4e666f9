/** Builders shared by the vault, db, audit and case tests. */
import { VaultDb, vaultDbName } from '../../src/core/db';
import type { Actor } from '../../src/core/model';
import { createVault, type KdfCost, type UnlockedVault } from '../../src/core/vault';

/**
 * Cheap Argon2id for tests that are not about the KDF, passed through the explicit test-only
 * option. One test (vault.test.ts) runs the real 64 MiB / 3 passes.
 */
export const TEST_KDF: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };

export const PASSPHRASE = 'correct horse battery staple 42';
export const SECOND_PASSPHRASE = 'Mekong ferry at dawn, 7 crates!';

export const ALICE: Actor = { name: 'Alice Chea', agency: 'AHTJP Phnom Penh', badge: 'KH-1042' };
export const BOB: Actor = { name: 'Bob Srisai', agency: 'DSI Bangkok', badge: 'TH-77' };

let counter = 0;
export function uniqueVaultName(prefix = 'test'): string {
  counter++;
  return `${prefix}-${counter}-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

export async function newTestVault(name = uniqueVaultName()): Promise<UnlockedVault> {
  return createVault({ name, passphrase: PASSPHRASE, actor: ALICE }, { insecureTestKdf: TEST_KDF });
}

/** A connection without the encryption middleware: sees exactly what IndexedDB stores. */
export function rawDb(vaultName: string): VaultDb {
  return new VaultDb(vaultDbName(vaultName));
}

/** Flips one bit of a stored row's ciphertext, as a disk error or an attacker would. */
export async function flipSealedByte(
  vaultName: string,
  table: string,
  key: unknown,
  offset = 20,
): Promise<void> {
  const raw = rawDb(vaultName);
  try {
    const t = raw.table<Record<string, unknown>, unknown>(table);
    const row = await t.get(key as string);
    if (!row) throw new Error(`No raw row ${table}/${String(key)}`);
    const sealed = (row.sealed as Uint8Array).slice();
    sealed[offset] = (sealed[offset] ?? 0) ^ 0x01;
    await t.put({ ...row, sealed });
  } finally {
    raw.close();
  }
}

/** Every stored byte of a vault, for raw scans: strings in UTF-8 and UTF-16, binary as is. */
export async function rawDump(vaultName: string): Promise<{ latin: string; utf16: string }> {
  const raw = rawDb(vaultName);
  const parts: string[] = [];
  const binary: Uint8Array[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (v instanceof Uint8Array) binary.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    else if (typeof v === 'number' || typeof v === 'boolean') parts.push(String(v));
  };
  try {
    for (const table of raw.tables) walk(await table.toArray());
  } finally {
    raw.close();
  }
  const latin1 = (bytes: Uint8Array): string =>
    Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  const utf16 = (bytes: Uint8Array): string => {
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      out += String.fromCharCode((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
    }
    return out;
  };
  const binaries = binary.map((b) => latin1(b)).join('\n');
  const binaries16 = binary.map((b) => utf16(b) + '\n' + utf16(b.subarray(1))).join('\n');
  return { latin: `${parts.join('\n')}\n${binaries}`, utf16: binaries16 };
}

/** Deterministic bytes that do not compress: file contents for the file-store tests. */
export function pseudoRandom(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
