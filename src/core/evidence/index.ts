/**
 * Evidence file formats for intake: between "the user dropped these files" and "OCR these page
 * images / store these texts". Pure and browser-safe (Blob, ReadableStream, Uint8Array).
 */
export { IntakeError, INTAKE_ERROR_CODES } from './errors';
export type { IntakeErrorCode } from './errors';
export {
  SUPPORTED_MEDIA_TYPES,
  SNIFF_BYTES,
  sniffMediaType,
  identifyFormat,
  checkExtension,
  extensionOf,
  mediaTypeForExtension,
} from './mediaType';
export type { SupportedMediaType, ImageMediaType, SniffResult, ExtensionCheck } from './mediaType';
export { sha256Stream, sha256Blob } from './sha256';
export type { HashOptions, Sha256Result } from './sha256';
export { MAX_IMAGE_PIXELS, readImageInfo, readImageInfoFrom } from './imageInfo';
export type { Dpi, ImageFrame, ImageInfo } from './imageInfo';
export { MAX_TIFF_PAGES } from './tiffStructure';
export {
  OCR_TARGET_DPI,
  MAX_OCR_LONG_EDGE,
  PDF_POINTS_PER_INCH,
  planDownscale,
  pdfPageScale,
} from './downscale';
export type { DownscalePlan, DownscaleInput } from './downscale';
export {
  METADATA_PREFIX_BYTES,
  METADATA_WHOLE_BYTES,
  PHOTO_METADATA_KEYS,
  readPhotoMetadata,
  readPhotoMetadataFrom,
  exifDateToIso,
} from './photoMetadata';
export { PDF_METADATA_KEYS, pdfDateToIso } from './pdfMetadata';
export { TEXT_LAYER_CONFIDENCE, doubtOfTextLayer, layoutPageText } from './textLayer';
export type { PageText, TextLine, PdfTextItem, PdfTextStyle } from './textLayer';
export { PDF_RANGE_CHUNK_BYTES, openPdf, readPdf } from './pdf';
export {
  RangeReader,
  blobSlices,
  blobSource,
  bytesSource,
  cachedSource,
  isByteSource,
} from './byteSource';
export type { ByteSource } from './byteSource';
export type {
  PdfJsLib,
  PdfJsSetup,
  PdfOptions,
  PdfPage,
  PdfContents,
  PdfFile,
  PdfInput,
  RenderCanvas,
  CanvasFactory,
  RenderedPage,
} from './pdf';
export { decodeTiffPages, decodeTiffPagesLazily, readTiffSummary } from './tiff';
export type { TiffPage, TiffSummary } from './tiff';
export { MAX_PARSE_BYTES, inspectFile } from './inspectFile';
export type {
  IntakeReport,
  IntakePage,
  ImagePage,
  PdfIntakePage,
  IntakeWarning,
  IntakeProgress,
  InspectOptions,
} from './inspectFile';
