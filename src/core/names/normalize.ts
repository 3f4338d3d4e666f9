/** The one script rule lives with the model. */
export { detectScript } from '../model';

/**
 * Thai and Khmer vowels and tone marks are combining marks (\p{M}) too, so diacritics are
 * only stripped from Latin letters: removing them from Thai or Khmer would change the name.
 */
export function foldLatinDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(/[đĐ]/gu, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/ø/gu, 'o')
    .replace(/ß/gu, 'ss')
    .normalize('NFC');
}

/** Thai (๐-๙) and Khmer (០-៩) digits to ASCII; each is one UTF-16 unit, so offsets hold. */
export function foldDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59\u17E0-\u17E9]/gu, (d) => {
    const code = d.charCodeAt(0);
    return String.fromCharCode(48 + code - (code >= 0x17e0 ? 0x17e0 : 0x0e50));
  });
}

/**
 * The comparable form of a name: NFKC (full-width and compatibility forms folded), lower
 * case, Latin diacritics removed, punctuation turned into spaces, whitespace collapsed.
 * Thai and Khmer letters and marks are kept as written.
 */
export function normalizeName(name: string): string {
  const nfkc = foldDigits(name.normalize('NFKC'));
  return foldLatinDiacritics(nfkc)
    .toLowerCase()
    .replace(/[\u200B-\u200D\uFEFF]/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}
