/**
 * Victim-identification records: checking one (typed by a user, or arriving from a partner,
 * which is untrusted input) and reducing it to exactly the fields an exchange may carry.
 */
import {
  ILO_INDICATORS,
  REFERRAL_STATUSES,
  SEXES,
  type ExchangeRecord,
  type IdentityDocument,
  type IloIndicator,
} from '../db';
import { primaryName, type Name, type Script } from '../model';
import { ExchangeError } from './errors';

const SCRIPTS: readonly Script[] = ['latin', 'khmer', 'thai', 'other'];
const MAX_TEXT = 2000;

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date. */
export function isPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function birthYearOf(record: Pick<ExchangeRecord, 'birthDate'>): number | undefined {
  const m = /^(\d{4})/.exec(record.birthDate ?? '');
  return m ? Number(m[1]) : undefined;
}

function fail(message: string): never {
  throw new ExchangeError('invalidRecord', message);
}

function text(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`${field} must be text.`);
  const trimmed = value.trim();
  if (trimmed.length > MAX_TEXT) fail(`${field} is longer than ${MAX_TEXT} characters.`);
  return trimmed.length === 0 ? undefined : trimmed;
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(
      `${field} "${typeof value === 'string' ? value : typeof value}" is not one of ${allowed.join(', ')}.`,
    );
  }
  return value as T;
}

/**
 * Checks a record and returns it with only the exchange fields, trimmed, empty ones dropped.
 * Throws ExchangeError('invalidRecord') naming the first problem; nothing is guessed.
 */
export function checkExchangeRecord(input: unknown): ExchangeRecord {
  if (input === null || typeof input !== 'object') fail('A record must be an object.');
  const r = input as Record<string, unknown>;
  if (!Array.isArray(r['names'])) fail('A record needs a list of names.');
  const names: Name[] = [];
  for (const raw of r['names'] as unknown[]) {
    const n = (raw ?? {}) as Record<string, unknown>;
    const value = text(n['value'], 'A name');
    if (value === undefined) continue;
    const script = oneOf(n['script'], SCRIPTS, 'A name’s script') ?? 'other';
    names.push({ value, script, ...(n['primary'] === true ? { primary: true } : {}) });
  }
  if (names.length === 0) fail('A record needs at least one name.');
  const documents: IdentityDocument[] = [];
  if (r['documents'] !== undefined) {
    if (!Array.isArray(r['documents'])) fail('Documents must be a list.');
    for (const raw of r['documents'] as unknown[]) {
      const d = (raw ?? {}) as Record<string, unknown>;
      const number = text(d['number'], 'A document number');
      if (number === undefined) continue;
      const country = text(d['country'], 'A document’s country');
      documents.push({
        type: text(d['type'], 'A document type') ?? 'document',
        number,
        ...(country === undefined ? {} : { country }),
      });
    }
  }
  const birthDate = text(r['birthDate'], 'The birth date');
  if (birthDate !== undefined && !isPartialDate(birthDate)) {
    fail(`The birth date "${birthDate}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY).`);
  }
  const identifiedAt = text(r['identifiedAt'], 'The identification date');
  if (identifiedAt !== undefined && !isPartialDate(identifiedAt.slice(0, 10))) {
    fail(`The identification date "${identifiedAt}" is not a date.`);
  }
  const indicators: IloIndicator[] = [];
  if (r['indicators'] !== undefined) {
    if (!Array.isArray(r['indicators'])) fail('Indicators must be a list.');
    for (const raw of r['indicators'] as unknown[]) {
      const indicator = oneOf(raw, ILO_INDICATORS, 'An indicator');
      if (indicator !== undefined && !indicators.includes(indicator)) indicators.push(indicator);
    }
  }
  const record: Record<string, unknown> = {
    names,
    sex: oneOf(r['sex'], SEXES, 'Sex'),
    birthDate,
    nationality: text(r['nationality'], 'The nationality'),
    documents,
    identifiedAt,
    identifiedWhere: text(r['identifiedWhere'], 'Where identified'),
    identifiedBy: text(r['identifiedBy'], 'Identified by'),
    indicators,
    indicatorNotes: text(r['indicatorNotes'], 'Other indicators'),
    referralStatus: oneOf(r['referralStatus'], REFERRAL_STATUSES, 'The referral status'),
    receivingAgency: text(r['receivingAgency'], 'The receiving agency'),
  };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record as ExchangeRecord;
}

/** The name shown for a record: its primary name, else its first. */
export function shownName(names: readonly Name[]): string {
  return primaryName(names) ?? '';
}
