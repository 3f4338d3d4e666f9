import { foldDigits, foldLatinDiacritics } from '../names';

/** The words of a text as index terms, with where each was written (UTF-16, end exclusive). */
export type Tokens = Readonly<{
  terms: readonly string[];
  starts: readonly number[];
  ends: readonly number[];
}>;

// Thai and Khmer are written without spaces between words: runs of them go to the ICU word
// segmenter (dictionary-based); everything else splits on letters and digits.
const RUN =
  /[\u0E01-\u0E4E\u0E50-\u0E59]+|[\u1780-\u17DD\u17E0-\u17E9\u19E0-\u19FF]+|[\p{L}\p{M}\p{N}]+/gu;
const THAI_OR_KHMER = /^[\u0E00-\u0E7F\u1780-\u17FF\u19E0-\u19FF]/u;
const ASCII = /^[\x20-\x7e]*$/u;

let thaiSegmenter: Intl.Segmenter | undefined;
let khmerSegmenter: Intl.Segmenter | undefined;
function segmenterFor(run: string): Intl.Segmenter {
  if (/^[\u0E00-\u0E7F]/u.test(run))
    return (thaiSegmenter ??= new Intl.Segmenter('th', { granularity: 'word' }));
  return (khmerSegmenter ??= new Intl.Segmenter('km', { granularity: 'word' }));
}

/**
 * ICU's segmenter slows down sharply on long inputs (a 16,000-character run takes thirty
 * times longer per character than 1,000), so long unspaced runs are cut into pieces. A
 * word cut at a piece boundary is rare and only splits that one word.
 */
const MAX_RUN = 600;

/** Case, Latin diacritics, compatibility forms and Thai/Khmer digits folded. */
export function normalizeTerm(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  if (THAI_OR_KHMER.test(word)) return foldDigits(word);
  return foldDigits(foldLatinDiacritics(word.normalize('NFKC')).toLowerCase());
}

export function tokenize(text: string): Tokens {
  const terms: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (!THAI_OR_KHMER.test(run)) {
      terms.push(normalizeTerm(run));
      starts.push(m.index);
      ends.push(m.index + run.length);
      continue;
    }
    const segmenter = segmenterFor(run);
    for (let offset = 0; offset < run.length; offset += MAX_RUN) {
      const piece = run.slice(offset, offset + MAX_RUN);
      for (const s of segmenter.segment(piece)) {
        if (s.isWordLike !== true) continue;
        const start = m.index + offset + s.index;
        // Thai and Khmer have no case and their marks are part of the word: only digits fold.
        terms.push(foldDigits(s.segment));
        starts.push(start);
        ends.push(start + s.segment.length);
      }
    }
  }
  return { terms, starts, ends };
}
