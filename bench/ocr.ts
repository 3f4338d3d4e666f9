/**
 * `npm run bench ocr`: Ringtrace's OCR pipeline against the native `tesseract` program on the
 * same generated pages (typed statements, a ledger, a low-resolution JPEG, a Thai page), with
 * the same traineddata (the npm packages' files, decompressed for native), the same page
 * segmentation, and all cores busy on both sides: our pool has one worker per core, native runs
 * one single-threaded process (OMP_THREAD_LIMIT=1) per core.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'fflate';
import { characterErrorRate, languageCode } from '../src/core/ocr';
import type { LanguageCode, OcrEngine } from '../src/core/ocr';
import { createNodeOcrEngine } from '../src/core/ocr/engine.node.js';
import { bundledTraineddataPath } from '../src/core/ocr/languageStore.node.js';
import { generateDocuments } from '../tests/helpers/documents';
import type { GeneratedDocument } from '../tests/helpers/documents';
import type { BenchResult } from './types';

const run$ = promisify(execFile);

/** Each document twice, so that both sides have more pages than cores to keep busy. */
const ROUNDS = 2;

type BenchPage = Readonly<{ doc: GeneratedDocument; lang: 'eng' | 'tha' }>;

const cerOf = (page: BenchPage, text: string): number =>
  characterErrorRate(text, page.doc.text, {
    whitespace: page.lang === 'tha' ? 'remove' : 'collapse',
  });

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

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

async function ours(engine: OcrEngine, pages: readonly BenchPage[]): Promise<string[]> {
  // One job per page, all queued at once, as the app queues a folder of exhibits.
  const results = await Promise.all(
    pages.map((p) =>
      engine.recognize([{ bytes: readFileSync(p.doc.path), name: p.doc.name }], {
        languages: [languageCode(p.lang)] as readonly LanguageCode[],
      }),
    ),
  );
  return results.map((r) => r[0]?.text ?? '');
}

async function native(
  tessdata: string,
  pages: readonly BenchPage[],
  cores: number,
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
        '6',
        '-c',
        'preserve_interword_spaces=1',
      ],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 * 1024 * 1024 },
    );
    return stdout;
  });
}

export async function run(): Promise<BenchResult> {
  const cores = availableParallelism();
  const docs = await generateDocuments([
    'statement',
    'statementJpeg',
    'ledger',
    'lowResJpeg',
    'thai',
  ]);
  const set: BenchPage[] = [
    { doc: docs.statement, lang: 'eng' },
    { doc: docs.statementJpeg, lang: 'eng' },
    { doc: docs.ledger, lang: 'eng' },
    { doc: docs.lowResJpeg, lang: 'eng' },
    { doc: docs.thai, lang: 'tha' },
  ];
  const pages = Array.from({ length: ROUNDS }, () => set).flat();

  const tessdata = mkdtempSync(join(tmpdir(), 'ringtrace-bench-tessdata-'));
  const engine = await createNodeOcrEngine({ workers: cores });
  try {
    for (const lang of ['eng', 'tha']) {
      writeFileSync(
        join(tessdata, `${lang}.traineddata`),
        gunzipSync(readFileSync(bundledTraineddataPath(lang))),
      );
    }
    // Warm-up, untimed: start every worker and load both languages, as a running app has.
    await ours(engine, set.slice(0, cores).concat(set.filter((p) => p.lang === 'tha')));
    await native(tessdata, set.slice(0, 1), 1);

    let t = performance.now();
    const ourTexts = await ours(engine, pages);
    const oursMs = performance.now() - t;
    t = performance.now();
    const nativeTexts = await native(tessdata, pages, cores);
    const nativeMs = performance.now() - t;

    const cerOurs = mean(pages.map((p, i) => cerOf(p, ourTexts[i] ?? '')));
    const cerNative = mean(pages.map((p, i) => cerOf(p, nativeTexts[i] ?? '')));
    const oursRate = pages.length / (oursMs / 1000);
    const nativeRate = pages.length / (nativeMs / 1000);
    // Both rates can be 0 on clean pages; a floor of 0.1% keeps the ratio finite and honest.
    const cerRatio = Math.max(cerOurs, 0.001) / Math.max(cerNative, 0.001);
    const perDoc = set.map((p, i) => {
      const own = mean(
        pages
          .filter((_, j) => j % set.length === i)
          .map((q, k) => cerOf(q, ourTexts[i + k * set.length] ?? '')),
      );
      const theirs = mean(
        pages
          .filter((_, j) => j % set.length === i)
          .map((q, k) => cerOf(q, nativeTexts[i + k * set.length] ?? '')),
      );
      return [
        `CER ${p.doc.name} (ours / native)`,
        `${(own * 100).toFixed(2)}% / ${(theirs * 100).toFixed(2)}%`,
      ] as const;
    });
    return {
      rows: [
        ['pages', `${pages.length} (${set.length} documents x ${ROUNDS}), ${cores} cores`],
        [
          'ours',
          `${oursRate.toFixed(2)} pages/s (${(oursRate * 60).toFixed(0)} pages/min, ${oursMs.toFixed(0)} ms)`,
        ],
        [
          'native tesseract',
          `${nativeRate.toFixed(2)} pages/s (${(nativeRate * 60).toFixed(0)} pages/min, ${nativeMs.toFixed(0)} ms)`,
        ],
        ['throughput ours / native', `${(oursRate / nativeRate).toFixed(2)} (target >= 0.6)`],
        ['CER ours', `${(cerOurs * 100).toFixed(2)}%`],
        ['CER native', `${(cerNative * 100).toFixed(2)}%`],
        ...perDoc,
      ],
      figures: {
        ocr_pages_per_s: oursRate,
        native_pages_per_s: nativeRate,
        throughput_ratio: oursRate / nativeRate,
        ocr_ms: oursMs,
        native_ms: nativeMs,
        cer_ours: cerOurs,
        cer_native: cerNative,
        cer_ratio: cerRatio,
      },
    };
  } finally {
    await engine.close();
    rmSync(tessdata, { recursive: true, force: true });
  }
}
