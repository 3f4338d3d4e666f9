/**
 * SHA-256 of original bytes, streamed. WebCrypto's digest() takes the whole input at once, so a
 * 500 MB seizure would have to sit in memory; @noble/hashes updates incrementally instead, and
 * memory stays at one chunk whatever the file size.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { IntakeError, UNNAMED_FILE } from './errors';

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
  const hash = sha256.create();
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
  return { sha256: bytesToHex(hash.digest()), size };
}

/** Hashes a Blob (a File from a drop or a file input) through its stream. */
export function sha256Blob(blob: Blob, options: HashOptions = {}): Promise<Sha256Result> {
  return sha256Stream(blob.stream(), options);
}
