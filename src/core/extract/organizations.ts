import { normalizeName } from '../names';
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

/** The kind of organisation a run of words names, or undefined. */
function headOf(words: readonly string[]): string | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = (words[i] ?? '').replace(/,$/u, '');
    for (const [re, kind] of HEADS) if (re.test(w)) return kind;
  }
  return undefined;
}

const THAI_ORG =
  /(?:บริษัท\s?[\u0E01-\u0E4E0-9A-Za-z ]{2,60}?\s?จำกัด(?:\s?\(มหาชน\))?|(?:ธนาคาร|กระทรวง|กรม|สำนักงาน|สถานีตำรวจ(?:ภูธร|นครบาล)?|ศาล|มูลนิธิ|คณะกรรมการ|กองบังคับการ|กองบัญชาการ|กองทัพ)[\u0E01-\u0E4E]{2,40})/gu;
const KHMER_ORG =
  /(?:ក្រុមហ៊ុន|ធនាគារ|ក្រសួង|នាយកដ្ឋាន|ស្នងការដ្ឋាន|អគ្គស្នងការដ្ឋាន|តុលាការ|គណៈកម្មាធិការ|អង្គការ|សមាគម|មន្ទីរ)[\u1780-\u17D2\u17DD\u200B]{2,60}(?:\s(?:ឯ\.ក|ខូអិលធីឌី|ភីអិលស៊ី))?/gu;

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
    let { start, words } = run;
    // A sentence's first word is capitalised anyway: "The Ministry" is the Ministry.
    while (
      words.length > 1 &&
      (SENTENCE_STARTERS.has(words[0] ?? '') || CONNECTORS.has(words[0] ?? ''))
    ) {
      const skip = text.indexOf(words[1] ?? '', start + (words[0] ?? '').length);
      start = skip;
      words = words.slice(1);
    }
    let end = run.end;
    while (words.length > 1 && CONNECTORS.has(words[words.length - 1] ?? '')) {
      words = words.slice(0, -1);
      end =
        text.lastIndexOf(words[words.length - 1] ?? '', end) +
        (words[words.length - 1] ?? '').length;
    }
    const kind = headOf(words);
    if (kind === undefined || words.length < 2) {
      const single = words.length === 1 ? (words[0] ?? '') : '';
      const known = KNOWN_ACRONYMS[single];
      if (known !== undefined) push(start, end, normalizeName(known), kind ?? 'known acronym');
      continue;
    }
    // "Police" or "Bank" alone after one word: "Poipet Police" is a unit, "Mr Bank" is not here.
    const normalized = normalizeName(text.slice(start, end));
    push(start, end, normalized, kind);
    const acronym = /^\s*\(([A-Z][A-Za-z&]{1,11})\)/u.exec(text.slice(end));
    if (acronym?.[1] !== undefined) acronyms.set(acronym[1], { normalized, kind });
  }
  for (const m of text.matchAll(THAI_ORG)) {
    push(m.index, m.index + m[0].length, normalizeName(m[0]), kindOfNative(m[0]));
  }
  for (const m of text.matchAll(KHMER_ORG)) {
    push(m.index, m.index + m[0].length, normalizeName(m[0]), kindOfNative(m[0]));
  }
  for (const [acronym, { normalized, kind }] of acronyms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re))
      push(m.index, m.index + acronym.length, normalized, `${kind}, acronym`);
  }
  return out;
}
