/**
 * The Khmer model the repository ships (no npm package carries one) is exactly tessdata's, as
 * Debian packages it: the digests in resources/tessdata/README.md, which scripts/tessdata-khm.sh
 * reproduces from the Debian package, are those of the file the app and the CLI load.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LANGUAGES } from '../../../../src/core/ocr';
import { bundledTraineddataPath } from '../../../../src/core/ocr/languageStore.node';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const readme = readFileSync(join(__dirname, '../../../../resources/tessdata/README.md'), 'utf8');

describe('the bundled Khmer model', () => {
  it('is bundled, like English and Thai', () => {
    expect(BUNDLED_LANGUAGES).toEqual(['eng', 'tha', 'khm']);
  });

  it('has the SHA-256 its README records, compressed and as Debian ships it', () => {
    const gz = readFileSync(bundledTraineddataPath('khm'));
    const model = gunzipSync(gz);
    expect(readme).toContain(`\`${sha256(gz)}\` (${gz.length.toLocaleString('en')} bytes)`);
    expect(readme).toContain(`\`${sha256(model)}\` (${model.length.toLocaleString('en')} bytes)`);
    expect(sha256(model)).toBe('47f110575341b322052f3becbefee61a3ecf1ef549352b5d4d33d28afe30d099');
  });

  it('comes with its licence', () => {
    const licence = readFileSync(
      join(__dirname, '../../../../resources/tessdata/khm.LICENSE.debian-copyright'),
      'utf8',
    );
    expect(licence).toContain('License: Apache-2.0');
    expect(licence).toContain('tessdata_fast');
  });
});
