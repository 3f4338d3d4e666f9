/**
 * CSV import of call detail records and bank transactions: a streaming RFC 4180 parser, column
 * mapping (guessed, previewed, saved by name), and aggregation into phone and account entities
 * and call and payment links, each citing the stored file.
 */
export {
  CsvParser,
  guessDelimiter,
  parseCsvStream,
  MAX_RECORD_CHARS,
  type CsvProblem,
  type CsvRow,
  type CsvSink,
} from './csvParser';
export {
  CALL_FIELDS,
  TRANSACTION_FIELDS,
  FIELDS,
  REQUIRED_FIELDS,
  guessMapping,
  mappingProblems,
  previewCsv,
  listMappings,
  saveMapping,
  type CsvPreview,
} from './mapping';
export {
  importCsv,
  CsvImportError,
  CsvImportCancelled,
  MAX_REPORTED_PROBLEMS,
  type CsvImportInput,
  type CsvImportProgress,
  type CsvImportReport,
} from './importCsv';
export { parseDateTime, parseDuration, parseAmount, formatDuration } from './values';
export type { CsvImportKind, ImportMappingRow } from '../db';
