/**
 * Random access to a file's bytes without holding the file: a seized file of 500 MB is read as
 * the few ranges its structure points to (headers, directories, the objects of one PDF page),
 * never whole. A Blob from a file input reads ranges from disk; the vault's encrypted files read
 * them by decrypting only the chunks a range spans.
 */
import { crc32 as crc32Of } from '../checksum';
import { OutOfBounds } from './bytes';

export type ByteSource = Readonly<{
  /** Bytes in the file. */
  size: number;
  /** Bytes [start, end), `end` at most `size`; the array may be the caller's to keep. */
  read: (start: number, end: number) => Promise<Uint8Array>;
}>;

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

/**
 * A Blob as a stream of slices of `sliceBytes`. A Blob's own stream hands out 64 KB pieces: for
 * a 500 MB file 8,000 short-lived buffers, which the browser's allocator keeps long after they
 * are garbage (the renderer grew by hundreds of MB storing one seizure). Slices of a megabyte
 * or more are given back to the system as soon as they are collected. A file that changes on
 * disk while it is read fails its slice's read, and the stream errors with `onReadError`'s error.
 */
export function blobSlices(
  blob: Blob,
  sliceBytes: number,
  onReadError: (error: unknown) => Error,
): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (at >= blob.size) {
          controller.close();
          return;
        }
        const end = Math.min(blob.size, at + sliceBytes);
        try {
          controller.enqueue(new Uint8Array(await blob.slice(at, end).arrayBuffer()));
        } catch (error) {
          throw onReadError(error);
        }
        at = end;
      },
    },
    { highWaterMark: 0 },
  );
}

/** A byte array as a source: small files and tests. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => Promise.resolve(bytes.slice(start, end)) };
}

export function isByteSource(value: unknown): value is ByteSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    typeof (value as ByteSource).size === 'number' &&
    typeof (value as ByteSource).read === 'function'
  );
}

/**
 * Keeps the last few aligned blocks a source gave, so that a parser reading a header field by
 * field (or pdf.js asking for neighbouring objects) does not go back to the disk, or decrypt a
 * vault chunk again, for every few bytes. Memory: at most `blocks` x `blockSize`.
 */
export function cachedSource(source: ByteSource, blockSize = 1024 * 1024, blocks = 4): ByteSource {
  const cache = new Map<number, Promise<Uint8Array>>();
  const block = (index: number): Promise<Uint8Array> => {
    const hit = cache.get(index);
    if (hit !== undefined) {
      // Most recently used last: Map keeps insertion order.
      cache.delete(index);
      cache.set(index, hit);
      return hit;
    }
    const start = index * blockSize;
    const read = source.read(start, Math.min(source.size, start + blockSize));
    cache.set(index, read);
    read.catch(() => cache.delete(index));
    while (cache.size > blocks) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return read;
  };
  return {
    size: source.size,
    async read(start, end) {
      const stop = Math.min(end, source.size);
      if (start >= stop) return new Uint8Array(0);
      const first = Math.floor(start / blockSize);
      const last = Math.floor((stop - 1) / blockSize);
      // A range bigger than the cache (one scanned page image) goes to the source directly.
      if (last - first + 1 > blocks) return source.read(start, stop);
      const out = new Uint8Array(stop - start);
      for (let i = first; i <= last; i++) {
        const data = await block(i);
        const blockStart = i * blockSize;
        const from = Math.max(start, blockStart);
        const to = Math.min(stop, blockStart + data.length);
        if (to > from) out.set(data.subarray(from - blockStart, to - blockStart), from - start);
      }
      return out;
    },
  };
}

/** Past this, a single read is refused: no header field of a real file is this long. */
const MAX_FIELD_BYTES = 64 * 1024 * 1024;

/**
 * Bounds-checked reads at absolute offsets, like bytes.ts but over a ByteSource: every read past
 * the end throws OutOfBounds, which parsers report as truncation.
 */
export class RangeReader {
  readonly size: number;
  private readonly source: ByteSource;

  constructor(source: ByteSource) {
    this.source = cachedSource(source, 64 * 1024, 16);
    this.size = source.size;
  }

  /** Exactly `length` bytes at `at`, or OutOfBounds when the file ends first. */
  async bytes(at: number, length: number): Promise<Uint8Array> {
    if (at < 0 || length < 0 || at + length > this.size)
      throw new OutOfBounds(`read past end at byte ${Math.max(at, this.size)}`);
    if (length > MAX_FIELD_BYTES)
      throw new OutOfBounds(`a field of ${length} bytes at byte ${at} is longer than any header`);
    return this.source.read(at, at + length);
  }

  async u8(at: number): Promise<number> {
    return (await this.bytes(at, 1))[0] ?? 0;
  }

  async u16be(at: number): Promise<number> {
    const b = await this.bytes(at, 2);
    return ((b[0] ?? 0) << 8) | (b[1] ?? 0);
  }

  async u16le(at: number): Promise<number> {
    const b = await this.bytes(at, 2);
    return (b[0] ?? 0) | ((b[1] ?? 0) << 8);
  }

  async u24le(at: number): Promise<number> {
    const b = await this.bytes(at, 3);
    return (b[0] ?? 0) | ((b[1] ?? 0) << 8) | ((b[2] ?? 0) << 16);
  }

  async u32be(at: number): Promise<number> {
    const b = await this.bytes(at, 4);
    return (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
  }

  async u32le(at: number): Promise<number> {
    const b = await this.bytes(at, 4);
    return ((b[0] ?? 0) | ((b[1] ?? 0) << 8) | ((b[2] ?? 0) << 16) | ((b[3] ?? 0) << 24)) >>> 0;
  }

  async i32le(at: number): Promise<number> {
    return (await this.u32le(at)) | 0;
  }

  async ascii(at: number, length: number): Promise<string> {
    return String.fromCharCode(...(await this.bytes(at, length)));
  }

  /**
   * CRC-32 of [start, end), read in 1 MiB pieces: a PNG's 400 MB IDAT chunk is checked without
   * ever being in memory.
   */
  async crc32(start: number, end: number): Promise<number> {
    if (end > this.size) throw new OutOfBounds(`read past end at byte ${this.size}`);
    let crc = 0;
    for (let at = start; at < end; at += 1024 * 1024) {
      const stop = Math.min(end, at + 1024 * 1024);
      crc = crc32Of(await this.source.read(at, stop), crc);
    }
    return crc;
  }

  /**
   * Last index of `needle` at or after `from`, or -1, scanning backwards from the end in 1 MiB
   * windows: a marker near the end (a JPEG's end of image, a PDF's %%EOF) costs one read.
   */
  async lastIndexOf(needle: readonly number[], from = 0): Promise<number> {
    const window = 1024 * 1024;
    let end = this.size;
    while (end - from >= needle.length) {
      const start = Math.max(from, end - window);
      const piece = await this.source.read(start, end);
      outer: for (let i = piece.length - needle.length; i >= 0; i--) {
        for (let j = 0; j < needle.length; j++) if (piece[i + j] !== needle[j]) continue outer;
        return start + i;
      }
      if (start === from) break;
      // Overlap by the needle's length less one, so a match across two windows is found.
      end = start + needle.length - 1;
    }
    return -1;
  }
}
