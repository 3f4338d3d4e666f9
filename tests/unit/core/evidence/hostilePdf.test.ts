/**
 * Hostile PDFs stay inert: pdf.js runs with isEvalSupported off and without its scripting
 * sandbox, so a FontMatrix injection (CVE-2024-4367), document JavaScript and Launch actions
 * never run, and a looping page tree is refused with a message instead of hanging intake.
 */
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { IntakeError, inspectFile, openPdf } from '../../../../src/core/evidence';
import {
  PWNED_FLAG,
  fontMatrixInjectionPdf,
  pageTreeLoopPdf,
  scriptAndLaunchPdf,
} from './helpers/hostilePdfs';

const flag = () => (globalThis as Record<string, unknown>)[PWNED_FLAG];

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[PWNED_FLAG];
});

async function takeInAndRender(name: string, bytes: Uint8Array) {
  const report = await inspectFile(name, new Blob([bytes.slice()]));
  const file = await openPdf(bytes, { fileName: name });
  try {
    for (let n = 1; n <= file.pageCount; n++)
      await file.renderPage(n, (w, h) => createCanvas(w, h), 1);
  } finally {
    await file.close();
  }
  return report;
}

describe('hostile PDFs', () => {
  it('a FontMatrix injection (CVE-2024-4367) is read and drawn, and nothing runs', async () => {
    const report = await takeInAndRender('invoice.pdf', fontMatrixInjectionPdf());
    expect(report.pageCount).toBe(1);
    const [page] = report.pages;
    expect(page?.kind === 'pdf' && page.source === 'pdf-text' && page.text.text).toContain(
      'Transfer to Dara Pich',
    );
    expect(flag()).toBeUndefined();
  });

  it('document JavaScript, page actions and a Launch action are stored as bytes, never run', async () => {
    const report = await takeInAndRender('statement.pdf', scriptAndLaunchPdf());
    expect(report.mediaType).toBe('application/pdf');
    expect(report.pageCount).toBe(1);
    expect(flag()).toBeUndefined();
  });

  it('a page tree that loops is refused with a message naming the file', async () => {
    const refused = await inspectFile('loop.pdf', new Blob([pageTreeLoopPdf().slice()])).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(IntakeError);
    expect(String((refused as Error).message)).toMatch(/loop\.pdf/);
    expect((refused as IntakeError).code).toBe('corrupt');
  });
});
