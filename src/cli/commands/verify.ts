import { basename } from 'node:path';
import { VERIFY_EXIT, exitCodeOf, formatVerifyResult } from '../../core/bundle';
// The .js suffix keeps Node from taking "verify.node" for a native addon; tsx maps it to .ts.
import { verifyBundleFile } from '../../core/bundle/verify.node.js';
import type { CliCommand } from '../command';

const USAGE = 'Usage: npm run cli -- verify BUNDLE.zip [--key FINGERPRINT]';

/**
 * Exit codes: 0 verified with the expected key, 1 not verified (the reasons are printed),
 * 2 wrong usage or unreadable file, 3 consistent but signed by a key nobody confirmed (no --key).
 */
export const command: CliCommand = {
  summary: 'Check an evidence bundle: signature, every file, and the manifest (no vault needed)',
  run: async (argv) => {
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
        return 2;
      } else if (file === undefined) {
        file = arg;
      } else {
        console.error(`Only one bundle at a time.\n${USAGE}`);
        return 2;
      }
    }
    if (file === undefined) {
      console.error(USAGE);
      return 2;
    }
    let result;
    try {
      result = await verifyBundleFile(file, key !== undefined ? { expectedFingerprint: key } : {});
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
        console.error(
          `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return 2;
      }
      throw error;
    }
    const text = formatVerifyResult(result, basename(file));
    if (result.status === 'failed') console.error(text);
    else console.log(text);
    return exitCodeOf(result);
  },
};
