/**
 * A large PDF read through ranges: pdf.js gets only the bytes it asks for, from a file on disk,
 * so a 500 MB scan is taken in and its pages read without the file in memory.
 */
import { openAsBlob } from 'node:fs';
import { open } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeError, inspectFile, openPdf, readPdf } from '../../../../src/core/documents';
import type { ByteSource } from '../../../../src/core/documents';
import { sha256File, writeLargePdf } from '../../../helpers/largePdf';
import type { LargePdf } from '../../../helpers/largePdf';

const PADDING = 64 * 1024 * 1024;
let pdf: LargePdf;

beforeAll(() => {
  pdf = writeLargePdf({
    paddingBytes: PADDING,
    textPages: [
      ['WITNESS STATEMENT ONE', 'Taken at Poipet by Sokha Chan'],
      ['WITNESS STATEMENT TWO', 'Account 0123-456-789 at ACLEDA'],
    ],
    scanText: 'RECEIPT 4471 PAID',
  });
});

afterAll(() => pdf?.remove());

/** The file on disk as ranges, counting what is read. */
function diskSource(path: string, size: number) {
  const reads: Array<readonly [number, number]> = [];
  const source: ByteSource = {
    size,
    read: async (start, end) => {
      reads.push([start, end]);
      const out = new Uint8Array(Math.max(0, Math.min(end, size) - start));
      const handle = await open(path, 'r');
      try {
        await handle.read(out, 0, out.length, start);
      } finally {
        await handle.close();
      }
      return out;
    },
  };
  return { source, reads, bytesRead: () => reads.reduce((n, [s, e]) => n + (e - s), 0) };
}

describe('PDFs read through ranges', () => {
  it('reads every page of a 64 MB PDF with well under 1% of it read', async () => {
    const disk = diskSource(pdf.path, pdf.size);
    const contents = await readPdf(disk.source, { fileName: pdf.fileName });
    expect(contents.pageCount).toBe(3);
    const [one, two, scan] = contents.pages;
    expect(one?.needsOcr === false && one.text.text).toContain('Sokha Chan');
    expect(two?.needsOcr === false && two.text.text).toContain('0123-456-789');
    expect(scan?.needsOcr).toBe(true);
    expect(contents.metadata['pdf.title']).toBe('Seized statements (large)');
    // The cross-reference table, three pages' objects and their neighbours: a few chunks.
    expect(disk.bytesRead()).toBeLessThan(2 * 1024 * 1024);
    expect(disk.reads.every(([s, e]) => e - s <= 2 * 1024 * 1024)).toBe(true);
  });

  it('inspects the file from a Blob on disk: hash of every byte, pages from ranges', async () => {
    const blob = await openAsBlob(pdf.path);
    const report = await inspectFile(pdf.fileName, blob);
    expect(report.size).toBe(pdf.size);
    expect(report.sha256).toBe(await sha256File(pdf.path));
    expect(report.pageCount).toBe(3);
    expect(report.pages.map((p) => p.kind === 'pdf' && p.needsOcr)).toEqual([false, false, true]);
    expect(report.warnings).toEqual([]);
  });

  it('gives the read error itself when the file cannot be read, not a hang', async () => {
    const disk = diskSource(pdf.path, pdf.size);
    const failing: ByteSource = {
      size: pdf.size,
      read: async (start, end) => {
        if (start > 1024 * 1024) throw new Error('disk read failed at the scanned page');
        return disk.source.read(start, end);
      },
    };
    const error = await (async () => {
      const file = await openPdf(failing, { fileName: pdf.fileName });
      try {
        for (let n = 1; n <= file.pageCount; n++) await file.readPage(n);
      } finally {
        await file.close();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/disk read failed/);
  });

  it('refuses a cut-short PDF as truncated, as it does when the PDF is read whole', async () => {
    // The cross-reference table and the end marker are gone, as in a copy that stopped early.
    const small = writeLargePdf({
      paddingBytes: 2 * 1024 * 1024,
      textPages: [['CUT SHORT', 'Sokha Chan']],
      scanText: 'RECEIPT',
    });
    try {
      const cut = (await openAsBlob(small.path)).slice(0, small.size - 400);
      const ranged = await inspectFile(small.fileName, cut).catch((e: unknown) => e);
      expect(ranged).toBeInstanceOf(IntakeError);
      expect(ranged).toMatchObject({ code: 'truncated' });
      expect((ranged as Error).message).toMatch(/without its %%EOF marker/);
      // The whole-bytes path says the same: pdf.js cannot rebuild this file either way.
      const whole = await readPdf(new Uint8Array(await cut.arrayBuffer())).catch((e: unknown) => e);
      expect(whole).toMatchObject({ code: 'corrupt' });
    } finally {
      small.remove();
    }
  });
});
