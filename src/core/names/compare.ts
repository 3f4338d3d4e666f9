import { detectScript, normalizeName } from './normalize';
import { transliterate } from './transliterate';

/** How alike two names are (0..1) and why, in words an investigator can check. */
export type NameComparison = Readonly<{
  score: number;
  reasons: readonly string[];
}>;

// Titles are removed before comparing: "Mr Somchai" and "นายสมชาย" are the same person.
// Thai titles are written joined to the name, so they are cut as prefixes of the first word.
const THAI_TITLES = ['นางสาว', 'นาง', 'นาย', 'ด.ช.', 'ด.ญ.', 'เด็กชาย', 'เด็กหญิง', 'น.ส.'];
const KHMER_TITLES = ['លោកស្រី', 'អ្នកស្រី', 'ឯកឧត្តម', 'ឧកញ៉ា', 'លោក', 'កញ្ញា', 'អ្នក'];
const LATIN_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'madam',
  'dr',
  'he',
  'oknha',
  'lok',
  'lok srey',
  'neak srey',
  'kanha',
  'nai',
  'nang',
  'nangsao',
]);

/** Strips leading honorifics in any of the three scripts. */
export function stripTitles(name: string): string {
  let s = name.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const t of [...THAI_TITLES, ...KHMER_TITLES]) {
      if (s.startsWith(t) && s.length > t.length + 1) {
        s = s.slice(t.length).trim();
        changed = true;
      }
    }
    const m = /^([\p{L}.]+)\s+/u.exec(s);
    const word = m?.[1]?.toLowerCase().replace(/\./gu, '');
    if (m !== null && word !== undefined && LATIN_TITLES.has(word)) {
      s = s.slice(m[0].length);
      changed = true;
    }
  }
  return s;
}

/**
 * Spelling variation that carries no information between romanisations of the same name:
 * aspiration (ph/p, th/t, kh/k), v/w, long vowels (ee/i, oo/u), doubled letters, a final
 * h. Applied to both sides, so "Rakdee" and "rakdi", "Vichai" and "wichai" meet.
 */
export function phoneticFold(token: string): string {
  return token
    .replace(/(?<=[ptkcs])h/gu, '')
    .replace(/v/gu, 'w')
    .replace(/ee|ii|y(?=$|[^aeiou])/gu, 'i')
    .replace(/oo|ou|ue|uu/gu, 'u')
    .replace(/ae|ai|ay|ey|ei/gu, 'ai')
    .replace(/oe|eu|er(?=$|[^aeiou])/gu, 'e')
    .replace(/[jz]/gu, (c) => (c === 'j' ? 'c' : 's'))
    .replace(/q/gu, 'k')
    .replace(/x/gu, 'ks')
    .replace(/(.)\1+/gu, '$1')
    .replace(/(?<=.)h$/u, '');
}

/** Latin, title-free, normalised words of a name in any script. */
export function nameTokens(name: string): string[] {
  const latin = normalizeName(transliterate(stripTitles(normalizeName(name))));
  return latin.split(' ').filter((t) => t.length > 0);
}

/**
 * Keys for finding candidates without comparing every pair: names that share a key are
 * worth comparing. Word order is ignored (words are sorted); the second key is phonetic.
 */
export function nameKeys(name: string): string[] {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return [];
  const exact = [...tokens].sort().join(' ');
  const folded = tokens.map(phoneticFold).sort().join(' ');
  return exact === folded ? [exact] : [exact, folded];
}

/** Jaro-Winkler similarity with the usual prefix scale 0.1 over at most four characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = true;
        bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Compares two names written in any of Latin, Thai and Khmer. Both are normalised, stripped
 * of titles and romanised; words are then paired best-first whatever their order, each pair
 * scored by Jaro-Winkler on the phonetic fold. Words left without a partner lower the score,
 * so "Sok Dara" against "Sok Dara Chan" is close but not equal. A name written without the
 * space between given name and surname is also compared as one string.
 */
export function compareNames(a: string, b: string): NameComparison {
  const reasons: string[] = [];
  for (const [label, name] of [
    ['first', a],
    ['second', b],
  ] as const) {
    const script = detectScript(name);
    if (script === 'thai' || script === 'khmer') {
      reasons.push(
        `${label} name romanised from ${script === 'thai' ? 'Thai' : 'Khmer'}: "${nameTokens(name).join(' ')}"`,
      );
    }
  }
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) {
    return { score: 0, reasons: [...reasons, 'a name is empty after normalising'] };
  }
  if (ta.join(' ') === tb.join(' ')) {
    return { score: 1, reasons: [...reasons, 'identical after normalising'] };
  }
  if ([...ta].sort().join(' ') === [...tb].sort().join(' ')) {
    return { score: 0.98, reasons: [...reasons, 'same words in a different order'] };
  }

  const fa = ta.map(phoneticFold);
  const fb = tb.map(phoneticFold);
  const pairs: Array<{ i: number; j: number; s: number }> = [];
  for (let i = 0; i < fa.length; i++)
    for (let j = 0; j < fb.length; j++)
      pairs.push({ i, j, s: jaroWinkler(fa[i] ?? '', fb[j] ?? '') });
  pairs.sort((x, y) => y.s - x.s);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matched: Array<{ i: number; j: number; s: number }> = [];
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    matched.push(p);
  }
  const tokenScore = (2 * matched.reduce((sum, p) => sum + p.s, 0)) / (fa.length + fb.length);
  // Only for a name written as one word; the length ratio keeps a shared prefix ("sok" in
  // "sokdara") from passing for a match.
  const ja = fa.join('');
  const jb = fb.join('');
  const joinedScore =
    jaroWinkler(ja, jb) *
    Math.sqrt(Math.min(ja.length, jb.length) / Math.max(ja.length, jb.length));

  let score: number;
  if (joinedScore > tokenScore && Math.min(fa.length, fb.length) === 1) {
    score = joinedScore;
    reasons.push(
      `compared as one word ("${fa.join('')}" ~ "${fb.join('')}"): ${round(joinedScore)}`,
    );
  } else {
    score = tokenScore;
    const inOrder = matched.every((p) => p.i === p.j);
    if (!inOrder) reasons.push('word order differs');
    for (const p of [...matched].sort((x, y) => x.i - y.i)) {
      const wa = ta[p.i] ?? '';
      const wb = tb[p.j] ?? '';
      reasons.push(wa === wb ? `"${wa}" in both` : `"${wa}" ~ "${wb}": ${round(p.s)}`);
    }
    for (let i = 0; i < ta.length; i++)
      if (!usedA.has(i)) reasons.push(`"${ta[i] ?? ''}" only in the first name`);
    for (let j = 0; j < tb.length; j++)
      if (!usedB.has(j)) reasons.push(`"${tb[j] ?? ''}" only in the second name`);
  }
  return { score: round(score), reasons };
}
