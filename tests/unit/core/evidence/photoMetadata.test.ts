import { beforeAll, describe, expect, it } from 'vitest';
import {
  PHOTO_METADATA_KEYS as K,
  exifDateToIso,
  readImageInfo,
  readPhotoMetadata,
} from '../../../../src/core/evidence';
import { launchChromium } from './helpers/chromium';
import { concat, exifSegment, jpegWithExif } from './helpers/imageBytes';

let jpeg: Uint8Array;
let webp: Uint8Array;

beforeAll(async () => {
  const chromium = await launchChromium();
  try {
    jpeg = await chromium.screenshot('<p style="font-size:30px">Poipet crossing</p>', 'jpeg', {
      width: 320,
      height: 120,
    });
    webp = await chromium.canvasImage('x', 'image/webp', { width: 40, height: 20 }, 0.8);
  } finally {
    await chromium.close();
  }
});

const FIELDS = {
  make: 'samsung',
  model: 'SM-A546E',
  dateTimeOriginal: '2024:03:05 21:14:09',
  offsetTimeOriginal: '+07:00',
  // Poipet border crossing, Cambodia (north and east) ...
  latitude: 13.659722,
  longitude: 102.564167,
  altitude: 21.5,
  gpsDate: '2024:03:05',
  gpsTime: [14, 14, 7],
  serialNumber: 'R58W12ABCDE',
} as const;

describe('readPhotoMetadata', () => {
  it('reads time taken, device and GPS position from a JPEG', async () => {
    const photo = jpegWithExif(jpeg, FIELDS);
    // The EXIF segment must not make the picture itself unreadable.
    expect(readImageInfo(photo, 'image/jpeg').frames[0]).toEqual({ width: 320, height: 120 });
    const metadata = await readPhotoMetadata(photo, 'image/jpeg');
    expect(metadata).toEqual({
      [K.taken]: '2024-03-05T21:14:09+07:00',
      [K.make]: 'samsung',
      [K.model]: 'SM-A546E',
      [K.device]: 'samsung SM-A546E',
      [K.serialNumber]: 'R58W12ABCDE',
      [K.latitude]: '13.659722',
      [K.longitude]: '102.564167',
      [K.position]: '13.659722, 102.564167',
      [K.altitude]: '21.5 m',
      [K.gpsTime]: '2024-03-05T14:14:07Z',
    });
  });

  it('gives southern and western positions a negative sign', async () => {
    const photo = jpegWithExif(jpeg, {
      make: 'Apple',
      model: 'iPhone 13',
      dateTimeOriginal: '2023:11:30 08:00:00',
      latitude: -33.8688,
      longitude: -70.6693,
    });
    const metadata = await readPhotoMetadata(photo, 'image/jpeg');
    expect(metadata[K.position]).toBe('-33.868800, -70.669300');
    // No offset in the file: the camera's local time, without a zone.
    expect(metadata[K.taken]).toBe('2023-11-30T08:00:00');
  });

  it('does not repeat a make the model already names', async () => {
    const photo = jpegWithExif(jpeg, { ...FIELDS, make: 'Canon', model: 'Canon EOS 80D' });
    expect((await readPhotoMetadata(photo, 'image/jpeg'))[K.device]).toBe('Canon EOS 80D');
  });

  it('reads the EXIF chunk of a WebP', async () => {
    const tiff = exifSegment(FIELDS).subarray(10); // drop the APP1 marker, length and "Exif\0\0"
    const chunk = concat(
      new TextEncoder().encode('EXIF'),
      new Uint8Array(4),
      tiff,
      new Uint8Array(tiff.length & 1),
    );
    new DataView(chunk.buffer).setUint32(4, tiff.length, true);
    const withExif = concat(webp, chunk);
    new DataView(withExif.buffer).setUint32(4, withExif.length - 8, true);
    expect(readImageInfo(withExif, 'image/webp').frames[0]).toEqual({ width: 40, height: 20 });
    expect((await readPhotoMetadata(withExif, 'image/webp'))[K.device]).toBe('samsung SM-A546E');
  });

  it('returns nothing for a photo without EXIF', async () => {
    expect(await readPhotoMetadata(jpeg, 'image/jpeg')).toEqual({});
  });
});

describe('exifDateToIso', () => {
  it('keeps what cannot be parsed as it is', () => {
    expect(exifDateToIso('    :  :     :  :  ')).toBe(':  :     :  :');
    expect(exifDateToIso('2024:03:05 21:14:09', 'bad')).toBe('2024-03-05T21:14:09');
  });
});
