import type {
  CaseId,
  CitationId,
  CustodyId,
  EntityId,
  EvidenceId,
  FileId,
  LinkId,
  PageId,
} from './ids';

/** ISO 8601 timestamp or date (YYYY-MM-DD, or YYYY-MM / YYYY where only that is known). */
export type IsoDate = string;

/** Who did something: the identity of the key slot that was unlocked. */
export type Actor = Readonly<{
  name: string;
  agency: string;
  badge: string;
}>;

export const CASE_STATUSES = ['open', 'closed', 'archived'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type Case = Readonly<{
  id: CaseId;
  reference: string;
  title: string;
  status: CaseStatus;
  summary: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  /** Set when the case is soft-deleted; purge removes it for good. */
  deletedAt?: IsoDate;
  /**
   * How many victim pseudonyms this case has issued (V-001 is the first). Only grows, so that a
   * pseudonym is never given to a second victim, even after the first is deleted or merged.
   */
  victimPseudonymsIssued?: number;
}>;

export const ENTITY_KINDS = [
  'person',
  'organization',
  'phone',
  'bankAccount',
  'vehicle',
  'address',
  'identityDocument',
  'onlineAccount',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ROLES = [
  'suspect',
  'recruiter',
  'broker',
  'transporter',
  'financier',
  'official',
  'victim',
  'witness',
] as const;
export type Role = (typeof ROLES)[number];

export type Script = 'latin' | 'khmer' | 'thai' | 'other';

export type Name = Readonly<{
  value: string;
  script: Script;
  /** The primary name is shown; the others are aliases. */
  primary?: boolean;
}>;

/** An official's post, with the dates held: exposure paths are checked against them. */
export type OfficialPost = Readonly<{
  agency: string;
  position: string;
  rank?: string;
  from?: IsoDate;
  to?: IsoDate;
}>;

export type VictimStatus = Readonly<{
  nationality?: string;
  identificationStatus?: 'presumed' | 'identified' | 'not-identified';
  referralStatus?: 'not-referred' | 'referred' | 'assisted' | 'returned';
}>;

export type Entity = Readonly<{
  id: EntityId;
  caseId: CaseId;
  kind: EntityKind;
  names: readonly Name[];
  roles: readonly Role[];
  /** Kind-specific values: a phone's E.164 number, an account number, a document number... */
  properties: Readonly<Record<string, string>>;
  posts?: readonly OfficialPost[];
  victim?: VictimStatus;
  notes?: string;
  /**
   * A victim's protective pseudonym (V-001, V-002... per case, in order of assignment), given
   * once, sealed with the row, and the same on screen, in bundles, exports and exchange.
   */
  pseudonym?: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}>;

export const LINK_TYPES = [
  'recruited',
  'transported',
  'harboured',
  'employed',
  'paid',
  'called',
  'owns',
  'memberOf',
  'worksFor',
  'family',
  'associate',
  'colludedWith',
  'other',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Admiralty grading: source reliability A (reliable) to F (cannot be judged). */
export type SourceReliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/** Information credibility 1 (confirmed) to 6 (cannot be judged). */
export type InformationCredibility = 1 | 2 | 3 | 4 | 5 | 6;

export type Link = Readonly<{
  id: LinkId;
  caseId: CaseId;
  type: LinkType;
  /** Free text label when type is 'other', or a refinement of the type. */
  label?: string;
  source: EntityId;
  target: EntityId;
  directed: boolean;
  from?: IsoDate;
  to?: IsoDate;
  amount?: number;
  currency?: string;
  /** Aggregated links (call records, transfers) keep how many events they stand for. */
  count?: number;
  reliability: SourceReliability;
  credibility: InformationCredibility;
  notes?: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}>;

/** A word's box on a page, in the page image's pixels. */
export type Box = Readonly<{ x0: number; y0: number; x1: number; y1: number }>;

export type Citation = Readonly<{
  id: CitationId;
  caseId: CaseId;
  /** What rests on the evidence: exactly one of entity or link. */
  entityId?: EntityId;
  linkId?: LinkId;
  evidenceId: EvidenceId;
  pageId: PageId;
  pageNumber: number;
  quote: string;
  boxes: readonly Box[];
  createdAt: IsoDate;
}>;

export type EvidenceItem = Readonly<{
  id: EvidenceId;
  caseId: CaseId;
  exhibitRef: string;
  fileName: string;
  /** What the content is, from its magic bytes: the file was taken in as this. */
  mediaType: string;
  /**
   * Set only when the name's extension claims another type (a PDF named .png): the type the
   * name claims, kept so that the record shows both and nobody trusts the name.
   */
  nameMediaType?: string;
  size: number;
  /** SHA-256 of the original bytes, hex, computed at intake. */
  sha256: string;
  fileId: FileId;
  seizedBy: string;
  seizedFrom: string;
  seizedAt?: IsoDate;
  seizedWhere: string;
  description: string;
  /** Metadata read from inside the file (EXIF, PDF info), as shown to the user. */
  metadata: Readonly<Record<string, string>>;
  pageCount: number;
  createdAt: IsoDate;
}>;

export type Word = Readonly<{ text: string; confidence: number; box: Box }>;

/**
 * Why a PDF page's text layer was not trusted: characters no real text contains, the marks of
 * a broken or missing ToUnicode map (a glyph with no Unicode is written as NUL by Chromium's
 * printer, as U+FFFD or a private-use code point by others).
 */
export type TextLayerDoubt = Readonly<{
  code: 'nul' | 'control' | 'replacement' | 'private-use';
  /** How many such characters the page's text layer holds, and of how many visible ones. */
  count: number;
  of: number;
}>;

export type Page = Readonly<{
  id: PageId;
  caseId: CaseId;
  evidenceId: EvidenceId;
  number: number;
  text: string;
  words: readonly Word[];
  source: 'ocr' | 'pdf-text' | 'text';
  /** The OCR output as produced, kept when the user corrects the text. */
  ocrText?: string;
  /**
   * A PDF page whose text layer lies (see TextLayerDoubt) is read by OCR like a scan; its text
   * layer is kept here as the file encoded it, beside the OCR text in `text`.
   */
  textLayer?: Readonly<{ text: string; words: readonly Word[]; doubt: TextLayerDoubt }>;
  languages?: readonly string[];
  width?: number;
  height?: number;
}>;

export type CustodyEntry = Readonly<{
  id: CustodyId;
  caseId: CaseId;
  evidenceId: EvidenceId;
  at: IsoDate;
  actor: Actor;
  action: 'intake' | 'view' | 'ocr' | 'correction' | 'export' | 'transfer' | 'note';
  details: string;
}>;
