import type { Entity, Link } from '../model';
import { countryCode, ftmSchema } from './model';
import {
  DEFAULT_SCHEMA,
  EDGE_SCHEMAS,
  ENTITY_SCHEMAS,
  FTM_ID_KEY,
  FTM_SCHEMA_KEY,
  KIND_KEYWORD,
  PROPERTY_KEYWORD,
  PSEUDONYM_KEYWORD,
  RENAMED_PROPERTIES,
  ROLE_KEYWORD,
} from './schemas';
import type { FtmName, FtmRecord } from './types';
import { decodeValues } from './values';

/** What to export: a whole case, or the entities and links a user selected. */
export type FtmSelection = Readonly<{
  entities: readonly Entity[];
  /** Links may carry FtM properties from an import (FtmLink); native links have none. */
  links: readonly (Link & Readonly<{ properties?: Readonly<Record<string, string>> }>)[];
}>;

export type SkippedLink = Readonly<{ linkId: string; reason: string }>;
/** An entity FtM cannot take as it is (an identity document without a holder). */
export type SkippedEntity = Readonly<{ entityId: string; reason: string }>;

export type FtmExport = Readonly<{
  /** One FtM entity per line, entities first, then links; ends with a newline. */
  text: string;
  records: readonly FtmRecord[];
  /** Links not exported because an end is outside the selection, or FtM has no such link. */
  skipped: readonly SkippedLink[];
  skippedEntities: readonly SkippedEntity[];
}>;

function storedProperties(properties: Readonly<Record<string, string>> | undefined) {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(properties ?? {}))
    if (key !== FTM_ID_KEY && key !== FTM_SCHEMA_KEY) out[key] = decodeValues(value);
  return out;
}

function add(properties: Record<string, string[]>, key: string, ...values: string[]): void {
  const list = properties[key] ?? [];
  for (const v of values) if (!list.includes(v)) list.push(v);
  if (list.length > 0) properties[key] = list;
}

const schemaOfEntity = (entity: Entity): string =>
  entity.properties[FTM_SCHEMA_KEY] ?? DEFAULT_SCHEMA[entity.kind];

/** Values as the model's type has them: countries as codes ("Cambodia" -> "kh"), genders lower-case. */
function normalised(type: string | undefined, values: readonly string[]): string[] {
  if (type === 'country') return values.map((v) => countryCode(v) ?? v);
  if (type === 'gender') return values.map((v) => v.trim().toLowerCase());
  return [...values];
}

function entityRecord(entity: Entity, holder: string | undefined): FtmRecord {
  const schema = schemaOfEntity(entity);
  const model = ftmSchema(schema);
  const known = model?.getProperties();
  const isThing = model?.isThing() ?? true;
  const renamed = RENAMED_PROPERTIES[entity.kind] ?? {};
  const properties: Record<string, string[]> = {};
  const extra: string[] = [];
  for (const [key, values] of Object.entries(storedProperties(entity.properties))) {
    const name = renamed[key] ?? key;
    const property = known?.get(name);
    // A property the schema lacks travels as a keyword where the schema has keywords.
    if (property === undefined && known !== undefined && isThing)
      extra.push(...values.map((v) => `${PROPERTY_KEYWORD}${key}=${v}`));
    else add(properties, name, ...normalised(property?.type.name, values));
  }
  for (const name of entity.names as readonly FtmName[]) {
    if (name.ftmProperty === 'caption') continue;
    // Interval schemata (Identification, Passport) have no names: their summary carries them.
    const property = !isThing
      ? 'summary'
      : (name.ftmProperty ?? (name.primary === true ? 'name' : 'alias'));
    add(properties, property, name.value);
  }
  if (entity.notes !== undefined) add(properties, isThing ? 'notes' : 'description', entity.notes);
  // FtM requires a username of a UserAccount; a phone's is its number.
  if (schema === 'UserAccount' && properties['username'] === undefined)
    add(properties, 'username', ...(properties['number'] ?? []));
  if (holder !== undefined && known?.has('holder') === true)
    properties['holder'] = [holder, ...(properties['holder'] ?? []).filter((h) => h !== holder)];
  // Roles and a kind FtM cannot express travel as keywords; Interval schemata have no keywords.
  if (isThing) {
    add(properties, 'keywords', ...entity.roles.map((r) => `${ROLE_KEYWORD}${r}`));
    if (entity.pseudonym !== undefined && entity.roles.includes('victim'))
      add(properties, 'keywords', `${PSEUDONYM_KEYWORD}${entity.pseudonym}`);
    if (ENTITY_SCHEMAS[schema] !== entity.kind)
      add(properties, 'keywords', `${KIND_KEYWORD}${entity.kind}`);
    add(properties, 'keywords', ...extra);
  }
  return { id: entity.properties[FTM_ID_KEY] ?? entity.id, schema, properties };
}

/** Whether the entity's schema may be the `end` property of an edge schema, per the model. */
function fits(edgeSchema: string, end: string, entitySchema: string | undefined): boolean {
  const property = ftmSchema(edgeSchema)?.getProperties().get(end);
  if (property === undefined || entitySchema === undefined) return false;
  return !property.hasRange || ftmSchema(entitySchema)?.isA(property.getRange()) === true;
}

/**
 * The FtM schema for a native link. Associate and Family only join people in FtM, and
 * `employed` (employer -> employee) has no schema of that direction, so such links, and the
 * trafficking-specific types, become UnknownLink with the type in `role`, which import reads back.
 */
function linkSchema(link: Link, kindOf: (id: string) => string | undefined): string {
  const people = kindOf(link.source) === 'person' && kindOf(link.target) === 'person';
  switch (link.type) {
    case 'associate':
    case 'family':
      return people ? (link.type === 'family' ? 'Family' : 'Associate') : 'UnknownLink';
    case 'worksFor':
      return 'Employment';
    case 'memberOf':
      return 'Membership';
    case 'owns':
      return 'Ownership';
    case 'paid':
      return 'Payment';
    case 'called':
      return 'Call';
    default:
      return 'UnknownLink';
  }
}

/**
 * Writes a case or a selection as FtM JSON lines. Entities and links that came from FtM keep
 * their FtM id and schema, so Aleph updates rather than duplicates them, and
 * import -> export -> import gives the same case. Not expressible in FtM, hence not exported:
 * link grading (A-F, 1-6), link count, officials' posts that did not come from an Employment
 * or Occupancy, and victim status.
 */
export function exportFtm(selection: FtmSelection): FtmExport {
  const byId = new Map(selection.entities.map((e) => [e.id as string, e]));
  const schemaOf = (id: string) => {
    const e = byId.get(id);
    return e === undefined ? undefined : schemaOfEntity(e);
  };
  const ftmIdOf = (e: Entity) => e.properties[FTM_ID_KEY] ?? e.id;
  const skipped: SkippedLink[] = [];
  const skippedEntities: SkippedEntity[] = [];

  // An identity document (an Interval in FtM, which no link schema can reach) carries its
  // holder: the first person or organisation linked to it. FtM requires one.
  const holders = new Map<string, string>();
  const consumed = new Set<string>();
  for (const link of selection.links) {
    const ends = [link.source, link.target].map((id) => byId.get(id));
    const doc = ends.find(
      (e) => e !== undefined && !(ftmSchema(schemaOfEntity(e))?.isThing() ?? true),
    );
    if (doc === undefined) continue;
    const other = ends.find((e) => e !== doc);
    if (other === undefined) continue;
    if (!holders.has(doc.id) && fits(schemaOfEntity(doc), 'holder', schemaOfEntity(other))) {
      holders.set(doc.id, ftmIdOf(other));
      consumed.add(link.id);
    } else {
      consumed.add(link.id);
      skipped.push({
        linkId: link.id,
        reason:
          'FollowTheMoney links an identity document only to its holder, and this document has one',
      });
    }
  }

  const ftmId = new Map<string, string>();
  const records: FtmRecord[] = [];
  for (const entity of selection.entities) {
    const schema = schemaOfEntity(entity);
    if (ftmSchema(schema)?.required.includes('holder') === true && !holders.has(entity.id)) {
      skippedEntities.push({
        entityId: entity.id,
        reason: `FollowTheMoney requires a holder for every ${schema}: link the document to its holder`,
      });
      continue;
    }
    const record = entityRecord(entity, holders.get(entity.id));
    ftmId.set(entity.id, record.id);
    records.push(record);
  }
  for (const link of selection.links) {
    if (consumed.has(link.id)) continue;
    const source = ftmId.get(link.source);
    const target = ftmId.get(link.target);
    if (source === undefined || target === undefined) {
      skipped.push({
        linkId: link.id,
        reason: `its ${source === undefined ? 'source' : 'target'} entity is not in the selection`,
      });
      continue;
    }
    let schema = link.properties?.[FTM_SCHEMA_KEY] ?? linkSchema(link, (id) => byId.get(id)?.kind);
    // Ends the model does not allow there (a phone as a payer, a person as an asset) make the
    // link an UnknownLink, which joins any two things and keeps the type in `role`.
    const wanted = EDGE_SCHEMAS[schema];
    if (
      link.properties?.[FTM_SCHEMA_KEY] === undefined &&
      (wanted === undefined ||
        !fits(schema, wanted.source, schemaOf(link.source)) ||
        !fits(schema, wanted.target, schemaOf(link.target)))
    )
      schema = 'UnknownLink';
    const edge = EDGE_SCHEMAS[schema] ?? EDGE_SCHEMAS['UnknownLink']!;
    const known = ftmSchema(schema)?.getProperties();
    const properties = storedProperties(link.properties);
    // An end with several values was kept whole at import; the end linked now goes first.
    properties[edge.source] = [
      source,
      ...(properties[edge.source] ?? []).filter((v) => v !== source),
    ];
    properties[edge.target] = [
      target,
      ...(properties[edge.target] ?? []).filter((v) => v !== target),
    ];
    if (link.from !== undefined && link.from === link.to && properties['date'] === undefined)
      properties['date'] = [link.from];
    else {
      if (link.from !== undefined) properties['startDate'] = [link.from];
      if (link.to !== undefined) properties['endDate'] = [link.to];
    }
    if (link.amount !== undefined) {
      if (known?.has('amount') === true) {
        properties['amount'] = [String(link.amount)];
        if (link.currency !== undefined) properties['currency'] = [link.currency];
      } else
        // No amount property outside Payment: the summary says "1200 USD", read back by import.
        properties['summary'] = [
          `${link.amount}${link.currency !== undefined ? ` ${link.currency}` : ''}`,
        ];
    }
    if (schema === 'UnknownLink' && properties['role'] === undefined)
      properties['role'] = [
        link.type === 'other' && link.label !== undefined ? link.label : link.type,
      ];
    records.push({ id: link.properties?.[FTM_ID_KEY] ?? link.id, schema, properties });
  }
  const text = records.map((r) => JSON.stringify(r)).join('\n');
  return { text: records.length > 0 ? `${text}\n` : '', records, skipped, skippedEntities };
}
