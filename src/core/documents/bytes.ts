/** Bounds-checked readers over a byte array: every read past the end reports truncation. */
import { crc32 as crc32Of } from '../checksum';

export class OutOfBounds extends Error {
  override readonly name = 'OutOfBounds';
}

export function u8(b: Uint8Array, at: number): number {
  const v = b[at];
  if (v === undefined) throw new OutOfBounds(`read past end at byte ${at}`);
  return v;
}

export function u16be(b: Uint8Array, at: number): number {
  return (u8(b, at) << 8) | u8(b, at + 1);
}

export function u16le(b: Uint8Array, at: number): number {
  return u8(b, at) | (u8(b, at + 1) << 8);
}

export function u24le(b: Uint8Array, at: number): number {
  return u8(b, at) | (u8(b, at + 1) << 8) | (u8(b, at + 2) << 16);
}

export function u32be(b: Uint8Array, at: number): number {
  return ((u8(b, at) << 24) | (u8(b, at + 1) << 16) | (u8(b, at + 2) << 8) | u8(b, at + 3)) >>> 0;
}

export function u32le(b: Uint8Array, at: number): number {
  return (u8(b, at) | (u8(b, at + 1) << 8) | (u8(b, at + 2) << 16) | (u8(b, at + 3) << 24)) >>> 0;
}

export function i32le(b: Uint8Array, at: number): number {
  return u32le(b, at) | 0;
}

export function ascii(b: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(u8(b, at + i));
  return s;
}

/** True when `b` holds exactly these bytes starting at `at` (false, not an error, past the end). */
export function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

/** Last index of `needle` in `haystack` at or after `from`, or -1. */
export function lastIndexOf(haystack: Uint8Array, needle: readonly number[], from = 0): number {
  outer: for (let i = haystack.length - needle.length; i >= from; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** CRC-32 (ISO 3309, as PNG uses it) of b[start, end). */
export function crc32(b: Uint8Array, start = 0, end = b.length): number {
  return crc32Of(b.subarray(start, end));
}
