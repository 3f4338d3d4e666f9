/**
 * Intake of a PDF whose text layer lies (a Thai font with a broken ToUnicode map): the page is
 * OCR'd like a scan, and the text layer is kept beside the OCR text with the reason.
 */
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { openPdf } from '../../../../src/core/evidence';
import { createEvidenceStore, runOcrJob } from '../../../../src/core/intake';
import type { EvidenceStore } from '../../../../src/core/intake';
import type { CaseId } from '../../../../src/core/model';
import { createOcrEngine } from '../../../../src/core/ocr';
import type { OcrEngine } from '../../../../src/core/ocr';
import { createNodeLanguageStore } from '../../../../src/core/ocr/languageStore.node';
import type { UnlockedVault } from '../../../../src/core/vault';
import { launchChromium } from '../evidence/helpers/chromium';
import { withBrokenToUnicode } from '../evidence/helpers/pdfBytes';
import { newTestVault } from '../../../helpers/vaultFixture';

let broken: Uint8Array;
let vault: UnlockedVault;
let store: EvidenceStore;
let engine: OcrEngine;
let caseId: CaseId;

beforeAll(async () => {
  const chromium = await launchChromium();
  try {
    const pdf = await chromium.pdf(
      `<body style="margin:60px;font-size:28px"><p>Dara paid 8,000 baht to Somchai</p><p>สมชาย ใจดี</p></body>`,
    );
    broken = withBrokenToUnicode(pdf, [0x0e00, 0x0e7f], 'nul');
  } finally {
    await chromium.close();
  }
  vault = await newTestVault();
  store = createEvidenceStore(vault);
  caseId = (await openCaseStore(vault).create({ reference: 'KH-2026-7', title: 'Ledger' })).id;
  engine = createOcrEngine({ languages: await createNodeLanguageStore(['eng']), workers: 1 });
}, 120_000);

afterAll(async () => {
  await engine.close();
  vault.lock();
});

describe('intake of a PDF whose text layer lies', () => {
  it('queues the page for OCR, then keeps the text layer beside the OCR text', async () => {
    const outcome = await store.intake(
      caseId,
      { name: 'payments.pdf', blob: new Blob([broken.slice()]) },
      {
        seizedBy: 'Det. Sophal Keo',
        seizedFrom: 'Broker office',
        seizedWhere: 'Poipet',
        description: 'Printed payment list',
      },
    );
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.kind}`);
    const { item, job } = outcome;
    expect(job?.status).toBe('queued');
    expect(await store.missingPages(item.id)).toEqual([1]);
    const [before] = await store.pages(item.id);
    expect(before?.textLayer?.doubt.code).toBe('nul');
    expect(before?.textLayer?.text).toContain('Dara paid 8,000 baht to Somchai');
    if (!job) return;

    const file = await openPdf(broken);
    try {
      const result = await runOcrJob({
        store,
        engine,
        job,
        item,
        pageImage: async (n) => {
          const { canvas } = await file.renderPage(n, (w, h) => createCanvas(w, h));
          return new Uint8Array(canvas.toBuffer('image/png'));
        },
        signal: new AbortController().signal,
      });
      expect(result.outcome).toBe('done');
    } finally {
      await file.close();
    }
    const [after] = await store.pages(item.id);
    expect(after?.source).toBe('ocr');
    expect(after?.text).toContain('Somchai');
    expect(after?.text).not.toContain('\u0000');
    expect(after?.textLayer?.doubt.code).toBe('nul');
    expect(after?.textLayer?.text).toContain('\u0000');
    expect(await store.missingPages(item.id)).toEqual([]);
  }, 120_000);
});
