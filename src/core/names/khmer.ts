/**
 * Rule-based Khmer romanisation after the UNGEGN system (without its diacritics).
 *
 * Every Khmer consonant belongs to the a-series or the o-series, and a dependent vowel is
 * read differently after each (ា: "a" after ក, "ea" after គ). A syllable is a consonant with
 * its subscripts (្ + consonant), an optional series shifter (៉ ៊), a vowel and an optional
 * final consonant. Good enough for names; common personal spellings ("Sok" for សុខ, which
 * UNGEGN writes "sokh") differ a little and the fuzzy comparison absorbs that.
 */

type Series = 'a' | 'o';

const CONSONANTS: Readonly<Record<string, readonly [initial: string, final: string, Series]>> = {
  ក: ['k', 'k', 'a'],
  ខ: ['kh', 'kh', 'a'],
  គ: ['k', 'k', 'o'],
  ឃ: ['kh', 'kh', 'o'],
  ង: ['ng', 'ng', 'o'],
  ច: ['ch', 'ch', 'a'],
  ឆ: ['chh', 'chh', 'a'],
  ជ: ['ch', 'ch', 'o'],
  ឈ: ['chh', 'chh', 'o'],
  ញ: ['nh', 'nh', 'o'],
  ដ: ['d', 'd', 'a'],
  ឋ: ['th', 'th', 'a'],
  ឌ: ['d', 'd', 'o'],
  ឍ: ['th', 'th', 'o'],
  ណ: ['n', 'n', 'a'],
  ត: ['t', 't', 'a'],
  ថ: ['th', 'th', 'a'],
  ទ: ['t', 't', 'o'],
  ធ: ['th', 'th', 'o'],
  ន: ['n', 'n', 'o'],
  ប: ['b', 'b', 'a'],
  ផ: ['ph', 'ph', 'a'],
  ព: ['p', 'p', 'o'],
  ភ: ['ph', 'ph', 'o'],
  ម: ['m', 'm', 'o'],
  យ: ['y', 'y', 'o'],
  រ: ['r', 'r', 'o'],
  ល: ['l', 'l', 'o'],
  វ: ['v', 'v', 'o'],
  ឝ: ['sh', 's', 'a'],
  ឞ: ['ss', 's', 'a'],
  ស: ['s', 's', 'a'],
  ហ: ['h', 'h', 'a'],
  ឡ: ['l', 'l', 'a'],
  អ: ['', '', 'a'],
};

/** Dependent vowels (single signs and the two-sign combinations), a-series then o-series. */
const VOWELS: Readonly<Record<string, readonly [aSeries: string, oSeries: string]>> = {
  'ុំ': ['om', 'um'],
  'ាំ': ['am', 'oam'],
  'ុះ': ['oh', 'uh'],
  'េះ': ['eh', 'eh'],
  'ោះ': ['aoh', 'uoh'],
  'ះ': ['ah', 'eah'],
  'ា': ['a', 'ea'],
  'ិ': ['e', 'i'],
  'ី': ['ei', 'i'],
  'ឹ': ['oe', 'ue'],
  'ឺ': ['oe', 'ue'],
  'ុ': ['o', 'u'],
  'ូ': ['ou', 'u'],
  'ួ': ['uo', 'uo'],
  'ើ': ['aeu', 'eu'],
  'ឿ': ['oea', 'oea'],
  'ៀ': ['ie', 'ie'],
  'េ': ['e', 'e'],
  'ែ': ['ae', 'eae'],
  'ៃ': ['ai', 'ey'],
  'ោ': ['ao', 'o'],
  'ៅ': ['au', 'ov'],
  'ំ': ['am', 'um'],
};

const INDEPENDENT: Readonly<Record<string, string>> = {
  ឥ: 'e',
  ឦ: 'ei',
  ឧ: 'o',
  ឩ: 'ou',
  ឪ: 'ov',
  ឫ: 'rue',
  ឬ: 'rue',
  ឭ: 'lue',
  ឮ: 'lue',
  ឯ: 'ae',
  ឰ: 'ai',
  ឱ: 'ao',
  ឳ: 'au',
};

const COENG = '្';
/** Marks that neither add a sound nor change the series (bantoc ់ shortens, ៍ silences). */
const IGNORED = /[\u17CB\u17CD-\u17D3\u17DD\u200B]/u;
const isConsonant = (c: string | undefined): c is string => c !== undefined && c in CONSONANTS;

function vowelAt(w: readonly string[], i: number): string | undefined {
  const two = (w[i] ?? '') + (w[i + 1] ?? '');
  if (two.length === 2 && two in VOWELS) return two;
  const one = w[i];
  return one !== undefined && one in VOWELS ? one : undefined;
}

function romanizeWord(input: string): string {
  const w = [...input];
  const n = w.length;
  let i = 0;
  let out = '';

  const skipIgnored = (): void => {
    while (i < n && IGNORED.test(w[i] ?? '')) i++;
  };

  /** A consonant that has no vowel of its own and does not start a cluster closes the syllable. */
  const isFinalAt = (j: number): boolean => {
    if (!isConsonant(w[j])) return false;
    const next = w[j + 1];
    if (next === COENG) return false;
    if (next === '៉' || next === '៊') return false;
    return next === undefined || !(next in VOWELS) || next === 'ះ';
  };

  while (i < n) {
    const c = w[i] ?? '';
    if (c in INDEPENDENT) {
      out += INDEPENDENT[c];
      i++;
      continue;
    }
    const info = CONSONANTS[c];
    if (info === undefined) {
      if (/[0-9]/u.test(c)) out += c;
      i++;
      continue;
    }
    let [onset, , series] = info;
    i++;
    // ប before a subscript is spelled "p" in names (ប្រាក់ Prak), not UNGEGN's "b".
    if (c === 'ប' && w[i] === COENG) onset = 'p';
    // Subscript consonants join the onset; a sonorant subscript under an a-series stop
    // lends the cluster its own series only for the sonorants of the o-series.
    while (w[i] === COENG && isConsonant(w[i + 1])) {
      const sub = CONSONANTS[w[i + 1] ?? ''];
      if (sub !== undefined) {
        onset += sub[0];
        if (series === 'a' && sub[2] === 'o' && !'ងញនមយរលវ'.includes(w[i + 1] ?? '')) {
          series = 'o';
        }
      }
      i += 2;
    }
    // Musĕkâtônd (៉) moves an o-series consonant to the a-series; triisâpt (៊) the reverse.
    if (w[i] === '៉') {
      series = 'a';
      i++;
    } else if (w[i] === '៊') {
      series = 'o';
      i++;
    }
    skipIgnored();
    const vowel = vowelAt(w, i);
    if (vowel !== undefined) {
      const [va, vo] = VOWELS[vowel] ?? ['', ''];
      out += onset + (series === 'a' ? va : vo);
      i += vowel.length;
    } else if (isFinalAt(i)) {
      // Inherent vowel of a closed syllable.
      out += onset + (series === 'a' ? 'a' : 'o');
    } else {
      out += onset + (series === 'a' ? 'a' : 'o');
      continue;
    }
    skipIgnored();
    if (isFinalAt(i) && !(vowel !== undefined && vowel.endsWith('ះ'))) {
      const fin = CONSONANTS[w[i] ?? ''];
      out += fin?.[1] ?? '';
      i++;
      // A final may carry a silent subscript (ក្ស at the end of Sanskrit loans).
      while (w[i] === COENG && isConsonant(w[i + 1]) && !(w[i + 2] ?? '').match(/[\u17B6-\u17C5]/u))
        i += 2;
      skipIgnored();
    }
  }
  return out;
}

/** Romanises every run of Khmer letters in `text`; everything else is left as it is. */
export function romanizeKhmer(text: string): string {
  return text.replace(/[\u1780-\u17DD]+/gu, (run) => romanizeWord(run));
}
