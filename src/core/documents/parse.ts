/**
 * Format parsers written once, run two ways. A parser is a generator that yields what it needs
 * to read (a few bytes at an offset, the CRC of a range, where a marker last occurs) and gets the
 * answer back. Run over a byte array it answers at once, so `readImageInfo(bytes)` stays
 * synchronous; run over a ByteSource it reads each range from disk or the vault, so a 500 MB
 * TIFF's directories are walked with a few KB in memory.
 */
import { OutOfBounds, crc32, lastIndexOf } from './bytes';
import type { RangeReader } from './byteSource';

export type Need =
  | Readonly<{ kind: 'bytes'; at: number; length: number }>
  | Readonly<{ kind: 'crc'; start: number; end: number }>
  | Readonly<{ kind: 'last'; needle: readonly number[]; from: number }>;

export type Parse<T> = Generator<Need, T, Uint8Array | number>;

/** Exactly `length` bytes at `at`; OutOfBounds when the file ends first. */
export function* bytesAt(at: number, length: number): Parse<Uint8Array> {
  return (yield { kind: 'bytes', at, length }) as Uint8Array;
}

/** CRC-32 of [start, end); OutOfBounds when the file ends first. */
export function* crcOf(start: number, end: number): Parse<number> {
  return (yield { kind: 'crc', start, end }) as number;
}

/** Last index of `needle` at or after `from`, or -1. */
export function* lastIndex(needle: readonly number[], from: number): Parse<number> {
  return (yield { kind: 'last', needle, from }) as number;
}

export function parseBytes<T>(parser: Parse<T>, b: Uint8Array): T {
  let step = parser.next();
  while (!step.done) {
    const need = step.value;
    let answer: Uint8Array | number;
    if (need.kind === 'bytes') {
      if (need.at < 0 || need.at + need.length > b.length)
        throw new OutOfBounds(`read past end at byte ${Math.max(need.at, b.length)}`);
      answer = b.subarray(need.at, need.at + need.length);
    } else if (need.kind === 'crc') {
      if (need.end > b.length) throw new OutOfBounds(`read past end at byte ${b.length}`);
      answer = crc32(b, need.start, need.end);
    } else answer = lastIndexOf(b, need.needle, need.from);
    step = parser.next(answer);
  }
  return step.value;
}

export async function parseRanges<T>(parser: Parse<T>, reader: RangeReader): Promise<T> {
  let step = parser.next();
  while (!step.done) {
    const need = step.value;
    const answer =
      need.kind === 'bytes'
        ? await reader.bytes(need.at, need.length)
        : need.kind === 'crc'
          ? await reader.crc32(need.start, need.end)
          : await reader.lastIndexOf(need.needle, need.from);
    step = parser.next(answer);
  }
  return step.value;
}
