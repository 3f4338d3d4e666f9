/**
 * Where the browser's OCR workers find languages a user added from a .traineddata file.
 *
 * Why here: a tesseract.js worker reads every language from one place. For the bundled languages
 * that is the app's own files (a URL), which the app cannot add to at run time. Before fetching,
 * though, a browser worker looks in its cache: the IndexedDB store of idb-keyval ("keyval-store",
 * object store "keyval"), under the key `${cachePath}/${code}.traineddata`
 * (tesseract.js/src/worker-script/index.js, loadAndGunzipFile). The page is of the same origin
 * as the worker, so the app writes the user's file under that key and starts workers with
 * cacheMethod 'readOnly': they read what is there and never write or delete anything.
 *
 * What is stored here is language data (a public model of a script), not case material, so it
 * is kept outside the encrypted vault: every vault on the machine can use it, as with fonts.
 * Which file was added, with its SHA-256, is recorded in the vault's audit log by the caller.
 */
import type { LanguageCode } from './languages';
import { languageCode } from './languages';

/** idb-keyval's default database and object store, which tesseract.js's worker reads. */
export const WORKER_CACHE_DB = 'keyval-store';
export const WORKER_CACHE_STORE = 'keyval';
/** The key prefix of the app's languages, so nothing else in that store is taken for one. */
export const USER_LANGUAGE_CACHE_PATH = 'ringtrace-languages';

export interface WorkerLanguageCache {
  /** The `cachePath` option to give tesseract.js's workers. */
  readonly cachePath: string;
  /** Codes of the languages stored, sorted. */
  list(): Promise<LanguageCode[]>;
  /** Stores uncompressed traineddata under `code`, replacing any file before it. */
  put(code: LanguageCode, traineddata: Uint8Array): Promise<void>;
  delete(code: LanguageCode): Promise<void>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function createWorkerLanguageCache(
  idb: IDBFactory,
  cachePath: string = USER_LANGUAGE_CACHE_PATH,
): WorkerLanguageCache {
  const key = (code: LanguageCode): string => `${cachePath}/${code}.traineddata`;
  const pattern = new RegExp(
    `^${cachePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(.+)\\.traineddata$`,
  );

  // Opened the way idb-keyval opens it (no version; the store made on first creation), so
  // whichever side comes first, page or worker, makes the same database.
  const open = (): Promise<IDBDatabase> => {
    const req = idb.open(WORKER_CACHE_DB);
    req.onupgradeneeded = () => req.result.createObjectStore(WORKER_CACHE_STORE);
    return request(req);
  };

  async function withStore<T>(
    mode: IDBTransactionMode,
    fn: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> {
    const db = await open();
    try {
      const tx = db.transaction(WORKER_CACHE_STORE, mode);
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
      const [result] = await Promise.all([request(fn(tx.objectStore(WORKER_CACHE_STORE))), done]);
      return result;
    } finally {
      db.close();
    }
  }

  return {
    cachePath,
    async list() {
      const keys = await withStore('readonly', (store) => store.getAllKeys());
      const codes: LanguageCode[] = [];
      for (const k of keys) {
        const match = typeof k === 'string' ? pattern.exec(k) : null;
        if (!match?.[1]) continue;
        try {
          codes.push(languageCode(match[1]));
        } catch {
          // A key that is not a valid code was not written by this app: not a language.
        }
      }
      return codes.sort();
    },
    async put(code, traineddata) {
      await withStore('readwrite', (store) => store.put(traineddata, key(code)));
    },
    async delete(code) {
      await withStore('readwrite', (store) => store.delete(key(code)));
    },
  };
}
