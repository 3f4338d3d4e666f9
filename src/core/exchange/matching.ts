/**
 * Matching an incoming victim record against local people: names across scripts (romanised,
 * word order ignored), birth date or year, identity document numbers. Each candidate gets a
 * score from 0 to 1 and the reasons, in words an officer can check before confirming.
 */
import type { EntityRow, ExchangeRecord, VictimRecordRow } from '../db';
import type { CaseId, EntityId } from '../model';
import { compareNames } from '../names';
import { normalizeDocumentNumber } from '../vault';
import { birthYearOf, shownName } from './records';

/** What this vault knows of one local person, gathered from the entity and its record. */
export type LocalPerson = Readonly<{
  entityId: EntityId;
  caseId: CaseId;
  name: string;
  names: readonly string[];
  birthDate?: string;
  documents: readonly string[];
}>;

/** Entity properties that hold document numbers or a birth date, as other views write them. */
const DOCUMENT_PROPERTIES = ['passport', 'idCard', 'nationalId', 'documentNumber', 'document'];
const BIRTH_PROPERTIES = ['birthDate', 'dateOfBirth'];

export function localPerson(entity: EntityRow, record?: VictimRecordRow): LocalPerson {
  const names = [...entity.names.map((n) => n.value), ...(record?.names.map((n) => n.value) ?? [])];
  const documents = [
    ...DOCUMENT_PROPERTIES.flatMap((p) => entity.properties[p] ?? []),
    ...(record?.documents.map((d) => d.number) ?? []),
  ];
  const birthDate =
    record?.birthDate ?? BIRTH_PROPERTIES.map((p) => entity.properties[p]).find((v) => v);
  return {
    entityId: entity.id,
    caseId: entity.caseId,
    name: shownName(entity.names) || (names[0] ?? ''),
    names: [...new Set(names)],
    ...(birthDate ? { birthDate } : {}),
    documents: [...new Set(documents)],
  };
}

function normalDoc(value: string): string | undefined {
  try {
    return normalizeDocumentNumber(value);
  } catch {
    return undefined;
  }
}

export type ScoredCandidate = Readonly<{
  person: LocalPerson;
  score: number;
  reasons: readonly string[];
}>;

/** Below this a candidate is not shown: a name alike by chance, with nothing else agreeing. */
export const MIN_CANDIDATE_SCORE = 0.6;
const MAX_CANDIDATES = 5;

export function scoreCandidate(incoming: ExchangeRecord, person: LocalPerson): ScoredCandidate {
  const reasons: string[] = [];

  let bestName = { score: 0, reasons: [] as readonly string[], a: '', b: '' };
  for (const a of incoming.names) {
    for (const b of person.names) {
      const c = compareNames(a.value, b);
      if (c.score > bestName.score) bestName = { ...c, a: a.value, b };
    }
  }
  if (bestName.score > 0) {
    reasons.push(
      `name "${bestName.a}" ~ "${bestName.b}": ${bestName.score} (${bestName.reasons.join('; ')})`,
    );
  }

  const incomingDocs = new Map(
    incoming.documents.flatMap((d) => {
      const n = normalDoc(d.number);
      return n ? [[n, d] as const] : [];
    }),
  );
  const sharedDoc = person.documents
    .map(normalDoc)
    .find((n) => n !== undefined && incomingDocs.has(n));
  if (sharedDoc !== undefined) {
    reasons.push(`${incomingDocs.get(sharedDoc)?.type ?? 'document'} number ${sharedDoc} in both`);
  } else if (incomingDocs.size > 0 && person.documents.length > 0) {
    reasons.push('document numbers differ');
  }

  let birth: number | undefined;
  const yearIn = birthYearOf(incoming);
  const yearLocal = birthYearOf({ birthDate: person.birthDate });
  if (yearIn !== undefined && yearLocal !== undefined) {
    const fullIn = incoming.birthDate?.length === 10 ? incoming.birthDate : undefined;
    const fullLocal = person.birthDate?.length === 10 ? person.birthDate : undefined;
    if (fullIn && fullLocal && fullIn === fullLocal) {
      birth = 1;
      reasons.push(`same birth date ${fullIn}`);
    } else if (fullIn && fullLocal) {
      birth = yearIn === yearLocal ? 0.5 : 0;
      reasons.push(`birth dates differ: ${fullIn} / ${fullLocal}`);
    } else if (yearIn === yearLocal) {
      birth = 0.8;
      reasons.push(`same birth year ${yearIn}`);
    } else {
      birth = Math.abs(yearIn - yearLocal) === 1 ? 0.4 : 0;
      reasons.push(`birth years differ: ${yearIn} / ${yearLocal}`);
    }
  }

  // A shared document number identifies a person nearly on its own; names and birth dates
  // only together. Without a birth date the name alone is discounted: many people share one.
  let score: number;
  if (sharedDoc !== undefined) score = 0.9 + 0.1 * bestName.score;
  else if (birth !== undefined) score = 0.7 * bestName.score + 0.3 * birth;
  else score = 0.85 * bestName.score;
  return { person, score: Math.round(score * 1000) / 1000, reasons };
}

/** The best local candidates for one incoming record, best first. */
export function findCandidates(
  incoming: ExchangeRecord,
  people: readonly LocalPerson[],
): ScoredCandidate[] {
  return people
    .map((p) => scoreCandidate(incoming, p))
    .filter((c) => c.score >= MIN_CANDIDATE_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CANDIDATES);
}
