/**
 * Passphrase strength: an estimate in bits the UI shows while the user types, and the
 * minimum the vault enforces. A deliberately simple, explainable model (character pool x
 * length, with repeats, runs and well-known passwords discounted) rather than a dictionary
 * attack simulator: it never calls a weak passphrase strong, and its reasons can be translated.
 */

export const MIN_PASSPHRASE_LENGTH = 12;
/** With Argon2id at 64 MiB, 60 bits keeps an offline guessing attack out of reach for decades. */
export const MIN_PASSPHRASE_BITS = 60;

export type PassphraseScore = 0 | 1 | 2 | 3 | 4;

export type PassphraseProblem =
  'tooShort' | 'tooFewKinds' | 'repeated' | 'sequence' | 'common' | 'lowEntropy';

export type PassphraseAssessment = Readonly<{
  /** 0 very weak, 1 weak, 2 fair, 3 strong, 4 very strong. */
  score: PassphraseScore;
  /** Estimated guessing entropy. */
  bits: number;
  /** Characters as the user sees them (grapheme clusters, so Khmer and Thai count right). */
  length: number;
  acceptable: boolean;
  /** Stable codes for i18n, in the order the UI should show them. */
  problems: readonly PassphraseProblem[];
}>;

export const PASSPHRASE_PROBLEM_TEXT: Readonly<Record<PassphraseProblem, string>> = {
  tooShort: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`,
  tooFewKinds: 'Mix words, capitals, digits or symbols.',
  repeated: 'Avoid repeating the same characters.',
  sequence: 'Avoid runs like "abcd" or "1234".',
  common: 'Avoid well-known passwords and keyboard patterns.',
  lowEntropy: 'Make it longer: several unrelated words work well.',
};

const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'secret',
  'ringtrace',
  '123456',
  'abc123',
  'asdf',
  'zxcv',
];

function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return Array.from(segmenter.segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

function poolSize(chars: readonly string[]): { pool: number; kinds: number } {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  let space = false;
  let other = false;
  for (const c of chars) {
    if (/^[a-z]$/.test(c)) lower = true;
    else if (/^[A-Z]$/.test(c)) upper = true;
    else if (/^[0-9]$/.test(c)) digit = true;
    else if (c === ' ') space = true;
    else if (/^[\x21-\x7e]$/.test(c)) symbol = true;
    else other = true;
  }
  // A non-Latin script (Khmer, Thai...) counts as a pool of its common letters.
  const pool =
    (lower ? 26 : 0) +
    (upper ? 26 : 0) +
    (digit ? 10 : 0) +
    (symbol ? 32 : 0) +
    (space ? 1 : 0) +
    (other ? 60 : 0);
  const kinds = [lower, upper, digit, symbol || space, other].filter(Boolean).length;
  return { pool: Math.max(pool, 1), kinds };
}

/** Characters that add little: repeats of the previous one, and steps of a run (a-b-c, 3-2-1). */
function predictableCount(chars: readonly string[]): { repeats: number; runs: number } {
  let repeats = 0;
  let runs = 0;
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1] ?? '';
    const cur = chars[i] ?? '';
    if (cur === prev) repeats++;
    else if (prev.length === 1 && cur.length === 1) {
      const step = cur.charCodeAt(0) - prev.charCodeAt(0);
      if (step === 1 || step === -1) runs++;
    }
  }
  return { repeats, runs };
}

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const chars = graphemes(passphrase.normalize('NFC'));
  const length = chars.length;
  const { pool, kinds } = poolSize(chars);
  const { repeats, runs } = predictableCount(chars);
  const lowered = passphrase.toLowerCase();
  const commonHits = COMMON.filter((w) => lowered.includes(w));
  const commonChars = commonHits.reduce((n, w) => n + w.length, 0);

  // Predictable characters and well-known words count as about one guess-bit per character.
  const freeChars = Math.max(0, length - repeats - runs - commonChars);
  const bitsPerChar = Math.log2(pool);
  const bits = Math.round(freeChars * bitsPerChar + (length - freeChars) * 1);

  const problems: PassphraseProblem[] = [];
  if (length < MIN_PASSPHRASE_LENGTH) problems.push('tooShort');
  if (commonHits.length > 0) problems.push('common');
  if (repeats * 3 >= length && length > 0) problems.push('repeated');
  if (runs * 3 >= length && length > 0) problems.push('sequence');
  if (kinds < 2 && length < 20) problems.push('tooFewKinds');
  if (bits < MIN_PASSPHRASE_BITS) problems.push('lowEntropy');

  const score: PassphraseScore =
    bits < 40 ? 0 : bits < MIN_PASSPHRASE_BITS ? 1 : bits < 80 ? 2 : bits < 100 ? 3 : 4;
  const acceptable = length >= MIN_PASSPHRASE_LENGTH && bits >= MIN_PASSPHRASE_BITS;
  return { score, bits, length, acceptable, problems };
}
