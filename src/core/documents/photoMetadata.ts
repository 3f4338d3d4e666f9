/**
 * What a photo says about itself: when it was taken, on which device, and where. These are
 * leads, not facts (EXIF is trivially edited), and are shown as the file states them.
 */
import exifr from 'exifr';
import { ascii, u32le } from './bytes';
import { RangeReader } from './byteSource';
import type { ByteSource } from './byteSource';
import type { ImageMediaType } from './mediaType';

/** Stable keys for the UI to translate. */
export const PHOTO_METADATA_KEYS = {
  taken: 'exif.taken',
  modified: 'exif.modified',
  make: 'exif.make',
  model: 'exif.model',
  device: 'exif.device',
  serialNumber: 'exif.serialNumber',
  software: 'exif.software',
  latitude: 'gps.latitude',
  longitude: 'gps.longitude',
  position: 'gps.position',
  altitude: 'gps.altitude',
  gpsTime: 'gps.time',
} as const;

/**
 * EXIF "YYYY:MM:DD HH:MM:SS" as ISO 8601. EXIF times are the camera's local clock with no zone,
 * so the result has no zone either unless the file gives an offset (OffsetTimeOriginal): turning
 * it into UTC with the examiner's own zone would silently shift the evidence.
 */
export function exifDateToIso(value: string, offset?: string): string {
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (m === null) return value.trim();
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  return offset !== undefined && /^[+-]\d{2}:\d{2}$/.test(offset.trim())
    ? iso + offset.trim()
    : iso;
}

/** The TIFF-structured payload of a WebP's EXIF chunk, which exifr does not look for itself. */
function webpExif(bytes: Uint8Array): Uint8Array | undefined {
  let at = 12;
  while (at + 8 <= bytes.length) {
    const type = ascii(bytes, at, 4);
    const size = u32le(bytes, at + 4);
    if (type === 'EXIF') {
      const payload = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size));
      // Some writers keep JPEG's "Exif\0\0" prefix in the chunk.
      return ascii(payload, 0, 4) === 'Exif' ? payload.subarray(6) : payload;
    }
    at += 8 + size + (size & 1);
  }
  return undefined;
}

/**
 * Files up to this size are given to exifr whole. Larger ones get only their first
 * METADATA_PREFIX_BYTES: EXIF sits in a JPEG's APP1 segment before the image data, in a TIFF's
 * first directories (which writers put at the start), and in a PNG's chunks before IDAT; a
 * 500 MB scan is not read into memory for its camera model.
 */
export const METADATA_WHOLE_BYTES = 32 * 1024 * 1024;
export const METADATA_PREFIX_BYTES = 4 * 1024 * 1024;

/** A WebP's EXIF chunk found by walking the chunk headers, read alone. */
async function webpExifFrom(reader: RangeReader): Promise<Uint8Array | undefined> {
  let at = 12;
  while (at + 8 <= reader.size) {
    const head = await reader.bytes(at, 8);
    const type = ascii(head, 0, 4);
    const size = u32le(head, 4);
    if (type === 'EXIF') {
      const payload = await reader.bytes(at + 8, Math.min(size, reader.size - at - 8));
      return ascii(payload, 0, 4) === 'Exif' ? payload.subarray(6) : payload;
    }
    at += 8 + size + (size & 1);
  }
  return undefined;
}

/** readPhotoMetadata for a file that is not in memory (see METADATA_WHOLE_BYTES). */
export async function readPhotoMetadataFrom(
  source: ByteSource,
  mediaType: ImageMediaType,
): Promise<Record<string, string>> {
  if (mediaType === 'image/bmp') return {};
  if (mediaType === 'image/webp') {
    // A broken chunk walk is the image checks' business; metadata is simply absent then.
    const exif = await webpExifFrom(new RangeReader(source)).catch(() => undefined);
    return exif === undefined ? {} : parseTags(exif);
  }
  const length =
    source.size <= METADATA_WHOLE_BYTES
      ? source.size
      : Math.min(source.size, METADATA_PREFIX_BYTES);
  return parseTags(await source.read(0, length));
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.replace(/\0+$/, '').trim() !== ''
    ? v.replace(/\0+$/, '').trim()
    : undefined;

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** Metadata inside an image, as flat display strings. An image without EXIF gives {}. */
export async function readPhotoMetadata(
  bytes: Uint8Array,
  mediaType: ImageMediaType,
): Promise<Record<string, string>> {
  const source = mediaType === 'image/webp' ? webpExif(bytes) : bytes;
  if (source === undefined || mediaType === 'image/bmp') return {};
  return parseTags(source);
}

async function parseTags(source: Uint8Array): Promise<Record<string, string>> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(source, {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      // Raw strings: revived dates would be read in the examiner's time zone (see exifDateToIso).
      reviveValues: false,
      translateValues: false,
      mergeOutput: true,
    })) as Record<string, unknown> | undefined;
  } catch {
    // Broken EXIF does not make the picture unreadable; the image checks decide about the file.
    return {};
  }
  if (tags === undefined) return {};
  const out: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  const taken = str(tags.DateTimeOriginal) ?? str(tags.CreateDate);
  const takenOffset = str(tags.OffsetTimeOriginal) ?? str(tags.OffsetTime);
  put(
    PHOTO_METADATA_KEYS.taken,
    taken === undefined ? undefined : exifDateToIso(taken, takenOffset),
  );
  const modified = str(tags.ModifyDate);
  put(
    PHOTO_METADATA_KEYS.modified,
    modified === undefined ? undefined : exifDateToIso(modified, str(tags.OffsetTime)),
  );
  const make = str(tags.Make);
  const model = str(tags.Model);
  put(PHOTO_METADATA_KEYS.make, make);
  put(PHOTO_METADATA_KEYS.model, model);
  // Many makers repeat the make in the model ("Canon" + "Canon EOS 80D").
  const device =
    make !== undefined && model !== undefined && !model.toLowerCase().startsWith(make.toLowerCase())
      ? `${make} ${model}`
      : (model ?? make);
  put(PHOTO_METADATA_KEYS.device, device);
  put(PHOTO_METADATA_KEYS.serialNumber, str(tags.BodySerialNumber) ?? str(tags.SerialNumber));
  put(PHOTO_METADATA_KEYS.software, str(tags.Software));
  const lat = num(tags.latitude);
  const lon = num(tags.longitude);
  if (lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    put(PHOTO_METADATA_KEYS.latitude, lat.toFixed(6));
    put(PHOTO_METADATA_KEYS.longitude, lon.toFixed(6));
    put(PHOTO_METADATA_KEYS.position, `${lat.toFixed(6)}, ${lon.toFixed(6)}`);
  }
  const altitude = num(tags.GPSAltitude);
  if (altitude !== undefined)
    put(
      PHOTO_METADATA_KEYS.altitude,
      `${(tags.GPSAltitudeRef === 1 ? -altitude : altitude).toFixed(1)} m`,
    );
  const gpsDate = str(tags.GPSDateStamp);
  const gpsTime = tags.GPSTimeStamp;
  if (gpsDate !== undefined && Array.isArray(gpsTime) && gpsTime.length === 3) {
    const [h, m, s] = gpsTime.map((v) => Math.floor(Number(v)));
    const pad = (v: number | undefined) => String(v ?? 0).padStart(2, '0');
    // GPS time is UTC by definition, unlike the camera clock.
    put(
      PHOTO_METADATA_KEYS.gpsTime,
      `${exifDateToIso(`${gpsDate} ${pad(h)}:${pad(m)}:${pad(s)}`)}Z`,
    );
  }
  return out;
}
