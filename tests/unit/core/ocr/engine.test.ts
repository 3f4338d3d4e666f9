import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate, languageCode, toPage } from '../../../../src/core/ocr';
import type { OcrEngine, OcrImage, OcrPageResult, OcrProgress } from '../../../../src/core/ocr';
import { createNodeOcrEngine } from '../../../../src/core/ocr/engine.node.js';
import { bundledTraineddataPath } from '../../../../src/core/ocr/languageStore.node.js';
import { newId } from '../../../../src/core/model';
import type { CaseId, EvidenceId } from '../../../../src/core/model';
import { generateDocuments } from '../../../helpers/documents';
import type { DocumentName, GeneratedDocument } from '../../../helpers/documents';

const eng = [languageCode('eng')];
const tha = [languageCode('tha')];

let engine: OcrEngine;
let docs: Record<DocumentName, GeneratedDocument>;

const image = (doc: GeneratedDocument): OcrImage => ({
  bytes: readFileSync(doc.path),
  name: doc.name,
});

async function recognizeOne(doc: GeneratedDocument, languages = eng): Promise<OcrPageResult> {
  const [result] = await engine.recognize([image(doc)], { languages });
  if (!result) throw new Error('no result');
  return result;
}

function expectBoxesInsidePage(result: OcrPageResult): void {
  expect(result.words.length).toBeGreaterThan(0);
  for (const { box } of result.words) {
    expect(box.x0).toBeGreaterThanOrEqual(0);
    expect(box.y0).toBeGreaterThanOrEqual(0);
    expect(box.x1).toBeLessThanOrEqual(result.width);
    expect(box.y1).toBeLessThanOrEqual(result.height);
    expect(box.x1).toBeGreaterThan(box.x0);
    expect(box.y1).toBeGreaterThan(box.y0);
  }
}

beforeAll(async () => {
  docs = await generateDocuments([
    'statement',
    'statementJpeg',
    'ledger',
    'lowResJpeg',
    'thai',
    'khmer',
    'largeScan',
  ]);
  // One engine for the file: starting workers and loading language data is the slow part.
  engine = await createNodeOcrEngine({ workers: 2 });
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

describe('recognition quality', () => {
  // Thresholds are about three times the error rates measured on these pages (0 to 0.6%), so
  // a regression shows while rendering noise does not.
  it('reads a typed statement (PNG and JPEG) with under 2% character errors', async () => {
    const [png, jpeg] = await engine.recognize([image(docs.statement), image(docs.statementJpeg)], {
      languages: eng,
    });
    expect(characterErrorRate(png?.text ?? '', docs.statement.text)).toBeLessThan(0.02);
    expect(characterErrorRate(jpeg?.text ?? '', docs.statement.text)).toBeLessThan(0.02);
    expect(png?.text).toContain('+855 12 345 678');
    expect(png?.text).toContain('0123-456-789');
  });

  it('reads a small, hard-compressed JPEG with under 3% character errors', async () => {
    const result = await recognizeOne(docs.lowResJpeg);
    expect(characterErrorRate(result.text, docs.lowResJpeg.text)).toBeLessThan(0.03);
    expect(result.scale).toBe(1);
  });

  it('reads a Thai page with under 3% character errors, SARA AM as people type it', async () => {
    const result = await recognizeOne(docs.thai, tha);
    const cer = characterErrorRate(result.text, docs.thai.text, { whitespace: 'remove' });
    expect(cer).toBeLessThan(0.03);
    expect(result.text).toContain('บันทึกคำให้การ');
    expect(result.languages).toEqual(['tha']);
  });
});

describe('reading order', () => {
  it("keeps each ledger row's cells on one line, in order", async () => {
    const result = await recognizeOne(docs.ledger);
    const lines = result.text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    for (const row of docs.ledger.rows ?? []) {
      expect(lines).toContain(row.join(' '));
    }
    // The gaps between columns survive as runs of spaces, so columns stay visible in the text.
    expect(result.text).toMatch(/02\/01\/2024 {2,}Sokha Chan {2,}transport/);
  });
});

describe('word boxes', () => {
  it('gives every word a box inside the page, in page pixels, with a confidence', async () => {
    const result = await recognizeOne(docs.statement);
    expect(result).toMatchObject({ width: docs.statement.width, height: docs.statement.height });
    expectBoxesInsidePage(result);
    for (const word of result.words) {
      expect(word.confidence).toBeGreaterThanOrEqual(0);
      expect(word.confidence).toBeLessThanOrEqual(100);
    }
    // "He kept my passport, number N0482193, ...": the number's box is on the same line as
    // "passport," and to its right, a fifth of the way down the page.
    const box = (text: string) => result.words.find((w) => w.text === text)?.box;
    const passport = box('passport,');
    const number = box('N0482193,');
    if (!passport || !number) throw new Error(`words not found in: ${result.text}`);
    expect(number.x0).toBeGreaterThan(passport.x1);
    expect(number.y0).toBeLessThan(passport.y1);
    expect(number.y1).toBeGreaterThan(passport.y0);
    expect(number.y0 / result.height).toBeGreaterThan(0.1);
    expect(number.y0 / result.height).toBeLessThan(0.2);
  });

  it('downscales an oversized scan before recognition and maps boxes back to its pixels', async () => {
    const large = await recognizeOne(docs.largeScan);
    expect(large.scale).toBeLessThan(0.7);
    expect(large).toMatchObject({ width: docs.largeScan.width, height: docs.largeScan.height });
    expectBoxesInsidePage(large);
    expect(characterErrorRate(large.text, docs.largeScan.text)).toBeLessThan(0.02);
    // The same words rendered at 2.5x the statement's zoom sit at 2.5x its coordinates.
    const small = await recognizeOne(docs.statement);
    for (const text of ['WITNESS', 'Poipet', 'Sokha']) {
      const a = large.words.find((w) => w.text.startsWith(text))?.box;
      const b = small.words.find((w) => w.text.startsWith(text))?.box;
      expect(a && b).toBeTruthy();
      if (!a || !b) continue;
      expect(a.x0 / (b.x0 * 2.5)).toBeCloseTo(1, 1);
      expect(a.y1 / (b.y1 * 2.5)).toBeCloseTo(1, 1);
    }
  });

  it('becomes a Page of the case model', async () => {
    const result = await recognizeOne(docs.lowResJpeg);
    const caseId = newId<CaseId>();
    const evidenceId = newId<EvidenceId>();
    const page = toPage(result, { caseId, evidenceId, number: 1 });
    expect(page).toMatchObject({ caseId, evidenceId, number: 1, source: 'ocr', text: result.text });
    expect(page.words).toBe(result.words);
  });
});

describe('progress and cancel', () => {
  it('reports progress per page and overall, up to 1, and each page as it finishes', async () => {
    const reports: OcrProgress[] = [];
    const finished: number[] = [];
    const results = await engine.recognize([image(docs.lowResJpeg), image(docs.thai)], {
      languages: [languageCode('eng'), languageCode('tha')],
      onProgress: (p) => reports.push(p),
      onPage: (_, index) => finished.push(index),
    });
    expect(results).toHaveLength(2);
    expect(finished.sort()).toEqual([0, 1]);
    expect(reports.some((r) => r.page === 0 && r.pageProgress > 0 && r.pageProgress < 1)).toBe(
      true,
    );
    expect(reports.some((r) => r.page === 1 && r.pageProgress > 0 && r.pageProgress < 1)).toBe(
      true,
    );
    const overall = reports.map((r) => r.overall);
    expect(overall).toEqual([...overall].sort((a, b) => a - b));
    expect(reports.at(-1)).toMatchObject({ overall: 1, pagesDone: 2, pageCount: 2 });
  });

  it('stops promptly on abort, reports no page after it, and stays usable', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const pagesAfterAbort: number[] = [];
    const pages = [docs.statement, docs.ledger, docs.statementJpeg, docs.ledger].map(image);
    const job = engine.recognize(pages, {
      languages: eng,
      signal: controller.signal,
      onProgress: (p) => {
        if (abortedAt === 0 && p.pageProgress > 0.2) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
      onPage: (_, index) => {
        if (abortedAt > 0) pagesAfterAbort.push(index);
      },
    });
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(200);
    // Give interrupted workers time to have finished, had they not been stopped.
    await new Promise((r) => setTimeout(r, 1500));
    expect(pagesAfterAbort).toEqual([]);

    const after = await recognizeOne(docs.lowResJpeg);
    expect(characterErrorRate(after.text, docs.lowResJpeg.text)).toBeLessThan(0.03);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(
      engine.recognize([image(docs.statement)], { languages: eng, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('custom language data', () => {
  // A language the user adds from a file: the bundled Khmer model under another code
  // (Northern Khmer, kxm), which proves that the user's file is loaded and used under the code
  // the user gave.
  const custom = {
    code: 'kxm',
    path: bundledTraineddataPath('khm'),
    doc: 'khmer' as const,
    whitespace: 'remove' as const,
  };

  it('reads Khmer with the bundled model, no file added', async () => {
    expect(engine.languages()).toContain('khm');
    const doc = docs.khmer;
    const result = await recognizeOne(doc, [languageCode('khm')]);
    // Measured 2.3% with tessdata_fast's Khmer model (resources/tessdata/README.md).
    expect(characterErrorRate(result.text, doc.text, { whitespace: 'remove' })).toBeLessThan(0.07);
  });

  it('refuses a language it has no data for, naming it', async () => {
    await expect(
      engine.recognize([image(docs.statement)], { languages: [languageCode('lao')] }),
    ).rejects.toThrow(/No language data for lao/);
  });

  it('refuses a file that is not traineddata', async () => {
    await expect(
      engine.addLanguage('bad', new TextEncoder().encode('not a model')),
    ).rejects.toThrow(/bad.traineddata: not a tesseract traineddata file/);
  });

  it(`recognises a page with a user-supplied ${custom.code}.traineddata`, async () => {
    const code = await engine.addLanguage(custom.code, readFileSync(custom.path));
    expect(engine.languages()).toContain(code);
    const doc = docs[custom.doc];
    const result = await recognizeOne(doc, [code]);
    const cer = characterErrorRate(result.text, doc.text, { whitespace: custom.whitespace });
    // Measured 2.3% for Khmer with tessdata_fast's model.
    expect(cer).toBeLessThan(0.07);
    expectBoxesInsidePage(result);
  });
});

describe('bad input', () => {
  it('names a corrupt image and keeps working', async () => {
    const png = readFileSync(docs.statement.path);
    const cut = png.subarray(0, 2000);
    await expect(
      engine.recognize([{ bytes: cut, name: 'exhibit-3.png' }], { languages: eng }),
    ).rejects.toThrow(/exhibit-3.png: corrupt or unreadable image/);
    const garbage = new Uint8Array(png);
    garbage.fill(0x55, 100);
    await expect(
      engine.recognize([{ bytes: garbage, name: 'exhibit-4.png' }], { languages: eng }),
    ).rejects.toThrow(/exhibit-4.png/);
    const result = await recognizeOne(docs.lowResJpeg);
    expect(result.text).toContain('WITNESS STATEMENT');
  });

  it('refuses a file that is not an image before starting any work', async () => {
    await expect(
      engine.recognize(
        [image(docs.statement), { bytes: new TextEncoder().encode('%PDF-1.4'), name: 'a.pdf' }],
        { languages: eng },
      ),
    ).rejects.toThrow(/a.pdf: PDF is not an image type OCR reads directly/);
  });
});
