export { importFtm, type FtmImportOptions } from './import';
export { schemaCounts, writeFtmImport, type SchemaCount } from './write';
export { ftmFileOf, auditFtmExport, type FtmFile } from './exportFile';
export { exportFtm, type FtmExport, type FtmSelection, type SkippedLink } from './export';
export { parseFtmLines, type ParsedLines, type ParsedRecord } from './parse';
export { detectScript } from './script';
export { encodeValues, decodeValues } from './values';
export {
  EDGE_SCHEMAS,
  ENTITY_SCHEMAS,
  FTM_ID_KEY,
  FTM_SCHEMA_KEY,
  KIND_KEYWORD,
  PSEUDONYM_KEYWORD,
  ROLE_KEYWORD,
  type EdgeSchema,
} from './schemas';
export type {
  FtmEntity,
  FtmImport,
  FtmImportReport,
  FtmLink,
  FtmName,
  FtmRecord,
  ImportWarning,
  MalformedLine,
  UnmappedRecord,
  UnresolvedLink,
} from './types';
export { FTM_MODEL, countryCode, ftmSchema, validateFtmRecords, type FtmViolation } from './model';
