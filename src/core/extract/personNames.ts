import { foldLatinDiacritics, normalizeName } from '../names';
import { isOrganizationWord } from './organizations';
import { PRIORITY } from './priority';
import type { Candidate, Finding, KnownName, OfficialPost } from './types';

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

/**
 * Honorifics, ranks and forms of address written before a name, in the three languages.
 * They may follow one another ("H.E. Pol. Lt. Gen.", "ឯកឧត្តម ឧត្តមសេនីយ៍ឯក"); the name found
 * starts after the last.
 */
const LATIN_TITLE_WORD = String.raw`(?:Mr|Mrs|Ms|Miss|Mister|Madam|Dr|H\.\s?E|His\s+Excellency|Her\s+Excellency|Neak\s+Oknha|Oknha|Lok\s+Chumteav|Lok(?:\s+Srey)?|Neak\s+Srey|Kanha|Pol|Police|Gen|General|Lt|Lieutenant|Maj|Major|Brig|Brigadier|Col|Colonel|Capt|Captain|Sgt|Sergeant|Cpl|Corporal|Judge|Prof|Khun|Nai|Nang(?:\s?Sao)?)\.?`;
const LATIN_TITLE = new RegExp(
  String.raw`(?<![\p{L}])(?:${LATIN_TITLE_WORD}\s+)*${LATIN_TITLE_WORD}\s+((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,2})`,
  'gu',
);
const THAI_TITLE =
  /(?:นางสาว|นาง|นาย|คุณ|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|พล\.ต\.อ\.|พล\.ต\.ท\.|พล\.ต\.ต\.|พ\.ต\.อ\.|พ\.ต\.ท\.|พ\.ต\.ต\.|ร\.ต\.อ\.|ร\.ต\.ท\.|ร\.ต\.ต\.|ด\.ต\.|จ\.ส\.ต\.|ส\.ต\.อ\.|ส\.ต\.ท\.|พล\.อ\.|พ\.อ\.|พ\.ท\.|ร\.อ\.)\s?([\u0E01-\u0E4E]{2,})(?: ([\u0E01-\u0E4E]{2,}))?/gu;
/** Where an unspaced Thai name stops: the words that follow a name in a statement. */
const THAI_AFTER_NAME =
  /(?:ให้การ|ให้|ได้|ว่า|ที่|และ|เป็น|ไป|มา|พา|ถูก|ซึ่ง|จึง|กล่าว|โทร|อายุ|เจ้าหน้าที่|ผู้|กับ|จาก|นำ|บอก|แจ้ง|เดินทาง|รับ|จ่าย|โอน|เคย|ยัง|ก็|จะ|เมื่อ|หลัง)/u;
/** Words that begin like a title but are not one: นายหน้า is a broker, นายจ้าง an employer. */
const THAI_NOT_NAMES =
  /^(?:หน้า|จ้าง|ก|กรัฐมนตรี|ทุน|อำเภอ|ตำรวจ|ด่าน|ทหาร|สิบ|ร้อย|พัน|พล|ท่า|งาน|พยาบาล|แบบ|ฟ้า|ละคร|ใน|ค่ะ|ครับ)/u;
const KHMER_TITLE_WORD =
  '(?:លោកជំទាវ|លោកស្រី|អ្នកស្រី|ឯកឧត្តម|អ្នកឧកញ៉ា|ឧកញ៉ា|នាយឧត្តមសេនីយ៍|ឧត្តមសេនីយ៍ឯក|ឧត្តមសេនីយ៍ទោ|ឧត្តមសេនីយ៍ត្រី|វរសេនីយ៍ឯក|វរសេនីយ៍ទោ|វរសេនីយ៍ត្រី|លោក|កញ្ញា)';
const KHMER_TITLE = new RegExp(
  // A name's parts are short; a long run after it is the sentence going on.
  `(?:${KHMER_TITLE_WORD}[ \\u200B]*)*${KHMER_TITLE_WORD}[ \\u200B]+([\\u1780-\\u17DD]{2,10})(?![\\u1780-\\u17DD])(?:[ \\u200B]([\\u1780-\\u17DD]{2,10})(?![\\u1780-\\u17DD]))?`,
  'gu',
);
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
    'Recruitment Employment Manpower Services Trading Import Export Enterprise Holdings Golden ' +
    'Minister Deputy Governor Spokesman Spokeswoman Spokesperson Commissioner Commander Secretary ' +
    'Judge Prosecutor Mayor Ambassador President Chairman Head Superintendent Labour Labor Interior ' +
    'Justice Foreign Affairs Defence Defense Social Welfare Women Juvenile Protection Mr Lok Oknha ' +
    'Gen Col Lt Maj Pol Capt Sgt Excellency Police Lieutenant Major Brigadier Corporal'
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
    if (words.length === 0 || words.some(isOrganizationWord)) continue;
    const kept = words.join(' ');
    const start = m.index + m[0].length - name.length;
    push(start, start + kept.length, PRIORITY.nameTitle, 'title');
  }
  for (const m of text.matchAll(THAI_TITLE)) {
    let first = m[1] ?? '';
    if (THAI_NOT_NAMES.test(first)) continue;
    // "นายวิชัย บอกว่า...": a second word that begins the statement is no surname.
    const surname =
      m[2] !== undefined && !THAI_AFTER_NAME.test(m[2].slice(0, 4)) ? m[2] : undefined;
    const start = m.index + m[0].length - first.length - (m[2] === undefined ? 0 : m[2].length + 1);
    // Written without a space, the name runs into the statement: cut it where that begins.
    const stop = surname === undefined ? THAI_AFTER_NAME.exec(first.slice(2)) : null;
    let end = surname === undefined ? start + first.length : m.index + m[0].length;
    if (stop !== null) {
      first = first.slice(0, 2 + stop.index);
      end = start + first.length;
    }
    push(start, end, PRIORITY.nameTitle, 'title');
  }
  for (const m of text.matchAll(KHMER_TITLE)) {
    const first = m[1] ?? '';
    // ជា is "is" and also the surname Chea: a name when a given name follows it.
    if (KHMER_NOT_NAMES.test(first) && !(first === 'ជា' && m[2] !== undefined)) continue;
    // កញ្ញា after a day number or ខែ is the month September, not "Miss".
    if (
      m[0].startsWith('កញ្ញា') &&
      /(?:\d|ខែ)\s*$/u.test(text.slice(Math.max(0, m.index - 4), m.index))
    )
      continue;
    const start = m.index + m[0].length - first.length - (m[2] === undefined ? 0 : m[2].length + 1);
    push(start, m.index + m[0].length, PRIORITY.nameTitle, 'title');
  }
  // Runs of capitalised words, cut at words that are not names (places, posts, institutions);
  // each piece of two or three words is a likely name ("Labour Minister Ith Samheng").
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}.])[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})+(?![\p{L}\p{N}])/gu,
  )) {
    let piece: Array<{ word: string; at: number }> = [];
    const flush = (): void => {
      if (piece.length >= 2 && piece.length <= 3) {
        const first = piece[0] as { at: number };
        const last = piece[piece.length - 1] as { word: string; at: number };
        push(first.at, last.at + last.word.length, PRIORITY.nameCapitalised, 'capitalised words');
      }
      piece = [];
    };
    for (const w of m[0].matchAll(/[A-Z][a-z]+/gu)) {
      if (NOT_NAME_WORDS.has(w[0]) || isOrganizationWord(w[0])) flush();
      else piece.push({ word: w[0], at: m.index + w.index });
    }
    flush();
  }
  return out;
}

const POSITION = String.raw`(?:(?:[Dd]eputy|[Vv]ice|[Aa]cting|[Ss]enior|[Aa]ssistant|[Pp]rovincial|[Dd]istrict|[Mm]unicipal|[Ii]mmigration|[Pp]olice|[Bb]order|[Aa]nti-[Tt]rafficking|[Ii]nvestigating)\s+)*(?:[Mm]inister|[Ss]ecretary-[Gg]eneral|[Ss]ecretary of [Ss]tate|[Uu]ndersecretary of [Ss]tate|[Gg]overnor|[Pp]olice [Cc]hief|[Cc]hief|[Cc]ommissioner|[Cc]ommander|[Dd]irector(?:-[Gg]eneral)?|[Ss]pokes(?:man|woman|person)|[Ii]nvestigating [Jj]udge|[Jj]udge|[Pp]rosecutor|[Ii]nspector|[Oo]fficer|[Hh]ead|[Aa]mbassador|[Mm]ayor|[Oo]fficial|[Ss]uperintendent|[Cc]hairman|[Pp]resident)`;
const CAP_RUN = String.raw`[A-Z][\p{L}'’-]*(?:\s+(?:of\s+|and\s+|the\s+|for\s+)*[A-Z][\p{L}'’-]*)*`;
/** "Labour Minister", "deputy police chief of Poipet, Pol. Col." right before the name. */
const POST_BEFORE = new RegExp(
  String.raw`(?:(?<qualifier>(?:(?!(?:Deputy|Vice|Acting|Senior|Assistant|Provincial|District|Municipal|Immigration|Police|Border|Investigating)\b)[A-Z][\p{L}'’-]+\s+){1,3}))?(?<position>${POSITION})(?:\s+(?:of|at|for)\s+(?:the\s+)?(?<agency>${CAP_RUN}))?,?\s+(?:${LATIN_TITLE_WORD}\s+)*$`,
  'u',
);
/** ", spokesman of the Ministry of Labour" right after the name. */
const POST_AFTER = new RegExp(
  String.raw`^,\s+(?:the\s+|a\s+|an\s+)?(?<position>${POSITION})(?:\s+(?:of|at|for|in)\s+(?:the\s+)?(?<agency>${CAP_RUN}))?`,
  'u',
);
const THAI_POST_BEFORE =
  /(?<position>(?:รอง)?(?:รัฐมนตรี|ผู้กำกับการ|ผู้กำกับ|ผู้บังคับการ|ผู้บัญชาการ|ผู้ว่าราชการจังหวัด|นายอำเภอ|โฆษก|อธิบดี|ผู้อำนวยการ|สารวัตร|หัวหน้า|อัยการ|ผู้พิพากษา)[\u0E01-\u0E4E.]*)\s*(?:[\u0E01-\u0E4E]{0,3}\.(?:[\u0E01-\u0E4E]{1,3}\.)+|นาย|นาง|นางสาว|คุณ)?\s*$/u;
const KHMER_POST_BEFORE =
  /(?<position>(?:អនុ)?(?:រដ្ឋមន្ត្រី|ស្នងការរង|ស្នងការ|អភិបាលរង|អភិបាល|អ្នកនាំពាក្យ|ប្រធាន|ចៅក្រម|ព្រះរាជអាជ្ញា|មន្ត្រី)[\u1780-\u17D2\u200B]*)[ \u200B]*(?:(?:លោកជំទាវ|លោកស្រី|ឯកឧត្តម|ឧកញ៉ា|នាយឧត្តមសេនីយ៍|ឧត្តមសេនីយ៍ឯក|ឧត្តមសេនីយ៍ទោ|ឧត្តមសេនីយ៍ត្រី|វរសេនីយ៍ឯក|វរសេនីយ៍ទោ|វរសេនីយ៍ត្រី|លោក)[ \u200B]*)*$/u;

/** A Thai or Khmer post written right after the name: "ผู้กำกับการสถานีตำรวจ...", "អ្នកនាំពាក្យក្រសួង...". */
const NATIVE_POST_AFTER =
  /^[ \u200B]*(?<position>(?:รอง)?(?:รัฐมนตรี|ผู้กำกับการ|ผู้กำกับ|ผู้บังคับการ|ผู้บัญชาการ|ผู้ว่าราชการ|นายอำเภอ|โฆษก|อธิบดี|ผู้อำนวยการ|สารวัตร|หัวหน้า|อัยการ|ผู้พิพากษา)|(?:អនុ)?(?:រដ្ឋមន្ត្រី|ស្នងការរង|ស្នងការ|អភិបាលរង|អភិបាល|អ្នកនាំពាក្យ|ប្រធាន|ចៅក្រម|ព្រះរាជអាជ្ញា))[\u0E01-\u0E4E.\u1780-\u17D2\u200B]*/u;

/** The post written next to a person's name, if any (see Finding.post). */
function postNear(text: string, start: number, end: number): OfficialPost | undefined {
  const from = Math.max(0, start - 120);
  const before = text.slice(from, start);
  // Stay in the sentence: a post in the previous sentence is someone else's.
  const sentence = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('\n'),
    before.lastIndexOf('។'),
  );
  const clause = sentence >= 0 ? before.slice(sentence + 1) : before;
  const offset = start - clause.length;
  for (const re of [POST_BEFORE, THAI_POST_BEFORE, KHMER_POST_BEFORE]) {
    const m = re.exec(clause);
    const position = m?.groups?.['position'];
    if (m === null || position === undefined) continue;
    const qualifier = m.groups?.['qualifier']?.trim();
    const agency = m.groups?.['agency']?.trim() ?? (qualifier !== '' ? qualifier : undefined);
    const words = m[0].replace(/[,\s]+$/u, '');
    return {
      position: position.replace(/\s+/gu, ' '),
      ...(agency !== undefined ? { agency } : {}),
      start: offset + m.index,
      end: offset + m.index + words.length,
    };
  }
  const native = NATIVE_POST_AFTER.exec(text.slice(end, end + 160));
  if (native?.groups?.['position'] !== undefined) {
    const lead = native[0].length - native[0].trimStart().length;
    const words = native[0].trim();
    // The agency is written inside the post: "ผู้กำกับการ|สถานีตำรวจภูธรอรัญประเทศ".
    const at = /(?:กระทรวง|สถานีตำรวจ|กรม|ศาล|จังหวัด|อำเภอ|ក្រសួង|ស្នងការដ្ឋាន|ខេត្ត|តុលាការ)/u.exec(words);
    return {
      position: at === null || at.index === 0 ? words : words.slice(0, at.index),
      ...(at !== null && at.index > 0 ? { agency: words.slice(at.index) } : {}),
      start: end + lead,
      end: end + native[0].length,
    };
  }
  const after = POST_AFTER.exec(text.slice(end, end + 160));
  const position = after?.groups?.['position'];
  if (after !== null && position !== undefined) {
    const agency = after.groups?.['agency']?.trim();
    const lead = after[0].length - after[0].replace(/^,\s+/u, '').length;
    return {
      position: position.replace(/\s+/gu, ' '),
      ...(agency !== undefined ? { agency } : {}),
      start: end + lead,
      end: end + after[0].length,
    };
  }
  return undefined;
}

/**
 * People across one text: a short later mention ("Sokha", "Mr Somchai", "นายสมชาย") of a
 * full name found earlier in the same text ("Chan Sokha", "Somchai Rakdee", "สมชาย รักดี")
 * takes the full name's normalized form, so that both are one suggestion; a capitalised
 * word that repeats a word of exactly one full name becomes such a mention too. And the post
 * written next to a name ("Labour Minister", ", spokesman of the Ministry of Labour") is
 * attached as `post`.
 */
export function joinPeople(text: string, findings: readonly Finding[]): Finding[] {
  const names = findings.filter((f) => f.kind === 'name');
  const fullByWord = new Map<string, string | null>();
  for (const f of names) {
    const words = f.normalized.split(' ');
    if (words.length < 2) continue;
    for (const w of words) {
      if (w.length < 3) continue;
      const seen = fullByWord.get(w);
      fullByWord.set(w, seen === undefined || seen === f.normalized ? f.normalized : null);
    }
  }
  const firstFull = new Map<string, number>();
  for (const f of names)
    if (f.normalized.includes(' ') && !firstFull.has(f.normalized))
      firstFull.set(f.normalized, f.start);
  const fullOf = (word: string, at: number): string | undefined => {
    const full = fullByWord.get(word);
    if (full === undefined || full === null) return undefined;
    return (firstFull.get(full) ?? Infinity) < at ? full : undefined;
  };

  const out: Finding[] = [];
  for (const f of findings) {
    if (f.kind !== 'name') {
      out.push(f);
      continue;
    }
    const full = f.normalized.includes(' ') ? undefined : fullOf(f.normalized, f.start);
    const post = postNear(text, f.start, f.end);
    out.push({
      ...f,
      ...(full !== undefined
        ? { normalized: full, detail: `${f.detail ?? 'name'}, short mention` }
        : {}),
      ...(post !== undefined ? { post } : {}),
    });
  }
  // Bare capitalised words repeating one full name's word, outside every other finding.
  const taken = [...findings].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.])[A-Z][a-z]{2,15}(?![\p{L}\p{N}])/gu)) {
    while (k < taken.length && (taken[k]?.end ?? 0) <= m.index) k++;
    const next = taken[k];
    if (next !== undefined && next.start < m.index + m[0].length) continue;
    const full = fullOf(normalizeName(m[0]), m.index);
    if (full === undefined) continue;
    out.push({
      kind: 'name',
      value: m[0],
      normalized: full,
      start: m.index,
      end: m.index + m[0].length,
      detail: 'short mention',
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
