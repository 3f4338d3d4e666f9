/**
 * Evidence intake and its records in the vault: taking files in (hash, metadata, encrypted
 * original, chain of custody), pages and their corrections, and the OCR job queue that survives
 * restarts. File formats live in core/documents, recognition in core/ocr; this folder stores.
 */
export { createEvidenceStore, EvidenceStoreError } from './evidenceStore';
export type {
  CorrectionResult,
  EvidenceStore,
  IntakeFile,
  IntakeMeta,
  IntakeOptions,
  IntakeOutcome,
  ItemEdit,
} from './evidenceStore';
export { runOcrJob } from './ocrRunner';
export { createOcrQueue } from './ocrQueue';
export type { OcrQueue, OcrQueueOptions, QueueSnapshot } from './ocrQueue';
export { announceJobQueued, onJobQueued } from './jobEvents';
export type { JobOutcome, JobProgress, PageImageSource, RunJobOptions } from './ocrRunner';
export { correctedWords, textChange, wordSpans, wordsInRange } from './textRanges';
export type { TextChange, WordSpan } from './textRanges';
export {
  recordCustodyTransfer,
  custodyTransferStatement,
  CustodyTransferError,
} from './custodyTransfer';
export type { CustodyTransferInput, CustodyTransferErrorCode } from './custodyTransfer';
