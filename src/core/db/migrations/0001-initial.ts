/**
 * Schema version 1: every table the case model needs, including those later issues fill
 * (OCR jobs, saved graph views).
 *
 * Only primary keys, foreign keys (random UUIDs) and blind-index tokens may be indexed: the
 * encryption middleware keeps exactly the indexed properties in the clear (IndexedDB cannot
 * index what it cannot read) and seals everything else. Adding an index on a property that
 * holds user data would leak it; tests/unit/core/db checks the list.
 */
export const migration0001 = {
  version: 1,
  name: 'initial',
  stores: {
    /** Clear by design: salts, KDF parameters and the wrapped data key, nothing else. */
    keySlots: 'id',
    /** Who owns each key slot (name, agency, badge), sealed. */
    actors: 'id',
    /** Singleton rows: signing key, audit chain head. */
    vaultMeta: 'id',
    /** One row per key slot: that user's preferences. */
    settings: 'id',
    cases: 'id',
    entities: 'id, caseId, *blind',
    links: 'id, caseId, source, target',
    evidence: 'id, caseId, fileId, *blind',
    pages: 'id, caseId, evidenceId',
    citations: 'id, caseId, evidenceId, pageId, entityId, linkId',
    custody: 'id, caseId, evidenceId',
    audit: 'seq, caseId',
    files: 'id, caseId',
    /** Clear by design: each chunk is sealed by the file layer with its own AAD. */
    fileChunks: '[fileId+index], fileId',
    ocrJobs: 'id, caseId, evidenceId',
    graphViews: 'id, caseId',
  },
} as const;
