/**
 * A million call records through the app, as an analyst would import them: the app is built
 * (into out-importview unless RINGTRACE_OUT names another folder), served in browser mode and
 * driven in Debian's Chromium against real IndexedDB. A vault and a case are created, a
 * generated CSV of call detail records is imported through the CSV import panel (column
 * mapping guessed, streamed, aggregated per pair of phones), and the callers are then drawn on
 * the Network view. Figures: rows per second of the whole import, the phones and links it
 * produced, the peak JavaScript heap of the page, and the network's first draw.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/core/graph';
import { openBenchApp } from './support/browserApp';
import type { BenchResult } from './types';

const ROWS = Number(process.env['RINGTRACE_IMPORT_ROWS'] ?? 1_000_000);
const PHONES = 2_000;
const GROUP = 40;

/**
 * Call records shaped like a seizure's: every phone calls a fixed handful of contacts (eight in
 * its group of 40, two outside), so a million calls make about 20,000 distinct pairs, as real
 * records do; seeded, so every run imports the same file.
 */
async function writeCsv(path: string): Promise<void> {
  const rand = seededRandom(11);
  const pick = (n: number): number => Math.floor(rand() * n);
  const phone = (i: number): string =>
    i % 2 === 0
      ? `+8551${String(2_000_000 + i).padStart(7, '0')}`
      : `+668${String(10_000_000 + i)}`;
  const contacts = Array.from({ length: PHONES }, (_, a) => {
    const group = Math.floor(a / GROUP);
    const list: number[] = [];
    while (list.length < 8) {
      const b = group * GROUP + pick(GROUP);
      if (b !== a && !list.includes(b)) list.push(b);
    }
    while (list.length < 10) {
      const b = pick(PHONES);
      if (Math.floor(b / GROUP) !== group && !list.includes(b)) list.push(b);
    }
    return list;
  });
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> =>
    out.write(text)
      ? Promise.resolve()
      : new Promise((resolve) => out.once('drain', () => resolve()));
  await write('Calling Number,Called Number,Start Time,Duration,Cell ID\n');
  let chunk = '';
  for (let r = 0; r < ROWS; r++) {
    const a = pick(PHONES);
    const b = contacts[a]![pick(10)]!;
    const day = 1 + pick(28);
    const when = `2026-0${1 + pick(9)}-${String(day).padStart(2, '0')} ${String(pick(24)).padStart(2, '0')}:${String(pick(60)).padStart(2, '0')}:00`;
    chunk += `${phone(a)},${phone(b)},${when},${1 + pick(900)},CELL-${pick(300)}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const began = performance.now();
function step(what: string): void {
  console.error(`  [importview ${((performance.now() - began) / 1000).toFixed(1)} s] ${what}`);
}

export async function run(): Promise<BenchResult> {
  const { page, dir, close } = await openBenchApp({
    name: 'importview',
    caseReference: 'BENCH-CDR',
    caseTitle: 'A million calls',
    step,
  });
  try {
    const file = join(dir, 'call-records.csv');
    await writeCsv(file);
    step(`wrote ${ROWS} call records`);
    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('csv-import-panel').waitFor();
    await page.getByTestId('csv-file').setInputFiles(file);
    await page.getByTestId('csv-preview').waitFor({ timeout: 120_000 });
    step('previewed');
    // The page's heap, sampled while the import runs: it must not grow with the file.
    const heap: number[] = [];
    const sampler = setInterval(() => {
      void page
        .evaluate(
          () =>
            (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
              ?.usedJSHeapSize ?? 0,
        )
        .then((bytes) => heap.push(bytes))
        .catch(() => undefined);
    }, 1000);
    const start = performance.now();
    await page.getByTestId('csv-import').click();
    const done = page.getByTestId('csv-done');
    await done.waitFor({ timeout: 1_800_000 });
    const importMs = performance.now() - start;
    clearInterval(sampler);
    const summary = (await done.textContent()) ?? '';
    step(`imported: ${summary}`);
    const imported = Number(/Imported ([\d,]+) of/.exec(summary)?.[1]?.replace(/,/g, '') ?? NaN);
    if (imported !== ROWS) throw new Error(`Expected ${ROWS} rows imported: ${summary}`);

    await page.getByTestId('nav-network').click();
    const nodes = Number(
      await (
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="network-canvas"]')?.getAttribute('data-nodes') ??
            false,
          undefined,
          { timeout: 300_000, polling: 100 },
        )
      ).jsonValue(),
    );
    // The complete picture: on a large case the links are drawn a frame after the phones.
    const drawMs = Number(
      await (
        await page.waitForFunction(
          () =>
            document
              .querySelector('[data-testid="network-canvas"]')
              ?.getAttribute('data-complete-ms') ?? false,
          undefined,
          { timeout: 300_000, polling: 100 },
        )
      ).jsonValue(),
    );
    step('callers drawn on the network');
    const peakHeapMb = Math.max(0, ...heap) / 1024 / 1024;
    const quarter = heap.slice(0, Math.max(1, Math.floor(heap.length / 4)));
    const earlyHeapMb = Math.max(0, ...quarter) / 1024 / 1024;
    const rowsPerS = (ROWS / importMs) * 1000;
    return {
      rows: [
        [
          'call records imported through the app',
          `${ROWS.toLocaleString('en')} (${summary.split('.')[0]})`,
        ],
        ['import, whole (parse, join, aggregate, store)', `${(importMs / 1000).toFixed(1)} s`],
        ['rows per second (target >= 20,000)', `${Math.round(rowsPerS).toLocaleString('en')}`],
        [
          'page heap, peak in first quarter / whole import',
          `${earlyHeapMb.toFixed(0)} / ${peakHeapMb.toFixed(0)} MB`,
        ],
        ['phones drawn on the network', `${nodes}`],
        ['network drawn, links and all', `${Math.round(drawMs)} ms`],
      ],
      figures: {
        rows: ROWS,
        import_ms: Math.round(importMs),
        rows_per_s: Math.round(rowsPerS),
        heap_first_quarter_mb: Math.round(earlyHeapMb),
        heap_peak_mb: Math.round(peakHeapMb),
        network_nodes: nodes,
        network_complete_draw_ms: Math.round(drawMs),
      },
    };
  } finally {
    await close();
  }
}
