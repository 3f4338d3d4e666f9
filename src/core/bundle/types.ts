import type { ErrorParams } from '../errors';
import type {
  Actor,
  Box,
  Case,
  CaseId,
  Citation,
  CitationId,
  CustodyEntry,
  Entity,
  EntityId,
  EvidenceId,
  EvidenceItem,
  InformationCredibility,
  IsoDate,
  Link,
  LinkId,
  PageId,
  Page,
  SourceReliability,
  VictimStatus,
  Name,
  EntityKind,
  Role,
  OfficialPost,
  LinkType,
} from '../model';

/**
 * One entry of the vault's append-only audit log, as the bundle exports it. The shape is the
 * vault's audit row (src/core/db AuditRow) restated here, so that the bundle does not depend
 * on the database module yet takes its rows as they are. `recordId` names the record the
 * entry is about, which is how the entries "of the exported records" are chosen.
 */
export type AuditEntry = Readonly<{
  /** Position in the vault's chain: the exported subset has gaps, so it is not re-chained. */
  seq: number;
  at: IsoDate;
  actor: Actor;
  action: string;
  /** The table and primary key of the record changed. */
  table: string;
  recordId: string;
  caseId?: CaseId;
  summary: string;
  /** Hex SHA-256 of the previous entry, and of this one, as the vault chained them. */
  prevHash: string;
  hash: string;
}>;

/** Everything of one case a bundle may be cut from. */
export type CaseData = Readonly<{
  case: Case;
  entities: readonly Entity[];
  links: readonly Link[];
  citations: readonly Citation[];
  evidence: readonly EvidenceItem[];
  pages: readonly Page[];
  custody: readonly CustodyEntry[];
  audit: readonly AuditEntry[];
}>;

/** What the user picked in the export dialog. Every list may be empty; not all at once. */
export type BundleSelection = Readonly<{
  entityIds?: readonly EntityId[];
  /** These links and their end entities. */
  linkIds?: readonly LinkId[];
  /** These evidence items with all their pages. */
  evidenceIds?: readonly EvidenceId[];
  /** "Everything cited by these links": the links, their ends, cited items and cited pages. */
  citedByLinkIds?: readonly LinkId[];
}>;

/** The records a bundle holds, resolved from a selection; the input of buildBundle. */
export type BundleContents = Readonly<{
  case: Case;
  entities: readonly Entity[];
  links: readonly Link[];
  citations: readonly Citation[];
  evidence: readonly EvidenceItem[];
  pages: readonly Page[];
  custody: readonly CustodyEntry[];
  audit: readonly AuditEntry[];
  /**
   * Every page of the included items, cited or not: only used to decide whether an original
   * names a victim (the original holds all its pages). Defaults to `pages`.
   */
  allPagesOfItems?: readonly Page[];
}>;

/** An original's bytes: whole, or streamed so that a 500 MB seizure is never held at once. */
export type ByteSource = Uint8Array | ReadableStream<Uint8Array>;

/** The vault's Ed25519 key pair (@noble/curves: 32-byte secret key, 32-byte public key). */
export type SigningKeyPair = Readonly<{ publicKey: Uint8Array; secretKey: Uint8Array }>;

/**
 * Signs without handing out the secret key: what an unlocked vault exposes (its SigningKey
 * fits this shape), so the key never needs to leave the vault to sign a bundle.
 */
export type ManifestSigner = Readonly<{
  publicKey: Uint8Array;
  sign: (message: Uint8Array) => Uint8Array;
}>;

/**
 * Victims are pseudonymised unless the user deliberately includes their identities; the choice
 * is written into the manifest so that a reader knows which one was made.
 */
export type VictimProtectionMode = 'pseudonymise' | 'include-identities';

/**
 * Originals are the evidence and cannot be redacted. `not-naming-victims` leaves out every
 * original whose page text names a victim (the item, its hashes and redacted page texts stay).
 */
export type OriginalsPolicy = 'all' | 'not-naming-victims' | 'none';

export type BundleInput = BundleContents &
  Readonly<{
    readOriginal: (item: EvidenceItem) => ByteSource | Promise<ByteSource>;
    exportedBy: Actor;
    exportedAt: IsoDate;
    signingKey: SigningKeyPair | ManifestSigner;
    /** Defaults to 'pseudonymise'. */
    victimProtection?: VictimProtectionMode;
    /** Defaults to 'all'. */
    includeOriginals?: OriginalsPolicy;
    /**
     * Seized originals that name a victim which the officer, having seen the list, chose to
     * include anyway under 'not-naming-victims'. Typed statements never need it: they are
     * pseudonymised like page text.
     */
    includeNamingOriginals?: readonly EvidenceId[];
    /** The report's language; defaults to English. */
    reportLanguage?: ReportLanguage;
    /** IANA time zone the report writes times in (the case's); defaults to UTC. */
    timeZone?: string;
    /** The vault's audit chain head at export, so a later rollback of the vault shows. */
    auditHead?: AuditHead;
    /** Files written under verify/; the standalone verifier when absent, none when []. */
    verifierFiles?: readonly Readonly<{ path: string; text: string }>[];
  }>;

export const BUNDLE_FORMAT = 'ringtrace-evidence-bundle';
/**
 * The format this code writes. Version 1: the first release. Version 2 adds the report's
 * language and time zone, the vault's audit head, typed statements pseudonymised as text,
 * every page of every item, signed custody hand-overs, and the standalone verifier in verify/.
 * The verifier accepts every version in SUPPORTED_BUNDLE_VERSIONS.
 */
export const BUNDLE_VERSION = 2;
export const SUPPORTED_BUNDLE_VERSIONS: readonly number[] = [1, 2];

export const REPORT_LANGUAGES = ['en', 'km', 'th'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The vault's audit chain at export: how many entries it held and the last one's hash. */
export type AuditHead = Readonly<{ count: number; lastHash: string }>;

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const SIGNER_PATH = 'signer.json';
export const REPORT_PATH = 'report.html';

export type FileRecord = Readonly<{ path: string; size: number; sha256: string }>;

export type ManifestEntity = Readonly<{
  id: EntityId;
  kind: EntityKind;
  names: readonly Name[];
  roles: readonly Role[];
  properties: Readonly<Record<string, string>>;
  posts?: readonly OfficialPost[];
  victim?: VictimStatus;
  notes?: string;
  /** Set when the entity's identity was replaced: V-001 for a victim. */
  pseudonym?: string;
  /** Property names whose values were withheld to protect a victim. */
  withheld?: readonly string[];
}>;

export type ManifestLink = Readonly<{
  id: LinkId;
  type: LinkType;
  label?: string;
  source: EntityId;
  target: EntityId;
  directed: boolean;
  from?: IsoDate;
  to?: IsoDate;
  amount?: number;
  currency?: string;
  count?: number;
  reliability: SourceReliability;
  credibility: InformationCredibility;
  notes?: string;
}>;

export type CitationSubject =
  Readonly<{ kind: 'entity'; id: EntityId }> | Readonly<{ kind: 'link'; id: LinkId }>;

export type ManifestCitation = Readonly<{
  id: CitationId;
  subject: CitationSubject;
  evidenceId: EvidenceId;
  pageId: PageId;
  pageNumber: number;
  quote: string;
  /** The cited words' boxes on the page image, in pixels. */
  words: readonly Box[];
}>;

export type ManifestPage = Readonly<{
  id: PageId;
  number: number;
  source: Page['source'];
  /** The page's text file in the bundle. */
  path: string;
  /** Set when a user corrected the text: the first text (OCR or text layer), as a file. */
  originalTextPath?: string;
}>;

export type ManifestCustodyEntry = Readonly<{
  id: CustodyEntry['id'];
  evidenceId: EvidenceId;
  at: IsoDate;
  actor: Actor;
  action: CustodyEntry['action'];
  details: string;
  /** A hand-over (action 'transfer'), with the receiving officer's signature when given. */
  transfer?: CustodyEntry['transfer'];
}>;

export type OriginalInBundle =
  | Readonly<{ included: true; path: string }>
  | Readonly<{
      included: false;
      reason: string;
      /**
       * v2, typed statements only: the officer's typed text with victims pseudonymised, like
       * the page text. Not the original (its hash differs from intakeSha256).
       */
      pseudonymisedPath?: string;
    }>;

export type ManifestEvidence = Readonly<{
  id: EvidenceId;
  exhibitRef: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** SHA-256 recorded at intake, and of the bytes read at export: they must be equal. */
  intakeSha256: string;
  exportSha256: string;
  original: OriginalInBundle;
  seizedBy: string;
  seizedFrom: string;
  seizedAt?: IsoDate;
  seizedWhere: string;
  description: string;
  metadata: Readonly<Record<string, string>>;
  pages: readonly ManifestPage[];
  /** The item's full chain of custody, oldest first. */
  custody: readonly ManifestCustodyEntry[];
}>;

export type SignerInfo = Readonly<{
  algorithm: 'Ed25519';
  publicKeyHex: string;
  /** SHA-256 of the public key, hex in groups of 4. */
  fingerprint: string;
}>;

export type BundleManifest = Readonly<{
  format: typeof BUNDLE_FORMAT;
  /** 1 or 2; fields marked "v2" are absent from version 1 bundles. */
  version: number;
  /** v2: the language report.html is written in. */
  reportLanguage?: ReportLanguage;
  /** v2: the time zone report.html writes times in. */
  timeZone?: string;
  /** v2: the vault's audit chain head at export. */
  auditHead?: AuditHead;
  case: Readonly<{
    id: CaseId;
    reference: string;
    title: string;
    status: Case['status'];
    summary: string;
  }>;
  exportedBy: Actor;
  exportedAt: IsoDate;
  signer: SignerInfo;
  victimProtection: Readonly<{
    mode: 'pseudonymised' | 'identities-included';
    victimCount: number;
    statement: string;
  }>;
  originals: Readonly<{ policy: OriginalsPolicy; statement: string }>;
  entities: readonly ManifestEntity[];
  links: readonly ManifestLink[];
  citations: readonly ManifestCitation[];
  evidence: readonly ManifestEvidence[];
  audit: readonly AuditEntry[];
  /** v2: seq of the audit entries whose summary was pseudonymised (their hash cannot be redone). */
  auditRedacted?: readonly number[];
  /** Every file of the ZIP except manifest.json, manifest.sig and signer.json. */
  files: readonly FileRecord[];
}>;

/**
 * Why a bundle could not be made, as a stable code the UI translates. 'invalid-input' covers
 * the checks that existed before codes (the message names the problem).
 */
export type BundleErrorCode = 'invalid-input' | 'vault-integrity' | 'handover-invalid';

/** Raised for input that cannot make a sound bundle; the message names the problem. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(
    message: string,
    readonly code: BundleErrorCode = 'invalid-input',
    readonly codeParams: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
  readonly errorKey = 'bundle.refused';
  get params(): ErrorParams {
    return { ...this.codeParams, detail: this.message };
  }
}
