import { sha256Hex, utf8 } from './bytes';
import type { AuditEntry } from './types';

/**
 * The hash the vault gives an audit entry (src/core/audit/auditLog.ts, canonicalAuditEntry),
 * restated here so that the verifier, which must run with nothing of the vault (and without
 * Dexie), can recompute it. A unit test keeps the two equal.
 */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(
    utf8(
      JSON.stringify([
        'ringtrace/audit/v1',
        entry.seq,
        entry.at,
        [entry.actor.name, entry.actor.agency, entry.actor.badge],
        entry.action,
        entry.table,
        entry.recordId,
        entry.caseId ?? null,
        entry.summary,
        entry.prevHash,
      ]),
    ),
  );
}
