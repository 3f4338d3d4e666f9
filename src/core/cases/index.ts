/**
 * The case store: create, list, edit, change status, soft delete, restore and purge cases, each
 * change with its audit entry in the same transaction. Works on an UnlockedVault.
 */
export {
  openCaseStore,
  CaseNotFoundError,
  CaseStoreError,
  type CaseStore,
  type NewCase,
  type CaseEdit,
  type CaseFilter,
  type CaseListing,
  type PurgeReport,
} from './caseStore';
export {
  readCase,
  readWholeCase,
  readCaseGraph,
  tablesOf,
  CASE_PART_TABLES,
  ALL_CASE_PARTS,
  type CaseRecords,
  type CasePart,
  type CaseSource,
  type CaseAuditEntry,
} from './caseData';
