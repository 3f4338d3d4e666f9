/**
 * Errors the OCR engine reports. Callers tell them apart by class: bad input is the user's to
 * fix (another file), a failed engine is ours, and a cancelled job is neither.
 */

import type { ErrorParams } from '../errors';

/** The input cannot be recognised: not an image OCR reads, a corrupt one, a bad language file. */
export class OcrInputError extends Error {
  override readonly name = 'OcrInputError';
  readonly errorKey = 'ocr.input';
  get params(): ErrorParams {
    return { detail: this.message };
  }
}

/** The engine failed: a worker could not start or crashed. */
export class OcrEngineError extends Error {
  override readonly name = 'OcrEngineError';
  readonly errorKey = 'ocr.engine';
  get params(): ErrorParams {
    return { detail: this.message };
  }
}

/**
 * The caller aborted the job. Shaped like the DOMException that fetch() and other web APIs
 * throw, so `error.name === 'AbortError'` checks work the same everywhere.
 */
export class OcrAbortError extends Error {
  override readonly name = 'AbortError';
  readonly errorKey = 'ocr.cancelled';
  readonly params: ErrorParams = {};
  constructor(message = 'OCR cancelled') {
    super(message);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
