/**
 * OCR: page images to text and word boxes, with tesseract.js workers and language data served
 * from the app's own files. Node-only helpers live in *.node.ts files, imported directly.
 */
export { createOcrEngine } from './engine';
export type {
  OcrEngine,
  OcrEngineOptions,
  OcrImage,
  OcrProgress,
  PageLayout,
  RecognizeOptions,
} from './engine';
export { toPage } from './results';
export type { OcrPageResult } from './results';
export {
  BUNDLED_LANGUAGES,
  createUrlLanguageStore,
  languageCode,
  languageCodeFromFileName,
  parseLanguages,
  readTraineddata,
} from './languages';
export type {
  BundledLanguage,
  LanguageCode,
  LanguageStore,
  UrlLanguageStoreOptions,
} from './languages';
export {
  USER_LANGUAGE_CACHE_PATH,
  WORKER_CACHE_DB,
  WORKER_CACHE_STORE,
  createWorkerLanguageCache,
} from './workerLanguageCache';
export type { WorkerLanguageCache } from './workerLanguageCache';
export { OCR_IMAGE_TYPES, readImageInfo } from './imageInfo';
export type { ImageInfo, OcrImageType } from './imageInfo';
export { DEFAULT_DOWNSCALE, canvasResizer, downscaleFactor, pngResizer } from './downscale';
export type { DownscalePolicy, ImageResizer } from './downscale';
export { OcrAbortError, OcrEngineError, OcrInputError, isAbortError } from './errors';
export { characterErrorRate, editDistance } from './quality';
export type { CerOptions, WhitespacePolicy } from './quality';
export { recordLanguageAdded, recordLanguageRemoved } from './languageAudit';
