import type { EntityId } from '../model';

export const FINDING_KINDS = [
  'phone',
  'email',
  'account',
  'iban',
  'document',
  'money',
  'date',
  'handle',
  'name',
  'organization',
  'place',
  'vehicle',
  'wallet',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Countries whose numbers written without a country code are understood. */
export type PhoneCountry = 'KH' | 'TH';

/** Something found in a page's text, with where it is so the UI can show the words. */
export type Finding = Readonly<{
  kind: FindingKind;
  /** The text as written on the page: text.slice(start, end). */
  value: string;
  /**
   * Comparable form: phone E.164 (+66812345678); e-mail lower case; account digits only;
   * IBAN and document upper-case letters and digits; money "THB 15000.50"; date ISO
   * (YYYY-MM-DD, or YYYY-MM / YYYY when only that is written; Buddhist-era years converted);
   * handle "telegram:@name" or "line:name"; name normalised (see names/normalizeName), titles
   * removed, a short later mention carrying the full name's form; organization the full
   * name normalised (an acronym carries its full name's); place "KH:province:name" from the
   * gazetteer; vehicle "KH:2A-1234" / "TH:1กข1234"; wallet "tron:T..." / "eth:0x..." (lower).
   */
  normalized: string;
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  /**
   * What kind of the kind, where it matters: the document type (th-national-id, passport,
   * kh-national-id), the bank named before an account, the messenger, how a name was found.
   */
  detail?: string;
  /** For names matching a known entity's name or alias. */
  entityId?: EntityId;
  /**
   * For a person named with a post ("Labour Minister Ith Samheng", "Sok Dara, spokesman of the
   * Ministry of Labour"): the suggested official role, and the words it rests on.
   */
  post?: OfficialPost;
}>;

/** An official's post as written next to the name: position, agency, and where it is written. */
export type OfficialPost = Readonly<{
  position: string;
  agency?: string;
  /** UTF-16 offsets of the words that say it. */
  start: number;
  end: number;
}>;

/** A known name or alias to look for, in any script. */
export type KnownName = Readonly<{ entityId: EntityId; name: string }>;

export type ExtractOptions = Readonly<{
  /**
   * Countries tried, in order, for numbers without a country code when the page's own
   * script does not settle it. Defaults to ['KH', 'TH'].
   */
  phoneCountries?: readonly PhoneCountry[];
  /** Names and aliases of existing entities to find in the text. */
  knownNames?: readonly KnownName[];
  /** Limit to these kinds; all kinds by default. */
  kinds?: readonly FindingKind[];
}>;

/** A finding before overlaps are settled; higher priority wins a contested span. */
export type Candidate = Finding & Readonly<{ priority: number }>;
