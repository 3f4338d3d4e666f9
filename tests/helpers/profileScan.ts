/** Searches every file under a directory for a text, in the encodings it could be stored in. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export type Hit = Readonly<{ file: string; encoding: 'latin1' | 'utf8' | 'utf16le' }>;

const ENCODINGS = ['latin1', 'utf8', 'utf16le'] as const;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function scanForText(dir: string, text: string): Hit[] {
  const needles = ENCODINGS.map((encoding) => ({ encoding, bytes: Buffer.from(text, encoding) }));
  const hits: Hit[] = [];
  for (const file of files(dir)) {
    if (statSync(file).size === 0) continue;
    const content = readFileSync(file);
    for (const { encoding, bytes } of needles) {
      if (content.includes(bytes)) hits.push({ file: file.slice(dir.length + 1), encoding });
    }
  }
  return hits;
}

/**
 * Writes `control` in the clear into the same stores the app uses (IndexedDB and
 * localStorage), so that a scan which finds it proves the scan can see them: without this
 * positive control, a clean scan proves nothing.
 */
export async function writePositiveControl(page: Page, control: string): Promise<void> {
  await page.evaluate(async (text) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('e2e-control');
      request.onupgradeneeded = () => request.result.createObjectStore('rows');
      request.onsuccess = () => {
        const tx = request.result.transaction('rows', 'readwrite');
        tx.objectStore('rows').put({ text }, 1);
        tx.oncomplete = () => {
          request.result.close();
          resolve();
        };
        tx.onerror = () => reject(new Error(String(tx.error)));
      };
      request.onerror = () => reject(new Error(String(request.error)));
    });
    localStorage.setItem('e2e-control', text);
  }, control);
}
