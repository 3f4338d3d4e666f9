/**
 * Import bench: generated call detail records imported through the real path (vault with the
 * production Argon2id, file stored encrypted and hashed, read back and parsed as a stream,
 * aggregated, written with blind-index joins), at 250,000 and 1,000,000 rows, each in its own
 * process so that one run's memory does not hide the other's.
 *
 * IndexedDB is fake-indexeddb here, which keeps the database in the process's memory: the
 * stored (encrypted) CSV itself is in RSS. So next to peak RSS this reports the stored file's
 * size and what remains once it is taken away: the importer's own memory, which must not grow
 * with the number of rows.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openCaseStore } from '../src/core/cases';
import { guessMapping, importCsv } from '../src/core/csvimport';
import { createVault, deleteVault } from '../src/core/vault';
import type { BenchResult } from './types';

const SIZES = [250_000, 1_000_000] as const;
const PHONES = 2_000;
const ROWS_PER_CHUNK = 10_000;
const HEADER = 'Calling Number,Called Number,Start Time,Duration,Cell ID\n';

function phone(i: number): string {
  return i < PHONES / 2
    ? `+85512${String(i).padStart(6, '0')}`
    : `+6681${String(i).padStart(7, '0')}`;
}

/** Rows made on demand: the generator never holds the file, only one chunk of it. */
function generated(rows: number): { stream: ReadableStream<Uint8Array>; bytes: () => number } {
  // mulberry32: small, fast, and without the short low-bit cycles of a plain LCG.
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const encoder = new TextEncoder();
  let made = 0;
  let bytes = 0;
  const base = Date.UTC(2026, 0, 1);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made >= rows) {
        controller.close();
        return;
      }
      let text = made === 0 ? HEADER : '';
      const end = Math.min(rows, made + ROWS_PER_CHUNK);
      for (; made < end; made++) {
        // Each phone calls about ten others: a ring's call pattern, at most 20,000 pairs.
        const a = random(PHONES);
        const b = (a + 1 + random(10)) % PHONES;
        const at = new Date(base + made * 30_000).toISOString().slice(0, 19).replace('T', ' ');
        text += `${phone(a)},${phone(b)},${at},${random(600)},CELL-${random(50)}\n`;
      }
      const chunk = encoder.encode(text);
      bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, bytes: () => bytes };
}

type ChildFigures = {
  rows: number;
  seconds: number;
  rows_per_s: number;
  peak_rss_mb: number;
  baseline_rss_mb: number;
  file_mb: number;
  links: number;
  phones: number;
};

async function child(rows: number): Promise<ChildFigures> {
  const name = `bench-import-${rows}-${process.pid}`;
  const vault = await createVault({
    name,
    passphrase: 'bench passphrase: Mekong ferry at dawn 42',
    actor: { name: 'Bench', agency: 'Bench', badge: '0' },
  });
  const c = await openCaseStore(vault).create({ reference: 'BENCH', title: 'Import bench' });
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const source = generated(rows);
  const started = performance.now();
  const report = await importCsv(vault, {
    caseId: c.id,
    kind: 'calls',
    source: source.stream,
    fileName: 'generated.csv',
    mapping: guessMapping('calls', HEADER.trim().split(',')),
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (report.imported !== rows) throw new Error(`imported ${report.imported} of ${rows}`);
  vault.lock();
  await deleteVault(name);
  const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
  return {
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rows_per_s: Math.round(rows / seconds),
    peak_rss_mb: mb(peak),
    baseline_rss_mb: mb(baseline),
    file_mb: mb(source.bytes()),
    links: report.links,
    phones: report.entitiesCreated,
  };
}

export function run(): Promise<BenchResult> {
  const self = fileURLToPath(import.meta.url);
  const results = SIZES.map((rows) => {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, self, '--child', String(rows)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const line = out.trim().split('\n').pop() ?? '';
    return JSON.parse(line) as ChildFigures;
  });
  const [small, large] = results as [ChildFigures, ChildFigures];
  const own = (r: ChildFigures): number =>
    Math.round((r.peak_rss_mb - r.baseline_rss_mb - r.file_mb) * 10) / 10;
  return Promise.resolve({
    rows: [
      ...results.flatMap((r): Array<[string, string]> => [
        [
          `${r.rows.toLocaleString('en')} rows: time`,
          `${r.seconds} s (${r.rows_per_s.toLocaleString('en')} rows/s)`,
        ],
        [
          `${r.rows.toLocaleString('en')} rows: peak RSS`,
          `${r.peak_rss_mb} MB (baseline ${r.baseline_rss_mb} MB, stored file ${r.file_mb} MB, importer ${own(r)} MB)`,
        ],
        [
          `${r.rows.toLocaleString('en')} rows: result`,
          `${r.phones} phones, ${r.links} call links`,
        ],
      ]),
      ['target', '≥ 20,000 rows/s; importer memory flat from 250k to 1M rows'],
      ['note', 'fake-indexeddb keeps the stored file in memory; a browser keeps it on disk'],
    ],
    figures: {
      rows_per_s: large.rows_per_s,
      peak_rss_mb: large.peak_rss_mb,
      peak_rss_mb_250k: small.peak_rss_mb,
      importer_mb_250k: own(small),
      importer_mb_1m: own(large),
      stored_file_mb_1m: large.file_mb,
    },
  });
}

if (process.argv[2] === '--child') {
  child(Number(process.argv[3])).then(
    (figures) => {
      console.log(JSON.stringify(figures));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
