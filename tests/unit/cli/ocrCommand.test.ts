/**
 * `npm run cli -- ocr` on the document kinds investigators bring: a PDF with a text layer, a
 * scanned PDF (page images only), a TIFF scan, and a password-protected PDF.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../src/core/ocr/quality';
import { generateDocuments, type GeneratedDocument } from '../../helpers/documents';
import { launchChromium } from '../core/evidence/helpers/chromium';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ringtrace-ocr-cli-'));
const TEXT_LAYER = 'Transfer of 45,000 THB to account 123-4-56789-0 at Kasikorn Bank, Mae Sot';

let statement: GeneratedDocument;
const files = { textPdf: '', scanPdf: '', tiff: '' };

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/index.ts', 'ocr', ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  ({ statement } = await generateDocuments(['statement']));
  const png = readFileSync(statement.path);
  const chromium = await launchChromium();
  try {
    files.textPdf = join(dir, 'bank-statement.pdf');
    writeFileSync(files.textPdf, await chromium.pdf(`<p style="font-size:14pt">${TEXT_LAYER}</p>`));
    // A scan saved as PDF: one full-page image and no text layer, so the page must be OCR'd.
    files.scanPdf = join(dir, 'scanned-statement.pdf');
    writeFileSync(
      files.scanPdf,
      await chromium.pdf(
        `<style>@page{margin:0}body{margin:0}</style><img style="width:8.5in;height:11in" src="data:image/png;base64,${png.toString('base64')}">`,
      ),
    );
  } finally {
    await chromium.close();
  }
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const rgba = new Uint8Array(context.getImageData(0, 0, image.width, image.height).data.buffer);
  files.tiff = join(dir, 'fax-scan.tif');
  writeFileSync(files.tiff, new Uint8Array(UTIF.encodeImage(rgba, image.width, image.height)));
}, 180_000);

describe('ocr command on PDFs and TIFFs', () => {
  it('takes a text layer as it is and OCRs page images, saying which is which', async () => {
    const { code, stdout, stderr } = await cli(files.textPdf, files.scanPdf, files.tiff, '--json');
    expect(stderr).not.toMatch(/ocr:/);
    expect(code).toBe(0);
    const pages = JSON.parse(stdout) as Array<{
      file: string;
      page: number;
      source: string;
      text: string;
    }>;
    expect(pages.map((p) => [p.file, p.page, p.source])).toEqual([
      [files.textPdf, 1, 'pdf-text'],
      [files.scanPdf, 1, 'ocr'],
      [files.tiff, 1, 'ocr'],
    ]);
    expect(pages[0]?.text.replace(/\s+/g, ' ').trim()).toBe(TEXT_LAYER);
    // The scanned pages carry the statement's words: recognised, not copied from anywhere.
    for (const page of pages.slice(1)) {
      expect(
        characterErrorRate(page.text, statement.text, { whitespace: 'collapse' }),
      ).toBeLessThan(0.05);
    }
  }, 180_000);

  it('refuses a password-protected PDF by name before any work starts', async () => {
    const locked = join(root, 'tests', 'fixtures', 'evidence', 'password-protected.pdf');
    const { code, stdout, stderr } = await cli(locked, files.textPdf);
    expect(code).toBe(1);
    expect(stderr).toMatch(/password-protected\.pdf.*password/i);
    expect(stdout).toBe('');
  }, 120_000);
});

describe('extract command on a PDF', () => {
  it('finds the account and the money in a bank statement PDF, on its page', async () => {
    let stdout: string;
    try {
      ({ stdout } = await run(
        'npx',
        ['tsx', 'src/cli/index.ts', 'extract', files.textPdf, '--json'],
        {
          cwd: root,
        },
      ));
    } catch (error) {
      throw new Error(`extract failed: ${(error as { stderr: string }).stderr}`, { cause: error });
    }
    const findings = stdout
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { file: string; page: number; kind: string; value: string },
      );
    expect(findings.every((f) => f.file === files.textPdf && f.page === 1)).toBe(true);
    expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['money', 'account']));
    expect(findings.find((f) => f.kind === 'account')?.value).toBe('123-4-56789-0');
  }, 120_000);
});
