/**
 * `npm run bench [part...]`: runs each part (a file bench/<part>.ts exporting `run`), prints a
 * readable table per part, then one JSON line per part: {"bench":"vault","unlock_ms":840,...}.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchPart, BenchResult } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')
  .map((f) => f.slice(0, -3))
  .sort();

async function main(): Promise<number> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((p) => !available.includes(p));
  if (unknown.length > 0) {
    console.error(`Unknown bench part: ${unknown.join(', ')}. Parts: ${available.join(', ')}`);
    return 2;
  }
  const parts = asked.length > 0 ? asked : available;
  const results: Array<[string, BenchResult]> = [];
  for (const part of parts) {
    const mod = (await import(pathToFileURL(join(here, `${part}.ts`)).href)) as BenchPart;
    console.log(`\n== ${part} ==`);
    const result = await mod.run();
    const width = Math.max(...result.rows.map(([label]) => label.length));
    for (const [label, value] of result.rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    results.push([part, result]);
  }
  console.log('');
  for (const [part, result] of results) {
    console.log(JSON.stringify({ bench: part, ...result.figures }));
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
