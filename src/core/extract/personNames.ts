import { foldLatinDiacritics, normalizeName } from '../names';
import { PRIORITY } from './priority';
import type { Candidate, KnownName } from './types';

/**
 * One UTF-16 unit in, one out: lower case and Latin diacritics removed, so offsets in the
 * folded text are offsets in the page. Characters whose folding would change the length
 * are kept as they are.
 */
function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = foldLatinDiacritics(ch).toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Occurrences of known entities' names and aliases, in any script, case and accents aside. */
export function findKnownNames(text: string, known: readonly KnownName[]): Candidate[] {
  if (known.length === 0) return [];
  const folded = foldSameLength(text);
  const out: Candidate[] = [];
  for (const { entityId, name } of known) {
    const words = foldSameLength(name.normalize('NFC').trim())
      .split(/[\s,]+/u)
      .filter((w) => w.length > 0);
    if (words.length === 0 || words.join('').length < 2) continue;
    const latin = /[A-Za-z]/u.test(words.join(''));
    // Latin names need word edges; Thai and Khmer ones sit inside unspaced lines.
    const edgeBefore = latin ? '(?<![\\p{L}\\p{N}])' : '';
    const edgeAfter = latin ? '(?![\\p{L}\\p{N}])' : '';
    const re = new RegExp(`${edgeBefore}${words.map(escape).join('[\\s,]*')}${edgeAfter}`, 'gu');
    for (const m of folded.matchAll(re)) {
      const value = text.slice(m.index, m.index + m[0].length);
      out.push({
        kind: 'name',
        value,
        normalized: normalizeName(value),
        start: m.index,
        end: m.index + m[0].length,
        priority: PRIORITY.nameKnown,
        detail: 'known entity',
        entityId,
      });
    }
  }
  return out;
}

const LATIN_TITLE =
  /(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mister|Madam|Dr|H\.E\.|Oknha|Pol\.?\s?(?:Col|Lt\.?\s?Col|Maj|Gen|Capt|Sgt)|Lok(?:\s+Srey)?|Neak\s+Srey|Kanha)\.?\s+((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,2})/gu;
const THAI_TITLE =
  /(?:นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|พ\.ต\.อ\.|พ\.ต\.ท\.|ร\.ต\.อ\.|ส\.ต\.อ\.)\s?([\u0E01-\u0E4E]{2,})(?: ([\u0E01-\u0E4E]{2,}))?/gu;
/** Words that begin like a title but are not one: นายหน้า is a broker, นายจ้าง an employer. */
const THAI_NOT_NAMES =
  /^(?:หน้า|จ้าง|ก|กรัฐมนตรี|ทุน|อำเภอ|ตำรวจ|ด่าน|ทหาร|สิบ|ร้อย|พัน|พล|ท่า|งาน|พยาบาล|แบบ|ฟ้า|ละคร|ใน)/u;
const KHMER_TITLE =
  /(?:លោកស្រី|អ្នកស្រី|ឯកឧត្តម|ឧកញ៉ា|លោក|កញ្ញា)[ \u200B]+([\u1780-\u17DD]{2,})(?:[ \u200B]([\u1780-\u17DD]{2,}))?/gu;
const KHMER_NOT_NAMES = /^(?:បាន|នឹង|ជា|មាន|ទៅ|មក|និង|គឺ|ដែល|ថា|នៅ)/u;

/** Capitalised words that are not personal names: places, institutions, months, sentence starters. */
const NOT_NAME_WORDS = new Set(
  (
    'The A An And Or But If On In At To Of For From By With This That These Those He She It We They ' +
    'His Her Their Our Its Mr Mrs Ms Dr Miss Police Immigration Court Ministry Department Office ' +
    'Bank Company Co Ltd Limited Group Hotel Restaurant Karaoke Massage Club Casino Street Road ' +
    'Province District Village City Town Border Checkpoint Station Airport Market Building ' +
    'Thailand Cambodia Thai Khmer Cambodian Vietnam Laos Myanmar Malaysia China Kingdom Royal ' +
    'Phnom Penh Siem Reap Bangkok Poipet Sihanoukville Koh Kong Battambang Pattaya Aranyaprathet ' +
    'Chiang Mai Rai Sa Kaeo Trat Rayong Chonburi Samut Prakan Sakhon Songkhla ' +
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'ABA ACLEDA Wing KBank SCB Kasikorn Krungthai Line Telegram WhatsApp Facebook Messenger ' +
    'Exhibit Case Report Statement Page Note Notes Item Annex Subject Re Date Time Total Amount ' +
    'Account Passport Phone Tel Mobile Email Address Name ID No Number Transfer Payment Receipt ' +
    'Witness Suspect Victim Officer Inspector Sergeant Captain Colonel General Director Chief ' +
    'Commercial National International Anti Human Trafficking Unit Division Task Force Team ' +
    'Mekong Asia South East North West Central United States Nations Ltd Inc Travel Agency Tour ' +
    'Recruitment Employment Manpower Services Trading Import Export Enterprise Holdings Golden'
  ).split(/\s+/u),
);

/**
 * Likely person names: after a title in English (Mr, Mrs, Ms, Pol. Col.), Thai (นาย, นาง,
 * นางสาว), or Khmer (លោក, លោកស្រី, កញ្ញា), and pairs of capitalised words that are not
 * places or institutions. These are suggestions for the investigator to accept; their
 * detail says how each was found.
 */
export function findPersonNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (start: number, end: number, priority: number, detail: string): void => {
    const value = text.slice(start, end);
    out.push({
      kind: 'name',
      value,
      normalized: normalizeName(value),
      start,
      end,
      priority,
      detail,
    });
  };
  for (const m of text.matchAll(LATIN_TITLE)) {
    const name = m[1] ?? '';
    // Trim trailing words that are not names ("Mr Somchai Bank").
    const words = name.split(/\s+/u);
    while (words.length > 0 && NOT_NAME_WORDS.has(words[words.length - 1] ?? '')) words.pop();
    if (words.length === 0) continue;
    const kept = words.join(' ');
    const start = m.index + m[0].length - name.length;
    push(start, start + kept.length, PRIORITY.nameTitle, 'title');
  }
  for (const m of text.matchAll(THAI_TITLE)) {
    const first = m[1] ?? '';
    if (THAI_NOT_NAMES.test(first)) continue;
    const start = m.index + m[0].length - first.length - (m[2] === undefined ? 0 : m[2].length + 1);
    push(start, m.index + m[0].length, PRIORITY.nameTitle, 'title');
  }
  for (const m of text.matchAll(KHMER_TITLE)) {
    const first = m[1] ?? '';
    if (KHMER_NOT_NAMES.test(first)) continue;
    // កញ្ញា after a day number or ខែ is the month September, not "Miss".
    if (
      m[0].startsWith('កញ្ញា') &&
      /(?:\d|ខែ)\s*$/u.test(text.slice(Math.max(0, m.index - 4), m.index))
    )
      continue;
    const start = m.index + m[0].length - first.length - (m[2] === undefined ? 0 : m[2].length + 1);
    push(start, m.index + m[0].length, PRIORITY.nameTitle, 'title');
  }
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}])([A-Z][a-z]{1,15})(?: ([A-Z][a-z]{1,15}))(?: ([A-Z][a-z]{1,15}))?(?![\p{L}\p{N}])/gu,
  )) {
    const words = [m[1], m[2], m[3]].filter((w): w is string => w !== undefined);
    if (words.some((w) => NOT_NAME_WORDS.has(w))) continue;
    push(m.index, m.index + m[0].length, PRIORITY.nameCapitalised, 'capitalised words');
  }
  return out;
}
