import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Candidate, PhoneCountry } from './types';
import { PRIORITY } from './priority';

// libphonenumber's own text finder glues neighbouring numbers together and reads dates as
// Cambodian mobiles, so candidates are cut here and only validated by the library (with
// its full metadata, which knows each operator's prefixes).
const CANDIDATE =
  /(?<![\p{L}\p{N}+/.,-])(?:\+|00)?\(?\d[\d\s\-().]{6,22}\d(?![\p{L}\p{N}]|[/-]\d|\.\d)/gu;
const WHATSAPP = /(?:whats\s?app|\bwa\b|วอท?ส์?แอ[พป]|វ៉ាត់សាប)[\s:.\-#]*$/iu;
const THAI_SCRIPT = /[\u0E00-\u0E7F]/gu;
const KHMER_SCRIPT = /[\u1780-\u17FF]/gu;

const THAI_PLACES =
  /(?<![\p{L}])(?:Thailand|Thai|Bangkok|Chiang\s?Mai|Chiang\s?Rai|Pattaya|Phuket|Sa\s?Kaeo|Aranyaprathet|Trat|Rayong|Chon\s?Buri|Songkhla|Mae\s?Sot)(?![\p{L}])|ประเทศไทย|กรุงเทพ|ไทย/gu;
const KHMER_PLACES =
  /(?<![\p{L}])(?:Cambodia|Cambodian|Khmer|Phnom\s?Penh|Siem\s?Reap|Battambang|Poipet|Sihanoukville|Koh\s?Kong|Kampot|Banteay\s?Meanchey)(?![\p{L}])|កម្ពុជា|ភ្នំពេញ/gu;

/**
 * Which country a national number written nearby belongs to, from the script around it
 * and the places named near it; undefined when nothing tips the balance.
 */
function countryFromContext(text: string, start: number, end: number): PhoneCountry | undefined {
  const around = text.slice(Math.max(0, start - 120), Math.min(text.length, end + 120));
  // A place name weighs as much as a short phrase of script.
  const thai =
    (around.match(THAI_SCRIPT)?.length ?? 0) + 20 * (around.match(THAI_PLACES)?.length ?? 0);
  const khmer =
    (around.match(KHMER_SCRIPT)?.length ?? 0) + 20 * (around.match(KHMER_PLACES)?.length ?? 0);
  if (thai > khmer) return 'TH';
  if (khmer > thai) return 'KH';
  return undefined;
}

type Parsed = Readonly<{ e164: string; country: string }>;

function parseAs(digits: string, country: PhoneCountry | undefined): Parsed | undefined {
  const parsed = parsePhoneNumberFromString(digits, country);
  if (parsed === undefined || !parsed.isValid()) return undefined;
  return { e164: parsed.number, country: parsed.country ?? '' };
}

function validate(
  text: string,
  part: string,
  start: number,
  end: number,
  countries: readonly PhoneCountry[],
): (Parsed & { detail?: string }) | undefined {
  const digits = part.replace(/[^\d+]/gu, '');
  const bare = digits.replace(/^\+/u, '');
  if (bare.length < 8 || bare.length > 15 || /\s{2,}|\n/u.test(part)) return undefined;
  if (digits.startsWith('+') || digits.startsWith('00')) {
    return parseAs(digits.startsWith('00') ? `+${digits.slice(2)}` : digits, undefined);
  }
  // Without a country code only a number with its trunk 0 is taken: bare figures that
  // happen to fit a numbering plan (12032024) are far more often something else.
  if (!digits.startsWith('0')) return undefined;
  // A national number may be valid in both countries (097 is a mobile prefix in Cambodia
  // and in Thailand): the script around it decides, then the order of the option.
  const valid = countries
    .map((c) => ({ c, p: parseAs(digits, c) }))
    .filter((x): x is { c: PhoneCountry; p: Parsed } => x.p !== undefined);
  if (valid.length <= 1) return valid[0]?.p;
  const ctx = countryFromContext(text, start, end);
  const chosen = valid.find((v) => v.c === ctx) ?? valid[0];
  if (chosen === undefined) return undefined;
  const others = valid.filter((v) => v !== chosen).map((v) => v.p.e164);
  return { ...chosen.p, detail: `also valid as ${others.join(', ')}` };
}

/** Phone numbers, international or national (KH, TH) with their trunk 0, as E.164. */
export function findPhones(text: string, countries: readonly PhoneCountry[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0];
    const base = m.index;
    // The greedy candidate may hold several numbers, or a number beside other figures
    // ("ref 2024 081-234-5678"): take, from the left, the longest run of groups that is a
    // valid number, then go on after it.
    const groups: Array<{ text: string; at: number }> = [];
    for (const g of raw.matchAll(/[^\s\-().]+|[\s\-().]+/gu))
      groups.push({ text: g[0], at: g.index });
    for (let s = 0; s < groups.length; s++) {
      const first = groups[s];
      if (first === undefined || !/^[+\d]/u.test(first.text)) continue;
      for (let e = groups.length; e > s; e--) {
        const last = groups[e - 1];
        if (last === undefined || !/\d$/u.test(last.text)) continue;
        // "(02) 123 4567": the opening bracket belongs to the number as written.
        const opened = first.at > 0 && raw[first.at - 1] === '(' && last.at > first.at;
        const start = base + first.at - (opened ? 1 : 0);
        const end = base + last.at + last.text.length;
        const part = text.slice(start, end);
        const found = validate(text, part, start, end, countries);
        if (found === undefined) continue;
        const before = text.slice(Math.max(0, start - 24), start);
        let detail = found.detail;
        if (WHATSAPP.test(before))
          detail = detail === undefined ? 'whatsapp' : `whatsapp; ${detail}`;
        out.push({
          kind: 'phone',
          value: part,
          normalized: found.e164,
          start,
          end,
          priority: PRIORITY.phone,
          ...(detail === undefined ? {} : { detail }),
        });
        s = e - 1;
        break;
      }
    }
  }
  return out;
}
