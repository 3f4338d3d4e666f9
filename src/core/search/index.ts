/**
 * Full-text search over page texts, entity names and aliases, and notes: an in-memory
 * inverted index that follows every change, with Thai and Khmer word segmentation.
 */
export {
  SearchIndex,
  SEARCH_KINDS,
  entityDocument,
  noteDocument,
  type SearchDocument,
  type SearchHit,
  type SearchKind,
  type SearchOptions,
  type SearchResults,
  type Snippet,
  type Span,
} from './searchIndex';
export { normalizeTerm, tokenize, type Tokens } from './tokenize';
export {
  CaseSearch,
  SEARCH_PARTS,
  syncCaseSearch,
  type CaseSearchSource,
  type NoteOwner,
} from './caseSearch';
