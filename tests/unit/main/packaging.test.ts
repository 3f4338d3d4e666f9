import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'electron-builder.json'), 'utf8'),
) as { asar: boolean; electronFuses: Record<string, boolean> };

describe('packaged builds', () => {
  it('flip the Electron fuses that let a copied binary run arbitrary code', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
