import type { ErrorParams } from '../errors';
import { concatBytes, fromUtf8, readU32be, u32be, utf8 } from './bytes';

/**
 * Serialises a row (plain JSON data plus Uint8Array fields) to bytes for sealing, and back.
 *
 * Layout: u32 length of the JSON text, the JSON text, then the binary fields one after the
 * other. A binary field appears in the JSON as {"\u0000bin": index}. Anything JSON would
 * silently change (Date, Map, NaN, undefined in arrays, class instances) is refused, so that
 * what is read back is exactly what was written.
 *
 * One walk checks the row and finds binary fields; rows without any (most of them) then go
 * through plain JSON.stringify / JSON.parse, which are several times faster than with a
 * replacer or reviver. This runs for every row read or written, inside the transaction.
 */

const BINARY_TAG = '\u0000bin';

export class RowCodecError extends Error {
  override name = 'RowCodecError';
  readonly errorKey = 'vault.rowCodec';
  get params(): ErrorParams {
    return { detail: this.message };
  }
}

/** Checks a value and says whether it holds binary fields. */
function inspect(value: unknown, path: string): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return false;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new RowCodecError(`Field "${path}" holds ${value}, which cannot be stored.`);
      }
      return false;
    case 'undefined':
      return false;
    case 'object': {
      if (value === null) return false;
      if (value instanceof Uint8Array) return true;
      let binary = false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined) {
            throw new RowCodecError(`Field "${path}[${i}]" is undefined, which cannot be stored.`);
          }
          if (inspect(value[i], `${path}[${i}]`)) binary = true;
        }
        return binary;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        throw new RowCodecError(`Field "${path}" holds a ${kind}; rows hold plain data only.`);
      }
      for (const key in value) {
        if (key.charCodeAt(0) === 0) {
          throw new RowCodecError(`Field names may not start with U+0000 ("${key.slice(1)}").`);
        }
        if (inspect((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key)) {
          binary = true;
        }
      }
      return binary;
    }
    default:
      throw new RowCodecError(
        `Field "${path}" holds a ${typeof value}; rows hold plain data only.`,
      );
  }
}

/**
 * The same walk as inspect without building field paths: rows are sealed by the thousand, and
 * paths are needed only for the error message. Returns null where inspect must explain.
 */
function hasBinaryFast(value: unknown): boolean | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return false;
    case 'number':
      return Number.isFinite(value) ? false : null;
    case 'object': {
      if (value === null) return false;
      if (value instanceof Uint8Array) return true;
      let binary = false;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) {
          if (item === undefined) return null;
          const inner = hasBinaryFast(item);
          if (inner === null) return null;
          binary ||= inner;
        }
        return binary;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return null;
      for (const key in value) {
        if (key.charCodeAt(0) === 0) return null;
        const inner = hasBinaryFast((value as Record<string, unknown>)[key]);
        if (inner === null) return null;
        binary ||= inner;
      }
      return binary;
    }
    default:
      return null;
  }
}

export function encodeRow(value: unknown): Uint8Array {
  const hasBinary = hasBinaryFast(value) ?? inspect(value, '');
  const blobs: Uint8Array[] = [];
  const json = hasBinary
    ? JSON.stringify(value, (_key, v: unknown) => {
        if (v instanceof Uint8Array) {
          blobs.push(v);
          return { [BINARY_TAG]: blobs.length - 1 };
        }
        return v;
      })
    : JSON.stringify(value);
  if (json === undefined) throw new RowCodecError('A row must be a JSON-compatible value.');
  const text = utf8(json);
  if (blobs.length === 0) return concatBytes(u32be(text.length), text);
  const parts = [u32be(text.length), text];
  for (const blob of blobs) parts.push(u32be(blob.length), blob);
  return concatBytes(...parts);
}

export function decodeRow(bytes: Uint8Array): unknown {
  if (bytes.length < 4) throw new RowCodecError('Row payload is too short.');
  const jsonLength = readU32be(bytes, 0);
  let offset = 4 + jsonLength;
  if (offset > bytes.length) throw new RowCodecError('Row payload is truncated.');
  const json = fromUtf8(bytes.subarray(4, offset));
  if (offset === bytes.length) return JSON.parse(json);
  const blobs: Uint8Array[] = [];
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length) throw new RowCodecError('Row payload is truncated.');
    const length = readU32be(bytes, offset);
    offset += 4;
    if (offset + length > bytes.length) throw new RowCodecError('Row payload is truncated.');
    // A copy, so that the row does not pin (or alias) the whole decrypted buffer.
    blobs.push(bytes.slice(offset, offset + length));
    offset += length;
  }
  return JSON.parse(json, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && BINARY_TAG in v) {
      const index = (v as Record<string, unknown>)[BINARY_TAG];
      const blob = typeof index === 'number' ? blobs[index] : undefined;
      if (!blob) throw new RowCodecError('Row payload refers to a missing binary field.');
      return blob;
    }
    return v;
  });
}
