/**
 * Recognition quality: character error rate (CER), the yardstick the tests and the benchmark
 * hold Ringtrace's OCR to, against the text a page is known to contain.
 */

export type WhitespacePolicy =
  /** Runs of whitespace count as one space, leading and trailing whitespace is ignored. */
  | 'collapse'
  /**
   * Whitespace is ignored altogether. Thai and Khmer do not separate words with spaces, and
   * tesseract inserts spaces inside Thai phrases that a reader would not notice; counting them
   * as errors would measure layout, not reading.
   */
  | 'remove';

export type CerOptions = Readonly<{ whitespace?: WhitespacePolicy }>;

/**
 * Compares by code point after NFKC normalisation: "é" typed as one or two code points is the
 * same character, and so is Thai SARA AM written as U+0E33 or as NIKHAHIT + SARA AA (native
 * tesseract prints the latter), since a reader sees the same text. A Thai tone mark stays one
 * character of its own.
 */
function normalise(text: string, whitespace: WhitespacePolicy): string[] {
  const nfc = text.normalize('NFKC');
  const spaced = whitespace === 'remove' ? nfc.replace(/\s+/gu, '') : nfc.replace(/\s+/gu, ' ');
  return Array.from(spaced.trim());
}

/** Levenshtein distance (insertions, deletions, substitutions all cost 1) over code points. */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  // Two rows of the dynamic-programming table: memory grows with the shorter text only.
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  let previous = new Uint32Array(short.length + 1);
  let current = new Uint32Array(short.length + 1);
  for (let j = 0; j <= short.length; j++) previous[j] = j;
  for (let i = 1; i <= long.length; i++) {
    current[0] = i;
    const li = long[i - 1];
    for (let j = 1; j <= short.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (li === short[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[short.length] ?? 0;
}

/**
 * Character error rate: edit distance from the recognised text to the reference, divided by
 * the reference's length. 0 is perfect; it can exceed 1 when the output is mostly garbage.
 */
export function characterErrorRate(
  recognised: string,
  reference: string,
  options: CerOptions = {},
): number {
  const whitespace = options.whitespace ?? 'collapse';
  const ref = normalise(reference, whitespace);
  if (ref.length === 0) {
    throw new RangeError('characterErrorRate: the reference text is empty, so no rate exists');
  }
  return editDistance(normalise(recognised, whitespace), ref) / ref.length;
}
