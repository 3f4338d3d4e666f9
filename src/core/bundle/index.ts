/**
 * The prosecutor's evidence bundle: select what a charge rests on, write a signed ZIP that a
 * court can check without the app, and verify one.
 */
export { selectForBundle } from './select';
export { buildBundle, writeBundle, type BundleSink, type BundleSummary } from './build';
export { verifyBundle, formatVerifyResult, exitCodeOf, VERIFY_EXIT } from './verify';
export type {
  VerifyOptions,
  VerifyProblem,
  VerifyProblemCode,
  VerifyResult,
  VerifyStatus,
} from './verify';
export { escapeUntrusted } from './escape';
export { handoverStatement, reasonHash, handoverProblem } from './handover';
export { isTypedRecord } from './typedRecord';
export { bytesSource, DEFAULT_ZIP_LIMITS } from './zipReader';
export type { RandomAccess, ZipLimits } from './zipReader';
export { fingerprintOf } from './bytes';
export { victimProtection, type VictimProtection } from './victims';
export * from './types';
export {
  exportFromVault,
  recordBundleExport,
  recordReportPdf,
  type ReportPdfOutcome,
  bundleFileName,
  ExportCancelledError,
  type BundleSaver,
  type ExportOutcome,
  type ExportProgress,
  type ExportRequest,
} from './exportFromVault';
export { esc } from './html';
export { originalsNamingVictims, type NamingOriginal } from './namingOriginals';
export { REPORT_LANGUAGES, SUPPORTED_BUNDLE_VERSIONS } from './types';
