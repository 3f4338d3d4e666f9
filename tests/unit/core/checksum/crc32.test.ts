import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../src/core/checksum';

describe('crc32', () => {
  it('matches the standard check value and zlib on random data', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const data = globalThis.crypto.getRandomValues(new Uint8Array(4096));
    expect(crc32(data)).toBe(zlibCrc32(data));
  });

  it('gives the same value fed in chunks as all at once', () => {
    const data = globalThis.crypto.getRandomValues(new Uint8Array(10_000));
    const chunked = [0, 1, 777, 5000, 10_000].reduce(
      (crc, end, i, ends) => crc32(data.subarray(ends[i - 1] ?? 0, end), crc),
      0,
    );
    expect(chunked).toBe(crc32(data));
  });
});
