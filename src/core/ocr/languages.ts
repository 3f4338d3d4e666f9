/**
 * Language codes and traineddata files. The bundled languages come from the npm packages
 * @tesseract.js-data/<code>; any other language is a .traineddata (or .traineddata.gz) file the
 * user picks, checked here before a worker ever sees it.
 */
import { gunzipSync } from 'fflate';
import { OcrEngineError, OcrInputError } from './errors';
import type { WorkerLanguageCache } from './workerLanguageCache';
import type { LanguageCode } from '../model';
/** Branded ids live in core/model/ids.ts; re-exported where they were. */
export type { LanguageCode };

/** A tesseract language code: "eng", "tha", "khm", "chi_sim"... It names a traineddata file. */

/** The languages whose data ships with the app (npm packages @tesseract.js-data/<code>). */
export const BUNDLED_LANGUAGES = ['eng', 'tha'] as const;
export type BundledLanguage = (typeof BUNDLED_LANGUAGES)[number];

// Codes become file names inside the worker: no slashes, dots or spaces can sneak a path in.
const CODE = /^[a-z][a-z0-9_]{1,31}$/i;

export function languageCode(code: string): LanguageCode {
  if (!CODE.test(code)) {
    throw new OcrInputError(
      `"${code}" is not a language code (expected letters, digits or "_", like eng, tha, khm, chi_sim)`,
    );
  }
  return code as LanguageCode;
}

/** Parses "eng+tha" (tesseract's notation) into codes; duplicates are dropped. */
export function parseLanguages(spec: string): readonly LanguageCode[] {
  const parts = spec.split('+').map((s) => s.trim());
  if (parts.length === 0 || parts.some((p) => p === '')) {
    throw new OcrInputError(`"${spec}" is not a language list (expected codes joined by "+")`);
  }
  return [...new Set(parts.map(languageCode))];
}

/** The language code a traineddata file's name stands for: "khm.traineddata.gz" -> "khm". */
export function languageCodeFromFileName(fileName: string): LanguageCode {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = /^(.+)\.traineddata(\.gz)?$/i.exec(base);
  if (!match?.[1]) {
    throw new OcrInputError(`${fileName}: a language file must be named <code>.traineddata(.gz)`);
  }
  return languageCode(match[1]);
}

const isGzip = (b: Uint8Array): boolean => b[0] === 0x1f && b[1] === 0x8b;

/**
 * Returns the uncompressed traineddata after checking its table of contents: a 32-bit entry
 * count, then one 64-bit offset per entry (-1 for an absent component) into the file. A file
 * that fails this is not language data, and tesseract would only say "initialization failed".
 */
export function readTraineddata(bytes: Uint8Array, name = 'traineddata'): Uint8Array {
  let data = bytes;
  if (isGzip(bytes)) {
    try {
      data = gunzipSync(bytes);
    } catch (error) {
      throw new OcrInputError(`${name}: corrupt gzip (${String(error)})`);
    }
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const entries = data.length >= 4 ? view.getInt32(0, true) : 0;
  // Tesseract 3 files had 13-16 entries, tesseract 4 and 5 have 24; leave room for growth.
  if (entries < 1 || entries > 64 || data.length < 4 + 8 * entries) {
    throw new OcrInputError(`${name}: not a tesseract traineddata file (bad table of contents)`);
  }
  let present = 0;
  for (let i = 0; i < entries; i++) {
    const offset = view.getBigInt64(4 + 8 * i, true);
    if (offset === -1n) continue;
    if (offset < BigInt(4 + 8 * entries) || offset > BigInt(data.length)) {
      throw new OcrInputError(`${name}: not a tesseract traineddata file (offset out of range)`);
    }
    present++;
  }
  if (present === 0) throw new OcrInputError(`${name}: the traineddata file has no components`);
  return data;
}

/**
 * Where workers find language data. A worker reads `${langPath}/${code}.traineddata` (or
 * `.traineddata.gz` when gzip is set) itself, so every language a job uses must be there, or,
 * when `cachePath` is set, in the worker's cache under `${cachePath}/${code}.traineddata`.
 */
export interface LanguageStore {
  /** A directory (Node) or URL prefix (browser) holding one file per language. */
  readonly langPath: string;
  /** Whether the files carry a .gz suffix. The worker detects gzip by content either way. */
  readonly gzip: boolean;
  /**
   * Set when workers must first look in their cache (read-only) for a language: that is where
   * the browser keeps languages added from files (see workerLanguageCache.ts).
   */
  readonly cachePath?: string;
  /** Resolves once the store knows which languages it has; jobs wait for it. */
  ready(): Promise<void>;
  has(code: LanguageCode): boolean;
  /** Codes available to jobs, bundled and added. */
  codes(): readonly LanguageCode[];
  /** Makes a user-supplied traineddata available under `code`, replacing any before it. */
  add(code: LanguageCode, traineddata: Uint8Array): Promise<void>;
  /** Forgets a language added from a file. The bundled ones cannot be removed. */
  remove(code: LanguageCode): Promise<void>;
  /** Releases what the store holds (a temporary directory in Node). */
  dispose(): Promise<void>;
}

export type UrlLanguageStoreOptions = Readonly<{
  bundled?: readonly LanguageCode[];
  /** Where added languages go; without it, adding a language is refused. */
  cache?: WorkerLanguageCache;
}>;

/**
 * The browser's store: the app serves `${baseUrl}/<code>.traineddata.gz` for each bundled
 * language from its own files, and languages added from files live in the workers' cache.
 */
export function createUrlLanguageStore(
  baseUrl: string,
  options: UrlLanguageStoreOptions = {},
): LanguageStore {
  const langPath = baseUrl.replace(/\/+$/, '');
  const bundled = options.bundled ?? BUNDLED_LANGUAGES.map(languageCode);
  const { cache } = options;
  const added = new Set<LanguageCode>();
  // Read once; a failure (IndexedDB unavailable) leaves only the bundled languages and is
  // reported when a job asks for a language that is missing.
  const loaded: Promise<void> = cache
    ? cache.list().then(
        (codes) => codes.forEach((code) => added.add(code)),
        () => undefined,
      )
    : Promise.resolve();
  const noCache = (code: LanguageCode): Promise<never> =>
    Promise.reject(
      new OcrEngineError(`Adding language "${code}" from a file needs a place to keep it`),
    );
  return {
    langPath,
    gzip: true,
    ...(cache && { cachePath: cache.cachePath }),
    ready: () => loaded,
    has: (code) => bundled.includes(code) || added.has(code),
    codes: () => [...bundled, ...[...added].filter((c) => !bundled.includes(c)).sort()],
    async add(code, traineddata) {
      if (!cache) return noCache(code);
      const data = readTraineddata(traineddata, `${code}.traineddata`);
      await loaded;
      await cache.put(code, data);
      added.add(code);
    },
    async remove(code) {
      if (!cache) return;
      await loaded;
      await cache.delete(code);
      added.delete(code);
    },
    dispose: () => Promise.resolve(),
  };
}
