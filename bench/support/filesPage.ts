/**
 * Runs in Chromium (bundled by bench/vault.ts): the vault's file store on the browser's real
 * IndexedDB and WebCrypto, against a plain chunked copy (the same 1 MiB chunks stored as they
 * are, no encryption) in the same page, the same run.
 */
import { Dexie, type Table } from 'dexie';
import { newId, type CaseId } from '../../src/core/model';
import { createVault, deleteVault } from '../../src/core/vault';

class PlainDb extends Dexie {
  declare readonly chunks: Table<{ fileId: string; index: number; data: Uint8Array }>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ chunks: '[fileId+index], fileId' });
  }
}

const CHUNK = 1024 * 1024;

/**
 * Random bytes, as incompressible as a seized JPEG, video or compressed PDF. A patterned file
 * would flatter the plain copy: Chromium compresses IndexedDB values, and ciphertext never
 * compresses.
 */
function source(bytes: number): Blob {
  const pieces = Array.from({ length: Math.ceil(bytes / CHUNK) }, () => {
    const piece = new Uint8Array(CHUNK);
    for (let at = 0; at < CHUNK; at += 65536) {
      globalThis.crypto.getRandomValues(piece.subarray(at, at + 65536));
    }
    return piece;
  });
  return new Blob(pieces);
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let n = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n;
    n += value.length;
  }
}

/** The plain baseline: the Blob's stream cut into 1 MiB chunks, one put each, as they come. */
async function plainCopy(db: PlainDb, blob: Blob, fileId: string): Promise<void> {
  const reader = blob.stream().getReader();
  let buffer = new Uint8Array(CHUNK);
  let filled = 0;
  let index = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let offset = 0;
    while (offset < value.length) {
      const take = Math.min(CHUNK - filled, value.length - offset);
      buffer.set(value.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === CHUNK) {
        await db.chunks.put({ fileId, index: index++, data: buffer });
        buffer = new Uint8Array(CHUNK);
        filled = 0;
      }
    }
  }
  if (filled > 0) await db.chunks.put({ fileId, index, data: buffer.subarray(0, filled) });
}

async function plainRead(db: PlainDb, fileId: string): Promise<number> {
  let n = 0;
  for (let i = 0; ; i++) {
    const chunk = await db.chunks.get([fileId, i]);
    if (!chunk) return n;
    n += chunk.data.length;
  }
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export type FilesFigures = Readonly<{
  encryptMs: number;
  encryptShaMs: number;
  decryptMs: number;
  plainWriteMs: number;
  plainReadMs: number;
}>;

async function benchFiles(mb: number, rounds: number): Promise<FilesFigures> {
  const bytes = mb * CHUNK;
  const blob = source(bytes);
  const name = `bench-files-${Date.now()}`;
  const plain = new PlainDb(`${name}-plain`);
  const vault = await createVault(
    {
      name,
      passphrase: 'bench files passphrase, long enough',
      actor: { name: 'B', agency: 'B', badge: '1' },
    },
    { insecureTestKdf: { memoryKiB: 64, iterations: 1, parallelism: 1 } },
  );
  const caseId = newId<CaseId>();
  const best = {
    encryptMs: Infinity,
    encryptShaMs: Infinity,
    decryptMs: Infinity,
    plainWriteMs: Infinity,
    plainReadMs: Infinity,
  };
  try {
    // Rounds alternate which side goes first; the best of each is kept, so that neither pays
    // alone for a garbage collection or a compaction the other set off.
    for (let round = 0; round < rounds; round++) {
      const sides = [
        async () => {
          const put = await time(() => vault.files.put(blob, { caseId, sha256: false }));
          best.encryptMs = Math.min(best.encryptMs, put.ms);
          const get = await time(() => drain(vault.files.read(put.value.id)));
          if (get.value !== bytes) throw new Error(`read ${get.value} bytes of ${bytes}`);
          best.decryptMs = Math.min(best.decryptMs, get.ms);
          const hashed = await time(() => vault.files.put(blob, { caseId }));
          best.encryptShaMs = Math.min(best.encryptShaMs, hashed.ms);
          await vault.files.delete(put.value.id);
          await vault.files.delete(hashed.value.id);
        },
        async () => {
          const id = `plain-${round}`;
          best.plainWriteMs = Math.min(
            best.plainWriteMs,
            (await time(() => plainCopy(plain, blob, id))).ms,
          );
          const read = await time(() => plainRead(plain, id));
          if (read.value !== bytes) throw new Error(`plain read ${read.value} bytes of ${bytes}`);
          best.plainReadMs = Math.min(best.plainReadMs, read.ms);
          await plain.chunks.where('fileId').equals(id).delete();
        },
      ];
      if (round % 2 === 1) sides.reverse();
      for (const side of sides) await side();
    }
    return best;
  } finally {
    vault.lock();
    plain.close();
    await Dexie.delete(`${name}-plain`);
    await deleteVault(name);
  }
}

(globalThis as unknown as { benchFiles: typeof benchFiles }).benchFiles = benchFiles;
