/**
 * Branded ids: an EvidenceId cannot be passed where an EntityId is due. Every id is a random
 * UUID, so ids carry no information and may stay in the clear as primary and foreign keys.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type CaseId = Brand<string, 'CaseId'>;
export type EntityId = Brand<string, 'EntityId'>;
export type LinkId = Brand<string, 'LinkId'>;
export type EvidenceId = Brand<string, 'EvidenceId'>;
export type PageId = Brand<string, 'PageId'>;
export type CitationId = Brand<string, 'CitationId'>;
export type CustodyId = Brand<string, 'CustodyId'>;
export type FileId = Brand<string, 'FileId'>;
export type KeySlotId = Brand<string, 'KeySlotId'>;

export function newId<T extends Brand<string, string>>(): T {
  return globalThis.crypto.randomUUID() as T;
}

/* Ids of records and concepts beyond the case model, kept here so that every brand has one home. */
/** An extraction suggestion: page and finding, stable across re-reads. */
export type SuggestionKey = Brand<string, 'SuggestionKey'>;
/** One merge of two entities, kept so that it can be undone. */
export type MergeId = Brand<string, 'MergeId'>;
/** A blind-index token: HMAC of a normalised value, indexed in the clear. */
export type BlindToken = Brand<string, 'BlindToken'>;
/** An OCR job of one evidence item. */
export type OcrJobId = Brand<string, 'OcrJobId'>;
/** A saved network view. */
export type GraphViewId = Brand<string, 'GraphViewId'>;
/** A partner agency of the exchange. */
export type PartnerId = Brand<string, 'PartnerId'>;
/** A victim-identification record. */
export type VictimRecordId = Brand<string, 'VictimRecordId'>;
/** A record received from a partner. */
export type IncomingRecordId = Brand<string, 'IncomingRecordId'>;
/** A saved CSV column mapping. */
export type ImportMappingId = Brand<string, 'ImportMappingId'>;
/** A tesseract language code (eng, tha, khm...). */
export type LanguageCode = Brand<string, 'LanguageCode'>;
