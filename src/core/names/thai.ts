/**
 * Rule-based Thai romanisation in the spirit of the Royal Thai General System (RTGS).
 *
 * Thai spelling does not mark syllable boundaries or the implicit vowels, so a full RTGS
 * romaniser needs a dictionary. This one parses syllables with the usual heuristics (a
 * consonant with no vowel sign before a consonant that has none closes an "o" syllable;
 * before a consonant with a vowel sign it takes a short "a"). It is meant for names: the
 * result lands close enough to how the same name is spelled in Latin letters for the fuzzy
 * comparison in compare.ts, not for publication.
 */

/** Initial and final value of each consonant; '' where the letter never ends a syllable. */
const CONSONANTS: Readonly<Record<string, readonly [initial: string, final: string]>> = {
  ก: ['k', 'k'],
  ข: ['kh', 'k'],
  ฃ: ['kh', 'k'],
  ค: ['kh', 'k'],
  ฅ: ['kh', 'k'],
  ฆ: ['kh', 'k'],
  ง: ['ng', 'ng'],
  จ: ['ch', 't'],
  ฉ: ['ch', 't'],
  ช: ['ch', 't'],
  ซ: ['s', 't'],
  ฌ: ['ch', 't'],
  ญ: ['y', 'n'],
  ฎ: ['d', 't'],
  ฏ: ['t', 't'],
  ฐ: ['th', 't'],
  ฑ: ['th', 't'],
  ฒ: ['th', 't'],
  ณ: ['n', 'n'],
  ด: ['d', 't'],
  ต: ['t', 't'],
  ถ: ['th', 't'],
  ท: ['th', 't'],
  ธ: ['th', 't'],
  น: ['n', 'n'],
  บ: ['b', 'p'],
  ป: ['p', 'p'],
  ผ: ['ph', 'p'],
  ฝ: ['f', 'p'],
  พ: ['ph', 'p'],
  ฟ: ['f', 'p'],
  ภ: ['ph', 'p'],
  ม: ['m', 'm'],
  ย: ['y', 'i'],
  ร: ['r', 'n'],
  ล: ['l', 'n'],
  ว: ['w', 'o'],
  ศ: ['s', 't'],
  ษ: ['s', 't'],
  ส: ['s', 't'],
  ห: ['h', ''],
  ฬ: ['l', 'n'],
  อ: ['', ''],
  ฮ: ['h', ''],
};

const PRE_VOWELS = new Set(['เ', 'แ', 'โ', 'ใ', 'ไ']);
/** Vowel signs written above, below or after the initial consonant. */
const VOWEL_SIGNS = new Set(['ะ', 'ั', 'า', 'ำ', 'ิ', 'ี', 'ึ', 'ื', 'ุ', 'ู', '็', 'ๅ']);
const SONORANTS = new Set(['ง', 'ญ', 'น', 'ม', 'ย', 'ร', 'ล', 'ว']);
const CLUSTER_HEADS = new Set(['ก', 'ข', 'ค', 'ต', 'ป', 'พ', 'ผ', 'บ', 'ฟ']);

const isConsonant = (c: string | undefined): c is string => c !== undefined && c in CONSONANTS;

function romanizeWord(input: string): string {
  // Tone marks do not change the letters; a consonant under the thanthakhat (์) is silent
  // (with the ด/ท/ต before a silent ร, as in จันทร์ and นิรันดร์).
  const w = [...input.replace(/[\u0E48-\u0E4B]/gu, '').replace(/[ดทต]ร์|[ก-ฮ][ิุ]?์/gu, '')];
  const n = w.length;
  let i = 0;
  let out = '';

  // A consonant at i is a final when it does not start a syllable of its own.
  const takesFinal = (): string => {
    const c = w[i];
    if (!isConsonant(c)) return '';
    const next = w[i + 1];
    // Before a vowel sign, or before อ (the vowel "o"), it opens the next syllable instead.
    if (next !== undefined && (VOWEL_SIGNS.has(next) || next === 'อ')) return '';
    // สุวรรณ: a consonant before รร carries that vowel.
    if (next === 'ร' && w[i + 2] === 'ร') return '';
    i++;
    return CONSONANTS[c]?.[1] ?? '';
  };

  const initial = (): string => {
    const c = w[i] ?? '';
    const next = w[i + 1];
    if (c === 'ห' && next !== undefined && SONORANTS.has(next)) {
      i += 2;
      return CONSONANTS[next]?.[0] ?? '';
    }
    if (c === 'อ' && next === 'ย') {
      i += 2;
      return 'y';
    }
    i++;
    let value = CONSONANTS[c]?.[0] ?? '';
    const after = w[i + 1];
    // ศรี, สร้าง, ทราย: ร after ส/ศ/ซ is silent, and ทร reads s.
    if (next === 'ร' && after !== undefined && VOWEL_SIGNS.has(after)) {
      if (c === 'ส' || c === 'ศ' || c === 'ซ') {
        i++;
        return value;
      }
      if (c === 'ท') {
        i++;
        return 's';
      }
    }
    if (
      CLUSTER_HEADS.has(c) &&
      (next === 'ร' || next === 'ล' || next === 'ว') &&
      after !== undefined &&
      (VOWEL_SIGNS.has(after) || (next !== 'ว' && after === 'อ'))
    ) {
      value += CONSONANTS[next]?.[0] ?? '';
      i++;
    }
    return value;
  };

  while (i < n) {
    const c = w[i] ?? '';
    if (PRE_VOWELS.has(c)) {
      i++;
      if (!isConsonant(w[i])) {
        out += c === 'แ' ? 'ae' : c === 'โ' ? 'o' : c === 'เ' ? 'e' : 'ai';
        continue;
      }
      out += initial();
      const a = w[i];
      const b = w[i + 1];
      if (c === 'เ') {
        if (a === 'า' && b === 'ะ') {
          out += 'o';
          i += 2;
        } else if (a === 'า') {
          out += 'ao';
          i++;
        } else if (a === 'ี' && b === 'ย') {
          out += 'ia';
          i += 2;
          out += takesFinal();
        } else if (a === 'ื' && b === 'อ') {
          out += 'uea';
          i += 2;
          out += takesFinal();
        } else if (a === 'ิ' || a === 'อ') {
          out += 'oe';
          i++;
          out += takesFinal();
        } else if (a === 'ะ') {
          out += 'e';
          i++;
        } else if (a === 'ย' && !VOWEL_SIGNS.has(b ?? '')) {
          out += 'oei';
          i++;
        } else {
          if (a === '็') i++;
          out += 'e';
          out += takesFinal();
        }
      } else if (c === 'แ' || c === 'โ') {
        out += c === 'แ' ? 'ae' : 'o';
        if (a === 'ะ') i++;
        else {
          if (a === '็') i++;
          out += takesFinal();
        }
      } else {
        out += 'ai';
        // ไทย: the ย after ไ-/ใ- is silent.
        if (a === 'ย' && !VOWEL_SIGNS.has(b ?? '')) i++;
      }
      continue;
    }
    if (c === 'ฤ') {
      out += 'rue';
      i++;
      continue;
    }
    if (!isConsonant(c)) {
      // Stray vowel signs, digits, ๆ and the like: keep letters and digits, drop marks.
      const digit = w[i] ?? '';
      if (/[0-9]/u.test(digit)) out += digit;
      i++;
      continue;
    }
    out += initial();
    const a = w[i];
    const b = w[i + 1];
    if (a === 'ั') {
      if (b === 'ว') {
        out += 'ua';
        i += 2;
      } else if (b === 'ย' && !VOWEL_SIGNS.has(w[i + 2] ?? '')) {
        out += 'ai';
        i += 2;
        continue;
      } else {
        out += 'a';
        i++;
      }
      out += takesFinal();
    } else if (a === 'ะ') {
      out += 'a';
      i++;
    } else if (a === 'า' || a === 'ๅ') {
      out += 'a';
      i++;
      out += takesFinal();
    } else if (a === 'ำ') {
      out += 'am';
      i++;
    } else if (a === 'ิ' || a === 'ี') {
      out += 'i';
      i++;
      out += takesFinal();
    } else if (a === 'ึ' || a === 'ื') {
      out += 'ue';
      i += b === 'อ' ? 2 : 1;
      out += takesFinal();
    } else if (a === 'ุ' || a === 'ู') {
      out += 'u';
      i++;
      out += takesFinal();
    } else if (a === '็' && b === 'อ') {
      out += 'o';
      i += 2;
      out += takesFinal();
    } else if (a === 'อ' && !VOWEL_SIGNS.has(b ?? '')) {
      out += 'o';
      i++;
      out += takesFinal();
    } else if (a === 'ว' && isConsonant(b) && !VOWEL_SIGNS.has(w[i + 2] ?? '')) {
      out += 'ua';
      i++;
      out += takesFinal();
    } else if (a === 'ร' && b === 'ร') {
      i += 2;
      out += 'a';
      const fin = takesFinal();
      out += fin === '' ? 'n' : fin;
    } else if (isConsonant(a)) {
      const afterA = w[i + 1];
      // Three bare consonants ending the word read Ca-CoC (กมล kamon, ถนน thanon).
      const threeBare = isConsonant(afterA) && i + 2 === n;
      if (afterA !== undefined && (VOWEL_SIGNS.has(afterA) || afterA === 'อ' || threeBare))
        out += 'a';
      else {
        out += 'o';
        out += takesFinal();
      }
    } else {
      out += 'o';
    }
  }
  return out;
}

/** Romanises every run of Thai letters in `text`; everything else is left as it is. */
export function romanizeThai(text: string): string {
  return text.replace(/[\u0E01-\u0E4E]+/gu, (run) => romanizeWord(run.replace(/ๆ/gu, '')));
}
