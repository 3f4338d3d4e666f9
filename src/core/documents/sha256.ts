/**
 * SHA-256 of original bytes, streamed. WebCrypto's digest() takes the whole input at once, so a
 * 500 MB seizure would have to sit in memory; hash-wasm updates incrementally instead (in wasm,
 * several times faster than a JavaScript SHA-256), and memory stays at one piece whatever the
 * file size.
 */
import { createSHA256 } from 'hash-wasm';
import { IntakeError, UNNAMED_FILE } from './errors';

/**
 * A Blob is hashed in slices of this size. A Blob's own stream hands out 64 KB pieces: for a
 * 500 MB file that is 8,000 short-lived buffers, which the browser's allocator and collector
 * let pile up to hundreds of MB before they are given back. A few large slices are returned to
 * the system as soon as they are collected, so the renderer stays near its resting size.
 */
export const HASH_SLICE_BYTES = 8 * 1024 * 1024;

export type HashOptions = Readonly<{
  /** Called after each chunk with the number of bytes hashed so far. */
  onProgress?: (bytesHashed: number) => void;
  signal?: AbortSignal;
  /** Names the file in the error when the job is cancelled. */
  fileName?: string;
}>;

export type Sha256Result = Readonly<{
  /** Lower-case hex, 64 characters, as EvidenceItem.sha256 stores it. */
  sha256: string;
  /** Bytes read from the stream: the size of what was hashed. */
  size: number;
}>;

/** Hashes everything a stream yields, one chunk at a time. */
export async function sha256Stream(
  stream: ReadableStream<Uint8Array>,
  options: HashOptions = {},
): Promise<Sha256Result> {
  const hash = await createSHA256();
  hash.init();
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      if (options.signal?.aborted === true) {
        await reader.cancel();
        throw new IntakeError(
          'cancelled',
          options.fileName ?? UNNAMED_FILE,
          'hashing was cancelled',
        );
      }
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
      size += value.byteLength;
      options.onProgress?.(size);
    }
  } finally {
    reader.releaseLock();
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Hashes a Blob (a File from a drop or a file input) slice by slice (see HASH_SLICE_BYTES). A
 * file that changes or disappears on disk while it is read fails its slice's read: that is
 * reported as the file changing, never as a hash of whatever was read.
 */
export async function sha256Blob(blob: Blob, options: HashOptions = {}): Promise<Sha256Result> {
  const fileName = options.fileName ?? UNNAMED_FILE;
  const hash = await createSHA256();
  hash.init();
  let size = 0;
  for (let at = 0; at < blob.size; at += HASH_SLICE_BYTES) {
    if (options.signal?.aborted === true)
      throw new IntakeError('cancelled', fileName, 'hashing was cancelled');
    let piece: Uint8Array;
    try {
      piece = new Uint8Array(await blob.slice(at, at + HASH_SLICE_BYTES).arrayBuffer());
    } catch (error) {
      throw new IntakeError(
        'truncated',
        fileName,
        'the file changed or could not be read while it was hashed; take it in again',
        { cause: error },
      );
    }
    hash.update(piece);
    size += piece.length;
    options.onProgress?.(size);
  }
  return { sha256: hash.digest('hex'), size };
}
