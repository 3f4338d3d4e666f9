/**
 * Where each OCR word sits in its page's text, so that a character range of the text (a search
 * hit, a corrected span) maps to word boxes on the page image, and back.
 */
import type { Word } from '../model';

export type WordSpan = Readonly<{ start: number; end: number }>;

/**
 * The character range of each word in `text`, or undefined for a word the text no longer
 * contains (after a correction that rewrote it). Words are looked for in reading order, each
 * after the previous one, so a word that occurs twice maps to the right occurrence.
 */
export function wordSpans(
  text: string,
  words: readonly Word[],
): ReadonlyArray<WordSpan | undefined> {
  let cursor = 0;
  return words.map((word) => {
    const at = word.text === '' ? -1 : text.indexOf(word.text, cursor);
    if (at < 0) return undefined;
    cursor = at + word.text.length;
    return { start: at, end: cursor };
  });
}

/** Indices of the words that overlap the character range [start, end) of the page text. */
export function wordsInRange(
  text: string,
  words: readonly Word[],
  start: number,
  end: number,
): number[] {
  const found: number[] = [];
  wordSpans(text, words).forEach((span, i) => {
    if (span && span.start < end && span.end > start) found.push(i);
  });
  return found;
}

/** The smallest change that turns `before` into `after`, widened to whole words for display. */
export type TextChange = Readonly<{
  /** Offset of the change in `before`. */
  start: number;
  before: string;
  after: string;
}>;

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  // Widen to word boundaries so that the record reads "Bangkik" -> "Bangkok", not "i" -> "o".
  while (prefix > 0 && !isSpace(before[prefix - 1])) prefix--;
  while (suffix > 0 && !isSpace(before[before.length - suffix])) suffix--;
  return {
    start: prefix,
    before: before.slice(prefix, before.length - suffix),
    after: after.slice(prefix, after.length - suffix),
  };
}

/**
 * The words after a correction: where the changed span covered k words and the new text has k
 * words, each takes its new spelling and keeps its box; otherwise the words keep the OCR
 * spelling (their boxes are still where OCR saw them, and the page text holds the correction).
 */
export function correctedWords(
  before: string,
  words: readonly Word[],
  change: TextChange,
): readonly Word[] {
  const end = change.start + change.before.length;
  const hit = wordsInRange(before, words, change.start, Math.max(end, change.start + 1));
  const replacements = change.after.split(/\s+/).filter((w) => w !== '');
  if (hit.length === 0 || hit.length !== replacements.length) return words;
  const next = [...words];
  hit.forEach((index, k) => {
    const word = next[index];
    const text = replacements[k];
    if (word && text !== undefined) next[index] = { ...word, text };
  });
  return next;
}
