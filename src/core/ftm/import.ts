import {
  ENTITY_KINDS,
  LINK_TYPES,
  ROLES,
  newId,
  type CaseId,
  type EntityId,
  type EntityKind,
  type IsoDate,
  type LinkId,
  type LinkType,
  type OfficialPost,
  type Role,
} from '../model';
import { parseFtmLines, type ParsedRecord } from './parse';
import {
  CAPTION_PROPERTIES,
  EDGE_SCHEMAS,
  ENTITY_SCHEMAS,
  FTM_ID_KEY,
  FTM_SCHEMA_KEY,
  KIND_KEYWORD,
  PSEUDONYM_KEYWORD,
  NAME_PROPERTIES,
  PROPERTY_KEYWORD,
  RENAMED_PROPERTIES,
  ROLE_KEYWORD,
} from './schemas';
import { ftmSchema, validateFtmRecords } from './model';
import { detectScript } from './script';
import type {
  FtmEntity,
  FtmImport,
  FtmLink,
  FtmName,
  FtmRecord,
  ImportWarning,
  UnmappedRecord,
  UnresolvedLink,
} from './types';
import { encodeValues } from './values';

export type FtmImportOptions = Readonly<{
  caseId: CaseId;
  /** Timestamp for createdAt/updatedAt; defaults to the current time. */
  now?: IsoDate;
}>;

const OFFICIAL_TOPICS = new Set(['role.pep', 'role.civil', 'role.judge']);
const isCrimeTopic = (t: string) => t === 'crime' || t.startsWith('crime.');
const isGovTopic = (t: string) => t === 'gov' || t.startsWith('gov.');
const NUMBER = /^-?\d+(\.\d+)?$/;
const SUMMARY_AMOUNT = /^(-?\d+(?:\.\d+)?)(?: ([A-Z]{3}))?$/;
/** FtM dates: YYYY, YYYY-MM, YYYY-MM-DD, optionally with a time. */
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T[\d:.+\-Z]*)?)?)?$/;

type Draft = {
  record: FtmRecord;
  line: number;
  id: EntityId;
  kind: EntityKind;
  names: FtmName[];
  roles: Set<Role>;
  properties: Record<string, string>;
  posts: OfficialPost[];
  notes?: string;
};

const isInterval = (record: FtmRecord): boolean => ftmSchema(record.schema)?.isThing() === false;

function single(record: FtmRecord, property: string): string | undefined {
  const values = record.properties[property];
  return values !== undefined && values.length === 1 ? values[0] : undefined;
}

function names(record: FtmRecord): FtmName[] {
  const result: FtmName[] = [];
  for (const property of NAME_PROPERTIES)
    for (const raw of record.properties[property] ?? []) {
      const value = raw.trim();
      if (value === '') continue;
      result.push({
        value,
        script: detectScript(value),
        ftmProperty: property,
        ...(property === 'name' && !result.some((n) => n.primary === true)
          ? { primary: true }
          : {}),
      });
    }
  // An Interval (Identification, Passport) has no names; our export writes them as its summary.
  if (isInterval(record))
    for (const raw of record.properties['summary'] ?? []) {
      const value = raw.trim();
      if (value !== '')
        result.push({
          value,
          script: detectScript(value),
          ...(result.length === 0 ? { primary: true } : {}),
        });
    }
  if (result.length > 0) return result;
  // Unnamed accounts, vehicles and addresses are shown by their caption; the property itself
  // stays in `properties`, and export does not write this derived name back.
  for (const property of CAPTION_PROPERTIES[record.schema] ?? []) {
    const value = record.properties[property]?.[0]?.trim();
    if (value !== undefined && value !== '')
      return [{ value, script: detectScript(value), primary: true, ftmProperty: 'caption' }];
  }
  return [];
}

function entityDraft(
  { line, record }: ParsedRecord,
  kind: EntityKind,
  warnings: ImportWarning[],
): Draft {
  const roles = new Set<Role>();
  const topics = record.properties['topics'] ?? [];
  if (topics.some(isCrimeTopic)) roles.add('suspect');
  if (topics.some((t) => OFFICIAL_TOPICS.has(t))) roles.add('official');
  const keywords: string[] = [];
  const extra: Array<[string, string]> = [];
  for (const keyword of record.properties['keywords'] ?? []) {
    if (keyword.startsWith(ROLE_KEYWORD)) {
      const role = keyword.slice(ROLE_KEYWORD.length);
      if ((ROLES as readonly string[]).includes(role)) roles.add(role as Role);
      else
        warnings.push({
          line,
          id: record.id,
          message: `unknown role keyword "${keyword}" ignored`,
        });
    } else if (keyword.startsWith(KIND_KEYWORD)) {
      const k = keyword.slice(KIND_KEYWORD.length);
      if ((ENTITY_KINDS as readonly string[]).includes(k)) kind = k as EntityKind;
      else
        warnings.push({
          line,
          id: record.id,
          message: `unknown kind keyword "${keyword}" ignored`,
        });
    } else if (keyword.startsWith(PROPERTY_KEYWORD)) {
      const [key = '', ...rest] = keyword.slice(PROPERTY_KEYWORD.length).split('=');
      if (key !== '' && rest.length > 0) extra.push([key, rest.join('=')]);
      else keywords.push(keyword);
    } else if (keyword.startsWith(PSEUDONYM_KEYWORD)) {
      // Pseudonyms are numbered per case: the importing case gives its own.
    } else keywords.push(keyword);
  }
  const interval = isInterval(record);
  const notesProperty = interval ? 'description' : 'notes';
  const notes = single(record, notesProperty);
  const properties: Record<string, string> = {
    [FTM_ID_KEY]: record.id,
    [FTM_SCHEMA_KEY]: record.schema,
  };
  // Form properties under their form names again (see RENAMED_PROPERTIES).
  const formName = new Map(
    Object.entries(RENAMED_PROPERTIES[kind] ?? {}).map(([form, ftm]) => [ftm, form]),
  );
  for (const [key, values] of Object.entries(record.properties)) {
    if ((NAME_PROPERTIES as readonly string[]).includes(key)) continue;
    if (interval && key === 'summary') continue;
    if (key === notesProperty && notes !== undefined) continue;
    // A phone's username is its number, written only because FtM requires one.
    if (kind === 'phone' && key === 'username' && single(record, 'number') === single(record, key))
      continue;
    const kept = key === 'keywords' ? keywords : values;
    if (kept.length > 0) properties[formName.get(key) ?? key] = encodeValues(kept);
  }
  for (const [key, value] of extra) properties[key] = value;
  return {
    record,
    line,
    id: newId<EntityId>(),
    kind,
    names: names(record),
    roles,
    properties,
    posts: [],
    ...(notes !== undefined ? { notes } : {}),
  };
}

function displayName(draft: Draft): string {
  return draft.names[0]?.value ?? draft.record.id;
}

/**
 * Imports FollowTheMoney JSON lines (Aleph, OpenSanctions) as a case preview: entities and
 * links with fresh ids, the map from FtM ids, and a report of everything that was not imported
 * as-is. Nothing is dropped silently.
 *
 * Mapping, beyond the schema tables in schemas.ts:
 * - name, alias, weakAlias and previousName become names (script detected); the first `name`
 *   is primary. Single-valued `notes` becomes Entity.notes.
 * - Every other property is kept in Entity.properties, multi-values JSON-encoded (values.ts),
 *   along with "ftm:id" and "ftm:schema" so that export writes the same FtM entity back.
 * - Roles: topics crime and crime.* give 'suspect'; role.pep, role.civil, role.judge give
 *   'official'; so does being the employee in an Employment whose employer has a gov.* topic,
 *   or the holder in an Occupancy of a Position with a gov.* or role.pep topic. Such an
 *   Employment or Occupancy also becomes an OfficialPost with its dates, which time-aware
 *   exposure needs. Keywords "ringtrace:role:X" (written by our export) restore other roles.
 * - Links: startDate and endDate become from/to; an event with only `date` has from = to =
 *   date. Payment amount and currency are read when single. FtM has no grading, so every
 *   imported link is F6 ("cannot be judged") until an analyst grades it.
 */
export function importFtm(text: string, options: FtmImportOptions): FtmImport {
  const now = options.now ?? new Date().toISOString();
  const parsed = parseFtmLines(text);
  const warnings: ImportWarning[] = [...parsed.warnings];
  const unmapped: UnmappedRecord[] = [];
  const unresolved: UnresolvedLink[] = [];
  const drafts = new Map<string, Draft>();
  const edgeRecords: ParsedRecord[] = [];
  const schemaOf = new Map<string, string>();

  for (const parsedRecord of parsed.records) {
    const { record, line } = parsedRecord;
    schemaOf.set(record.id, record.schema);
    const kind = ENTITY_SCHEMAS[record.schema];
    if (kind !== undefined) drafts.set(record.id, entityDraft(parsedRecord, kind, warnings));
    else if (EDGE_SCHEMAS[record.schema] !== undefined) edgeRecords.push(parsedRecord);
    else unmapped.push({ line, id: record.id, schema: record.schema });
  }

  const links: FtmLink[] = [];
  const linkIds = new Map<string, LinkId>();
  for (const { record, line } of edgeRecords) {
    const edge = EDGE_SCHEMAS[record.schema]!;
    const problems: string[] = [];
    const end = (property: string): Draft | undefined => {
      const ids = record.properties[property] ?? [];
      const first = ids[0];
      if (first === undefined) {
        problems.push(`no "${property}"`);
        return undefined;
      }
      if (ids.length > 1)
        warnings.push({
          line,
          id: record.id,
          message: `has ${ids.length} "${property}" values; linked the first, all kept in its properties`,
        });
      const draft = drafts.get(first);
      if (draft === undefined) {
        const schema = schemaOf.get(first);
        problems.push(
          schema === undefined
            ? `"${property}" refers to "${first}", which is not in the file`
            : `"${property}" refers to "${first}", a ${schema}, which is not imported`,
        );
      }
      return draft;
    };
    const source = end(edge.source);
    const target = end(edge.target);
    if (source === undefined || target === undefined) {
      unresolved.push({ line, id: record.id, schema: record.schema, problems });
      continue;
    }

    // A date the analysis could not compare stays a property, with a warning, rather than
    // failing the time-aware exposure of the whole case later.
    const dateOf = (property: string): string | undefined => {
      const value = single(record, property);
      if (value === undefined || DATE.test(value)) return value;
      warnings.push({
        line,
        id: record.id,
        message: `${property} "${value}" is not a date; kept as a property, not used for timing`,
      });
      return undefined;
    };
    const startDate = dateOf('startDate');
    const endDate = dateOf('endDate');
    const date = startDate === undefined && endDate === undefined ? dateOf('date') : undefined;
    const from = startDate ?? date;
    const to = endDate ?? date;
    const amountText = single(record, 'amount');
    // Outside Payment FtM has no amount; our export writes it as the summary ("50 THB").
    const summaryAmount =
      record.schema === 'UnknownLink' && amountText === undefined
        ? SUMMARY_AMOUNT.exec(single(record, 'summary') ?? '')
        : null;
    const amount =
      amountText !== undefined && NUMBER.test(amountText)
        ? Number(amountText)
        : summaryAmount !== null
          ? Number(summaryAmount[1])
          : undefined;
    const currency = single(record, 'currency') ?? summaryAmount?.[2];
    let type: LinkType = edge.type;
    let label = edge.label;
    if (record.schema === 'UnknownLink') {
      const role = single(record, 'role');
      if (role !== undefined && (LINK_TYPES as readonly string[]).includes(role))
        type = role as LinkType;
      else if (role !== undefined) label = role;
    }

    const consumed = new Set<string>();
    for (const property of [edge.source, edge.target])
      if (record.properties[property]!.length === 1) consumed.add(property);
    if (startDate !== undefined) consumed.add('startDate');
    if (endDate !== undefined) consumed.add('endDate');
    if (date !== undefined) consumed.add('date');
    if (amount !== undefined) consumed.add(summaryAmount !== null ? 'summary' : 'amount');
    if (currency !== undefined && summaryAmount === null) consumed.add('currency');
    const properties: Record<string, string> = {
      [FTM_ID_KEY]: record.id,
      [FTM_SCHEMA_KEY]: record.schema,
    };
    for (const [key, values] of Object.entries(record.properties))
      if (!consumed.has(key)) properties[key] = encodeValues(values);

    const id = newId<LinkId>();
    linkIds.set(record.id, id);
    links.push({
      id,
      caseId: options.caseId,
      type,
      ...(label !== undefined ? { label } : {}),
      source: source.id,
      target: target.id,
      directed: edge.directed,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(amount !== undefined ? { amount } : {}),
      ...(currency !== undefined ? { currency } : {}),
      reliability: 'F',
      credibility: 6,
      properties,
      createdAt: now,
      updatedAt: now,
    });

    // Time in public office, from employment by a government body or a PEP position.
    const office =
      record.schema === 'Employment'
        ? target.record.properties['topics']?.some(isGovTopic) === true
        : record.schema === 'Occupancy'
          ? (target.record.properties['topics'] ?? []).some(
              (t) => isGovTopic(t) || t === 'role.pep',
            )
          : false;
    if (office) {
      source.roles.add('official');
      const organization = single(target.record, 'organization');
      const agency =
        record.schema === 'Occupancy'
          ? ((organization !== undefined ? drafts.get(organization) : undefined)?.names[0]?.value ??
            single(target.record, 'country') ??
            displayName(target))
          : displayName(target);
      source.posts.push({
        agency,
        position:
          record.schema === 'Occupancy'
            ? displayName(target)
            : (single(record, 'role') ?? 'employee'),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
    }
  }

  // An identity document's holder is its link to the person or organisation holding it (our
  // export writes such a link as `holder`, the only way FtM joins an Interval to its holder).
  for (const draft of drafts.values()) {
    const held = draft.record.properties['holder'];
    if (held === undefined || held.length === 0 || isInterval(draft.record) === false) continue;
    const [first, ...more] = held;
    const holder = first === undefined ? undefined : drafts.get(first);
    if (holder === undefined) {
      unresolved.push({
        line: draft.line,
        id: draft.record.id,
        schema: draft.record.schema,
        problems: [`"holder" refers to "${first ?? ''}", which is not imported`],
      });
      continue;
    }
    if (more.length === 0) delete draft.properties['holder'];
    links.push({
      id: newId<LinkId>(),
      caseId: options.caseId,
      type: 'owns',
      source: holder.id,
      target: draft.id,
      directed: true,
      reliability: 'F',
      credibility: 6,
      properties: {},
      createdAt: now,
      updatedAt: now,
    });
  }

  const lineOf = new Map(parsed.records.map((r) => [r.record.id, r.line]));
  const invalid = validateFtmRecords(parsed.records.map((r) => r.record)).map((v) => ({
    ...v,
    line: lineOf.get(v.id) ?? 0,
  }));

  const entityIds = new Map<string, EntityId>();
  const entities: FtmEntity[] = [...drafts.values()].map((d) => {
    entityIds.set(d.record.id, d.id);
    return {
      id: d.id,
      caseId: options.caseId,
      kind: d.kind,
      names: d.names,
      roles: ROLES.filter((r) => d.roles.has(r)),
      properties: d.properties,
      ...(d.posts.length > 0 ? { posts: d.posts } : {}),
      ...(d.notes !== undefined ? { notes: d.notes } : {}),
      createdAt: now,
      updatedAt: now,
    };
  });

  return {
    entities,
    links,
    entityIds,
    linkIds,
    report: {
      lines: parsed.lines,
      entities: entities.length,
      links: links.length,
      malformed: parsed.malformed,
      unmapped,
      unresolved,
      warnings,
      invalid,
    },
  };
}
