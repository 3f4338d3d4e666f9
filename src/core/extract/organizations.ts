import { normalizeName } from '../names';
import { GAZETTEER } from './gazetteer';
import { PRIORITY } from './priority';
import type { Candidate } from './types';

/** Words that make a run of capitalised words an organisation, and what kind of one. */
const HEADS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:Ministry|Ministries)$/u, 'ministry'],
  [/^(?:Police|Gendarmerie|Immigration|Commissariat|Bureau)$/u, 'police'],
  [/^(?:Army|Navy|Brigade|Battalion|Regiment|Command|Military|Forces?)$/u, 'military'],
  [/^(?:Court|Tribunal|Prosecutor's|Prosecution)$/u, 'court'],
  [/^(?:Committee|Commission|Council|Taskforce)$/u, 'committee'],
  [
    /^(?:Department|Directorate|Division|Unit|Office|Agency|Authority|Administration|Centre|Center)$/u,
    'agency',
  ],
  [
    /^(?:Foundation|Association|Organi[sz]ation|Coalition|Network|Mission|Alliance|Society|Trust|Charity)$/u,
    'ngo',
  ],
  [/^(?:Bank|Bankers?|Microfinance)$/u, 'bank'],
  [
    /^(?:Co\.?|Ltd\.?|Limited|Inc\.?|Corporation|Corp\.?|Company|Group|Holdings|Enterprises?|Trading|Recruitment|Manpower|Services|Casino|Resort|Plc\.?)$/u,
    'company',
  ],
];
const CONNECTORS = new Set(['of', 'and', 'for', 'the', '&', 'on', 'against']);
/** Organisations known by their acronym alone. */
const KNOWN_ACRONYMS: Readonly<Record<string, string>> = {
  IOM: 'International Organization for Migration',
  UNODC: 'United Nations Office on Drugs and Crime',
  ILO: 'International Labour Organization',
  UNICEF: 'UNICEF',
  DSI: 'Department of Special Investigation',
  ABA: 'ABA Bank',
  ACLEDA: 'ACLEDA Bank',
  KBank: 'Kasikornbank',
  SCB: 'Siam Commercial Bank',
  Kasikornbank: 'Kasikornbank',
};
const SENTENCE_STARTERS = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'By',
  'From',
  'To',
  'This',
  'That',
]);

const WORD = /[A-Z][\p{L}'’.-]*|&|of|and|for|the|on|against/gu;

const COMPANY_SUFFIX = /^(?:Co|Ltd|Limited|Inc|Plc|Corp)\.?,?$/u;

/**
 * Runs of capitalised words joined by of/and/for/the, with where each starts and ends. A run
 * stops after a word ending a sentence ("Ltd. AHTJP officers" is two), unless the next word is
 * a company suffix ("Co., Ltd.").
 */
function capitalisedRuns(text: string): Array<{ start: number; end: number; words: string[] }> {
  const runs: Array<{ start: number; end: number; words: string[] }> = [];
  const re =
    /(?<![\p{L}\p{N}])(?:[A-Z][\p{L}'’-]*\.?|&)(?:(?:[ \t]+|-|,[ \t](?=(?:Co|Ltd|Limited|Inc)\b))(?:[A-Z][\p{L}'’-]*\.?|&|of|and|for|the|on|against)(?![\p{L}\p{N}]))*/gu;
  for (const m of text.matchAll(re)) {
    let words: string[] = [];
    let start = m.index;
    let end = m.index;
    for (const w of m[0].matchAll(WORD)) {
      const previous = words[words.length - 1];
      if (previous !== undefined && previous.endsWith('.') && !COMPANY_SUFFIX.test(w[0])) {
        runs.push({ start, end, words });
        words = [];
        start = m.index + w.index;
      }
      words.push(w[0]);
      end = m.index + w.index + w[0].length;
    }
    runs.push({ start, end, words });
  }
  return runs;
}

/** Whether the word names a kind of organisation ("Ministry", "Bank", "Ltd"). */
export function isOrganizationWord(word: string): boolean {
  return HEADS.some(([re]) => re.test(word));
}

const bare = (word: string): string => word.replace(/[.,]+$/u, '');
const headKind = (word: string): string | undefined =>
  HEADS.find(([re]) => re.test(bare(word)) || re.test(word.replace(/,$/u, '')))?.[1];

/** The kind of organisation a run of words names, or undefined. */
function headOf(words: readonly string[]): string | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const kind = headKind(words[i] ?? '');
    if (kind !== undefined) return kind;
  }
  // "Friends International": an NGO's usual last word.
  if (words.length >= 2 && bare(words[words.length - 1] ?? '') === 'International') return 'ngo';
  return undefined;
}

/** Words after which a run of capitalised words is no longer the organisation's name. */
const NOT_IN_NAME =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;

/**
 * Cuts a run into the organisations it names: at "on Friday"; and at "and" (or "and the")
 * when both sides name one ("ACLEDA Bank and Canadia Bank"), but not inside one name
 * ("Ministry of Labour and Vocational Training").
 */
function splitRun(words: readonly string[]): string[][] {
  const cut = words.findIndex((w, i) => i > 0 && NOT_IN_NAME.test(bare(w)));
  const kept =
    cut > 0 ? words.slice(0, CONNECTORS.has(words[cut - 1] ?? '') ? cut - 1 : cut) : [...words];
  for (let i = 1; i < kept.length - 1; i++) {
    // "Ouk Vanna of the Svay Rieng Provincial Police": a person of an organisation.
    if ((kept[i] === 'of' || kept[i] === 'at') && headOf(kept.slice(0, i)) === undefined) {
      const right = kept.slice(kept[i + 1] === 'the' ? i + 2 : i + 1);
      if (headOf(right) !== undefined) return [kept.slice(0, i), ...splitRun(right)];
    }
    if (kept[i] !== 'and' && kept[i] !== '&') continue;
    const left = kept.slice(0, i);
    const right = kept.slice(kept[i + 1] === 'the' ? i + 2 : i + 1);
    if (headOf(left) !== undefined && right.some((w) => headKind(w) !== undefined))
      return [left, ...splitRun(right)];
  }
  return [kept];
}

const THAI_COMPANY = /บริษัท\s?[\u0E01-\u0E4E0-9A-Za-z ]{2,60}?\s?จำกัด(?:\s?\(มหาชน\))?/gu;
const THAI_BANKS =
  /ธนาคาร(?:กสิกรไทย|กรุงเทพ|กรุงไทย|ไทยพาณิชย์|กรุงศรีอยุธยา|ทหารไทยธนชาต|ออมสิน|ยูโอบี|ซีไอเอ็มบี ไทย|เพื่อการเกษตรและสหกรณ์การเกษตร)/gu;
const THAI_ORG =
  /(?:ธนาคาร|กระทรวง|กรม|สำนักงาน|สถานีตำรวจ(?:ภูธร|นครบาล)?|ตำรวจภูธร(?:จังหวัด|ภาค)|ตรวจคนเข้าเมือง|ศาล|มูลนิธิ|คณะกรรมการ|กองบังคับการ|กองบัญชาการ|กองทัพ)[\u0E01-\u0E4E]{2,40}/gu;
/** Where an unspaced Thai name of an organisation runs into the sentence. */
const THAI_AFTER_ORG =
  /(?:จะ|ได้|ซึ่ง|ที่|และ|เข้า|ของ|ว่า|เป็น|ให้|กับ|โดย|เพื่อ|แถลง|ร่วม|จับ|ตรวจสอบ|ยืนยัน|กล่าว)/u;
const KHMER_ORG =
  /(?:ក្រុមហ៊ុន|ធនាគារ|ក្រសួង|នាយកដ្ឋាន|ស្នងការដ្ឋាន|អគ្គស្នងការដ្ឋាន|តុលាការ|គណៈកម្មាធិការ|អង្គការ|សមាគម|មន្ទីរ)[\u1780-\u17D2\u17DD\u200B]{2,60}(?: និង[\u1780-\u17D2\u17DD\u200B]{2,60})?(?:\s(?:ឯ\.ក|ខូអិលធីឌី|ភីអិលស៊ី))?/gu;
/** "ក្រសួងនឹង..." is "the ministry will", "ក្រុមហ៊ុននេះ" "this company": no name follows. */
const KHMER_NOT_NAME = /^(?:នឹង|បាន|មាន|ជា|និង|ដែល|នេះ|នោះ|ដដែល|ទាំង|របស់)/u;
const NATIVE_PLACES = GAZETTEER.flatMap((p) => [...p.khmer, ...p.thai]).sort(
  (a, b) => b.length - a.length,
);

/** Cuts an unspaced native name after the province or place it ends with ("...ខេត្តកោះកុង|កោះហៅ"). */
function endAtPlace(name: string): string {
  let best = -1;
  for (const place of NATIVE_PLACES) {
    const i = name.lastIndexOf(place);
    if (i > 0 && i + place.length > best && /(?:ខេត្ត|ក្រុង|จังหวัด|อำเภอ|ภูธร)$/u.test(name.slice(0, i)))
      best = i + place.length;
  }
  return best > 0 ? name.slice(0, best) : name;
}

function kindOfNative(name: string): string {
  if (/^(?:บริษัท|ក្រុមហ៊ុន)/u.test(name)) return 'company';
  if (/^(?:ธนาคาร|ធនាគារ)/u.test(name)) return 'bank';
  if (/^(?:กระทรวง|ក្រសួង)/u.test(name)) return 'ministry';
  if (/^(?:สถานีตำรวจ|กองบังคับการ|ស្នងការ|អគ្គស្នងការ)/u.test(name)) return 'police';
  if (/^(?:ศาล|តុលាការ)/u.test(name)) return 'court';
  if (/^(?:คณะกรรมการ|គណៈកម្មាធិការ)/u.test(name)) return 'committee';
  if (/^(?:มูลนิธิ|អង្គការ|សមាគម)/u.test(name)) return 'ngo';
  if (/^(?:กองทัพ|กองบัญชาการ)/u.test(name)) return 'military';
  return 'agency';
}

/**
 * Organisations: ministries, police and military units, courts, committees, agencies, NGOs,
 * companies (Co., Ltd.; บริษัท ... จำกัด; ក្រុមហ៊ុន) and banks. A name followed by its acronym
 * in brackets, "Anti-Human Trafficking and Juvenile Protection Department (AHTJP)", makes
 * later mentions of "AHTJP" the same organisation: they carry the full name's normalized
 * form. The detail says what kind of organisation it looks like.
 */
export function findOrganizations(text: string): Candidate[] {
  const out: Candidate[] = [];
  const acronyms = new Map<string, { normalized: string; kind: string }>();
  const push = (start: number, end: number, normalized: string, detail: string): void => {
    out.push({
      kind: 'organization',
      value: text.slice(start, end),
      normalized,
      start,
      end,
      priority: PRIORITY.organization,
      detail,
    });
  };
  for (const run of capitalisedRuns(text)) {
    // Where each word of the run is, to turn pieces back into offsets.
    const at: number[] = [];
    let from = run.start;
    for (const w of run.words) {
      const i = text.indexOf(w, from);
      at.push(i);
      from = i + w.length;
    }
    for (const piece of splitRun(run.words)) {
      let words = piece;
      let first = run.words.indexOf(words[0] ?? '');
      // Pieces are in order; find this piece's first word at or after the previous piece.
      first = Math.max(first, 0);
      // A sentence's first word is capitalised anyway: "The Ministry" is the Ministry.
      while (
        words.length > 1 &&
        (SENTENCE_STARTERS.has(words[0] ?? '') || CONNECTORS.has(words[0] ?? ''))
      ) {
        words = words.slice(1);
        first++;
      }
      while (words.length > 1 && CONNECTORS.has(words[words.length - 1] ?? ''))
        words = words.slice(0, -1);
      const start = at[first] ?? run.start;
      const lastWord = words[words.length - 1] ?? '';
      const lastAt = at[first + words.length - 1] ?? start;
      // A full stop ends the sentence, not the name, unless it abbreviates "Co." or "Ltd.".
      const end =
        lastAt +
        (COMPANY_SUFFIX.test(lastWord) ? lastWord.replace(/,$/u, '') : bare(lastWord)).length;
      const kind = headOf(words);
      if (kind === undefined || words.length < 2) {
        const single = words.length === 1 ? bare(words[0] ?? '') : '';
        const known = KNOWN_ACRONYMS[single];
        if (known !== undefined)
          push(start, start + single.length, normalizeName(known), 'known acronym');
        continue;
      }
      const normalized = normalizeName(text.slice(start, end));
      push(start, end, normalized, kind);
      const acronym = /^\s*\(([A-Z][A-Za-z&]{1,11})\)/u.exec(text.slice(end));
      if (acronym?.[1] !== undefined) acronyms.set(acronym[1], { normalized, kind });
    }
  }
  const native = (start: number, name: string): void => {
    if (name.length >= 4) push(start, start + name.length, normalizeName(name), kindOfNative(name));
  };
  for (const re of [THAI_COMPANY, THAI_BANKS])
    for (const m of text.matchAll(re)) native(m.index, m[0]);
  for (const m of text.matchAll(THAI_ORG)) {
    const head =
      /^(?:ธนาคาร|กระทรวง|กรม|สำนักงาน|สถานีตำรวจ(?:ภูธร|นครบาล)?|ตำรวจภูธร(?:จังหวัด|ภาค)|ตรวจคนเข้าเมือง|ศาล|มูลนิธิ|คณะกรรมการ|กองบังคับการ|กองบัญชาการ|กองทัพ)/u.exec(
        m[0],
      )?.[0] ?? '';
    const rest = m[0].slice(head.length);
    const stop = THAI_AFTER_ORG.exec(rest.slice(2));
    native(m.index, endAtPlace(head + (stop === null ? rest : rest.slice(0, 2 + stop.index))));
  }
  for (const m of text.matchAll(KHMER_ORG)) {
    const head =
      /^(?:ក្រុមហ៊ុន|ធនាគារ|ក្រសួង|នាយកដ្ឋាន|ស្នងការដ្ឋាន|អគ្គស្នងការដ្ឋាន|តុលាការ|គណៈកម្មាធិការ|អង្គការ|សមាគម|មន្ទីរ)/u.exec(
        m[0],
      )?.[0] ?? '';
    if (KHMER_NOT_NAME.test(m[0].slice(head.length))) continue;
    native(m.index, endAtPlace(m[0]));
  }
  for (const [acronym, { normalized, kind }] of acronyms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re))
      push(m.index, m.index + acronym.length, normalized, `${kind}, acronym`);
  }
  return out;
}
