import type { Box, Word } from '../model';

/**
 * Where each OCR word sits in the page text. Pages keep the text and the words separately
 * (the text may be corrected after OCR), so words are found in order in the text; a word the
 * text no longer contains is skipped rather than guessed.
 */
export function wordOffsets(
  text: string,
  words: readonly Word[],
): Array<{ word: Word; start: number; end: number }> {
  const out: Array<{ word: Word; start: number; end: number }> = [];
  let cursor = 0;
  for (const word of words) {
    if (word.text === '') continue;
    const at = text.indexOf(word.text, cursor);
    if (at < 0) continue;
    out.push({ word, start: at, end: at + word.text.length });
    cursor = at + word.text.length;
  }
  return out;
}

/** The boxes of the words overlapping the character range [start, end) of the page text. */
export function boxesForRange(
  text: string,
  words: readonly Word[],
  start: number,
  end: number,
): Box[] {
  return wordOffsets(text, words)
    .filter((w) => w.start < end && w.end > start)
    .map((w) => w.word.box);
}
