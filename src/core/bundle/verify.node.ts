/*
 * Node entry of the verifier: reads the bundle through a file handle, so that a bundle of
 * several gigabytes is checked without loading it into memory.
 */
import { open } from 'node:fs/promises';
import { verifyBundle, type VerifyOptions, type VerifyResult } from './verify';
import type { RandomAccess } from './zipReader';

export async function verifyBundleFile(
  path: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const source: RandomAccess = {
      size,
      read: async (offset, length) => {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        let filled = 0;
        while (filled < buffer.length) {
          const { bytesRead } = await handle.read(
            buffer,
            filled,
            buffer.length - filled,
            offset + filled,
          );
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      },
    };
    return await verifyBundle(source, options);
  } finally {
    await handle.close();
  }
}
