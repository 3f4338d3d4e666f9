/**
 * Languages a user adds from a .traineddata file, as the browser keeps them: in the IndexedDB
 * store that tesseract.js's browser worker reads before fetching (idb-keyval's default store).
 * fake-indexeddb stands in for the browser's; idb-keyval is the library the worker bundles, so
 * reading back through it is reading back the way the worker does. The worker itself reading
 * the file and recognising a page is tested end to end (tests/e2e/evidenceLanguages.e2e.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  USER_LANGUAGE_CACHE_PATH,
  WORKER_CACHE_DB,
  WORKER_CACHE_STORE,
  createUrlLanguageStore,
  createWorkerLanguageCache,
  languageCode,
  readTraineddata,
} from '../../../../src/core/ocr';
import { bundledTraineddataPath } from '../../../../src/core/ocr/languageStore.node';

const workerStore = createStore(WORKER_CACHE_DB, WORKER_CACHE_STORE);
const english = readFileSync(bundledTraineddataPath('eng'));
const mya = languageCode('mya');
const lao = languageCode('lao');

describe('the workers’ language cache', () => {
  it('stores a file where the worker looks for it and lists only the app’s languages', async () => {
    const cache = createWorkerLanguageCache(indexedDB, 'cache-a');
    const data = readTraineddata(english, 'eng');
    await cache.put(mya, data);
    const read = await get<Uint8Array>('cache-a/mya.traineddata', workerStore);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(read ?? new Uint8Array()).equals(Buffer.from(data))).toBe(true);

    // What tesseract.js itself would have cached, or anything else, is not a language of ours.
    await set('./eng.traineddata', new Uint8Array([1, 2, 3]), workerStore);
    await set('cache-a/notes.txt', 'x', workerStore);
    await cache.put(lao, data);
    expect(await cache.list()).toEqual(['lao', 'mya']);

    await cache.delete(mya);
    expect(await cache.list()).toEqual(['lao']);
    expect(await get('cache-a/mya.traineddata', workerStore)).toBeUndefined();
  });
});

describe('the browser’s language store', () => {
  it('keeps added languages for the next window, and gives workers the cache to read', async () => {
    const cache = createWorkerLanguageCache(indexedDB, 'cache-b');
    const first = createUrlLanguageStore('app://vendor/tesseract/lang/', { cache });
    await first.ready();
    expect(first.codes()).toEqual(['eng', 'tha', 'khm']);
    expect(first.cachePath).toBe('cache-b');
    expect(first.langPath).toBe('app://vendor/tesseract/lang');

    // Compressed as the user may have it; stored uncompressed, as the worker would unpack it.
    await first.add(mya, english);
    expect(first.has(mya)).toBe(true);
    expect(first.codes()).toEqual(['eng', 'tha', 'khm', 'mya']);
    const stored = await get<Uint8Array>('cache-b/mya.traineddata', workerStore);
    expect(stored?.length).toBe(readTraineddata(english).length);

    const second = createUrlLanguageStore('app://vendor/tesseract/lang', { cache });
    await second.ready();
    expect(second.has(mya)).toBe(true);

    await second.remove(mya);
    const third = createUrlLanguageStore('app://vendor/tesseract/lang', { cache });
    await third.ready();
    expect(third.has(mya)).toBe(false);
    expect(third.codes()).toEqual(['eng', 'tha', 'khm']);
  });

  it('refuses a file that is not language data and stores nothing', async () => {
    const cache = createWorkerLanguageCache(indexedDB, 'cache-c');
    const store = createUrlLanguageStore('/lang', { cache });
    await expect(store.add(mya, new TextEncoder().encode('<html>404</html>'))).rejects.toThrow(
      /mya.traineddata: not a tesseract traineddata file/,
    );
    await expect(store.add(mya, english.subarray(0, 2000))).rejects.toThrow(/corrupt gzip/);
    expect(store.has(mya)).toBe(false);
    expect(await cache.list()).toEqual([]);
  });

  it('says adding needs a place to keep the file when it has none', async () => {
    const store = createUrlLanguageStore('/lang');
    expect(store.cachePath).toBeUndefined();
    await expect(store.add(mya, english)).rejects.toThrow(/needs a place to keep it/);
  });

  it('uses the app’s own key prefix by default', () => {
    expect(createWorkerLanguageCache(indexedDB).cachePath).toBe(USER_LANGUAGE_CACHE_PATH);
  });
});
