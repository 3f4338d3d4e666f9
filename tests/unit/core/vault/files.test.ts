import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import type { FileId } from '../../../../src/core/model';
import {
  FILE_CHUNK_BYTES,
  FileIntegrityError,
  FileNotFoundError,
  type UnlockedVault,
} from '../../../../src/core/vault';
import { newTestVault, pseudoRandom, rawDb } from '../../../helpers/vaultFixture';

/** A stream that hands out the bytes in awkward pieces, like a file input does. */
function streamOf(bytes: Uint8Array, pieces: readonly number[]): ReadableStream<Uint8Array> {
  let offset = 0;
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const size = pieces[i++ % pieces.length] ?? 1000;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
}

async function setup(): Promise<{
  vault: UnlockedVault;
  caseId: Awaited<ReturnType<ReturnType<typeof openCaseStore>['create']>>['id'];
}> {
  const vault = await newTestVault();
  const c = await openCaseStore(vault).create({ reference: 'F-1', title: 'Files' });
  return { vault, caseId: c.id };
}

async function readError(vault: UnlockedVault, id: FileId): Promise<unknown> {
  const reader = vault.files.read(id).getReader();
  try {
    for (;;) {
      const { done } = await reader.read();
      if (done) return undefined;
    }
  } catch (error) {
    return error;
  }
}

async function withRawChunks(
  vault: UnlockedVault,
  fn: (raw: ReturnType<typeof rawDb>) => Promise<void>,
): Promise<void> {
  const raw = rawDb(vault.name);
  try {
    await fn(raw);
  } finally {
    raw.close();
  }
}

describe('chunked file encryption', () => {
  it('round-trips files of many sizes from streams and blobs, hashing on the way in', async () => {
    const { vault, caseId } = await setup();
    const sizes = [
      0,
      1,
      FILE_CHUNK_BYTES - 1,
      FILE_CHUNK_BYTES,
      2 * FILE_CHUNK_BYTES,
      3.5 * FILE_CHUNK_BYTES,
    ];
    for (const [n, size] of sizes.entries()) {
      const bytes = pseudoRandom(size, n + 1);
      const source =
        n % 2 === 0
          ? streamOf(bytes, [65536, 1, 300_001])
          : new Blob([bytes as Uint8Array<ArrayBuffer>]);
      const stored = await vault.files.put(source, { caseId, mediaType: 'image/jpeg' });
      expect(stored.size).toBe(size);
      expect(stored.chunkCount).toBe(Math.max(1, Math.ceil(size / FILE_CHUNK_BYTES)));
      expect(stored.sha256).toBe(await sha256Hex(bytes));
      const back = await vault.files.readAll(stored.id);
      expect(back.length).toBe(size);
      expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    }
    vault.lock();
  });

  it('reads as a stream, one chunk at a time', async () => {
    const { vault, caseId } = await setup();
    const bytes = pseudoRandom(3 * FILE_CHUNK_BYTES + 10, 9);
    const stored = await vault.files.put(bytes, { caseId });
    const reader = vault.files.read(stored.id).getReader();
    const sizes: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      sizes.push(value.length);
    }
    expect(sizes).toEqual([FILE_CHUNK_BYTES, FILE_CHUNK_BYTES, FILE_CHUNK_BYTES, 10]);
    vault.lock();
  });

  it('detects an altered chunk and names file and chunk', async () => {
    const { vault, caseId } = await setup();
    const stored = await vault.files.put(pseudoRandom(3 * FILE_CHUNK_BYTES, 2), { caseId });
    await withRawChunks(vault, async (raw) => {
      const chunk = await raw.fileChunks.get([stored.id, 1]);
      const data = chunk!.data.slice();
      data[5000] = (data[5000] ?? 0) ^ 0x80;
      await raw.fileChunks.put({ ...chunk!, data });
    });
    const error = await readError(vault, stored.id);
    expect(error).toBeInstanceOf(FileIntegrityError);
    expect((error as FileIntegrityError).chunkIndex).toBe(1);
    expect((error as Error).message).toContain(stored.id);
    vault.lock();
  });

  it('detects a truncated file: last chunk removed', async () => {
    const { vault, caseId } = await setup();
    const stored = await vault.files.put(pseudoRandom(2 * FILE_CHUNK_BYTES + 5, 3), { caseId });
    await withRawChunks(vault, (raw) => raw.fileChunks.delete([stored.id, 2]));
    const error = await readError(vault, stored.id);
    expect(error).toBeInstanceOf(FileIntegrityError);
    expect((error as Error).message).toMatch(/2 chunks where 3/);
    vault.lock();
  });

  it('detects chunks moved in from another file, even when the count matches', async () => {
    const { vault, caseId } = await setup();
    const long = await vault.files.put(pseudoRandom(3 * FILE_CHUNK_BYTES, 4), { caseId });
    const short = await vault.files.put(pseudoRandom(2 * FILE_CHUNK_BYTES, 5), { caseId });
    // The short file's chunks replaced by the long file's first two: same count, wrong file.
    await withRawChunks(vault, async (raw) => {
      for (const index of [0, 1]) {
        const chunk = await raw.fileChunks.get([long.id, index]);
        await raw.fileChunks.put({ ...chunk!, fileId: short.id });
      }
    });
    const error = await readError(vault, short.id);
    expect(error).toBeInstanceOf(FileIntegrityError);
    expect((error as FileIntegrityError).chunkIndex).toBe(0);
    vault.lock();
  });

  it('detects reordered chunks', async () => {
    const { vault, caseId } = await setup();
    const stored = await vault.files.put(pseudoRandom(3 * FILE_CHUNK_BYTES, 6), { caseId });
    await withRawChunks(vault, async (raw) => {
      const c0 = await raw.fileChunks.get([stored.id, 0]);
      const c1 = await raw.fileChunks.get([stored.id, 1]);
      await raw.fileChunks.put({ ...c0!, data: c1!.data });
      await raw.fileChunks.put({ ...c1!, data: c0!.data });
    });
    const error = await readError(vault, stored.id);
    expect(error).toBeInstanceOf(FileIntegrityError);
    expect((error as FileIntegrityError).chunkIndex).toBe(0);
    expect((error as Error).message).toMatch(/out of order/);
    vault.lock();
  });

  it('deletes a file with its chunks, audited', async () => {
    const { vault, caseId } = await setup();
    const stored = await vault.files.put(pseudoRandom(FILE_CHUNK_BYTES + 1, 7), { caseId });
    await vault.files.delete(stored.id);
    expect(await vault.db.fileChunks.where('fileId').equals(stored.id).count()).toBe(0);
    await expect(vault.files.info(stored.id)).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(vault.files.readAll(stored.id)).rejects.toBeInstanceOf(FileNotFoundError);
    const actions = (await vault.db.audit.toArray()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['file.store', 'file.delete']));
    vault.lock();
  });

  it('leaves no chunks behind when the source stream fails', async () => {
    const { vault, caseId } = await setup();
    let sent = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(pseudoRandom(FILE_CHUNK_BYTES, sent));
        else controller.error(new Error('USB drive unplugged'));
      },
    });
    await expect(vault.files.put(failing, { caseId })).rejects.toThrow('USB drive unplugged');
    expect(await vault.db.fileChunks.count()).toBe(0);
    expect(await vault.db.files.count()).toBe(0);
    vault.lock();
  });
});
