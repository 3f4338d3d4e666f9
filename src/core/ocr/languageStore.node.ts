/**
 * Node's language store: a private temporary directory holding one file per language, because a
 * tesseract.js worker reads every language from a single directory while the npm packages keep
 * each language in a directory of its own. Only for Node (tests, command line, benchmark).
 */
import { copyFile, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_LANGUAGES, languageCode, readTraineddata } from './languages';
import type { LanguageCode, LanguageStore } from './languages';

const require = createRequire(import.meta.url);

/** Bundled languages that no npm package ships, kept in the repository's resources/tessdata. */
const REPOSITORY_MODELS = new Set(['khm']);
const REPOSITORY_TESSDATA = fileURLToPath(new URL('../../../resources/tessdata/', import.meta.url));

/**
 * The bundled traineddata in node_modules (or, for REPOSITORY_MODELS, in resources/tessdata). The 4.0.0_best_int variant is LSTM-only with integer
 * weights: what tesseract.js itself loads for its default LSTM engine, and a third of the size
 * of the 4.0.0 variant, which also carries the legacy engine's data that we never use.
 */
export function bundledTraineddataPath(code: string): string {
  if (REPOSITORY_MODELS.has(code)) return join(REPOSITORY_TESSDATA, `${code}.traineddata.gz`);
  const pkg = require.resolve(`@tesseract.js-data/${code}/package.json`);
  return join(dirname(pkg), '4.0.0_best_int', `${code}.traineddata.gz`);
}

export async function createNodeLanguageStore(
  bundled: readonly string[] = BUNDLED_LANGUAGES,
): Promise<LanguageStore> {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-ocr-lang-'));
  const codes = new Set<LanguageCode>();
  const bundledCodes = bundled.map(languageCode);
  try {
    for (const code of bundledCodes) {
      // Named without .gz: the worker recognises gzip by its magic bytes, and user files may be
      // either compressed or not, so one naming scheme serves both.
      await copyFile(bundledTraineddataPath(code), join(dir, `${code}.traineddata`));
      codes.add(code);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    langPath: dir,
    gzip: false,
    ready: () => Promise.resolve(),
    has: (code) => codes.has(code),
    codes: () => [...codes],
    async add(code, traineddata) {
      const data = readTraineddata(traineddata, `${code}.traineddata`);
      await writeFile(join(dir, `${code}.traineddata`), data);
      codes.add(code);
    },
    async remove(code) {
      // A bundled language the user replaced goes back to the bundled file.
      if (bundledCodes.includes(code)) {
        await copyFile(bundledTraineddataPath(code), join(dir, `${code}.traineddata`));
        return;
      }
      await unlink(join(dir, `${code}.traineddata`)).catch(() => undefined);
      codes.delete(code);
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
