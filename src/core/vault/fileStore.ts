import { createSHA256 } from 'hash-wasm';
import { appendAudit, auditTables } from '../audit';
import type { FileChunkRow, FileRow, VaultDb } from '../db';
import { newId, type Actor, type CaseId, type FileId } from '../model';
import { concatBytes, u32be, utf8 } from './bytes';
import { FileIntegrityError, FileNotFoundError, InvalidVaultInputError } from './errors';
import type { KeyRing } from './keys';

/** Plaintext bytes per chunk. Stored per file, so that it can change without breaking old files. */
export const FILE_CHUNK_BYTES = 1024 * 1024;
const NONCE_BYTES = 12;
/**
 * Chunks sealed at once, and stored together in one IndexedDB transaction. WebCrypto runs each
 * encryption off the main thread, so several in flight use every core; one transaction for
 * several chunks pays IndexedDB's per-transaction commit once for them. With one batch being
 * written while the next is sealed, memory holds about twice this many chunks.
 */
const CHUNKS_PER_BATCH = 4;

export type FileSource = Blob | ReadableStream<Uint8Array> | Uint8Array;

export type PutFileOptions = Readonly<{
  caseId: CaseId;
  mediaType?: string;
  /** Shown in the audit entry; the name itself is sealed there like everything else. */
  label?: string;
  /**
   * Compute the SHA-256 of the plaintext on the way in (default true). Evidence needs it;
   * derived files (page renders, thumbnails) can skip it and store faster.
   */
  sha256?: boolean;
}>;

export type FileStore = Readonly<{
  /** Streams the source in, sealing 1 MiB at a time; resolves once every chunk is stored. */
  put: (source: FileSource, options: PutFileOptions) => Promise<FileRow>;
  /** The plaintext as a stream; it errors with FileIntegrityError on any damage it meets. */
  read: (fileId: FileId) => ReadableStream<Uint8Array>;
  /** Whole file in memory: for small files (thumbnails, text), not for seizure images. */
  readAll: (fileId: FileId) => Promise<Uint8Array>;
  /**
   * Plaintext bytes [start, end), `end` clamped to the file's size, decrypting only the chunks
   * the range spans: how a viewer reads one page of a 500 MB PDF without the rest of it.
   */
  readRange: (fileId: FileId, start: number, end: number) => Promise<Uint8Array>;
  info: (fileId: FileId) => Promise<FileRow>;
  delete: (fileId: FileId) => Promise<void>;
}>;

/**
 * The AAD binds each chunk to its file, its position and whether it is the last: a chunk
 * moved to another file or position fails, and a file cut after any chunk is caught because
 * that chunk was not sealed as final.
 */
function chunkAad(fileId: FileId, index: number, final: boolean): Uint8Array {
  return concatBytes(
    utf8(`ringtrace/file-chunk/v1\u0000${fileId}\u0000`),
    u32be(index),
    new Uint8Array([final ? 1 : 0]),
  );
}

function sourceStream(source: FileSource): ReadableStream<Uint8Array> {
  if (source instanceof Uint8Array) {
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(source);
        controller.close();
      },
    });
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return source.stream();
  }
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    return source as ReadableStream<Uint8Array>;
  }
  throw new InvalidVaultInputError('A file must be a Blob, a ReadableStream or a Uint8Array.');
}

/**
 * Chunked file encryption with WebCrypto AES-256-GCM. Unlike rows, chunks are stored in their
 * own short transactions (a batch of CHUNKS_PER_BATCH each), so awaiting WebCrypto between them
 * is safe, and it is ten times faster than a JavaScript AES for megabyte chunks.
 */
export function createFileStore(db: () => VaultDb, ring: KeyRing, actor: () => Actor): FileStore {
  async function sealChunk(
    fileId: FileId,
    index: number,
    plaintext: Uint8Array,
    final: boolean,
  ): Promise<FileChunkRow> {
    const key = await ring.fileKey();
    const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const sealed = await globalThis.crypto.subtle.encrypt(
      {
        name: 'AES-GCM',
        iv: nonce,
        additionalData: chunkAad(fileId, index, final) as Uint8Array<ArrayBuffer>,
      },
      key,
      plaintext as Uint8Array<ArrayBuffer>,
    );
    return { fileId, index, data: concatBytes(nonce, new Uint8Array(sealed)) };
  }

  async function put(source: FileSource, options: PutFileOptions): Promise<FileRow> {
    const fileId = newId<FileId>();
    const reader = sourceStream(source).getReader();
    // hash-wasm: incremental like WebCrypto is not, and several times faster than JS SHA-256.
    const hash = options.sha256 === false ? undefined : await createSHA256();
    hash?.init();
    // A batch of chunks is sealed (side by side) while the batch before is written in one
    // transaction and the next chunk is read and hashed; never more, so that memory stays at a
    // few chunks whatever the file size.
    let sealing: Array<Promise<FileChunkRow>> = [];
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async (): Promise<void> => {
      const batch = sealing;
      sealing = [];
      // At most one write under way; a failed one throws here.
      await inFlight;
      inFlight = Promise.all(batch).then(async (rows) => {
        await db().fileChunks.bulkPut(rows);
      });
      // Marks a failure as handled until the next await picks it up and throws it.
      inFlight.catch(() => undefined);
    };
    const seal = async (index: number, plaintext: Uint8Array, final: boolean): Promise<void> => {
      const sealed = sealChunk(fileId, index, plaintext, final);
      sealed.catch(() => undefined);
      sealing.push(sealed);
      if (final || sealing.length >= CHUNKS_PER_BATCH) await flush();
    };
    let buffer = new Uint8Array(FILE_CHUNK_BYTES);
    let filled = 0;
    // A full chunk waits here until we know whether more follows: only then can its final
    // flag be set right.
    let pending: Uint8Array | undefined;
    let index = 0;
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!(value instanceof Uint8Array)) {
          throw new InvalidVaultInputError('A file stream must yield Uint8Array chunks.');
        }
        hash?.update(value);
        size += value.length;
        let offset = 0;
        while (offset < value.length) {
          const take = Math.min(FILE_CHUNK_BYTES - filled, value.length - offset);
          buffer.set(value.subarray(offset, offset + take), filled);
          filled += take;
          offset += take;
          if (filled === FILE_CHUNK_BYTES) {
            if (pending) await seal(index++, pending, false);
            pending = buffer;
            buffer = new Uint8Array(FILE_CHUNK_BYTES);
            filled = 0;
          }
        }
      }
      if (filled > 0 || !pending) {
        if (pending) await seal(index++, pending, false);
        await seal(index++, buffer.subarray(0, filled), true);
      } else {
        await seal(index++, pending, true);
      }
      await inFlight;
      const row: FileRow = {
        id: fileId,
        caseId: options.caseId,
        size,
        chunkSize: FILE_CHUNK_BYTES,
        chunkCount: index,
        ...(hash ? { sha256: hash.digest('hex') } : {}),
        mediaType: options.mediaType ?? 'application/octet-stream',
        createdAt: new Date().toISOString(),
      };
      const d = db();
      await d.transaction('rw', [d.files, ...auditTables(d)], async () => {
        await d.files.add(row);
        await appendAudit(d, actor(), {
          action: 'file.store',
          table: 'files',
          recordId: fileId,
          caseId: options.caseId,
          summary: `Stored file${options.label ? ` "${options.label}"` : ''} (${size} bytes${row.sha256 ? `, SHA-256 ${row.sha256}` : ''}).`,
        });
      });
      return row;
    } catch (error) {
      await Promise.allSettled(sealing);
      await inFlight.catch(() => undefined);
      await reader.cancel().catch(() => undefined);
      // Leave no orphan chunks behind a failed import.
      await db()
        .fileChunks.where('fileId')
        .equals(fileId)
        .delete()
        .catch(() => undefined);
      throw error;
    } finally {
      reader.releaseLock();
    }
  }

  async function info(fileId: FileId): Promise<FileRow> {
    const row = await db().files.get(fileId);
    if (!row) throw new FileNotFoundError(fileId);
    return row;
  }

  async function openChunk(row: FileRow, index: number): Promise<Uint8Array> {
    return openSealed(row, index, await db().fileChunks.get([row.id, index]));
  }

  async function openSealed(
    row: FileRow,
    index: number,
    chunk: FileChunkRow | undefined,
  ): Promise<Uint8Array> {
    const final = index === row.chunkCount - 1;
    if (!chunk) {
      throw new FileIntegrityError(row.id, index, 'the chunk is missing (the file was truncated)');
    }
    const key = await ring.fileKey();
    try {
      const plain = await globalThis.crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: chunk.data.subarray(0, NONCE_BYTES) as Uint8Array<ArrayBuffer>,
          additionalData: chunkAad(row.id, index, final) as Uint8Array<ArrayBuffer>,
        },
        key,
        chunk.data.subarray(NONCE_BYTES) as Uint8Array<ArrayBuffer>,
      );
      return new Uint8Array(plain);
    } catch {
      throw new FileIntegrityError(
        row.id,
        index,
        'the chunk fails authentication (altered, moved, or out of order)',
      );
    }
  }

  function read(fileId: FileId): ReadableStream<Uint8Array> {
    db(); // a locked vault refuses here, not at the first read of the stream
    let row: FileRow | undefined;
    let index = 0;
    let delivered = 0;
    // Chunks asked for ahead of the reader, read and decrypted side by side while the reader
    // takes the ones before: at most two batches' worth.
    const ahead: Array<Promise<Uint8Array>> = [];
    let fetched = 0;
    const fetchAhead = (file: FileRow): void => {
      while (ahead.length <= CHUNKS_PER_BATCH && fetched < file.chunkCount) {
        const from = fetched;
        const count = Math.min(CHUNKS_PER_BATCH, file.chunkCount - from);
        fetched += count;
        for (let k = 0; k < count; k++) {
          const plain = openChunk(file, from + k);
          // Handled when the reader reaches it; a cancelled stream never does.
          plain.catch(() => undefined);
          ahead.push(plain);
        }
      }
    };
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (!row) {
            row = await info(fileId);
            const stored = await db().fileChunks.where('fileId').equals(fileId).count();
            if (stored !== row.chunkCount) {
              throw new FileIntegrityError(
                fileId,
                undefined,
                `it has ${stored} chunks where ${row.chunkCount} were written`,
              );
            }
          }
          if (index >= row.chunkCount) {
            if (delivered !== row.size) {
              throw new FileIntegrityError(
                fileId,
                undefined,
                `it holds ${delivered} bytes where ${row.size} were written`,
              );
            }
            controller.close();
            return;
          }
          fetchAhead(row);
          const next = ahead.shift();
          if (!next) throw new FileIntegrityError(fileId, index, 'the chunk was never read');
          index++;
          const plain = await next;
          delivered += plain.length;
          controller.enqueue(plain);
        },
      },
      // A few chunks ahead at most (fetchAhead): a 500 MB file never sits in memory whole.
      { highWaterMark: 1 },
    );
  }

  async function readAll(fileId: FileId): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    const reader = read(fileId).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    return concatBytes(...parts);
  }

  async function readRange(fileId: FileId, start: number, end: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start)
      throw new InvalidVaultInputError(
        `A byte range must be 0 <= start <= end, not ${start}-${end}.`,
      );
    const row = await info(fileId);
    const stop = Math.min(end, row.size);
    if (start >= stop) return new Uint8Array(0);
    const out = new Uint8Array(stop - start);
    const first = Math.floor(start / row.chunkSize);
    const last = Math.floor((stop - 1) / row.chunkSize);
    for (let index = first; index <= last; index++) {
      const plain = await openChunk(row, index);
      // Every chunk but the last is full: a short one means the file is not what was written.
      const expected =
        index === row.chunkCount - 1 ? row.size - index * row.chunkSize : row.chunkSize;
      if (plain.length !== expected)
        throw new FileIntegrityError(
          fileId,
          index,
          `the chunk holds ${plain.length} bytes, not ${expected}`,
        );
      const chunkStart = index * row.chunkSize;
      const from = Math.max(start, chunkStart) - chunkStart;
      const to = Math.min(stop, chunkStart + plain.length) - chunkStart;
      out.set(plain.subarray(from, to), chunkStart + from - start);
    }
    return out;
  }

  async function remove(fileId: FileId): Promise<void> {
    const d = db();
    await d.transaction('rw', [d.files, d.fileChunks, ...auditTables(d)], async () => {
      const row = await d.files.get(fileId);
      if (!row) throw new FileNotFoundError(fileId);
      await d.fileChunks.where('fileId').equals(fileId).delete();
      await d.files.delete(fileId);
      await appendAudit(d, actor(), {
        action: 'file.delete',
        table: 'files',
        recordId: fileId,
        caseId: row.caseId,
        summary: `Deleted file (${row.size} bytes${row.sha256 ? `, SHA-256 ${row.sha256}` : ''}).`,
      });
    });
  }

  return Object.freeze({ put, read, readAll, readRange, info, delete: remove });
}
