/**
 * Cross-border victim-identification exchange: victim records, partner agencies and their
 * confirmed keys, encrypted and signed packages (full or match-only), and matching incoming
 * records against local people with a score and the reasons.
 */
export {
  addPartner,
  createVictim,
  decideMatch,
  exchangeKey,
  exportFullPackage,
  exportMatchPackage,
  generateMatchKey,
  importPackage,
  incomingFor,
  listIncoming,
  listPartners,
  listVictims,
  localPeople,
  ownPublicKey,
  readPartnerKeyFile,
  removePartner,
  saveVictimRecord,
  setMatchKey,
  showMatchKey,
  victimRecord,
  type ExportedPackage,
  type ImportResult,
  type MatchOnlyHit,
  type OwnPublicKey,
  type Victim,
} from './exchange';
export { ExchangeError, EXCHANGE_ERROR_CODES, type ExchangeErrorCode } from './errors';
export { checkExchangeRecord, isPartialDate, shownName } from './records';
export { findCandidates, scoreCandidate, localPerson, type LocalPerson } from './matching';
export { formatMatchKey, parseMatchKey, keyedHashes, matchIdentifiers } from './matchOnly';
export { keyFingerprint } from './encoding';
export type { PublicKeyFile } from './packageFormat';
/** The exchange's stored records, as the UI shows them (the tables themselves stay in core). */
export type {
  PartnerId,
  PartnerRow,
  IncomingRecordRow,
  VictimRecordRow,
  IdentityDocument,
  IloIndicator,
} from '../db';
export { ILO_INDICATORS, REFERRAL_STATUSES, SEXES } from '../db';
