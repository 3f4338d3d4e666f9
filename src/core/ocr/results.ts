/**
 * What OCR gives back for a page, in the case model's terms (Word, Box, Page), with boxes in the
 * original image's pixels whatever size the page was recognised at.
 */
import type Tesseract from 'tesseract.js';
import { newId } from '../model';
import type { Box, CaseId, EvidenceId, Page, PageId, Word } from '../model';
import type { LanguageCode } from './languages';

export type OcrPageResult = Readonly<{
  text: string;
  /** Words in reading order, each with its box in the original page's pixels. */
  words: readonly Word[];
  /** The page's size in pixels, as the image shows it (after EXIF rotation). */
  width: number;
  height: number;
  /** Tesseract's mean confidence for the page, 0 to 100. */
  confidence: number;
  languages: readonly LanguageCode[];
  /** The factor the page was scaled by before recognition: 1 when recognised at full size. */
  scale: number;
}>;

type Mapping = Readonly<{
  width: number;
  height: number;
  scale: number;
  languages: readonly LanguageCode[];
  normalise: (text: string) => string;
}>;

const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, v));

export function toPageResult(data: Tesseract.Page, m: Mapping): OcrPageResult {
  const box = (b: Tesseract.Bbox): Box => ({
    x0: clamp(Math.floor(b.x0 / m.scale), m.width),
    y0: clamp(Math.floor(b.y0 / m.scale), m.height),
    x1: clamp(Math.ceil(b.x1 / m.scale), m.width),
    y1: clamp(Math.ceil(b.y1 / m.scale), m.height),
  });
  const words: Word[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const text = m.normalise(word.text).trim();
          if (text !== '') words.push({ text, confidence: word.confidence, box: box(word.bbox) });
        }
      }
    }
  }
  const text = m
    .normalise(data.text)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    text,
    words,
    width: m.width,
    height: m.height,
    confidence: data.confidence,
    languages: m.languages,
    scale: m.scale,
  };
}

/** The case model's Page for a recognised page of an evidence item. */
export function toPage(
  result: OcrPageResult,
  where: Readonly<{ caseId: CaseId; evidenceId: EvidenceId; number: number; id?: PageId }>,
): Page {
  return {
    id: where.id ?? newId<PageId>(),
    caseId: where.caseId,
    evidenceId: where.evidenceId,
    number: where.number,
    text: result.text,
    words: result.words,
    source: 'ocr',
    ocrText: result.text,
    languages: result.languages,
    width: result.width,
    height: result.height,
  };
}
