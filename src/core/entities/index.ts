/**
 * Entities, links and citations of a case: the store that writes them (every change audited),
 * extraction suggestions and their decisions, duplicate candidates, merge and undo, and typed
 * statements as evidence.
 */
export { blindTokensFor, blindTokensByKind, type BlindTokensByKind } from './blind';
export {
  KIND_PROPERTIES,
  PHONE_PROPERTIES,
  DOCUMENT_PROPERTIES,
  propertyValues,
} from './properties';
export { EntityStoreError } from './errors';
export {
  openEntityStore,
  displayName,
  toEntity,
  type EntityStore,
  type EntityInput,
  type LinkInput,
  type CitationInput,
  type CitationSubject,
  type MergeId,
  type MergeRecord,
  type StoredEntityRow,
} from './store';
export {
  suggestionsForCase,
  acceptSuggestion,
  rejectSuggestion,
  acceptAllOfKind,
  confirmCoMention,
  entityInputFor,
  ENTITY_MAKING_KINDS,
  type Suggestion,
  type SuggestionKey,
  type SuggestionStatus,
  type CoMentionSuggestion,
  type PageSuggestions,
  type AcceptTarget,
  type SuggestionsOptions,
} from './suggestions';
export { duplicateCandidates, type DuplicateCandidate } from './candidates';
export { wordOffsets, boxesForRange } from './quote';
export { addTypedStatement, MAX_STATEMENT_CHARS, type StatementInput } from './statement';
export {
  putEntities,
  entityWriteTables,
  withPseudonyms,
  victimPseudonyms,
  formatPseudonym,
  type PutEntitiesOptions,
} from './write';
