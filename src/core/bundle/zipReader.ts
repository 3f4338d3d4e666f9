import type { ErrorParams } from '../errors';
import { Inflate } from 'fflate';
import { crc32 } from './bytes';

/*
 * A deliberately strict ZIP reader for verifying bundles that may come from anyone. Every
 * limit is checked from the central directory before a single byte is inflated, then enforced
 * again while inflating, because the headers of a hostile file can lie. The layout must be
 * exactly what a bundle writer produces: entries back to back from offset 0, the central
 * directory right after them, nothing before, between or after, so that no data can hide in a
 * bundle that still verifies.
 */

/** Random access to the bundle's bytes: a file handle in Node, a Blob or an array in the app. */
export type RandomAccess = Readonly<{
  size: number;
  read: (offset: number, length: number) => Promise<Uint8Array>;
}>;

export function bytesSource(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    read: (offset, length) =>
      Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
  };
}

export type ZipLimits = Readonly<{
  /** Most entries a bundle may hold. */
  maxEntries: number;
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntrySize: number;
  /** Largest uncompressed size of all entries together, in bytes. */
  maxTotalSize: number;
  /** Highest uncompressed/compressed ratio of an entry larger than ratioFloor. */
  maxRatio: number;
  /** Entries up to this size may compress better than maxRatio (a page of blank lines does). */
  ratioFloor: number;
}>;

const GiB = 1024 ** 3;
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntrySize: 4 * GiB - 1,
  maxTotalSize: 32 * GiB,
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
};

export type ZipProblemCode =
  | 'zip-truncated'
  | 'zip-malformed'
  | 'zip-unsupported'
  | 'zip-unsafe-path'
  | 'zip-duplicate-path'
  | 'zip-bomb'
  | 'zip-hidden-data';

export type ZipProblem = Readonly<{ code: ZipProblemCode; message: string; path?: string }>;

export type ZipEntry = Readonly<{
  path: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}>;

export type ZipDirectory = Readonly<{
  entries: readonly ZipEntry[];
  problems: readonly ZipProblem[];
}>;

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const DD_SIG = 0x08074b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (
    ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) +
    (b[at + 3] ?? 0) * 0x1000000
  );
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Why a path may not be written out by a ZIP tool as it stands, or null when it is safe. */
export function unsafePathReason(path: string): string | null {
  if (path === '') return 'an empty name';
  if (path.includes('\\')) return 'a backslash, which Windows tools treat as a folder separator';
  if (path.startsWith('/')) return 'an absolute path';
  if (/^[a-zA-Z]:/.test(path)) return 'a drive letter';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'a control character';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'a ".." segment that climbs out of the folder';
  if (segments.some((s) => s === '.')) return 'a "." segment';
  if (segments.slice(0, -1).some((s) => s === '')) return 'an empty folder name';
  return null;
}

function fmtSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}

/**
 * Reads and checks the central directory and every local header, without inflating anything.
 * Problems are collected rather than thrown so that the verifier can name all of them; when
 * there is any, no entry should be inflated.
 */
export async function readZipDirectory(
  src: RandomAccess,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipDirectory> {
  const problems: ZipProblem[] = [];
  const fail = (code: ZipProblemCode, message: string): ZipDirectory => ({
    entries: [],
    problems: [...problems, { code, message }],
  });
  if (src.size < 22)
    return fail('zip-truncated', `The file is ${src.size} bytes: too short to be a ZIP`);

  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tailStart = src.size - tailLength;
  const tail = await src.read(tailStart, tailLength);
  let eocd = -1;
  let anySignature = false;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) !== EOCD_SIG) continue;
    anySignature = true;
    if (i + 22 + u16(tail, i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1)
    return fail(
      'zip-truncated',
      anySignature
        ? 'The ZIP is truncated or has data appended after its end: its end record does not close the file'
        : 'The ZIP is truncated (or not a ZIP): its end-of-central-directory record is missing',
    );
  const eocdOffset = tailStart + eocd;
  if (eocd >= 20 && u32(tail, eocd - 20) === ZIP64_LOCATOR_SIG)
    return fail('zip-unsupported', 'ZIP64 archives are not produced by Ringtrace and are refused');
  const disk = u16(tail, eocd + 4);
  const cdDisk = u16(tail, eocd + 6);
  const entriesOnDisk = u16(tail, eocd + 8);
  const count = u16(tail, eocd + 10);
  const cdSize = u32(tail, eocd + 12);
  const cdOffset = u32(tail, eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== count)
    return fail('zip-unsupported', 'Multi-part (spanned) ZIP archives are refused');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    return fail('zip-unsupported', 'ZIP64 archives are not produced by Ringtrace and are refused');
  if (count > limits.maxEntries)
    return fail(
      'zip-bomb',
      `The ZIP declares ${count} entries; at most ${limits.maxEntries} are accepted`,
    );
  if (cdOffset + cdSize > eocdOffset)
    return fail(
      'zip-truncated',
      'The ZIP is truncated or damaged: its central directory runs past the end record',
    );
  if (cdOffset + cdSize < eocdOffset)
    problems.push({
      code: 'zip-hidden-data',
      message: `${eocdOffset - cdOffset - cdSize} unaccounted bytes lie between the central directory and the end record`,
    });

  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  let at = 0;
  const spans: Array<{ start: number; end: number; path: string }> = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > cd.length || u32(cd, at) !== CDH_SIG)
      return fail('zip-malformed', `Central directory entry ${index + 1} of ${count} is damaged`);
    const flags = u16(cd, at + 8);
    const method = u16(cd, at + 10);
    const crc = u32(cd, at + 16);
    const compressedSize = u32(cd, at + 20);
    const size = u32(cd, at + 24);
    const nameLength = u16(cd, at + 28);
    const extraLength = u16(cd, at + 30);
    const commentLength = u16(cd, at + 32);
    const startDisk = u16(cd, at + 34);
    const localOffset = u32(cd, at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length)
      return fail('zip-malformed', `Central directory entry ${index + 1} runs past the directory`);
    const nameBytes = cd.slice(at + 46, at + 46 + nameLength);
    at = end;

    let path: string;
    try {
      // Names without the UTF-8 flag are accepted only in plain ASCII, where every
      // encoding agrees; anything else could display one name and extract as another.
      if ((flags & 0x800) === 0 && nameBytes.some((b) => b >= 0x80)) throw new Error('not UTF-8');
      path = utf8Strict.decode(nameBytes);
    } catch {
      problems.push({
        code: 'zip-unsafe-path',
        message: `Entry ${index + 1} has a name that is not valid UTF-8`,
      });
      continue;
    }
    const unsafe = unsafePathReason(path);
    if (unsafe !== null) {
      problems.push({
        code: 'zip-unsafe-path',
        path,
        message: `Entry "${path}" has an unsafe name: ${unsafe}`,
      });
      continue;
    }
    const folded = path.normalize('NFC').toLowerCase();
    const clash = seen.get(folded);
    if (clash !== undefined) {
      problems.push({
        code: 'zip-duplicate-path',
        path,
        message: `Entry "${path}" appears twice (or differs from "${clash}" only in case or Unicode form), so tools would extract only one of them`,
      });
      continue;
    }
    seen.set(folded, path);
    if ((flags & 0x1) !== 0 || (flags & 0x40) !== 0) {
      problems.push({ code: 'zip-unsupported', path, message: `Entry "${path}" is encrypted` });
      continue;
    }
    if (method !== 0 && method !== 8) {
      problems.push({
        code: 'zip-unsupported',
        path,
        message: `Entry "${path}" uses compression method ${method}; only stored and deflate are accepted`,
      });
      continue;
    }
    if (startDisk !== 0 || size === 0xffffffff || compressedSize === 0xffffffff) {
      problems.push({ code: 'zip-unsupported', path, message: `Entry "${path}" needs ZIP64` });
      continue;
    }
    if (size > limits.maxEntrySize) {
      problems.push({
        code: 'zip-bomb',
        path,
        message: `Entry "${path}" declares ${fmtSize(size)} uncompressed; at most ${fmtSize(limits.maxEntrySize)} per file is accepted`,
      });
      continue;
    }
    total += size;
    if (size > limits.ratioFloor && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      problems.push({
        code: 'zip-bomb',
        path,
        message: `Entry "${path}" would expand ${Math.round(size / Math.max(compressedSize, 1))} times (${fmtSize(compressedSize)} to ${fmtSize(size)}); at most ${limits.maxRatio} times is accepted`,
      });
      continue;
    }
    if (method === 0 && compressedSize !== size) {
      problems.push({
        code: 'zip-malformed',
        path,
        message: `Entry "${path}" is stored uncompressed but its two sizes differ`,
      });
      continue;
    }

    if (localOffset + 30 > cdOffset) {
      problems.push({
        code: 'zip-malformed',
        path,
        message: `Entry "${path}" starts outside the data area of the ZIP`,
      });
      continue;
    }
    const local = await src.read(localOffset, 30);
    if (u32(local, 0) !== LFH_SIG) {
      problems.push({
        code: 'zip-malformed',
        path,
        message: `Entry "${path}" has no local header where the directory says`,
      });
      continue;
    }
    const localNameLength = u16(local, 26);
    const localExtraLength = u16(local, 28);
    const localName = await src.read(localOffset + 30, localNameLength);
    if (
      localNameLength !== nameLength ||
      !localName.every((b, i) => b === nameBytes[i]) ||
      u16(local, 8) !== method
    ) {
      problems.push({
        code: 'zip-malformed',
        path,
        message: `Entry "${path}": its local header disagrees with the central directory (name or method)`,
      });
      continue;
    }
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    let spanEnd = dataOffset + compressedSize;
    if ((u16(local, 6) & 0x8) !== 0) {
      // A data descriptor follows the data, with or without its optional signature.
      const dd = await src.read(spanEnd, 16);
      spanEnd += u32(dd, 0) === DD_SIG ? 16 : 12;
    }
    if (spanEnd > cdOffset) {
      problems.push({
        code: 'zip-truncated',
        path,
        message: `Entry "${path}" runs past the start of the central directory: the ZIP is truncated or damaged`,
      });
      continue;
    }
    spans.push({ start: localOffset, end: spanEnd, path });
    entries.push({ path, method, crc, compressedSize, size, dataOffset });
  }
  if (at !== cd.length)
    problems.push({
      code: 'zip-hidden-data',
      message: 'The central directory holds more bytes than its entries account for',
    });
  if (total > limits.maxTotalSize)
    problems.push({
      code: 'zip-bomb',
      message: `The entries declare ${fmtSize(total)} uncompressed in all; at most ${fmtSize(limits.maxTotalSize)} is accepted`,
    });

  // Overlapping entries are how the smallest bombs reuse one compressed block many times;
  // gaps are where data could hide. Checked only when every entry was accepted: a refused
  // entry leaves a gap that is no news.
  if (problems.length > 0) return { entries, problems };
  spans.sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor)
      problems.push({
        code: 'zip-bomb',
        path: span.path,
        message: `Entry "${span.path}" overlaps another entry's data`,
      });
    else if (span.start > cursor)
      problems.push({
        code: 'zip-hidden-data',
        message: `${span.start - cursor} unaccounted bytes lie before entry "${span.path}"`,
      });
    cursor = Math.max(cursor, span.end);
  }
  if (problems.length === 0 && cursor !== cdOffset)
    problems.push({
      code: 'zip-hidden-data',
      message: `${cdOffset - cursor} unaccounted bytes lie before the central directory`,
    });
  return { entries, problems };
}

/** Raised while inflating an entry; the message names the entry. */
export class ZipEntryError extends Error {
  override readonly name = 'ZipEntryError';
  readonly errorKey: 'bundle.zipBomb' | 'bundle.zipCorrupt';
  readonly params: ErrorParams;
  constructor(
    readonly code: 'zip-bomb' | 'zip-corrupt',
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.errorKey = code === 'zip-bomb' ? 'bundle.zipBomb' : 'bundle.zipCorrupt';
    this.params = code === 'zip-bomb' ? { path } : { path, detail: message };
  }
}

const READ_CHUNK = 16 * 1024;

/**
 * The entry's uncompressed bytes, chunk by chunk. Compressed input is fed 16 KiB at a time
 * (deflate expands at most ~1032 times, so one step never produces more than ~17 MB), and the
 * output is cut off as soon as it passes the declared size: headers that lie cannot make the
 * verifier inflate a bomb. The CRC-32 and the exact size are checked at the end.
 */
export async function* readEntry(src: RandomAccess, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const { path } = entry;
  let produced = 0;
  let crc = 0;
  const out: Uint8Array[] = [];
  const take = (chunk: Uint8Array): void => {
    produced += chunk.length;
    if (produced > entry.size)
      throw new ZipEntryError(
        'zip-bomb',
        path,
        `Entry "${path}" inflates to more than the ${entry.size} bytes its header declares; stopped (decompression bomb or damaged file)`,
      );
    crc = crc32(chunk, crc);
    out.push(chunk);
  };
  const inflater =
    entry.method === 8
      ? new Inflate((chunk) => {
          if (chunk.length > 0) take(chunk);
        })
      : null;
  for (let offset = 0; offset < entry.compressedSize || offset === 0; offset += READ_CHUNK) {
    const length = Math.min(READ_CHUNK, entry.compressedSize - offset);
    const chunk = length > 0 ? await src.read(entry.dataOffset + offset, length) : new Uint8Array();
    if (chunk.length !== length)
      throw new ZipEntryError('zip-corrupt', path, `Entry "${path}" is cut short`);
    const final = offset + length >= entry.compressedSize;
    if (inflater === null) {
      if (chunk.length > 0) take(chunk);
    } else {
      try {
        inflater.push(chunk, final);
      } catch (error) {
        if (error instanceof ZipEntryError) throw error;
        throw new ZipEntryError(
          'zip-corrupt',
          path,
          `Entry "${path}" is damaged: its compressed data cannot be read (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
    for (let next = out.shift(); next !== undefined; next = out.shift()) yield next;
    if (final) break;
  }
  if (produced !== entry.size)
    throw new ZipEntryError(
      'zip-corrupt',
      path,
      `Entry "${path}" inflates to ${produced} bytes, not the ${entry.size} its header declares`,
    );
  if (crc !== entry.crc)
    throw new ZipEntryError(
      'zip-corrupt',
      path,
      `Entry "${path}" fails its CRC-32 check: its bytes were changed inside the ZIP`,
    );
}

/** A small entry, whole; refuses entries above `maxBytes` before reading them. */
export async function readEntryBytes(
  src: RandomAccess,
  entry: ZipEntry,
  maxBytes: number,
): Promise<Uint8Array> {
  if (entry.size > maxBytes)
    throw new ZipEntryError(
      'zip-bomb',
      entry.path,
      `Entry "${entry.path}" is ${entry.size} bytes; at most ${maxBytes} are accepted for it`,
    );
  const whole = new Uint8Array(entry.size);
  let at = 0;
  for await (const chunk of readEntry(src, entry)) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
