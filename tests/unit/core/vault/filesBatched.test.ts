import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { FILE_CHUNK_BYTES, FileIntegrityError } from '../../../../src/core/vault';
import { newTestVault, pseudoRandom, rawDb } from '../../../helpers/vaultFixture';

// Files of many chunks: sealed and stored in batches, read ahead of the reader.
describe('files of many chunks', () => {
  it('stores every chunk in order and reads the same bytes back', async () => {
    const vault = await newTestVault();
    const { id: caseId } = await openCaseStore(vault).create({ reference: 'F-2', title: 'Files' });
    const bytes = pseudoRandom(11 * FILE_CHUNK_BYTES + 123, 4);
    const stored = await vault.files.put(new Blob([bytes.slice()]), { caseId });
    expect(stored.chunkCount).toBe(12);
    const back = await vault.files.readAll(stored.id);
    expect(back.length).toBe(bytes.length);
    expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);
    vault.lock();
  });

  it('delivers the chunks before a damaged one, then names the damaged chunk', async () => {
    const vault = await newTestVault();
    const { id: caseId } = await openCaseStore(vault).create({ reference: 'F-3', title: 'Files' });
    const stored = await vault.files.put(pseudoRandom(10 * FILE_CHUNK_BYTES, 5), { caseId });
    const raw = rawDb(vault.name);
    try {
      const chunk = await raw.fileChunks.get([stored.id, 6]);
      if (!chunk) throw new Error('no chunk 6');
      const data = chunk.data.slice();
      data[100] = (data[100] ?? 0) ^ 1;
      await raw.fileChunks.put({ ...chunk, data });
    } finally {
      raw.close();
    }
    const reader = vault.files.read(stored.id).getReader();
    let delivered = 0;
    let failure: unknown;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        delivered += value.length;
      }
    } catch (error) {
      failure = error;
    }
    expect(delivered).toBe(6 * FILE_CHUNK_BYTES);
    expect(failure).toBeInstanceOf(FileIntegrityError);
    expect((failure as FileIntegrityError).chunkIndex).toBe(6);
    vault.lock();
  });
});
