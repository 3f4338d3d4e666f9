import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageCode } from '../../../../src/core/ocr';
import type { OcrEngine } from '../../../../src/core/ocr';
import { createNodeOcrEngine } from '../../../../src/core/ocr/engine.node.js';
import { generateDocument } from '../../../helpers/documents';
import type { GeneratedDocument } from '../../../helpers/documents';
import { rowsKeptOnOneLine } from '../../../helpers/ledgerRows';

let photo: GeneratedDocument;
let engine: OcrEngine;

beforeAll(async () => {
  photo = await generateDocument('ledgerPhoto');
  engine = await createNodeOcrEngine({ workers: 1 });
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

describe('a photographed ledger', () => {
  it('comes out one row a line: date, payer, payee and amount together, in order', async () => {
    const [result] = await engine.recognize(
      [{ bytes: readFileSync(photo.path), name: 'ledger photo' }],
      { languages: [languageCode('eng')] },
    );
    const rows = photo.rows?.slice(1) ?? [];
    expect(rows).toHaveLength(30);
    // Tilted, soft and compressed: a row or three may lose a cell, the table must not fall
    // apart into columns (tesseract's automatic layout keeps about half the rows here).
    expect(rowsKeptOnOneLine(rows, result?.text ?? '')).toBeGreaterThanOrEqual(0.85);
    expect(result?.text).toContain('USD');
  }, 120_000);
});
