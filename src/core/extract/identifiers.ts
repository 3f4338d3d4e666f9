import { PRIORITY } from './priority';
import type { Candidate } from './types';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';

// ---------------------------------------------------------------------------- e-mail

const EMAIL = new RegExp(
  `${NOT_WORD_BEFORE}[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}`,
  'gu',
);

export function findEmails(text: string): Candidate[] {
  return [...text.matchAll(EMAIL)]
    .filter((m) => !m[0].startsWith('.') && !m[0].includes('..'))
    .map((m) => ({
      kind: 'email',
      value: m[0],
      normalized: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.email,
    }));
}

// ---------------------------------------------------------------------------- IBAN

/** IBAN length per country (ISO 13616 registry), for the countries a case is likely to meet. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AT: 20, AZ: 28, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CY: 28, CZ: 24,
  DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22, GR: 27, HR: 21, HU: 28, IE: 22,
  IL: 23, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LT: 20, LU: 20, LV: 21, MT: 31, NL: 18,
  NO: 15, PK: 24, PL: 28, PT: 25, QA: 29, RO: 24, SA: 24, SE: 24, SI: 19, SK: 24, TR: 26,
  UA: 29, VG: 24,
}; // prettier-ignore

/** ISO 7064 mod 97-10 over the rearranged IBAN, in chunks to stay within safe integers. */
export function ibanChecksumValid(iban: string): boolean {
  const s = iban.toUpperCase().replace(/\s+/gu, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/u.test(s)) return false;
  const expected = IBAN_LENGTHS[s.slice(0, 2)];
  if (expected !== undefined && s.length !== expected) return false;
  if (expected === undefined && (s.length < 15 || s.length > 34)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const v = /\d/u.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    remainder = Number(`${remainder}${v}`) % 97;
  }
  return remainder === 1;
}

const IBAN =
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/gu;

export function findIbans(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(IBAN)) {
    // The optional trailing group may have swallowed a following word: shorten until valid.
    let value = m[0];
    while (value.length >= 15 && !ibanChecksumValid(value)) {
      const cut = value.lastIndexOf(' ');
      if (cut < 0) break;
      value = value.slice(0, cut);
    }
    if (!ibanChecksumValid(value)) continue;
    out.push({
      kind: 'iban',
      value,
      normalized: value.replace(/\s+/gu, ''),
      start: m.index,
      end: m.index + value.length,
      priority: PRIORITY.iban,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------- accounts

// Words that announce an account number, and the banks whose names do the same. Bank names
// are matched with their case ("Wing" the bank, not "wing" the word).
const ACCOUNT_WORD =
  /(?<![\p{L}])(?:bank\s+)?(?:account|acct|acc|a\/c)(?![\p{L}])|เลขที่บัญชี|เลขบัญชี|บัญชี(?:ธนาคาร)?|លេខគណនី|គណនី/giu;
const BANK_NAME =
  /(?<![\p{L}])(?:ABA(?:\s+Bank)?|ACLEDA(?:\s+Bank)?|Wing|Canadia(?:\s+Bank)?|Prince\s+Bank|Sathapana(?:\s+Bank)?|KBank|Kasikorn(?:\s?[Bb]ank)?|SCB|Siam\s+Commercial\s+Bank|Krungthai(?:\s+Bank)?|KTB|Bangkok\s+Bank|BBL|Krungsri|TTB|GSB)(?![\p{L}])|ธนาคาร(?:กสิกรไทย|ไทยพาณิชย์|กรุงไทย|กรุงเทพ|กรุงศรี(?:อยุธยา)?|ออมสิน|ทหารไทยธนชาต)|กสิกรไทย|ไทยพาณิชย์|กรุงไทย|ออมสิน|ធនាគារ(?:អេប៊ីអេ|អេស៊ីលីដា|កាណាឌីយ៉ា)?/gu;

/**
 * What may stand between the keyword and the number: "no.", "number", "เลขที่", a colon. A
 * name or another word means the figure that follows belongs to something else.
 */
function isFillerGap(gap: string): boolean {
  if (gap.length > 24 || /[\n;]/u.test(gap)) return false;
  const rest = gap
    .replace(
      /(?<![\p{L}])(?:no|nr|number|num|is|of|at|with|to|the|bank|account|acct|acc|a\/c)(?![\p{L}])/giu,
      '',
    )
    .replace(/เลขที่|เลข|บัญชี|ธนาคาร|លេខ|គណនី/gu, '')
    .replace(/[\s:.#：\-–()]+/gu, '');
  return rest.length === 0;
}

/** Digits in groups: dashes between groups of any size, spaces only before groups of 3+. */
const ACCOUNT_NUMBER = /^\d+(?:-\d+|\s\d{3,})*/u;
/** The layout Thai banks print: xxx-x-xxxxx-x. */
const THAI_ACCOUNT_LAYOUT = /(?<![\p{N}-])\d{3}-\d-\d{5}-\d(?![\p{N}]|-\d)/gu;

export function findAccounts(text: string): Candidate[] {
  const out: Candidate[] = [];
  const keywords = [
    // Bank names first: on an equal claim the finding that names the bank is kept.
    ...[...text.matchAll(BANK_NAME)].map((k) => ({ k, bank: true })),
    ...[...text.matchAll(ACCOUNT_WORD)].map((k) => ({ k, bank: false })),
  ];
  for (const { k, bank } of keywords) {
    const after = k.index + k[0].length;
    const window = text.slice(after, after + 40);
    const firstDigit = window.search(/\d/u);
    if (firstDigit < 0 || !isFillerGap(window.slice(0, firstDigit))) continue;
    const m = ACCOUNT_NUMBER.exec(window.slice(firstDigit));
    if (m === null) continue;
    const value = m[0];
    const digits = value.replace(/\D/gu, '');
    if (digits.length < 8 || digits.length > 18) continue;
    const start = after + firstDigit;
    const endChar = text[start + value.length];
    if (endChar !== undefined && /[\p{L}/]/u.test(endChar)) continue;
    const keyword = k[0].trim();
    out.push({
      kind: 'account',
      value,
      normalized: digits,
      start,
      end: start + value.length,
      priority: PRIORITY.accountKeyword,
      ...(bank ? { detail: keyword } : {}),
    });
  }
  for (const m of text.matchAll(THAI_ACCOUNT_LAYOUT)) {
    out.push({
      kind: 'account',
      value: m[0],
      normalized: m[0].replace(/\D/gu, ''),
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.accountPattern,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------- documents

/** Thai citizen ID: 13 digits, the last a check digit: (11 - Σ dᵢ·(13-i) mod 11) mod 10. */
export function thaiIdChecksumValid(id: string): boolean {
  const d = id.replace(/\D/gu, '');
  if (d.length !== 13 || d[0] === '0') return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(d[12]);
}

const THAI_ID = /(?<![\p{N}-])(?:\d{13}|\d[- ]\d{4}[- ]\d{5}[- ]\d{2}[- ]\d)(?![\p{N}]|-\d)/gu;

const PASSPORT_KEYWORD =
  /(?<![\p{L}])(?:passport|pass\.|ppt|pp)(?:\s*(?:no|number|num|#))?\.?|หนังสือเดินทาง(?:เลขที่)?|พาสปอร์ต|លិខិតឆ្លងដែន(?:លេខ)?/giu;
const NATIONAL_ID_KEYWORD =
  /(?<![\p{L}])(?:(?:khmer|cambodian|national|thai)\s+)?ID(?:\s*card)?(?:\s*(?:no|number|#))?\.?(?![\p{L}])|(?:เลข(?:ประจำตัว|บัตร)ประชาชน|บัตรประชาชน(?:เลขที่)?|บัตรประจำตัวประชาชน)|អត្តសញ្ញាណប័ណ្ណ(?:សញ្ជាតិខ្មែរ)?(?:លេខ)?/gu;

function afterKeyword(
  text: string,
  keyword: RegExp,
  token: RegExp,
): Array<{ value: string; start: number; keyword: string }> {
  const out: Array<{ value: string; start: number; keyword: string }> = [];
  for (const k of text.matchAll(keyword)) {
    const after = k.index + k[0].length;
    const window = text.slice(after, after + 32);
    const gap = /^[\s:.#：\-–]*(?:(?:no|number|เลขที่|លេខ)[\s:.#]*)?/iu.exec(window)?.[0] ?? '';
    const m = token.exec(window.slice(gap.length));
    if (m === null) continue;
    out.push({ value: m[0], start: after + gap.length, keyword: k[0] });
  }
  return out;
}

export function findDocuments(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(THAI_ID)) {
    if (!thaiIdChecksumValid(m[0])) continue;
    out.push({
      kind: 'document',
      value: m[0],
      normalized: m[0].replace(/\D/gu, ''),
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.documentChecksum,
      detail: 'th-national-id',
    });
  }
  // Passport numbers have no common shape worldwide (Thai AA1234567, Cambodian N1234567,
  // others all digits), so they are only taken right after a passport keyword.
  const passportToken = /^(?=[A-Z0-9]*\d)[A-Z]{0,2}\d{6,9}(?![\p{L}\p{N}])/u;
  for (const p of afterKeyword(text, PASSPORT_KEYWORD, passportToken)) {
    const kind = /^N\d{7,8}$/u.test(p.value)
      ? 'kh-passport'
      : /^[A-Z]{1,2}\d{7}$/u.test(p.value)
        ? 'passport'
        : 'passport';
    out.push({
      kind: 'document',
      value: p.value,
      normalized: p.value,
      start: p.start,
      end: p.start + p.value.length,
      priority: PRIORITY.documentKeyword,
      detail: kind,
    });
  }
  // Cambodian national ID cards carry 9 digits (10 on newer cards); a Thai ID written
  // after its keyword is caught above by its checksum.
  const idToken = /^\d{9,10}(?![\p{L}\p{N}])/u;
  for (const p of afterKeyword(text, NATIONAL_ID_KEYWORD, idToken)) {
    out.push({
      kind: 'document',
      value: p.value,
      normalized: p.value,
      start: p.start,
      end: p.start + p.value.length,
      priority: PRIORITY.documentKeyword,
      detail: /thai|ประชาชน/iu.test(p.keyword) ? 'th-id-number' : 'kh-national-id',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------- handles

const TELEGRAM_URL =
  /(?<![\p{L}\p{N}])(?:https?:\/\/)?t\.me\/([A-Za-z][A-Za-z0-9_]{4,31})(?![\p{L}\p{N}_])/gu;
const AT_HANDLE =
  /(?<![\p{L}\p{N}_.@])@([A-Za-z][A-Za-z0-9_]{3,31})(?![\p{L}\p{N}_@]|\.[A-Za-z])/gu;
const LINE_ID =
  /(?:(?<![\p{L}])(?:LINE|Line|line)\s*(?:ID|id|Id)?|ไอดีไลน์|ไลน์(?:ไอดี)?|(?<![\p{L}])ID\s*(?:LINE|Line|line))(?![\p{L}])\s*[:：]?\s*(@?[A-Za-z0-9][A-Za-z0-9._-]{2,19})(?![\p{L}\p{N}_@])/gu;
const TELEGRAM_WORD = /(?<![\p{L}])(?:telegram|tg)(?![\p{L}])|เทเลแกรม|តេឡេក្រាម/iu;

export function findHandles(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(TELEGRAM_URL)) {
    out.push({
      kind: 'handle',
      value: m[0],
      normalized: `telegram:@${(m[1] ?? '').toLowerCase()}`,
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.handleUrl,
      detail: 'telegram',
    });
  }
  for (const m of text.matchAll(LINE_ID)) {
    // A full stop or dash after the id ends the sentence, it is not part of the id.
    const id = (m[1] ?? '').replace(/[.-]+$/u, '');
    // "line 12" in a ledger is a line number, not a LINE account.
    if (/^\d+$/u.test(id) || /^(?:is|was|the|and|of|to)$/iu.test(id)) continue;
    // "Line" as a plain English word needs the colon or "ID" to count.
    if (
      /^line$/iu.test(m[0].split(/[\s:：]/u)[0] ?? '') &&
      !/ID|[:：]/iu.test(m[0].slice(4, -(m[1] ?? '').length))
    )
      continue;
    const start = m.index + m[0].length - (m[1] ?? '').length;
    out.push({
      kind: 'handle',
      value: id,
      normalized: `line:${id.replace(/^@/u, '').toLowerCase()}`,
      start,
      end: start + id.length,
      priority: PRIORITY.handle + 1,
      detail: 'line',
    });
  }
  for (const m of text.matchAll(AT_HANDLE)) {
    const name = (m[1] ?? '').toLowerCase();
    // The platform is named earlier in the same sentence ("our Telegram channel ... and the
    // handle @x"); without it the handle stays platform-less.
    const sentence =
      text
        .slice(Math.max(0, m.index - 100), m.index)
        .split(/[.!?។]\s|\n\s*\n/u)
        .pop() ?? '';
    const isTelegram = TELEGRAM_WORD.test(sentence);
    out.push({
      kind: 'handle',
      value: m[0],
      normalized: isTelegram ? `telegram:@${name}` : `@${name}`,
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.handle,
      ...(isTelegram ? { detail: 'telegram' } : {}),
    });
  }
  return out;
}
