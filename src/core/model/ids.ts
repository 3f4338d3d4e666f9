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
