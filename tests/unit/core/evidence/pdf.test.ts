import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  IntakeError,
  OCR_TARGET_DPI,
  PDF_METADATA_KEYS as K,
  openPdf,
  pdfDateToIso,
  readPdf,
} from '../../../../src/core/evidence';
import type { PdfPage } from '../../../../src/core/evidence';
import { launchChromium } from './helpers/chromium';
import { withInfo } from './helpers/pdfBytes';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/evidence/${name}`, import.meta.url)));

const ROWS = [
  ['2024-03-05', 'Sok Dara', '1,200 USD', 'Poipet'],
  ['2024-03-06', 'สมชาย ใจดี', '800 USD', 'Aranyaprathet'],
  ['2024-03-09', 'Chan Vanna', '2,450 USD', 'Koh Kong'],
] as const;
const COLUMNS = [40, 200, 400, 560]; // CSS px
const ROW_TOP = (r: number) => 120 + r * 40;

/**
 * A ledger whose cells are laid out column by column: Chromium draws them in that order, so the
 * PDF's text comes column by column too, as in ledgers exported from spreadsheets. The amounts
 * are in a smaller size, so their baseline differs slightly from the rest of the row. The text is
 * drawn with the bundled Noto fonts only (the helper adds them and waits for them): with the
 * machine's `sans-serif`, a machine without a Thai font printed the Thai name as .notdef glyphs,
 * which pdf.js reads as NULs.
 */
const LEDGER = `<!doctype html><html><head><title>Ledger March 2024</title><style>
  body { margin: 0; font-size:16px; }
  .c { position: absolute; white-space: nowrap; }
  .amount { font-size: 15px; }
</style></head><body>
  <div class="c" style="left:40px;top:40px;font-size:24px">Transfers to recruiters</div>
  ${COLUMNS.map((left, c) =>
    ROWS.map(
      (row, r) =>
        `<div class="c${c === 2 ? ' amount' : ''}" id="r${r}c${c}" style="left:${left}px;top:${ROW_TOP(r)}px">${row[c]}</div>`,
    ).join(''),
  ).join('')}
  <div style="page-break-before: always; position: absolute; top: 1056px; left: 0">
    <canvas id="scan" width="400" height="120"></canvas>
  </div>
  <script>
    const ctx = document.getElementById('scan').getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 400, 120);
    ctx.fillStyle = '#000'; ctx.font = '48px sans-serif'; ctx.fillText('PASSPORT', 20, 80);
  </script>
</body></html>`;

/** CSS px to page pixels at the 300 DPI scale: Chromium prints 96 CSS px per inch. */
const PX = OCR_TARGET_DPI / 96;

let ledger: Uint8Array;
let cellBoxes: Record<string, { x0: number; y0: number; x1: number; y1: number }>;

beforeAll(async () => {
  const chromium = await launchChromium();
  try {
    ledger = await chromium.pdf(LEDGER);
    // Where the browser laid out each cell's text, to check the boxes pdf.js text gives.
    cellBoxes = await chromium.page.evaluate(() => {
      const out: Record<string, { x0: number; y0: number; x1: number; y1: number }> = {};
      for (const el of document.querySelectorAll('.c[id]')) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        out[el.id] = { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
      }
      return out;
    });
  } finally {
    await chromium.close();
  }
});

function textPage(page: PdfPage | undefined) {
  if (page === undefined || page.needsOcr) throw new Error('expected a page with a text layer');
  return page.text;
}

describe('readPdf on a Chromium-printed ledger', () => {
  it('counts pages, sizes them at 300 DPI and flags the image-only page for OCR', async () => {
    const pdf = await readPdf(ledger, { fileName: 'ledger.pdf' });
    expect(pdf.pageCount).toBe(2);
    expect(pdf.pages.map((p) => [p.number, p.needsOcr, p.width, p.height])).toEqual([
      [1, false, 2550, 3300],
      [2, true, 2550, 3300],
    ]);
    expect(pdf.pages[0]?.scale).toBeCloseTo(300 / 72);
    expect(pdf.pages[1]?.source).toBe('none');
  });

  it('puts each ledger row on one line, cells left to right', async () => {
    // Precondition: pdf.js itself returns the text column by column.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: ledger.slice(), isEvalSupported: false }).promise;
    const raw = (await (await doc.getPage(1)).getTextContent()).items
      .map((i) => ('str' in i ? i.str.trim() : ''))
      .filter((s) => s !== '');
    await doc.destroy();
    expect(raw.slice(1, 4)).toEqual(ROWS.map((row) => row[0]));

    const text = textPage((await readPdf(ledger)).pages[0]);
    expect(text.lines.map((l) => l.text)).toEqual([
      'Transfers to recruiters',
      ...ROWS.map((row) => row.join(' ')),
    ]);
    expect(text.text.split('\n')).toEqual(text.lines.map((l) => l.text));
  });

  it('gives word boxes where the browser drew the words', async () => {
    const text = textPage((await readPdf(ledger)).pages[0]);
    for (const [id, word] of [
      ['r0c3', 'Poipet'],
      ['r2c1', 'Chan'],
      ['r1c2', '800'],
    ] as const) {
      const css = cellBoxes[id];
      const box = text.words.find((w) => w.text === word)?.box;
      if (css === undefined || box === undefined) throw new Error(`${word} not found`);
      const em = 16 * PX;
      // Left edges and baselines are exact; word widths are shares of a run (see textLayer.ts).
      expect(Math.abs(box.x0 - css.x0 * PX), `${word} x0`).toBeLessThan(0.6 * em);
      expect(Math.abs(box.y0 - css.y0 * PX), `${word} y0`).toBeLessThan(0.35 * em);
      expect(Math.abs(box.y1 - css.y1 * PX), `${word} y1`).toBeLessThan(0.35 * em);
      expect(box.x1).toBeGreaterThan(box.x0);
    }
    const poipet = text.words.find((w) => w.text === 'Poipet');
    expect(poipet?.confidence).toBe(100);
  });

  it('reads the document information as display strings', async () => {
    const plain = await readPdf(ledger);
    expect(plain.metadata[K.title]).toBe('Ledger March 2024');
    expect(plain.metadata[K.producer]).toMatch(/Skia/);
    expect(plain.metadata[K.pages]).toBe('2');
    const created = plain.metadata[K.created] ?? '';
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    expect(Math.abs(Date.parse(created) - Date.now())).toBeLessThan(10 * 60_000);

    const edited = withInfo(ledger, {
      Author: 'Chea Sokha',
      Creator: 'Microsoft Excel',
      Producer: 'Microsoft: Print To PDF',
      CreationDate: "D:20240305141203+07'00'",
      ModDate: 'D:20240311090000Z',
    });
    const pdf = await readPdf(edited);
    expect(pdf.metadata).toMatchObject({
      [K.author]: 'Chea Sokha',
      [K.creator]: 'Microsoft Excel',
      [K.producer]: 'Microsoft: Print To PDF',
      [K.created]: '2024-03-05T14:12:03+07:00',
      [K.modified]: '2024-03-11T09:00:00Z',
      [K.pages]: '2',
    });
    // The incremental update changed the information, not the pages.
    expect(textPage(pdf.pages[0]).lines[1]?.text).toBe(ROWS[0].join(' '));
  });

  it("leaves the caller's bytes intact (pdf.js transfers its buffer)", async () => {
    const copy = ledger.slice();
    await readPdf(copy);
    expect(copy.length).toBe(ledger.length);
    expect(copy[0]).toBe(0x25);
  });

  it('renders a page without a text layer through a canvas factory', async () => {
    const file = await openPdf(ledger);
    try {
      const rendered = await file.renderPage(2, (w, h) => createCanvas(w, h), 1);
      expect([rendered.width, rendered.height]).toEqual([612, 792]);
      const { data } = rendered.canvas.getContext('2d').getImageData(0, 0, 612, 792);
      let dark = 0;
      let minY = Infinity;
      for (let i = 0; i < data.length; i += 4)
        if ((data[i] ?? 255) < 80) {
          dark++;
          minY = Math.min(minY, Math.floor(i / 4 / 612));
        }
      // The word PASSPORT, drawn 48 px high near the top: dark pixels, and only near the top.
      expect(dark).toBeGreaterThan(500);
      expect(minY).toBeLessThan(90);
      expect(data[4 * (612 * 700 + 300)]).toBe(255);
      await expect(file.readPage(3)).rejects.toThrow(/page 3 does not exist \(the PDF has 2\)/);
    } finally {
      await file.close();
    }
  });
});

describe('readPdf refuses what it cannot open', () => {
  it('a password-protected PDF', async () => {
    const error = await readPdf(fixture('password-protected.pdf'), {
      fileName: 'contract.pdf',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect(error).toMatchObject({ code: 'password-protected', fileName: 'contract.pdf' });
    expect((error as Error).message).toMatch(/^contract\.pdf: the PDF is protected by a password/);
  });

  it('but opens one encrypted with an empty user password, as any reader does', async () => {
    const pdf = await readPdf(fixture('owner-password-only.pdf'));
    // The sentence wraps on the 4-inch page.
    expect(textPage(pdf.pages[0]).text.replace(/\s+/g, ' ')).toContain(
      'Payment ledger Sok Dara paid 1,200 USD on 2024-03-05 in Poipet.',
    );
  });

  it('bytes that are not a PDF', async () => {
    const error = await readPdf(new TextEncoder().encode('%PDF-1.7\nnothing else'), {
      fileName: 'x.pdf',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'corrupt', fileName: 'x.pdf' });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readPdf(ledger, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});

describe('pdfDateToIso', () => {
  it("converts PDF dates and keeps the writer's offset", () => {
    expect(pdfDateToIso("D:20240305141203+07'00'")).toBe('2024-03-05T14:12:03+07:00');
    expect(pdfDateToIso('D:20240305141203Z')).toBe('2024-03-05T14:12:03Z');
    expect(pdfDateToIso('D:2024')).toBe('2024-01-01T00:00:00');
    expect(pdfDateToIso('last Tuesday')).toBe('last Tuesday');
  });
});
