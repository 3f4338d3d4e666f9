import type { ErrorParams } from '../errors';
import { Inflate } from 'fflate';
import { crc32 } from './bytes';

/*
 * A deliberately strict ZIP reader for verifying bundles that may come from anyone. Every
 * limit is checked from the central directory before a single byte is inflated, then enforced
 * again while inflating, because the headers of a hostile file can lie.
 *
 * No byte of the file may lie outside what is verified. The rule (README, "Verifying an
 * evidence bundle"):
 * - members are checked by content (SHA-256 in the signed manifest), not by layout, so a
 *   bundle unzipped and zipped again by a common tool (zip, Python's zipfile, 7-Zip), in any
 *   order and at any compression level, still verifies;
 * - directory entries are not files: they are skipped, but must be empty and safely named;
 * - entries lie back to back from offset 0 with the central directory right after them:
 *   nothing before, between or after;
 * - no archive comment and no file comment (free text that tools show and nobody signs);
 * - extra fields only of the kinds common tools write for timestamps and owners (extended
 *   timestamp 0x5455, Info-ZIP Unix 0x7875 and 0x5855, NTFS times 0x000a), each of its exact
 *   documented size: a few bytes of clock and owner id, never a carrier of data, and never
 *   anything an extractor turns into content; any other extra field is refused;
 * - external attributes: a plain file or a folder. A symlink, a device, a setuid, setgid or
 *   sticky bit is refused, so that `unzip` extracts every member as a plain file;
 * - the local header repeats the central directory (name, method, CRC, sizes).
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

/** Extra-field kinds tolerated (see the rule at the top), with the sizes each may have. */
const BENIGN_EXTRA: ReadonlyMap<number, (size: number, central: boolean) => boolean> = new Map([
  // Extended timestamp: a flags byte and up to three 4-byte times (only mtime in the central).
  [0x5455, (size: number) => size >= 1 && size <= 13 && (size - 1) % 4 === 0],
  // Info-ZIP Unix (new): version 1, then uid and gid of 0-8 bytes each, written in full.
  [0x7875, (size: number) => size >= 3 && size <= 19],
  // Info-ZIP Unix (old): atime, mtime, and in the local header uid and gid.
  [0x5855, (size: number) => size === 8 || size === 12],
  // NTFS: 4 reserved bytes, then one attribute (tag 1, 24 bytes: three 8-byte times).
  [0x000a, (size: number) => size === 32],
]);

/** Why an extra-field block is refused, or null when it holds only tolerated fields. */
function extraFieldProblem(extra: Uint8Array, central: boolean): string | null {
  let at = 0;
  while (at < extra.length) {
    if (at + 4 > extra.length) return 'a truncated extra field';
    const id = u16(extra, at);
    const size = u16(extra, at + 2);
    if (at + 4 + size > extra.length) return `extra field 0x${id.toString(16)} runs past its block`;
    const ok = BENIGN_EXTRA.get(id);
    if (ok === undefined)
      return `an extra field of kind 0x${id.toString(16).padStart(4, '0')}, which no bundle writer or common ZIP tool needs`;
    if (!ok(size, central))
      return `extra field 0x${id.toString(16).padStart(4, '0')} of ${size} bytes, not its standard size`;
    if (id === 0x7875) {
      const uidSize = extra[at + 5] ?? 0;
      const gidSize = extra[at + 6 + uidSize] ?? 0;
      if (extra[at + 4] !== 1 || uidSize > 8 || gidSize > 8 || 3 + uidSize + gidSize !== size)
        return 'a Unix extra field (0x7875) that is not in its standard layout';
    }
    if (id === 0x000a && (u16(extra, at + 8) !== 1 || u16(extra, at + 10) !== 24))
      return 'an NTFS extra field (0x000a) that is not in its standard layout';
    if (id === 0x5455) {
      const flags = extra[at + 4] ?? 0;
      const times = (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1);
      if ((flags & 0xf8) !== 0 || (!central && size !== 1 + 4 * times) || (central && size > 5))
        return 'an extended-timestamp extra field (0x5455) that is not in its standard layout';
    }
    at += 4 + size;
  }
  return null;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** Why the external attributes are refused, or null for a plain file or folder. */
function attributesProblem(madeBy: number, external: number, isDirectory: boolean): string | null {
  const host = madeBy >> 8;
  if (host === 3 /* Unix */) {
    const mode = Math.floor(external / 0x10000) & 0xffff;
    if (mode === 0) return null;
    const type = mode & S_IFMT;
    if (type === 0o120000) return 'it is marked as a symbolic link';
    if (type !== 0 && type !== (isDirectory ? S_IFDIR : S_IFREG))
      return `its Unix file type is ${type.toString(8)}, not a plain ${isDirectory ? 'folder' : 'file'}`;
    if ((mode & 0o7000) !== 0) return 'it carries a setuid, setgid or sticky bit';
    return null;
  }
  if (host === 0 /* MS-DOS, FAT */ || host === 10 /* NTFS */ || host === 19 /* OS X */) {
    // Read-only, hidden, system, folder, archive: nothing an extractor turns into content.
    if ((external & ~0x37 & 0xffff) !== 0 && host !== 19)
      return `its DOS attributes 0x${(external & 0xffff).toString(16)} are not those of a plain file`;
    if (host === 19) return attributesProblem(3 << 8, external, isDirectory);
    return null;
  }
  return `it was written by an unknown system (host ${host})`;
}

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
  /** The files, in the order of the central directory; folders are not among them. */
  entries: readonly ZipEntry[];
  /** Folder entries, kept only so that their (empty) contents can be checked. */
  directories?: readonly ZipEntry[];
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
  if (u16(tail, eocd + 20) !== 0)
    problems.push({
      code: 'zip-hidden-data',
      message: `The ZIP carries an archive comment of ${u16(tail, eocd + 20)} bytes: a bundle writer never writes one, and it is not covered by the signature`,
    });
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
  const directories: ZipEntry[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  let at = 0;
  const spans: Array<{ start: number; end: number; path: string }> = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > cd.length || u32(cd, at) !== CDH_SIG)
      return fail('zip-malformed', `Central directory entry ${index + 1} of ${count} is damaged`);
    const madeBy = u16(cd, at + 4);
    const flags = u16(cd, at + 8);
    const method = u16(cd, at + 10);
    const crc = u32(cd, at + 16);
    const compressedSize = u32(cd, at + 20);
    const size = u32(cd, at + 24);
    const nameLength = u16(cd, at + 28);
    const extraLength = u16(cd, at + 30);
    const commentLength = u16(cd, at + 32);
    const startDisk = u16(cd, at + 34);
    const externalAttributes = u32(cd, at + 38);
    const extra = cd.slice(at + 46 + nameLength, at + 46 + nameLength + extraLength);
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
    // A folder is written by every common tool as an empty entry whose name ends in "/".
    const isDirectory = path.endsWith('/');
    const unsafe = unsafePathReason(isDirectory ? path.slice(0, -1) : path);
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
    if (commentLength !== 0) {
      problems.push({
        code: 'zip-hidden-data',
        path,
        message: `Entry "${path}" carries a file comment of ${commentLength} bytes, which no bundle writer produces and no signature covers`,
      });
      continue;
    }
    const extraProblem = extraFieldProblem(extra, true);
    if (extraProblem !== null) {
      problems.push({
        code: 'zip-hidden-data',
        path,
        message: `Entry "${path}" has ${extraProblem} in the central directory`,
      });
      continue;
    }
    const attributes = attributesProblem(madeBy, externalAttributes, isDirectory);
    if (attributes !== null) {
      problems.push({
        code: 'zip-unsafe-path',
        path,
        message: `Entry "${path}" is refused: ${attributes}; a bundle holds only plain files`,
      });
      continue;
    }
    if (isDirectory && (size !== 0 || compressedSize > 2)) {
      problems.push({
        code: 'zip-hidden-data',
        path,
        message: `Entry "${path}" is named as a folder but holds ${size} bytes`,
      });
      continue;
    }
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
    const localFlags = u16(local, 6);
    const hasDescriptor = (localFlags & 0x8) !== 0;
    if (
      localNameLength !== nameLength ||
      !localName.every((b, i) => b === nameBytes[i]) ||
      u16(local, 8) !== method ||
      (!hasDescriptor &&
        (u32(local, 14) !== crc || u32(local, 18) !== compressedSize || u32(local, 22) !== size))
    ) {
      problems.push({
        code: 'zip-malformed',
        path,
        message: `Entry "${path}": its local header disagrees with the central directory (name, method, CRC or sizes)`,
      });
      continue;
    }
    const localExtra = await src.read(localOffset + 30 + localNameLength, localExtraLength);
    const localExtraProblem = extraFieldProblem(localExtra, false);
    if (localExtraProblem !== null) {
      problems.push({
        code: 'zip-hidden-data',
        path,
        message: `Entry "${path}" has ${localExtraProblem} in its local header`,
      });
      continue;
    }
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    let spanEnd = dataOffset + compressedSize;
    if (hasDescriptor) {
      // A data descriptor follows the data, with or without its optional signature; it must
      // repeat the central directory's CRC and sizes.
      const dd = await src.read(spanEnd, 16);
      const signed = u32(dd, 0) === DD_SIG ? 4 : 0;
      if (
        u32(dd, signed) !== crc ||
        u32(dd, signed + 4) !== compressedSize ||
        u32(dd, signed + 8) !== size
      ) {
        problems.push({
          code: 'zip-malformed',
          path,
          message: `Entry "${path}": its data descriptor disagrees with the central directory`,
        });
        continue;
      }
      spanEnd += signed + 12;
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
    if (isDirectory) {
      // Its data, if any, must be an empty deflate stream; checked, then the folder is dropped.
      directories.push({ path, method, crc, compressedSize, size, dataOffset });
      continue;
    }
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
  if (problems.length > 0) return { entries, directories, problems };
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
  return { entries, directories, problems };
}

/** Raised while inflating an entry; the message names the entry. */
export class ZipEntryError extends Error {
  override readonly name = 'ZipEntryError';
  readonly errorKey: 'bundle.zipBomb' | 'bundle.zipCorrupt';
  readonly params: ErrorParams;
  constructor(
    /** zip-crc: the bytes read whole but differ from the CRC-32 recorded: they were changed. */
    readonly code: 'zip-bomb' | 'zip-corrupt' | 'zip-crc',
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
export async function* readEntry(
  src: RandomAccess,
  entry: ZipEntry,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): AsyncGenerator<Uint8Array> {
  const { path } = entry;
  let produced = 0;
  let consumed = 0;
  let crc = 0;
  const out: Uint8Array[] = [];
  const take = (chunk: Uint8Array): void => {
    produced += chunk.length;
    if (produced > entry.size) {
      // A damaged deflate stream runs on a little past its size; a bomb expands far beyond
      // what deflate of real text or files does. Saying which keeps the refusal honest.
      const bomb =
        produced > limits.ratioFloor && produced / Math.max(consumed, 1) > limits.maxRatio;
      throw new ZipEntryError(
        bomb ? 'zip-bomb' : 'zip-corrupt',
        path,
        bomb
          ? `Entry "${path}" inflates to more than the ${entry.size} bytes its header declares, ${Math.round(produced / Math.max(consumed, 1))} times its compressed size; stopped (decompression bomb)`
          : `Entry "${path}" is damaged: it inflates to more than the ${entry.size} bytes its header declares`,
      );
    }
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
    consumed += length;
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
      'zip-crc',
      path,
      `Entry "${path}" fails its CRC-32 check: its bytes were changed inside the ZIP`,
    );
}

/** A small entry, whole; refuses entries above `maxBytes` before reading them. */
export async function readEntryBytes(
  src: RandomAccess,
  entry: ZipEntry,
  maxBytes: number,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Uint8Array> {
  if (entry.size > maxBytes)
    throw new ZipEntryError(
      'zip-bomb',
      entry.path,
      `Entry "${entry.path}" is ${entry.size} bytes; at most ${maxBytes} are accepted for it`,
    );
  const whole = new Uint8Array(entry.size);
  let at = 0;
  for await (const chunk of readEntry(src, entry, limits)) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
