import { victimPseudonyms } from '../entities/write';
import { isVictim, type Entity, type EntityId, type Link } from '../model';
import type { ManifestEntity, VictimProtectionMode } from './types';

/**
 * Victim protection for one bundle. Victims are the entities with the role 'victim'. Each gets
 * a pseudonym (V-001, V-002, ... in the order of their random ids, so the numbering says
 * nothing about them) and every way the case knows to name them is replaced wherever text
 * leaves the vault: their names and aliases, their birth dates (in the usual written forms),
 * their document numbers and every other identifying property, and the identity documents
 * linked to them.
 *
 * Matching is deliberately greedy (case-insensitive, across line breaks, no word boundaries):
 * a victim's name left in a page text is a harm, an over-redacted word is only an
 * inconvenience.
 */
export type VictimProtection = Readonly<{
  mode: VictimProtectionMode;
  /** Victims' entity ids to their pseudonyms; empty when identities are included. */
  pseudonyms: ReadonlyMap<EntityId, string>;
  victimCount: number;
  /** The text with every victim identifier replaced; unchanged when identities are included. */
  redactText: (text: string) => string;
  /** Whether the text contains any victim identifier (whatever the mode). */
  namesVictim: (text: string) => boolean;
  /** The entity as it goes into the bundle. */
  protectEntity: (entity: Entity) => ManifestEntity;
}>;

/** Victim properties that do not identify a person and help the court: kept as they are. */
const KEPT_VICTIM_PROPERTIES = new Set(['gender', 'sex', 'nationality', 'age', 'ageAtRecruitment']);

const BIRTH_DATE_KEY = /birth|dob/i;
const NAME_KEY = /name|alias/i;

type Term = Readonly<{ pattern: RegExp; replacement: string }>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name matches across any run of white space, so a line break inside it is no escape. */
function namePattern(name: string): string {
  return name.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
}

/** A number matches with or without the spaces and dashes people and OCR put inside it. */
function numberPattern(value: string): string {
  return [...value.replace(/[\s-]/g, '')].map(escapeRegExp).join('[\\s-]*');
}

/** The forms a birth date is written in on Cambodian, Thai and international documents. */
function dateForms(value: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (m === null) return [value];
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const dn = String(Number(d));
  const mn = String(Number(mo));
  return [
    value,
    `${d}/${mo}/${y}`,
    `${dn}/${mn}/${y}`,
    `${mo}/${d}/${y}`,
    `${mn}/${dn}/${y}`,
    `${d}.${mo}.${y}`,
    `${d}-${mo}-${y}`,
    `${y}/${mo}/${d}`,
  ];
}

export function victimProtection(
  entities: readonly Entity[],
  links: readonly Link[],
  mode: VictimProtectionMode,
): VictimProtection {
  const victims = entities.filter(isVictim).sort((a, b) => a.id.localeCompare(b.id));
  // The victim's stored pseudonym, the one the network view and every export show.
  const pseudonymOf = victimPseudonyms(entities);

  // An identity document linked to a victim carries the victim's document number: it is the
  // victim's identity as much as the name is.
  const documentOwner = new Map<EntityId, string>();
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const link of links) {
    for (const [a, b] of [
      [link.source, link.target],
      [link.target, link.source],
    ] as const) {
      const victimPseudonym = pseudonymOf.get(a);
      const other = byId.get(b);
      if (victimPseudonym !== undefined && other?.kind === 'identityDocument' && !isVictim(other))
        documentOwner.set(b, victimPseudonym);
    }
  }

  const rawTerms: Array<{ source: string; replacement: string; length: number }> = [];
  const addName = (value: string, replacement: string): void => {
    if (value.trim().length >= 2)
      rawTerms.push({ source: namePattern(value), replacement, length: value.length });
  };
  const addNumber = (value: string, replacement: string): void => {
    // Short values (a height, a shoe size) would wipe unrelated numbers from every page.
    if (value.replace(/[\s-]/g, '').length >= 4)
      rawTerms.push({ source: numberPattern(value), replacement, length: value.length });
  };
  // Withheld values are also scrubbed from texts when they identify on their own: birth dates,
  // numbers (documents, phones, accounts) and names. A withheld "hometown" stays in the
  // texts, since scrubbing every mention of a town would blank out the evidence itself.
  const addProperty = (key: string, value: string, pseudonym: string): void => {
    if (BIRTH_DATE_KEY.test(key)) {
      for (const form of dateForms(value)) addNumber(form, `[${pseudonym} birth date]`);
    } else if (/\d/.test(value)) {
      addNumber(value, `[${pseudonym} ${key}]`);
    } else if (NAME_KEY.test(key)) {
      addName(value, pseudonym);
    }
  };

  for (const victim of victims) {
    const pseudonym = pseudonymOf.get(victim.id) ?? 'V-???';
    for (const name of victim.names) addName(name.value, pseudonym);
    for (const [key, value] of Object.entries(victim.properties))
      if (!KEPT_VICTIM_PROPERTIES.has(key)) addProperty(key, value, pseudonym);
  }
  for (const [docId, pseudonym] of documentOwner) {
    const doc = byId.get(docId);
    if (doc === undefined) continue;
    for (const name of doc.names) addNumber(name.value, `[${pseudonym} document]`);
    for (const [key, value] of Object.entries(doc.properties)) addProperty(key, value, pseudonym);
  }

  // Longest first, so that "Srey Mom Chan" is replaced whole before "Srey Mom" could match.
  rawTerms.sort((a, b) => b.length - a.length);
  const terms: Term[] = rawTerms.map((t) => ({
    pattern: new RegExp(t.source, 'giu'),
    replacement: t.replacement,
  }));

  const replaceAll = (text: string): string => {
    let out = text.normalize('NFC');
    for (const term of terms) out = out.replace(term.pattern, () => term.replacement);
    return out;
  };
  const namesVictim = (text: string): boolean => {
    const normalised = text.normalize('NFC');
    return terms.some((t) => {
      t.pattern.lastIndex = 0;
      return t.pattern.test(normalised);
    });
  };

  const protect = mode === 'pseudonymise';
  const redactText = protect ? replaceAll : (text: string): string => text;
  const redactRecord = (record: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, redactText(v)]));

  const protectEntity = (entity: Entity): ManifestEntity => {
    const base = {
      id: entity.id,
      kind: entity.kind,
      roles: entity.roles,
      ...(entity.posts !== undefined ? { posts: entity.posts } : {}),
      ...(entity.victim !== undefined ? { victim: entity.victim } : {}),
      ...(entity.notes !== undefined ? { notes: redactText(entity.notes) } : {}),
    };
    const pseudonym = protect
      ? (pseudonymOf.get(entity.id) ?? documentOwner.get(entity.id))
      : undefined;
    if (pseudonym === undefined)
      return {
        ...base,
        names: entity.names.map((n) => ({ ...n, value: redactText(n.value) })),
        properties: redactRecord(entity.properties),
      };
    const isDocument = !pseudonymOf.has(entity.id);
    const kept = Object.entries(entity.properties).filter(
      ([k]) => !isDocument && KEPT_VICTIM_PROPERTIES.has(k),
    );
    const withheld = Object.keys(entity.properties).filter(
      (k) => isDocument || !KEPT_VICTIM_PROPERTIES.has(k),
    );
    return {
      ...base,
      names: [
        {
          value: isDocument ? `Identity document of ${pseudonym}` : pseudonym,
          script: 'latin',
          primary: true,
        },
      ],
      properties: Object.fromEntries(kept),
      ...(isDocument ? {} : { pseudonym }),
      ...(withheld.length > 0 ? { withheld } : {}),
    };
  };

  return {
    mode,
    pseudonyms: protect ? new Map([...pseudonymOf]) : new Map(),
    victimCount: victims.length,
    redactText,
    namesVictim,
    protectEntity,
  };
}
