/**
 * Ranged reads of an encrypted file: what the evidence viewer uses to read one page of a large
 * PDF. Real WebCrypto over fake-indexeddb, through the same vault a user has.
 */
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import {
  FILE_CHUNK_BYTES,
  FileIntegrityError,
  InvalidVaultInputError,
} from '../../../../src/core/vault';
import { newTestVault, pseudoRandom, rawDb } from '../../../helpers/vaultFixture';

async function setup() {
  const vault = await newTestVault();
  const c = await openCaseStore(vault).create({ reference: 'R-1', title: 'Ranges' });
  return { vault, caseId: c.id };
}

describe('ranged reads of an encrypted file', () => {
  it('returns exactly the bytes asked for, within a chunk, across chunks and at the end', async () => {
    const { vault, caseId } = await setup();
    const size = 3 * FILE_CHUNK_BYTES + 777;
    const bytes = pseudoRandom(size, 11);
    const stored = await vault.files.put(new Blob([bytes as Uint8Array<ArrayBuffer>]), { caseId });
    const ranges: Array<readonly [number, number]> = [
      [0, 1],
      [10, 5000],
      [FILE_CHUNK_BYTES - 3, FILE_CHUNK_BYTES + 3],
      [FILE_CHUNK_BYTES, 2 * FILE_CHUNK_BYTES],
      [5, 3 * FILE_CHUNK_BYTES + 100],
      [size - 1024, size],
      [0, size],
    ];
    for (const [start, end] of ranges) {
      const got = await vault.files.readRange(stored.id, start, end);
      expect(got.length).toBe(end - start);
      expect(Buffer.from(got).equals(Buffer.from(bytes.subarray(start, end)))).toBe(true);
    }
    vault.lock();
  });

  it('clamps a range past the end to the file, and gives nothing for an empty range', async () => {
    const { vault, caseId } = await setup();
    const bytes = pseudoRandom(FILE_CHUNK_BYTES + 10, 12);
    const stored = await vault.files.put(bytes, { caseId });
    const tail = await vault.files.readRange(stored.id, FILE_CHUNK_BYTES, FILE_CHUNK_BYTES + 4096);
    expect([...tail]).toEqual([...bytes.subarray(FILE_CHUNK_BYTES)]);
    expect((await vault.files.readRange(stored.id, 50, 50)).length).toBe(0);
    expect((await vault.files.readRange(stored.id, 5_000_000, 6_000_000)).length).toBe(0);
    vault.lock();
  });

  it('refuses a backwards or negative range with a clear message', async () => {
    const { vault, caseId } = await setup();
    const stored = await vault.files.put(pseudoRandom(100, 13), { caseId });
    await expect(vault.files.readRange(stored.id, 50, 10)).rejects.toBeInstanceOf(
      InvalidVaultInputError,
    );
    await expect(vault.files.readRange(stored.id, -1, 10)).rejects.toThrow(/0 <= start <= end/);
    vault.lock();
  });

  it('detects an altered chunk in the range and names it, and reads undamaged ranges', async () => {
    const { vault, caseId } = await setup();
    const bytes = pseudoRandom(3 * FILE_CHUNK_BYTES, 14);
    const stored = await vault.files.put(bytes, { caseId });
    const raw = rawDb(vault.name);
    try {
      const chunk = await raw.fileChunks.get([stored.id, 1]);
      if (!chunk) throw new Error('no chunk 1');
      const data = chunk.data.slice();
      data[100] = (data[100] ?? 0) ^ 0x01;
      await raw.fileChunks.put({ ...chunk, data });
    } finally {
      raw.close();
    }
    const error = await vault.files
      .readRange(stored.id, FILE_CHUNK_BYTES - 10, FILE_CHUNK_BYTES + 10)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileIntegrityError);
    expect((error as FileIntegrityError).chunkIndex).toBe(1);
    const first = await vault.files.readRange(stored.id, 0, 100);
    expect([...first]).toEqual([...bytes.subarray(0, 100)]);
    vault.lock();
  });

  it('detects a file cut short when the range reaches its end', async () => {
    const { vault, caseId } = await setup();
    const size = 2 * FILE_CHUNK_BYTES + 5;
    const stored = await vault.files.put(pseudoRandom(size, 15), { caseId });
    const raw = rawDb(vault.name);
    try {
      await raw.fileChunks.delete([stored.id, 2]);
    } finally {
      raw.close();
    }
    await expect(vault.files.readRange(stored.id, size - 100, size)).rejects.toBeInstanceOf(
      FileIntegrityError,
    );
    vault.lock();
  });
});
