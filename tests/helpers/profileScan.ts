/** Searches every file under a directory for a text, in the encodings it could be stored in. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
