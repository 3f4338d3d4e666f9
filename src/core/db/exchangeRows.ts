/**
 * Row types of the cross-border exchange and the CSV import (schema version 2). Every row is
 * sealed by the vault's encryption middleware; only ids stay in the clear (see
 * migrations/0002-exchange.ts).
 */
import type { Actor, CaseId, EntityId, IsoDate, Link, Name } from '../model';
import type { PartnerId, VictimRecordId, IncomingRecordId, ImportMappingId } from '../model';
/** Branded ids live in core/model/ids.ts; re-exported where they were. */
export type { PartnerId, VictimRecordId, IncomingRecordId, ImportMappingId };

/** The ILO indicators of forced labour, as the victim-identification checklist names them. */
export const ILO_INDICATORS = [
  'deception',
  'restrictionOfMovement',
  'isolation',
  'violence',
  'intimidation',
  'retentionOfDocuments',
  'withholdingOfWages',
  'debtBondage',
  'abusiveConditions',
  'excessiveOvertime',
] as const;
export type IloIndicator = (typeof ILO_INDICATORS)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const REFERRAL_STATUSES = ['not-referred', 'referred', 'assisted', 'returned'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export type IdentityDocument = Readonly<{
  /** "passport", "national ID", "border pass"... as written by the user. */
  type: string;
  number: string;
  /** Issuing country (ISO 3166 alpha-2 or as written). */
  country?: string;
}>;

/**
 * What a victim-identification record holds, and exactly what an exchange package may carry:
 * nothing of the case, its suspects or its evidence travels.
 */
export type ExchangeRecord = Readonly<{
  /** Names in every script, and aliases; the first primary one is shown. */
  names: readonly Name[];
  sex?: Sex;
  /** YYYY-MM-DD, or YYYY where only the year is known. */
  birthDate?: string;
  nationality?: string;
  documents: readonly IdentityDocument[];
  identifiedAt?: IsoDate;
  identifiedWhere?: string;
  identifiedBy?: string;
  indicators: readonly IloIndicator[];
  /** Other indicators observed, in the officer's words. */
  indicatorNotes?: string;
  referralStatus?: ReferralStatus;
  receivingAgency?: string;
}>;

/** One victim-identification record per victim entity. */
export type VictimRecordRow = ExchangeRecord &
  Readonly<{
    id: VictimRecordId;
    caseId: CaseId;
    entityId: EntityId;
    createdAt: IsoDate;
    updatedAt: IsoDate;
  }>;

/** The vault's own exchange key pair, made on first use. Sealed like every row. */
export type ExchangeKeyRow = Readonly<{
  id: 'exchangeKey';
  /** Who the key speaks for, as written into the public key file. */
  agency: string;
  x25519SecretKey: Uint8Array;
  x25519PublicKey: Uint8Array;
  ed25519SecretKey: Uint8Array;
  ed25519PublicKey: Uint8Array;
  createdAt: IsoDate;
}>;

/** A partner agency whose public keys were imported and whose fingerprint was confirmed. */
export type PartnerRow = Readonly<{
  id: PartnerId;
  agency: string;
  x25519PublicKey: Uint8Array;
  ed25519PublicKey: Uint8Array;
  /** SHA-256 of both public keys, upper-case hex in groups of four. */
  fingerprint: string;
  confirmedBy: Actor;
  confirmedAt: IsoDate;
  /** The shared secret of match-only exchanges with this partner, once agreed. */
  matchKey?: Uint8Array;
  addedAt: IsoDate;
}>;

export type MatchDecision = 'pending' | 'confirmed' | 'rejected';

/** A local person an incoming record may be, with the score and the reasons. */
export type MatchCandidate = Readonly<{
  entityId: EntityId;
  caseId: CaseId;
  /** The local person's shown name, at the time of the import. */
  name: string;
  score: number;
  reasons: readonly string[];
  decision: MatchDecision;
  decidedAt?: IsoDate;
  decidedBy?: Actor;
}>;

/**
 * A record received from a partner. It stays apart from local records: a confirmed match
 * attaches it to the local person (caseId and entityId set) with its provenance, and nothing
 * is ever merged into the local record.
 */
export type IncomingRecordRow = Readonly<{
  id: IncomingRecordId;
  /** Set once the record is attached to a confirmed local person. */
  caseId?: CaseId;
  entityId?: EntityId;
  partnerId: PartnerId;
  partnerAgency: string;
  packageId: string;
  sentAt: IsoDate;
  receivedAt: IsoDate;
  record: ExchangeRecord;
  candidates: readonly MatchCandidate[];
}>;

export const CSV_IMPORT_KINDS = ['calls', 'transactions'] as const;
export type CsvImportKind = (typeof CSV_IMPORT_KINDS)[number];

/** A column mapping saved by name, for the next file from the same provider or bank. */
export type ImportMappingRow = Readonly<{
  id: ImportMappingId;
  name: string;
  kind: CsvImportKind;
  /** Field name to column header. */
  columns: Readonly<Record<string, string>>;
  createdAt: IsoDate;
}>;

/** An aggregated call or payment link, with the total call time it stands for. */
export type AggregatedLinkRow = Link &
  Readonly<{
    /** Total duration of the calls, in seconds (call links only). */
    durationSeconds?: number;
  }>;
