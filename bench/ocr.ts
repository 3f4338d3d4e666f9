/**
 * `npm run bench ocr`: Ringtrace's OCR engine against the native `tesseract` program.
 *
 * Speed, in the app's own configuration: the engine with its default pool (one worker per core,
 * as the app sets it), dense A4 pages at 300 DPI (40+ lines), given as RGBA pixels as the app
 * gives rendered PDF and TIFF pages. Cold (the clock starts before the engine exists: workers
 * start and load their languages on the clock) and warm (the same engine, a second batch) are
 * both printed. Native runs one `tesseract` process per page, each paying its own start-up, one
 * per core at a time (OMP_THREAD_LIMIT=1: the best throughput of native on a busy machine), with
 * the same traineddata file (--tessdata-dir), page segmentation and preserve_interword_spaces.
 *
 * Quality, per language and model: character error rate and the share of ledger rows (date,
 * payer, payee, amount) that come out on one line, ours and native on the same pages with the
 * same model file: the npm package's 4.0.0_best_int model that the app bundles, and Debian's
 * tesseract-ocr-<lang> model where installed (Khmer has only the latter).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { gunzipSync } from 'fflate';
import { characterErrorRate, languageCode } from '../src/core/ocr';
import type { OcrEngine, OcrImage, RgbaPixels } from '../src/core/ocr';
import { createNodeOcrEngine } from '../src/core/ocr/engine.node.js';
import { bundledTraineddataPath } from '../src/core/ocr/languageStore.node.js';
import { generateDocuments } from '../tests/helpers/documents';
import type { DocumentName, GeneratedDocument } from '../tests/helpers/documents';
import { rowsKeptOnOneLine } from '../tests/helpers/ledgerRows';
import type { BenchResult } from './types';

const run$ = promisify(execFile);

type Lang = 'eng' | 'tha' | 'khm';
const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';

/** The speed set: each dense page this many times. */
const SPEED_ROUNDS = 3;
const SPEED_DOCS: ReadonlyArray<readonly [DocumentName, Lang]> = [
  ['denseStatement', 'eng'],
  ['denseLedger', 'eng'],
  ['denseThai', 'tha'],
];
const QUALITY_DOCS: Readonly<Record<Lang, readonly DocumentName[]>> = {
  eng: ['denseStatement', 'denseLedger', 'ledgerPhoto'],
  tha: ['denseThai', 'thaiLedger'],
  khm: ['denseKhmer', 'khmerLedger'],
};

type Page = Readonly<{ doc: GeneratedDocument; lang: Lang }>;

const spaceless = (lang: Lang): boolean => lang !== 'eng';

const rowsKept = (page: Page, text: string): number | undefined =>
  page.doc.rows ? rowsKeptOnOneLine(page.doc.rows.slice(1), text, spaceless(page.lang)) : undefined;

const cerOf = (page: Page, text: string): number =>
  characterErrorRate(text, page.doc.text, {
    whitespace: spaceless(page.lang) ? 'remove' : 'collapse',
  });

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number | undefined): string =>
  x === undefined || Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)}%`;

async function pixelsOf(doc: GeneratedDocument): Promise<RgbaPixels> {
  const picture = await loadImage(readFileSync(doc.path));
  const canvas = createCanvas(picture.width, picture.height);
  const context = canvas.getContext('2d');
  context.drawImage(picture, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, picture.width, picture.height);
  return { data, width, height };
}

/** Runs `work` over items with at most `limit` at a time, keeping results in input order. */
async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (t: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i] as T);
  });
  await Promise.all(lanes);
  return out;
}

/** One job per page, all queued at once, as the app queues a folder of exhibits. */
async function ours(
  engine: OcrEngine,
  pages: ReadonlyArray<Readonly<{ page: Page; image: OcrImage }>>,
): Promise<string[]> {
  const results = await Promise.all(
    pages.map(({ page, image }) =>
      engine.recognize([image], { languages: [languageCode(page.lang)] }),
    ),
  );
  return results.map((r) => r[0]?.text ?? '');
}

async function native(
  tessdata: string,
  pages: readonly Page[],
  cores: number,
  psm = '6',
): Promise<string[]> {
  return pool(pages, cores, async (p) => {
    const { stdout } = await run$(
      'tesseract',
      [
        p.doc.path,
        'stdout',
        '--tessdata-dir',
        tessdata,
        '-l',
        p.lang,
        '--psm',
        psm,
        '-c',
        'preserve_interword_spaces=1',
      ],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 * 1024 * 1024 },
    );
    return stdout;
  });
}

const rate = (pages: number, ms: number): number => pages / (ms / 1000);
const speed = (pages: number, ms: number): string =>
  `${rate(pages, ms).toFixed(3)} pages/s (${(rate(pages, ms) * 60).toFixed(1)} pages/min, ${ms.toFixed(0)} ms)`;

export async function run(): Promise<BenchResult> {
  const cores = availableParallelism();
  const khm = existsSync(join(DEBIAN_TESSDATA, 'khm.traineddata'));
  const langs: Lang[] = khm ? ['eng', 'tha', 'khm'] : ['eng', 'tha'];
  const names = [
    ...new Set([...SPEED_DOCS.map(([d]) => d), ...langs.flatMap((l) => QUALITY_DOCS[l])]),
  ];
  const docs = await generateDocuments(names);

  const bundled = mkdtempSync(join(tmpdir(), 'ringtrace-bench-tessdata-'));
  const rows: Array<readonly [string, string]> = [];
  const figures: Record<string, number> = {};
  try {
    for (const lang of ['eng', 'tha'] as const) {
      writeFileSync(
        join(bundled, `${lang}.traineddata`),
        gunzipSync(readFileSync(bundledTraineddataPath(lang))),
      );
    }

    // ---- Speed: the app's configuration on dense pages. -------------------------------------
    const speedPages: Page[] = Array.from({ length: SPEED_ROUNDS }, () =>
      SPEED_DOCS.map(([name, lang]) => ({ doc: docs[name], lang })),
    ).flat();
    const pixels = new Map<DocumentName, RgbaPixels>();
    for (const [name] of SPEED_DOCS) pixels.set(name, await pixelsOf(docs[name]));
    const asPixels = speedPages.map((page) => ({
      page,
      image: { pixels: pixels.get(page.doc.name) as RgbaPixels, name: page.doc.name },
    }));
    const asPng = speedPages.map((page) => ({
      page,
      image: { bytes: readFileSync(page.doc.path), name: page.doc.name },
    }));

    let t = performance.now();
    const engine = await createNodeOcrEngine();
    let coldMs: number;
    let warmMs: number;
    let warmPngMs: number;
    let oursTexts: string[];
    try {
      await ours(engine, asPixels);
      coldMs = performance.now() - t;
      t = performance.now();
      oursTexts = await ours(engine, asPixels);
      warmMs = performance.now() - t;
      t = performance.now();
      await ours(engine, asPng);
      warmPngMs = performance.now() - t;
    } finally {
      await engine.close();
    }
    t = performance.now();
    const nativeTexts = await native(bundled, speedPages, cores);
    const nativeMs = performance.now() - t;
    const n = speedPages.length;
    const coldRatio = rate(n, coldMs) / rate(n, nativeMs);
    const warmRatio = rate(n, warmMs) / rate(n, nativeMs);
    rows.push(
      [
        'pages',
        `${n} dense A4 pages at 300 DPI (${SPEED_DOCS.map(([d]) => d).join(', ')} x ${SPEED_ROUNDS}), ${cores} cores`,
      ],
      ['ours: pool', `${engine.workers} workers (the app's default: one per core)`],
      ['ours cold, pixels', speed(n, coldMs)],
      ['ours warm, pixels', speed(n, warmMs)],
      ['ours warm, PNG bytes', speed(n, warmPngMs)],
      ['native, a process per page', speed(n, nativeMs)],
      ['ours / native, cold', `${coldRatio.toFixed(2)}x`],
      ['ours / native, warm', `${warmRatio.toFixed(2)}x (target >= 0.9)`],
      [
        'CER on these pages ours / native',
        `${pct(mean(speedPages.map((p, i) => cerOf(p, oursTexts[i] ?? ''))))} / ${pct(mean(speedPages.map((p, i) => cerOf(p, nativeTexts[i] ?? ''))))}`,
      ],
    );
    Object.assign(figures, {
      ocr_cold_ms: coldMs,
      ocr_warm_ms: warmMs,
      ocr_warm_png_ms: warmPngMs,
      native_ms: nativeMs,
      ocr_cold_pages_per_s: rate(n, coldMs),
      ocr_warm_pages_per_s: rate(n, warmMs),
      native_pages_per_s: rate(n, nativeMs),
      cold_throughput_ratio: coldRatio,
      warm_throughput_ratio: warmRatio,
      pixels_over_png_ratio: warmPngMs / warmMs,
    });

    // ---- Quality: per language and model, ours against native with the same file. -----------
    const models: Array<Readonly<{ lang: Lang; model: string; dir: string }>> = [];
    for (const lang of langs) {
      if (lang !== 'khm') models.push({ lang, model: 'npm 4.0.0_best_int', dir: bundled });
      if (existsSync(join(DEBIAN_TESSDATA, `${lang}.traineddata`))) {
        models.push({ lang, model: 'Debian', dir: DEBIAN_TESSDATA });
      }
    }
    for (const { lang, model, dir } of models) {
      const pages = QUALITY_DOCS[lang].map((name) => ({ doc: docs[name], lang }));
      const q = await createNodeOcrEngine({ bundledLanguages: [] });
      let oursQ: string[];
      try {
        await q.addLanguage(lang, readFileSync(join(dir, `${lang}.traineddata`)));
        oursQ = await ours(
          q,
          pages.map((page) => ({
            page,
            image: { bytes: readFileSync(page.doc.path), name: page.doc.name },
          })),
        );
      } finally {
        await q.close();
      }
      const nativeQ = await native(dir, pages, cores);
      const nativeAuto = await native(dir, pages, cores, '3');
      const key = `${lang}_${model.startsWith('npm') ? 'npm' : 'debian'}`;
      const cer = (texts: readonly string[]): number =>
        mean(pages.map((p, i) => cerOf(p, texts[i] ?? '')));
      const kept = (texts: readonly string[]): number =>
        mean(pages.flatMap((p, i) => rowsKept(p, texts[i] ?? '') ?? []));
      rows.push(
        [
          `${lang}, ${model}: CER ours / native`,
          `${pct(cer(oursQ))} / ${pct(cer(nativeQ))} (${pages.map((p) => p.doc.name).join(', ')})`,
        ],
        [
          `${lang}, ${model}: ledger rows on one line`,
          `ours ${pct(kept(oursQ))} / native ${pct(kept(nativeQ))} (psm 6); native psm 3 ${pct(kept(nativeAuto))}`,
        ],
      );
      for (const p of pages) {
        const i = pages.indexOf(p);
        const r = rowsKept(p, oursQ[i] ?? '');
        rows.push([
          `  ${p.doc.name}`,
          `CER ${pct(cerOf(p, oursQ[i] ?? ''))} / ${pct(cerOf(p, nativeQ[i] ?? ''))}${r === undefined ? '' : `, rows ${pct(r)} / ${pct(rowsKept(p, nativeQ[i] ?? ''))}`}`,
        ]);
      }
      Object.assign(figures, {
        [`cer_${key}_ours`]: cer(oursQ),
        [`cer_${key}_native`]: cer(nativeQ),
        [`rows_kept_${key}_ours`]: kept(oursQ),
        [`rows_kept_${key}_native`]: kept(nativeQ),
        [`rows_kept_${key}_native_psm3`]: kept(nativeAuto),
      });
    }
    if (!khm) rows.push(['khm', `no ${DEBIAN_TESSDATA}/khm.traineddata: not measured`]);
    return { rows, figures };
  } finally {
    rmSync(bundled, { recursive: true, force: true });
  }
}
