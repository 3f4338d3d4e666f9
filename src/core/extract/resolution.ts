import type { Entity, EntityId, EntityKind } from '../model';
import { compareNames, nameKeys, normalizeName } from '../names';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneCountry } from './types';

/** Two entities that may be one: merging is the investigator's decision, with these reasons. */
export type ResolutionCandidate = Readonly<{
  a: EntityId;
  b: EntityId;
  /** 1 for a shared phone or document number; the name similarity otherwise. */
  score: number;
  reasons: readonly string[];
}>;

export type ResolutionOptions = Readonly<{
  /** Lowest name similarity proposed; 0.88 by default. */
  minNameScore?: number;
  /** Countries for phone numbers stored without a country code. */
  phoneCountries?: readonly PhoneCountry[];
}>;

// Property names the case model uses for kind-specific values (see model Entity.properties).
const PHONE_PROPS = ['number', 'phone', 'e164', 'msisdn', 'mobile'];
const DOCUMENT_PROPS = ['number', 'documentNumber', 'passportNumber', 'idNumber', 'nationalId'];
const ACCOUNT_PROPS = ['number', 'accountNumber', 'iban'];

function phoneKey(value: string, countries: readonly PhoneCountry[]): string | undefined {
  const digits = value.replace(/[^\d+]/gu, '');
  if (digits.startsWith('+')) return parsePhoneNumberFromString(digits)?.number;
  for (const c of countries) {
    const p = parsePhoneNumberFromString(digits, c);
    if (p?.isValid() === true) return p.number;
  }
  return undefined;
}

function identifiers(e: Entity, countries: readonly PhoneCountry[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const props = (names: readonly string[]): string[] =>
    names
      .map((n) => e.properties[n])
      .filter((v): v is string => v !== undefined && v.trim() !== '');
  const phoneProps = e.kind === 'phone' ? PHONE_PROPS : PHONE_PROPS.filter((p) => p !== 'number');
  for (const v of props(phoneProps)) {
    const k = phoneKey(v, countries);
    if (k !== undefined) out.push(['phone number', k]);
  }
  if (e.kind === 'identityDocument' || e.kind === 'person') {
    const docProps =
      e.kind === 'person' ? DOCUMENT_PROPS.filter((p) => p !== 'number') : DOCUMENT_PROPS;
    for (const v of props(docProps))
      out.push(['document number', v.toUpperCase().replace(/[^A-Z0-9]/gu, '')]);
  }
  if (e.kind === 'bankAccount') {
    for (const v of props(ACCOUNT_PROPS))
      out.push(['account number', v.toUpperCase().replace(/[^A-Z0-9]/gu, '')]);
  }
  return out;
}

/** Kinds whose entities are compared by name. */
const NAMED_KINDS: ReadonlySet<EntityKind> = new Set(['person', 'organization']);

/**
 * Pairs of entities that may be the same: the same normalised phone, document or account
 * number, or names close after normalising and romanising, word order ignored. Only
 * entities of the same kind are paired. Names are blocked by nameKeys and by each romanised
 * word, so the comparison does not grow with the square of the case.
 */
export function findResolutionCandidates(
  entities: readonly Entity[],
  options: ResolutionOptions = {},
): ResolutionCandidate[] {
  const minScore = options.minNameScore ?? 0.88;
  if (!(minScore > 0 && minScore <= 1)) throw new RangeError('minNameScore must be in (0, 1]');
  const countries = options.phoneCountries ?? ['KH', 'TH'];
  const found = new Map<string, { a: EntityId; b: EntityId; score: number; reasons: string[] }>();
  const add = (x: Entity, y: Entity, score: number, reasons: readonly string[]): void => {
    if (x.id === y.id || x.kind !== y.kind) return;
    const [a, b] = x.id < y.id ? [x, y] : [y, x];
    const key = `${a.id}|${b.id}`;
    const prev = found.get(key);
    if (prev === undefined) found.set(key, { a: a.id, b: b.id, score, reasons: [...reasons] });
    else {
      prev.score = Math.max(prev.score, score);
      for (const r of reasons) if (!prev.reasons.includes(r)) prev.reasons.push(r);
    }
  };

  const byIdentifier = new Map<string, Entity[]>();
  for (const e of entities) {
    for (const [label, value] of identifiers(e, countries)) {
      const k = `${e.kind}\u0000${label}\u0000${value}`;
      const list = byIdentifier.get(k) ?? [];
      for (const other of list) add(other, e, 1, [`same ${label} ${value}`]);
      list.push(e);
      byIdentifier.set(k, list);
    }
  }

  // Blocking: entities sharing a name key or a word of at least three letters are compared.
  const blocks = new Map<string, Entity[]>();
  for (const e of entities) {
    if (!NAMED_KINDS.has(e.kind)) continue;
    const keys = new Set<string>();
    for (const n of e.names) {
      for (const k of nameKeys(n.value)) {
        keys.add(k);
        for (const word of k.split(' ')) if (word.length >= 3) keys.add(`w:${word.slice(0, 3)}`);
      }
    }
    for (const k of keys) {
      const list = blocks.get(`${e.kind}\u0000${k}`) ?? [];
      list.push(e);
      blocks.set(`${e.kind}\u0000${k}`, list);
    }
  }
  const compared = new Set<string>();
  for (const list of blocks.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        if (x === undefined || y === undefined || x.id === y.id) continue;
        const pair = x.id < y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        let best:
          { score: number; reasons: readonly string[]; names: [string, string] } | undefined;
        for (const nx of x.names) {
          for (const ny of y.names) {
            const r = compareNames(nx.value, ny.value);
            if (best === undefined || r.score > best.score)
              best = { ...r, names: [nx.value, ny.value] };
          }
        }
        if (best !== undefined && best.score >= minScore) {
          const [nx, ny] = best.names;
          const same = normalizeName(nx) === normalizeName(ny);
          add(x, y, best.score, [
            same ? `same name "${nx}"` : `names "${nx}" and "${ny}" close (${best.score})`,
            ...best.reasons,
          ]);
        }
      }
    }
  }
  return [...found.values()].sort((p, q) => q.score - p.score);
}
