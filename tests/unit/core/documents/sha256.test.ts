import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IntakeError, sha256Blob, sha256Stream } from '../../../../src/core/documents';

const MiB = 1024 * 1024;

const BASE = (() => {
  // Pseudo-random so no two positions repeat; made once, since generating 500 MB would dominate.
  const out = new Uint8Array(MiB);
  let x = 2654435761;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
})();

/** Chunk `index`: the base with its index written in, so a skipped or reordered chunk changes the hash. */
function chunk(index: number, size: number): Uint8Array {
  const out = BASE.slice(0, size);
  new DataView(out.buffer).setUint32(0, index);
  return out;
}

/** A stream producing `count` chunks on demand: nothing but the current chunk exists at once. */
function generated(count: number, size: number, onPull?: () => void): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        onPull?.();
        if (next === count) controller.close();
        else controller.enqueue(chunk(next++, size));
      },
    },
    { highWaterMark: 0 },
  );
}

describe('sha256Stream', () => {
  it('matches Node crypto on the standard test vectors', async () => {
    for (const text of ['', 'abc', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq']) {
      const bytes = new TextEncoder().encode(text);
      const { sha256, size } = await sha256Blob(new Blob([bytes]));
      expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(size).toBe(bytes.length);
    }
    expect((await sha256Blob(new Blob([new TextEncoder().encode('abc')]))).sha256).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes a Blob split across many parts the same as the whole bytes', async () => {
    const parts = Array.from({ length: 37 }, (_, i) => chunk(i, 4093 + i));
    const reference = createHash('sha256');
    for (const p of parts) reference.update(p);
    const progress: number[] = [];
    const result = await sha256Blob(new Blob(parts.map((p) => p.slice())), {
      onProgress: (n) => progress.push(n),
    });
    expect(result.sha256).toBe(reference.digest('hex'));
    expect(result.size).toBe(parts.reduce((n, p) => n + p.length, 0));
    expect(progress.at(-1)).toBe(result.size);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('hashes 500 MB with bounded memory', async () => {
    const count = 500;
    const reference = createHash('sha256');
    for (let i = 0; i < count; i++) reference.update(chunk(i, MiB));
    const expected = reference.digest('hex');

    global.gc?.();
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const { sha256, size } = await sha256Stream(
      generated(count, MiB, () => {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
      }),
    );
    expect(size).toBe(count * MiB);
    expect(sha256).toBe(expected);
    // Holding the data would need 500 MiB; streaming keeps a few chunks awaiting collection.
    expect(peak).toBeLessThan(128 * MiB);
  }, 120_000);

  it('stops with a cancelled IntakeError naming the file when aborted', async () => {
    const controller = new AbortController();
    let pulls = 0;
    const stream = generated(1000, 64 * 1024, () => {
      if (++pulls === 3) controller.abort();
    });
    const error = await sha256Stream(stream, {
      signal: controller.signal,
      fileName: 'seized.pdf',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect(error).toMatchObject({ code: 'cancelled', fileName: 'seized.pdf' });
    expect(pulls).toBeLessThan(10);
  });
});
