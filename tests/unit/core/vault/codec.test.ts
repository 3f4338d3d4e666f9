import { describe, expect, it } from 'vitest';
import { decodeRow, encodeRow } from '../../../../src/core/vault/codec';

describe('row codec', () => {
  it('round-trips JSON data with binary fields', () => {
    const row = {
      id: 'x',
      nested: { list: [1, 'two', null, { deep: true }], bytes: new Uint8Array([0, 255, 7]) },
      key: new Uint8Array(32).fill(9),
      text: 'ស្រី \u0000 "quoted"',
    };
    expect(decodeRow(encodeRow(row))).toEqual(row);
  });

  it('refuses values JSON would silently change', () => {
    expect(() => encodeRow({ at: new Date() })).toThrow(/Date/);
    expect(() => encodeRow({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => encodeRow({ m: new Map() })).toThrow(/Map/);
    expect(() => encodeRow({ '\u0000bin': 1 })).toThrow(/U\+0000/);
  });

  it('refuses truncated payloads', () => {
    const bytes = encodeRow({ b: new Uint8Array(10) });
    expect(() => decodeRow(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
  });
});
