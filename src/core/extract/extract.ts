import { foldDigits } from '../names';
import { findDates } from './dates';
import { findAccounts, findDocuments, findEmails, findHandles, findIbans } from './identifiers';
import { findMoney } from './money';
import { findOrganizations } from './organizations';
import { findKnownNames, findPersonNames, joinPeople } from './personNames';
import { findPhones } from './phones';
import { findPlaces } from './places';
import { findVehicles } from './vehicles';
import { findWallets } from './wallets';
import {
  FINDING_KINDS,
  type Candidate,
  type ExtractOptions,
  type Finding,
  type FindingKind,
  type PhoneCountry,
} from './types';

const DEFAULT_COUNTRIES: readonly PhoneCountry[] = ['KH', 'TH'];

/**
 * Keeps one finding per stretch of text: candidates are taken by priority (then length)
 * and any that overlaps one already kept is dropped, so a phone number is not also an
 * account number and a date inside a longer date is not reported twice.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Finding[] {
  const order = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of order) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ priority: _priority, ...finding }) => finding);
}

/**
 * Everything worth an investigator's attention in a page's text: phone numbers, e-mail
 * addresses, bank accounts and IBANs, identity documents, money, dates, messenger handles,
 * people (titles stripped, later short mentions joined to the full name, officials' posts),
 * organisations, places of the gazetteer, vehicle plates and crypto wallets. Offsets refer
 * to `text` as given.
 */
export function extract(text: string, options: ExtractOptions = {}): Finding[] {
  if (typeof text !== 'string') throw new TypeError('extract: text must be a string');
  const unknownKind = options.kinds?.find((k) => !FINDING_KINDS.includes(k));
  if (unknownKind !== undefined) {
    throw new RangeError(
      `extract: unknown kind "${String(unknownKind)}"; kinds are ${FINDING_KINDS.join(', ')}`,
    );
  }
  const countries = options.phoneCountries ?? DEFAULT_COUNTRIES;
  if (countries.length === 0) throw new RangeError('extract: phoneCountries must not be empty');
  // Thai and Khmer digits are read as ASCII digits; each is one UTF-16 unit, so offsets
  // found in the folded text are offsets in the page.
  const folded = foldDigits(text);
  const candidates: Candidate[] = [
    ...findWallets(text),
    ...findEmails(folded),
    ...findIbans(folded),
    ...findDocuments(folded),
    ...findAccounts(folded),
    ...findDates(folded),
    ...findMoney(folded),
    ...findPhones(folded, countries),
    ...findHandles(folded),
    ...findKnownNames(text, options.knownNames ?? []),
    ...findPersonNames(text),
    ...findOrganizations(text),
    ...findPlaces(text),
    ...findVehicles(folded),
  ];
  const wanted = new Set<FindingKind>(options.kinds ?? FINDING_KINDS);
  const kept = resolveOverlaps(candidates);
  // A place inside a public body's name is where it sits: "Sa Kaeo Immigration". Not so in a
  // bank's or company's name (Bangkok Bank is not in Bangkok by its name).
  const organizations = kept.filter(
    (f) =>
      f.kind === 'organization' && !/^(?:bank|company|ngo|known acronym)/u.test(f.detail ?? ''),
  );
  const nested = candidates
    .filter((c) => c.kind === 'place')
    .filter((c) => organizations.some((o) => o.start <= c.start && c.end <= o.end))
    .map(({ priority: _priority, ...finding }) => finding);
  return joinPeople(
    text,
    [...kept, ...nested].sort((a, b) => a.start - b.start),
  )
    .filter((f) => wanted.has(f.kind))
    .map((f) => ({ ...f, value: text.slice(f.start, f.end) }));
}
