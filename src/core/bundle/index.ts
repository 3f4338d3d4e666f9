/**
 * The prosecutor's evidence bundle: select what a charge rests on, write a signed ZIP that a
 * court can check without the app, and verify one.
 */
export { selectForBundle } from './select';
export { buildBundle, writeBundle, type BundleSink, type BundleSummary } from './build';
export { verifyBundle, formatVerifyResult } from './verify';
export type { VerifyOptions, VerifyProblem, VerifyProblemCode, VerifyResult } from './verify';
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
