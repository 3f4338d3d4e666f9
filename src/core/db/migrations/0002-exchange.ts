import { migration0001 } from './0001-initial';

/**
 * Schema version 2: cross-border victim-identification exchange and saved CSV mappings.
 *
 * As in version 1, only ids are indexed (and so kept in the clear): a partner's agency, a
 * victim's names and documents, a mapping's name are all sealed. Incoming records are found
 * by the local person they were attached to (entityId, caseId); partners and mappings are few
 * and read whole.
 */
export const migration0002 = {
  version: 2,
  name: 'exchange',
  stores: {
    ...migration0001.stores,
    /** Singleton: this vault's exchange key pair (X25519 + Ed25519). */
    exchangeKeys: 'id',
    partners: 'id',
    victimRecords: 'id, caseId, entityId',
    incomingRecords: 'id, caseId, entityId',
    importMappings: 'id',
  },
} as const;
