/**
 * Row types of the vault database. Model types (src/core/model) are the rows wherever they
 * fit; the extra fields here are storage concerns: blind-index tokens, key slots, file chunks.
 */
import type {
  Actor,
  CaseId,
  Case,
  Citation,
  CustodyEntry,
  Entity,
  EntityId,
  EvidenceId,
  EvidenceItem,
  FileId,
  IsoDate,
  KeySlotId,
  Link,
  Page,
  PageId,
} from '../model';
import type { BlindToken, OcrJobId, GraphViewId } from '../model';
/** Branded ids live in core/model/ids.ts; re-exported where they were. */
export type { BlindToken, OcrJobId, GraphViewId };

/**
 * An HMAC of a normalised value (phone, document number, name, hash). Equal values give equal
 * tokens under one vault's key, so exact look-ups work while the value itself is never stored.
 */

/** Rows that can be found by exact value carry their blind-index tokens (a multiEntry index). */
export type BlindIndexed = Readonly<{ blind: readonly BlindToken[] }>;

/** Argon2id parameters, stored with each key slot so that they can be raised later. */
export type KdfParams = Readonly<{
  algorithm: 'argon2id';
  /** Memory in KiB (65536 = 64 MiB). */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: Uint8Array;
}>;

/**
 * A key slot: the data key wrapped under one user's passphrase. Stored in the clear (nothing in
 * it is secret without the passphrase); the owner's identity is in the sealed `actors` table.
 */
export type KeySlotRow = Readonly<{
  id: KeySlotId;
  kdf: KdfParams;
  /** 12-byte nonce followed by AES-256-GCM(data key) and its tag. */
  wrappedKey: Uint8Array;
  /**
   * A hash of the key-encryption key (slots made since the check existed): when it matches but
   * the wrapped key fails, the passphrase was right and the slot is damaged.
   */
  check?: Uint8Array;
}>;

export type ActorRow = Readonly<{ id: KeySlotId; actor: Actor; createdAt: IsoDate }>;

export type SigningKeyRow = Readonly<{
  id: 'signing';
  algorithm: 'ed25519';
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  createdAt: IsoDate;
}>;

/**
 * The audit chain's head. Kept sealed apart from the log so that deleting the last entries
 * (which leaves a valid, shorter chain) still shows: the head remembers the count.
 */
export type AuditHeadRow = Readonly<{
  id: 'auditHead';
  count: number;
  lastHash: string;
  /**
   * Written by every version that keeps the vault-wide commitment: a vault whose head says so
   * and whose integrity record is missing had it removed, rather than never had one.
   */
  integrity?: true;
}>;

export type VaultMetaRow = SigningKeyRow | AuditHeadRow;

export type SettingsRow = Readonly<{
  /** Settings belong to a user, i.e. to the key slot they unlock with. */
  id: KeySlotId;
  /** Minutes without input after which the UI locks the vault. */
  idleLockMinutes: number;
}>;

export type CaseRow = Case;
export type EntityRow = Entity & BlindIndexed;
export type LinkRow = Link;
export type EvidenceRow = EvidenceItem & BlindIndexed;
export type PageRow = Page;
export type CitationRow = Citation;
export type CustodyRow = CustodyEntry;

/**
 * What was done, as `subject.verb` ("case.create", "keySlot.add"). Open-ended so that later
 * capabilities (evidence, entities, bundles) add their own actions without touching this file.
 */
export type AuditAction = `${string}.${string}`;

export type AuditRow = Readonly<{
  /** 1, 2, 3...: position in the chain, also the primary key. */
  seq: number;
  at: IsoDate;
  actor: Actor;
  action: AuditAction;
  /** The table and primary key of the record changed. */
  table: string;
  recordId: string;
  /** The case the change belongs to, when there is one (indexed, for per-case views). */
  caseId?: CaseId;
  summary: string;
  /** Hash of the previous entry; 64 zeros for the first. */
  prevHash: string;
  /** SHA-256 (hex) of the canonical entry including prevHash. */
  hash: string;
}>;

export type FileRow = Readonly<{
  id: FileId;
  caseId: CaseId;
  size: number;
  chunkSize: number;
  chunkCount: number;
  /** SHA-256 (hex) of the plaintext, computed while it streamed in; absent if not asked for. */
  sha256?: string;
  mediaType: string;
  createdAt: IsoDate;
}>;

export type FileChunkRow = Readonly<{
  fileId: FileId;
  index: number;
  /** 12-byte nonce followed by the AES-256-GCM ciphertext and tag. */
  data: Uint8Array;
}>;

export const OCR_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type OcrJobStatus = (typeof OCR_JOB_STATUSES)[number];

export type OcrJobRow = Readonly<{
  id: OcrJobId;
  caseId: CaseId;
  evidenceId: EvidenceId;
  status: OcrJobStatus;
  languages: readonly string[];
  /** Pages done so far, for progress and for resuming after a restart. */
  donePageIds: readonly PageId[];
  error?: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}>;

export type GraphViewRow = Readonly<{
  id: GraphViewId;
  caseId: CaseId;
  name: string;
  positions: Readonly<Record<EntityId, Readonly<{ x: number; y: number }>>>;
  hidden: readonly EntityId[];
  layout: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}>;
