/**
 * Extraction from a page's text (phones, e-mails, accounts, IBANs, documents, money, dates,
 * handles, names), the weak links suggested by people named together, and the finder of
 * entities that may be one.
 */
export { extract, resolveOverlaps } from './extract';
export { suggestCoMentions, type CoMention } from './coMentions';
export {
  findResolutionCandidates,
  type ResolutionCandidate,
  type ResolutionOptions,
} from './resolution';
export { ibanChecksumValid, thaiIdChecksumValid } from './identifiers';
export { ethereumChecksumValid, tronAddressValid } from './wallets';
export { GAZETTEER, placeKey, type Place, type PlaceType } from './places';
export { BUDDHIST_ERA_OFFSET } from './dates';
export {
  FINDING_KINDS,
  type ExtractOptions,
  type Finding,
  type FindingKind,
  type KnownName,
  type OfficialPost,
  type PhoneCountry,
} from './types';
