/*
 * Entry of verify/verify.mjs, the verifier that travels inside every bundle: one file, no
 * dependency, for anyone with Node.js (18 or later) and nothing of Ringtrace.
 *
 *   node verify.mjs BUNDLE.zip --key "FINGERPRINT"
 *
 * Built from the same code as `npm run cli -- verify` (scripts/buildVerifier.ts), so both give
 * the same result and the same exit code for the same bundle.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { VERIFY_EXIT, exitCodeOf, formatVerifyResult, verifyBundle } from '../verify';
import type { RandomAccess } from '../zipReader';

const USAGE = 'Usage: node verify.mjs BUNDLE.zip [--key FINGERPRINT]';

async function main(argv: readonly string[]): Promise<number> {
  let file: string | undefined;
  let key: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--key') {
      key = argv[++i];
      if (key === undefined || key.trim() === '') {
        console.error(`--key needs the signer's fingerprint.\n${USAGE}`);
        return VERIFY_EXIT.usage;
      }
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg !== undefined && arg.startsWith('--')) {
      console.error(`Unknown option ${arg}.\n${USAGE}`);
      return VERIFY_EXIT.usage;
    } else if (file === undefined) file = arg;
    else {
      console.error(`Only one bundle at a time.\n${USAGE}`);
      return VERIFY_EXIT.usage;
    }
  }
  if (file === undefined) {
    console.error(USAGE);
    return VERIFY_EXIT.usage;
  }
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return VERIFY_EXIT.usage;
  }
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
    const result = await verifyBundle(
      source,
      key !== undefined ? { expectedFingerprint: key } : {},
    );
    const text = formatVerifyResult(result, basename(file));
    if (result.status === 'failed') console.error(text);
    else console.log(text);
    return exitCodeOf(result);
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = VERIFY_EXIT.usage;
  },
);
