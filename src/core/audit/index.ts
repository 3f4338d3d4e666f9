/**
 * The vault's audit log: append-only, each entry carrying the SHA-256 of the one before, and a
 * sealed chain head (count and last hash) so that removing entries, even the last ones, shows.
 */
export {
  appendAudit,
  recentAuditEntries,
  verifyAuditLog,
  auditTables,
  canonicalAuditEntry,
  hashAuditEntry,
  GENESIS_HASH,
  type AuditInput,
  type AuditProblem,
  type AuditVerification,
} from './auditLog';
export type { AuditRow as AuditEntry, AuditAction } from '../db';
