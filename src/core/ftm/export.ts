import type { Entity, Link } from '../model';
import {
  DEFAULT_SCHEMA,
  EDGE_SCHEMAS,
  ENTITY_SCHEMAS,
  FTM_ID_KEY,
  FTM_SCHEMA_KEY,
  INTERVAL_ENTITY_SCHEMAS,
  KIND_KEYWORD,
  PSEUDONYM_KEYWORD,
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

export type FtmExport = Readonly<{
  /** One FtM entity per line, entities first, then links; ends with a newline. */
  text: string;
  records: readonly FtmRecord[];
  /** Links not exported because an end is outside the selection. */
  skipped: readonly SkippedLink[];
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

function entityRecord(entity: Entity): FtmRecord {
  const schema = entity.properties[FTM_SCHEMA_KEY] ?? DEFAULT_SCHEMA[entity.kind];
  const properties = storedProperties(entity.properties);
  for (const name of entity.names as readonly FtmName[]) {
    if (name.ftmProperty === 'caption') continue;
    add(properties, name.ftmProperty ?? (name.primary === true ? 'name' : 'alias'), name.value);
  }
  if (entity.notes !== undefined) add(properties, 'notes', entity.notes);
  // Roles and a kind FtM cannot express travel as keywords; Interval schemata have no keywords.
  if (!INTERVAL_ENTITY_SCHEMAS.has(schema)) {
    add(properties, 'keywords', ...entity.roles.map((r) => `${ROLE_KEYWORD}${r}`));
    if (entity.pseudonym !== undefined && entity.roles.includes('victim'))
      add(properties, 'keywords', `${PSEUDONYM_KEYWORD}${entity.pseudonym}`);
    if (ENTITY_SCHEMAS[schema] !== entity.kind)
      add(properties, 'keywords', `${KIND_KEYWORD}${entity.kind}`);
  }
  return { id: entity.properties[FTM_ID_KEY] ?? entity.id, schema, properties };
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
  const ftmId = new Map<string, string>();
  const kinds = new Map<string, string>();
  const records: FtmRecord[] = [];
  for (const entity of selection.entities) {
    const record = entityRecord(entity);
    ftmId.set(entity.id, record.id);
    kinds.set(entity.id, entity.kind);
    records.push(record);
  }
  const skipped: SkippedLink[] = [];
  for (const link of selection.links) {
    const source = ftmId.get(link.source);
    const target = ftmId.get(link.target);
    if (source === undefined || target === undefined) {
      skipped.push({
        linkId: link.id,
        reason: `its ${source === undefined ? 'source' : 'target'} entity is not in the selection`,
      });
      continue;
    }
    const schema = link.properties?.[FTM_SCHEMA_KEY] ?? linkSchema(link, (id) => kinds.get(id));
    const edge = EDGE_SCHEMAS[schema] ?? EDGE_SCHEMAS['UnknownLink']!;
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
    if (link.amount !== undefined) properties['amount'] = [String(link.amount)];
    if (link.currency !== undefined) properties['currency'] = [link.currency];
    if (schema === 'UnknownLink' && properties['role'] === undefined)
      properties['role'] = [
        link.type === 'other' && link.label !== undefined ? link.label : link.type,
      ];
    records.push({ id: link.properties?.[FTM_ID_KEY] ?? link.id, schema, properties });
  }
  const text = records.map((r) => JSON.stringify(r)).join('\n');
  return { text: records.length > 0 ? `${text}\n` : '', records, skipped };
}
