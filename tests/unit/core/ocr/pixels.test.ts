import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OcrInputError, languageCode } from '../../../../src/core/ocr';
import type { OcrEngine, RgbaPixels } from '../../../../src/core/ocr';
import { createNodeOcrEngine } from '../../../../src/core/ocr/engine.node.js';
import { generateDocuments } from '../../../helpers/documents';
import type { DocumentName, GeneratedDocument } from '../../../helpers/documents';

const eng = [languageCode('eng')];
let docs: Record<DocumentName, GeneratedDocument>;
let engine: OcrEngine;

/** The page's pixels as the renderer's canvas holds them after drawing the page. */
async function pixelsOf(doc: GeneratedDocument): Promise<RgbaPixels> {
  const picture = await loadImage(readFileSync(doc.path));
  const canvas = createCanvas(picture.width, picture.height);
  const context = canvas.getContext('2d');
  context.drawImage(picture, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, picture.width, picture.height);
  return { data, width, height };
}

const rows = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);

beforeAll(async () => {
  docs = await generateDocuments(['ledger', 'largeScan']);
  engine = await createNodeOcrEngine({ workers: 2, idleMs: 200 });
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

describe('pages given as pixels', () => {
  it('reads a ledger from its RGBA pixels as it reads the same page as PNG', async () => {
    const [fromPng] = await engine.recognize(
      [{ bytes: readFileSync(docs.ledger.path), name: 'ledger.png' }],
      { languages: eng },
    );
    const [fromPixels] = await engine.recognize(
      [{ pixels: await pixelsOf(docs.ledger), name: 'ledger pixels' }],
      { languages: eng },
    );
    expect(rows(fromPixels?.text ?? '')).toEqual(rows(fromPng?.text ?? ''));
    expect(fromPixels?.width).toBe(docs.ledger.width);
    expect(fromPixels?.height).toBe(docs.ledger.height);
  }, 120_000);

  it('downscales an oversized page of pixels and maps its boxes back to those pixels', async () => {
    const [fromPng] = await engine.recognize(
      [{ bytes: readFileSync(docs.largeScan.path), name: 'scan.png' }],
      { languages: eng },
    );
    const [result] = await engine.recognize(
      [{ pixels: await pixelsOf(docs.largeScan), name: 'scan pixels' }],
      { languages: eng },
    );
    expect(result?.width).toBe(docs.largeScan.width);
    expect(result?.text).toContain('WITNESS STATEMENT');
    // The same words in the same places (in the original's pixels) as the PNG, downscaled alike.
    const boxes = (r: typeof result): number[] => (r?.words ?? []).map((w) => w.box.x1);
    expect(boxes(result)).toHaveLength(boxes(fromPng).length);
    boxes(result).forEach((x, i) => expect(Math.abs(x - (boxes(fromPng)[i] ?? 0))).toBeLessThan(8));
    expect(Math.max(...boxes(result))).toBeGreaterThan(docs.largeScan.width / 2);
  }, 120_000);

  it('refuses pixels that do not fill the stated size, naming the page', async () => {
    const pixels = { data: new Uint8Array(10 * 10 * 4 - 1), width: 10, height: 10 };
    await expect(
      engine.recognize([{ pixels, name: 'page 3' }], { languages: eng }),
    ).rejects.toThrow(OcrInputError);
    await expect(
      engine.recognize([{ pixels, name: 'page 3' }], { languages: eng }),
    ).rejects.toThrow(/page 3: 399 bytes of pixels for a 10x10 RGBA page/);
  });
});

describe('the worker pool', () => {
  it('has one worker per core by default, and starts none before there is work', async () => {
    const fresh = await createNodeOcrEngine();
    try {
      expect(fresh.workers).toBe(availableParallelism());
      expect(fresh.liveWorkers()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('uses every worker for a batch and lets them go once idle', async () => {
    const page = { bytes: readFileSync(docs.ledger.path), name: 'ledger' };
    const live: number[] = [];
    const done = await engine.recognize([page, page], {
      languages: eng,
      // When the first page finishes, the other is still being read by the second worker.
      onPage: () => live.push(engine.liveWorkers()),
    });
    expect(done).toHaveLength(2);
    expect(live[0]).toBe(2);
    await vi.waitFor(() => expect(engine.liveWorkers()).toBe(0), { timeout: 10_000 });
    // The next batch starts workers again.
    const [again] = await engine.recognize([page], { languages: eng });
    expect(again?.text).toContain('Sokha Chan');
  }, 120_000);

  it('keeps a worker warm between batches', async () => {
    const warm = await createNodeOcrEngine({ workers: 1 });
    try {
      const page = { bytes: readFileSync(docs.ledger.path), name: 'ledger' };
      await warm.recognize([page], { languages: eng });
      expect(warm.liveWorkers()).toBe(1);
    } finally {
      await warm.close();
    }
  }, 120_000);
});
