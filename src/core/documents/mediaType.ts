/**
 * Media types from magic bytes. The extension of a seized file says what someone wanted it to
 * look like, not what it is, so it is only compared with the content and never trusted.
 */
import { ascii, startsWith } from './bytes';

export const SUPPORTED_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/webp',
  'image/bmp',
  'application/pdf',
] as const;
export type SupportedMediaType = (typeof SUPPORTED_MEDIA_TYPES)[number];

export type ImageMediaType = Exclude<SupportedMediaType, 'application/pdf'>;

/** How many leading bytes sniffing looks at (PDF allows junk before %PDF- within 1 KiB). */
export const SNIFF_BYTES = 1024;

/** What the leading bytes say a file is. Unsupported formats are named so the error can say so. */
export type SniffResult =
  | Readonly<{ supported: true; mediaType: SupportedMediaType; label: string }>
  | Readonly<{ supported: false; mediaType: string; label: string }>;

const LABELS: Readonly<Record<SupportedMediaType, string>> = {
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/tiff': 'TIFF image',
  'image/webp': 'WebP image',
  'image/bmp': 'BMP image',
  'application/pdf': 'PDF document',
};

function supported(mediaType: SupportedMediaType): SniffResult {
  return { supported: true, mediaType, label: LABELS[mediaType] };
}

function unsupported(mediaType: string, label: string): SniffResult {
  return { supported: false, mediaType, label };
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Offset of "%PDF-" within the first SNIFF_BYTES, or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, SNIFF_BYTES) - PDF.length;
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF, i)) return i;
  return -1;
}

/**
 * Identifies a file from its first bytes (pass at least SNIFF_BYTES when there are that many).
 * Returns undefined when the bytes match no format known here, supported or not.
 */
export function identifyFormat(bytes: Uint8Array): SniffResult | undefined {
  if (startsWith(bytes, PNG)) return supported('image/png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return supported('image/jpeg');
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return supported('image/tiff');
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b]))
    return unsupported('image/tiff', 'BigTIFF image (TIFF over 4 GiB format)');
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return supported('image/webp');
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]))
    return unsupported('application/x-riff', 'RIFF media (audio or video)');
  // "BM" alone is too weak: also require a known DIB header size at offset 14.
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 18) {
    const dib = (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dib)) return supported('image/bmp');
  }
  if (pdfHeaderOffset(bytes) >= 0) return supported('application/pdf');
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return unsupported('image/gif', 'GIF image');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return unsupported('application/zip', 'ZIP archive (or an Office document, which is one)');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return unsupported('application/x-ole-storage', 'legacy Office document (.doc, .xls, .msg)');
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]))
    return unsupported('image/jp2', 'JPEG 2000 image');
  if (bytes.length >= 12 && startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = ascii(bytes, 8, 4);
    if (['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis'].includes(brand))
      return unsupported('image/heic', 'HEIC photo (export it as JPEG from the device)');
    if (brand === 'avif') return unsupported('image/avif', 'AVIF image');
    return unsupported('video/mp4', 'MP4/QuickTime media');
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return unsupported('application/gzip', 'gzip archive');
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]))
    return unsupported('application/vnd.rar', 'RAR archive');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
    return unsupported('application/x-7z-compressed', '7-Zip archive');
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]))
    return unsupported('application/rtf', 'RTF document');
  return undefined;
}

/** The supported media type of these bytes, or undefined for anything intake does not read. */
export function sniffMediaType(bytes: Uint8Array): SupportedMediaType | undefined {
  const found = identifyFormat(bytes);
  return found?.supported === true ? found.mediaType : undefined;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  jfif: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  webp: 'image/webp',
  bmp: 'image/bmp',
  dib: 'image/bmp',
  pdf: 'application/pdf',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heic',
  avif: 'image/avif',
  jp2: 'image/jp2',
  zip: 'application/zip',
  docx: 'application/zip',
  xlsx: 'application/zip',
  pptx: 'application/zip',
  doc: 'application/x-ole-storage',
  xls: 'application/x-ole-storage',
  mp4: 'video/mp4',
  mov: 'video/mp4',
  rtf: 'application/rtf',
};

/** The file name's extension, lower case, without the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The media type an extension stands for, when it is one this module knows. */
export function mediaTypeForExtension(fileName: string): string | undefined {
  return EXTENSIONS[extensionOf(fileName)];
}

/**
 * How the name compares with the content. `mismatch` only when the extension names a known
 * type that differs from the content: files from phone dumps often have no extension, or one
 * like .dat or .bin, which says nothing and is not reported as a mismatch.
 */
export type ExtensionCheck = Readonly<{
  extension: string;
  /** The media type the extension stands for, when known. */
  extensionMediaType?: string;
  mismatch: boolean;
}>;

export function checkExtension(fileName: string, contentMediaType: string): ExtensionCheck {
  const extension = extensionOf(fileName);
  const extensionMediaType = EXTENSIONS[extension];
  if (extensionMediaType === undefined) return { extension, mismatch: false };
  return { extension, extensionMediaType, mismatch: extensionMediaType !== contentMediaType };
}
