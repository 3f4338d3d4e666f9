/**
 * Lock leaves no key behind: not in the KeyRing's arrays, and not in the copies libsodium's
 * wrapper makes of the rows key in its WebAssembly heap for every row sealed or opened (and
 * frees without zeroing).
 */
import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../../../../src/core/vault/keys';
import { RowCipher, loadRowCipher, scrubRowCipherHeap } from '../../../../src/core/vault/rowCipher';

function heap(): Uint8Array {
  return (sodium as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium.HEAPU8;
}

function occurrences(haystack: Uint8Array, needle: Uint8Array): number {
  let count = 0;
  const first = needle[0] ?? 0;
  for (let at = haystack.indexOf(first); at !== -1; at = haystack.indexOf(first, at + 1)) {
    let same = true;
    for (let i = 1; i < needle.length && same; i++) same = haystack[at + i] === needle[i];
    if (same) count++;
  }
  return count;
}

beforeAll(() => loadRowCipher());

describe('lock', () => {
  it('zeroes every copy of the keys libsodium left in its heap, then the keys', () => {
    const ring = new KeyRing(sodium.randombytes_buf(32));
    const cipher = new RowCipher(ring);
    const sealed = cipher.seal('entities', 'e1', { name: 'Sokha Chan' });
    expect(cipher.open('entities', 'e1', { sealed }, []).ok).toBe(true);
    const rowsKey = ring.key('rows').slice();
    // Positive control: the wrapper's freed copies are there while unlocked.
    expect(occurrences(heap(), rowsKey)).toBeGreaterThan(0);

    const held = ring.heldKeys();
    expect(scrubRowCipherHeap(held)).toBeGreaterThan(0);
    ring.wipe();
    expect(occurrences(heap(), rowsKey)).toBe(0);
    expect(held.every((key) => key.every((b) => b === 0))).toBe(true);
    expect(ring.heldKeys()).toEqual([]);
  });
});
