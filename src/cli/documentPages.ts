/**
 * The pages of a document file for the command line: a PDF page with a text layer gives its
 * text, a PDF page without one is rendered, a TIFF page decoded, and an image stays as it is;
 * rendered and decoded pages become PNG bytes for the OCR engine. Node only: the canvas is
 * @napi-rs/canvas (a prebuilt binary), where the app uses the browser's.
 */
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { decodeTiffPagesLazily, identifyFormat, openPdf } from '../core/documents';
import type { Word } from '../core/model';

export type DocumentPage =
  | Readonly<{ number: number; kind: 'text'; text: string; words: readonly Word[] }>
  | Readonly<{ number: number; kind: 'image'; png: Uint8Array }>;

/** Whether this command can read the file's pages: an image, a TIFF or a PDF. */
export function isPagedDocument(bytes: Uint8Array): boolean {
  const found = identifyFormat(bytes);
  return found?.mediaType === 'application/pdf' || found?.mediaType === 'image/tiff';
}

function png(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const canvas = createCanvas(width, height);
  const pixels = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  canvas.getContext('2d').putImageData(new ImageData(pixels, width, height), 0, 0);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

/**
 * Yields the pages one at a time, so that a long scan is never decoded whole. Errors are the
 * evidence module's IntakeError, naming the file and the problem (password, truncation...).
 */
export async function* documentPages(
  fileName: string,
  bytes: Uint8Array,
): AsyncGenerator<DocumentPage> {
  const found = identifyFormat(bytes);
  if (found?.mediaType === 'image/tiff') {
    for (const page of decodeTiffPagesLazily(bytes, fileName)) {
      yield { number: page.number, kind: 'image', png: png(page.width, page.height, page.rgba) };
    }
    return;
  }
  const pdf = await openPdf(bytes, { fileName });
  try {
    for (let n = 1; n <= pdf.pageCount; n++) {
      const page = await pdf.readPage(n);
      if (!page.needsOcr) {
        const words = page.text.lines.flatMap((line) => line.words);
        yield { number: n, kind: 'text', text: page.text.text, words };
      } else {
        const rendered = await pdf.renderPage(n, (w, h) => createCanvas(w, h));
        yield {
          number: n,
          kind: 'image',
          png: new Uint8Array(rendered.canvas.toBuffer('image/png')),
        };
      }
    }
  } finally {
    await pdf.close();
  }
}
