import type { AuditRow, EntityRow, LinkRow } from '../db';
import {
  newId,
  type Actor,
  type Box,
  type CaseId,
  displayName,
  type Citation,
  type CitationId,
  type Entity,
  type EntityId,
  type EvidenceId,
  type IsoDate,
  type Link,
  type LinkId,
  type PageId,
} from '../model';
import type { UnlockedVault } from '../vault';
import { entityWriteTables, putEntities } from './write';
import { EntityStoreError } from './errors';
import { propertyValues } from './properties';
import type { MergeId } from '../model';
/** Branded ids live in core/model/ids.ts; re-exported where they were. */
export type { MergeId };

/** What the user edits of an entity; ids and timestamps are the store's. */
/** What a user edits; the pseudonym is the store's to give, never typed in. */
export type EntityInput = Omit<Entity, 'id' | 'caseId' | 'createdAt' | 'updatedAt' | 'pseudonym'>;
/** What the user edits of a link. */
export type LinkInput = Omit<Link, 'id' | 'caseId' | 'createdAt' | 'updatedAt'>;

/** What a citation rests on: exactly one entity or one link. */
export type CitationSubject = Readonly<{ entityId: EntityId }> | Readonly<{ linkId: LinkId }>;

export type CitationInput = Readonly<{
  subject: CitationSubject;
  evidenceId: EvidenceId;
  pageId: PageId;
  pageNumber: number;
  quote: string;
  boxes: readonly Box[];
}>;

/**
 * A merge, kept so that it can be undone: the absorbed entity's row as it was, the survivor's
 * fields as they were, and exactly which links and citations were re-pointed.
 */

export type MergeRecord = Readonly<{
  id: MergeId;
  caseId: CaseId;
  at: IsoDate;
  actor: Actor;
  survivorId: EntityId;
  absorbed: EntityRow;
  /** The survivor's editable fields before the merge, and what the merge made of them. */
  survivorBefore: EntityInput;
  survivorAfter: EntityInput;
  relinked: ReadonlyArray<Readonly<{ linkId: LinkId; end: 'source' | 'target' }>>;
  recited: readonly CitationId[];
}>;

/**
 * The survivor row carries its merge records (sealed like every other non-indexed property,
 * and written in the same transaction as the merge). The schema has no table for them yet; a
 * `merges` table is requested, and until then this keeps merge and its undo record atomic.
 */
export type StoredEntityRow = EntityRow & Readonly<{ merges?: readonly MergeRecord[] }>;

/** The model entity, without the storage fields (blind tokens, merge records). */
export function toEntity(row: StoredEntityRow): Entity {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
  const { blind, merges, ...entity } = row;
  return entity;
}

/** The one display name lives with the model (core/model/names.ts). */
export { displayName };

function now(): IsoDate {
  return new Date().toISOString();
}

function checkEntityInput(input: EntityInput): void {
  if (!input.names.some((n) => n.value.trim() !== ''))
    throw new EntityStoreError('An entity needs a name (for a phone or account, its number).');
}

function checkLinkInput(input: LinkInput): void {
  if (input.source === input.target)
    throw new EntityStoreError('A link joins two different entities.');
  if (input.type === 'other' && (input.label ?? '').trim() === '')
    throw new EntityStoreError('A link of type "other" needs a label saying what it is.');
  if (input.amount !== undefined && !Number.isFinite(input.amount))
    throw new EntityStoreError('The amount is not a number.');
  if (input.amount !== undefined && (input.currency ?? '').trim() === '')
    throw new EntityStoreError('An amount needs its currency (for example THB, USD, KHR).');
  if (input.from !== undefined && input.to !== undefined && input.from > input.to)
    throw new EntityStoreError(`The link ends (${input.to}) before it starts (${input.from}).`);
}

/** The entity store of one unlocked vault. Every change goes through vault.writeAudited. */
export function openEntityStore(vault: UnlockedVault) {
  const db = () => vault.db;

  /**
   * Writes one entity (and its merge records) through the one entity writer. Not an async
   * function on purpose: Dexie keeps its transaction across one level of native await, and
   * an extra async wrapper here would make the caller's next write leave the transaction.
   */
  const write = (
    entity: Entity,
    merges?: readonly MergeRecord[],
    mode: 'add' | 'put' = 'put',
  ): Promise<StoredEntityRow[]> =>
    putEntities(
      vault,
      [{ ...entity, ...(merges !== undefined && merges.length > 0 ? { merges } : {}) }],
      { mode },
    ) as Promise<StoredEntityRow[]>;

  async function mustGetEntity(id: EntityId): Promise<StoredEntityRow> {
    const found: StoredEntityRow | undefined = await db().entities.get(id);
    if (found === undefined) throw new EntityStoreError(`No entity ${id} in this vault.`);
    return found;
  }

  async function mustGetLink(id: LinkId): Promise<LinkRow> {
    const found = await db().links.get(id);
    if (found === undefined) throw new EntityStoreError(`No link ${id} in this vault.`);
    return found;
  }

  async function listEntities(caseId: CaseId): Promise<Entity[]> {
    const rows: StoredEntityRow[] = await db().entities.where('caseId').equals(caseId).toArray();
    return rows.map(toEntity);
  }

  async function listLinks(caseId: CaseId): Promise<Link[]> {
    return db().links.where('caseId').equals(caseId).toArray();
  }

  async function listCitations(caseId: CaseId): Promise<Citation[]> {
    return db().citations.where('caseId').equals(caseId).toArray();
  }

  async function createEntity(caseId: CaseId, input: EntityInput): Promise<Entity> {
    checkEntityInput(input);
    const at = now();
    const entity: Entity = {
      ...input,
      id: newId<EntityId>(),
      caseId,
      createdAt: at,
      updatedAt: at,
    };
    return vault.writeAudited(entityWriteTables(db()), async (audit) => {
      const [written] = await write(entity, undefined, 'add');
      await audit({
        action: 'entity.create',
        table: 'entities',
        recordId: entity.id,
        caseId,
        summary: `Created ${entity.kind} "${displayName(entity)}".`,
      });
      return toEntity(written ?? { ...entity, blind: [] });
    });
  }

  async function updateEntity(id: EntityId, input: EntityInput): Promise<Entity> {
    checkEntityInput(input);
    return vault.writeAudited(entityWriteTables(db()), async (audit) => {
      const before = await mustGetEntity(id);
      const [written] = await write(
        { ...input, ...fixed(before), updatedAt: now() },
        before.merges,
      );
      const entity = toEntity(written ?? before);
      await audit({
        action: 'entity.update',
        table: 'entities',
        recordId: id,
        caseId: entity.caseId,
        summary: `Edited ${entity.kind} "${displayName(entity)}".`,
      });
      return entity;
    });
  }

  /** Deletes the entity, every link that touches it, and the citations of both. */
  async function deleteEntity(id: EntityId): Promise<{ links: number; citations: number }> {
    const d = db();
    return vault.writeAudited([d.entities, d.links, d.citations], async (audit) => {
      const entity = await mustGetEntity(id);
      const links = [
        ...(await d.links.where('source').equals(id).toArray()),
        ...(await d.links.where('target').equals(id).toArray()),
      ];
      const linkIds = [...new Set(links.map((l) => l.id))];
      const citationIds = [
        ...(await d.citations.where('entityId').equals(id).primaryKeys()),
        ...(linkIds.length === 0
          ? []
          : await d.citations.where('linkId').anyOf(linkIds).primaryKeys()),
      ];
      await d.citations.bulkDelete(citationIds);
      await d.links.bulkDelete(linkIds);
      await d.entities.delete(id);
      await audit({
        action: 'entity.delete',
        table: 'entities',
        recordId: id,
        caseId: entity.caseId,
        summary: `Deleted ${entity.kind} "${displayName(entity)}" with ${linkIds.length} link(s) and ${citationIds.length} citation(s).`,
      });
      return { links: linkIds.length, citations: citationIds.length };
    });
  }

  async function checkEnds(caseId: CaseId, input: LinkInput): Promise<[Entity, Entity]> {
    const [a, b] = await Promise.all([mustGetEntity(input.source), mustGetEntity(input.target)]);
    if (a.caseId !== caseId || b.caseId !== caseId)
      throw new EntityStoreError('A link joins two entities of the same case.');
    return [a, b];
  }

  async function createLink(caseId: CaseId, input: LinkInput): Promise<Link> {
    checkLinkInput(input);
    const at = now();
    const link: Link = { ...input, id: newId<LinkId>(), caseId, createdAt: at, updatedAt: at };
    const d = db();
    await vault.writeAudited([d.entities, d.links], async (audit) => {
      const [a, b] = await checkEnds(caseId, input);
      await d.links.add(link);
      await audit({
        action: 'link.create',
        table: 'links',
        recordId: link.id,
        caseId,
        summary: `Linked "${displayName(a)}" ${link.type} "${displayName(b)}" (${link.reliability}${link.credibility}).`,
      });
    });
    return link;
  }

  async function updateLink(id: LinkId, input: LinkInput): Promise<Link> {
    checkLinkInput(input);
    const d = db();
    return vault.writeAudited([d.entities, d.links], async (audit) => {
      const before = await mustGetLink(id);
      const [a, b] = await checkEnds(before.caseId, input);
      const link: Link = {
        ...input,
        id,
        caseId: before.caseId,
        createdAt: before.createdAt,
        updatedAt: now(),
      };
      await d.links.put(link);
      await audit({
        action: 'link.update',
        table: 'links',
        recordId: id,
        caseId: link.caseId,
        summary: `Edited the link "${displayName(a)}" ${link.type} "${displayName(b)}".`,
      });
      return link;
    });
  }

  async function deleteLink(id: LinkId): Promise<void> {
    const d = db();
    await vault.writeAudited([d.links, d.citations], async (audit) => {
      const link = await mustGetLink(id);
      const citationIds = await d.citations.where('linkId').equals(id).primaryKeys();
      await d.citations.bulkDelete(citationIds);
      await d.links.delete(id);
      await audit({
        action: 'link.delete',
        table: 'links',
        recordId: id,
        caseId: link.caseId,
        summary: `Deleted a ${link.type} link with ${citationIds.length} citation(s).`,
      });
    });
  }

  async function addCitation(caseId: CaseId, input: CitationInput): Promise<Citation> {
    if (input.quote.trim() === '') throw new EntityStoreError('A citation needs a quote.');
    const d = db();
    return vault.writeAudited([d.entities, d.links, d.pages, d.citations], async (audit) => {
      const page = await d.pages.get(input.pageId);
      if (page === undefined || page.evidenceId !== input.evidenceId || page.caseId !== caseId)
        throw new EntityStoreError('The cited page is not a page of this evidence item.');
      if ('entityId' in input.subject) {
        if ((await mustGetEntity(input.subject.entityId)).caseId !== caseId)
          throw new EntityStoreError('The cited entity belongs to another case.');
      } else if ((await mustGetLink(input.subject.linkId)).caseId !== caseId)
        throw new EntityStoreError('The cited link belongs to another case.');
      const citation: Citation = {
        id: newId<CitationId>(),
        caseId,
        ...input.subject,
        evidenceId: input.evidenceId,
        pageId: input.pageId,
        pageNumber: input.pageNumber,
        quote: input.quote,
        boxes: input.boxes,
        createdAt: now(),
      };
      await d.citations.add(citation);
      await audit({
        action: 'citation.add',
        table: 'citations',
        recordId: citation.id,
        caseId,
        summary: `Cited page ${citation.pageNumber} for ${'entityId' in input.subject ? 'an entity' : 'a link'}.`,
      });
      return citation;
    });
  }

  async function removeCitation(id: CitationId): Promise<void> {
    const d = db();
    await vault.writeAudited([d.citations], async (audit) => {
      const citation = await d.citations.get(id);
      if (citation === undefined) throw new EntityStoreError(`No citation ${id} in this vault.`);
      await d.citations.delete(id);
      await audit({
        action: 'citation.remove',
        table: 'citations',
        recordId: id,
        caseId: citation.caseId,
        summary: `Removed a citation of page ${citation.pageNumber}.`,
      });
    });
  }

  /** Entities of a case with this phone number, however it was written (blind index). */
  async function findByPhone(caseId: CaseId, phone: string): Promise<Entity[]> {
    const token = vault.blindIndex.phone(phone);
    const rows: StoredEntityRow[] = await db().entities.where('blind').equals(token).toArray();
    return rows.filter((r) => r.caseId === caseId).map(toEntity);
  }

  /** Entities of a case with this document, account or plate number (blind index). */
  async function findByDocument(caseId: CaseId, value: string): Promise<Entity[]> {
    const token = vault.blindIndex.document(value);
    const rows: StoredEntityRow[] = await db().entities.where('blind').equals(token).toArray();
    return rows.filter((r) => r.caseId === caseId).map(toEntity);
  }

  /**
   * Merges `absorbedId` into `survivorId`: every name becomes an alias of the survivor, roles,
   * properties (a differing value is kept next to the survivor's), posts and notes are joined,
   * and every link and citation of the absorbed entity is re-pointed. The absorbed row and
   * the re-pointed ids are kept on the survivor so that undoMerge can put everything back.
   */
  async function merge(survivorId: EntityId, absorbedId: EntityId): Promise<MergeRecord> {
    if (survivorId === absorbedId) throw new EntityStoreError('An entity cannot absorb itself.');
    const d = db();
    return vault.writeAudited([...entityWriteTables(d), d.links, d.citations], async (audit) => {
      const survivor = await mustGetEntity(survivorId);
      const absorbed = await mustGetEntity(absorbedId);
      if (survivor.caseId !== absorbed.caseId)
        throw new EntityStoreError('Only entities of the same case can be merged.');
      if (survivor.kind !== absorbed.kind)
        throw new EntityStoreError(
          `A ${absorbed.kind} cannot be merged into a ${survivor.kind}: merge entities of one kind.`,
        );
      const before = editable(survivor);
      const after = mergedFields(before, editable(absorbed));
      const relinked: Array<{ linkId: LinkId; end: 'source' | 'target' }> = [];
      for (const link of await d.links.where('source').equals(absorbedId).toArray()) {
        relinked.push({ linkId: link.id, end: 'source' });
        await d.links.put({ ...link, source: survivorId });
      }
      for (const link of await d.links.where('target').equals(absorbedId).toArray()) {
        relinked.push({ linkId: link.id, end: 'target' });
        const current = (await d.links.get(link.id)) ?? link;
        await d.links.put({ ...current, target: survivorId });
      }
      const citations = await d.citations.where('entityId').equals(absorbedId).toArray();
      for (const c of citations) await d.citations.put({ ...c, entityId: survivorId });
      const record: MergeRecord = {
        id: newId<MergeId>(),
        caseId: survivor.caseId,
        at: now(),
        actor: vault.actor,
        survivorId,
        absorbed,
        survivorBefore: before,
        survivorAfter: after,
        relinked,
        recited: citations.map((c) => c.id),
      };
      // One person, one pseudonym: the survivor keeps its own, or takes the absorbed victim's.
      const pseudonym = survivor.pseudonym ?? absorbed.pseudonym;
      const merged: Entity = {
        ...after,
        ...fixed(survivor),
        ...(pseudonym !== undefined ? { pseudonym } : {}),
        updatedAt: record.at,
      };
      await write(merged, [...(survivor.merges ?? []), record]);
      await d.entities.delete(absorbedId);
      await audit({
        action: 'entity.merge',
        table: 'entities',
        recordId: survivorId,
        caseId: survivor.caseId,
        summary: `Merged "${displayName(absorbed)}" into "${displayName(survivor)}": ${relinked.length} link(s) and ${citations.length} citation(s) re-pointed.`,
      });
      return record;
    });
  }

  /** Every merge of a case that can still be undone, newest first. */
  async function listMerges(caseId: CaseId): Promise<MergeRecord[]> {
    const rows: StoredEntityRow[] = await db().entities.where('caseId').equals(caseId).toArray();
    return rows.flatMap((r) => r.merges ?? []).sort((a, b) => b.at.localeCompare(a.at));
  }

  /**
   * Puts a merge back: the absorbed entity returns with its id, the recorded links and
   * citations point at it again, and the survivor loses what the merge gave it. Edits made to
   * the survivor since the merge are kept where they do not conflict.
   */
  async function undoMerge(survivorId: EntityId, mergeId: MergeId): Promise<void> {
    const d = db();
    await vault.writeAudited([...entityWriteTables(d), d.links, d.citations], async (audit) => {
      const survivor = await mustGetEntity(survivorId);
      const record = survivor.merges?.find((m) => m.id === mergeId);
      if (record === undefined)
        throw new EntityStoreError('This merge is no longer on record; it cannot be undone.');
      if ((await d.entities.get(record.absorbed.id)) !== undefined)
        throw new EntityStoreError('The merged entity exists again; nothing to undo.');
      for (const { linkId, end } of record.relinked) {
        const link = await d.links.get(linkId);
        // A link deleted since the merge stays deleted; one re-pointed again stays as it is.
        if (link === undefined || link[end] !== survivorId) continue;
        await d.links.put({ ...link, [end]: record.absorbed.id });
      }
      for (const id of record.recited) {
        const c = await d.citations.get(id);
        if (c === undefined || c.entityId !== survivorId) continue;
        await d.citations.put({ ...c, entityId: record.absorbed.id });
      }
      const restored = unmergedFields(editable(survivor), record);
      // A pseudonym the survivor took from the absorbed victim goes back with it.
      const { pseudonym: _taken, ...rest } = fixed(survivor);
      const keepsOwn = survivor.pseudonym !== record.absorbed.pseudonym;
      const entity: Entity = {
        ...restored,
        ...(keepsOwn ? fixed(survivor) : rest),
        updatedAt: now(),
      };
      await write(
        entity,
        (survivor.merges ?? []).filter((m) => m.id !== mergeId),
      );
      await write(record.absorbed, (record.absorbed as StoredEntityRow).merges, 'add');
      await audit({
        action: 'entity.unmerge',
        table: 'entities',
        recordId: record.absorbed.id,
        caseId: survivor.caseId,
        summary: `Undid the merge of "${displayName(record.absorbed)}" into "${displayName(survivor)}".`,
      });
    });
  }

  /** Audit entries of a case with one of these actions (decisions are kept in the log). */
  async function auditOfCase(caseId: CaseId, prefix: string): Promise<AuditRow[]> {
    return db()
      .audit.where('caseId')
      .equals(caseId)
      .filter((a) => a.action.startsWith(prefix))
      .toArray();
  }

  return {
    listEntities,
    listLinks,
    listCitations,
    getEntity: async (id: EntityId) => toEntity(await mustGetEntity(id)),
    createEntity,
    updateEntity,
    deleteEntity,
    createLink,
    updateLink,
    deleteLink,
    addCitation,
    removeCitation,
    findByPhone,
    findByDocument,
    merge,
    listMerges,
    undoMerge,
    auditOfCase,
    vault,
  };
}

export type EntityStore = ReturnType<typeof openEntityStore>;

/** What an edit never changes. Editable fields are replaced whole, so a cleared note stays cleared. */
function fixed(e: Entity): Pick<Entity, 'id' | 'caseId' | 'createdAt' | 'pseudonym'> {
  return {
    id: e.id,
    caseId: e.caseId,
    createdAt: e.createdAt,
    ...(e.pseudonym !== undefined ? { pseudonym: e.pseudonym } : {}),
  };
}

function editable(e: Entity): EntityInput {
  return {
    kind: e.kind,
    names: e.names,
    roles: e.roles,
    properties: e.properties,
    ...(e.posts !== undefined ? { posts: e.posts } : {}),
    ...(e.victim !== undefined ? { victim: e.victim } : {}),
    ...(e.notes !== undefined ? { notes: e.notes } : {}),
  };
}

function mergedFields(s: EntityInput, a: EntityInput): EntityInput {
  const names = [...s.names];
  for (const n of a.names)
    if (!names.some((m) => m.value === n.value)) names.push({ value: n.value, script: n.script });
  const roles = [...new Set([...s.roles, ...a.roles])];
  const properties: Record<string, string> = { ...s.properties };
  for (const [key, value] of Object.entries(a.properties)) {
    const mine = propertyValues(properties[key]);
    const theirs = propertyValues(value).filter((v) => !mine.includes(v));
    if (theirs.length === 0) continue;
    const all = [...mine, ...theirs];
    // The same encoding as FtM values: one value as itself, several as a JSON array.
    properties[key] = all.length === 1 && !all[0]!.startsWith('[') ? all[0]! : JSON.stringify(all);
  }
  const posts = [...(s.posts ?? [])];
  for (const p of a.posts ?? [])
    if (!posts.some((q) => JSON.stringify(q) === JSON.stringify(p))) posts.push(p);
  const notes = [s.notes, a.notes].filter((n) => n !== undefined && n.trim() !== '').join('\n\n');
  const victim = s.victim ?? a.victim;
  return {
    kind: s.kind,
    names,
    roles,
    properties,
    ...(posts.length > 0 ? { posts } : {}),
    ...(victim !== undefined ? { victim } : {}),
    ...(notes !== '' ? { notes } : {}),
  };
}

/** Removes what a merge added, keeping what was edited since. */
function unmergedFields(current: EntityInput, record: MergeRecord): EntityInput {
  const before = record.survivorBefore;
  const after = record.survivorAfter;
  const addedNames = new Set(
    after.names.filter((n) => !before.names.some((b) => b.value === n.value)).map((n) => n.value),
  );
  const addedRoles = new Set(after.roles.filter((r) => !before.roles.includes(r)));
  const properties: Record<string, string> = { ...current.properties };
  for (const [key, merged] of Object.entries(after.properties)) {
    if (before.properties[key] === merged || properties[key] !== merged) continue;
    const old = before.properties[key];
    if (old === undefined) delete properties[key];
    else properties[key] = old;
  }
  const beforePosts = new Set((before.posts ?? []).map((p) => JSON.stringify(p)));
  const addedPosts = new Set(
    (after.posts ?? []).map((p) => JSON.stringify(p)).filter((p) => !beforePosts.has(p)),
  );
  const posts = (current.posts ?? []).filter((p) => !addedPosts.has(JSON.stringify(p)));
  const notes = current.notes === after.notes ? before.notes : current.notes;
  const victim =
    JSON.stringify(current.victim) === JSON.stringify(after.victim)
      ? before.victim
      : current.victim;
  return {
    kind: current.kind,
    names: current.names.filter((n) => !addedNames.has(n.value)),
    roles: current.roles.filter((r) => !addedRoles.has(r)),
    properties,
    ...(posts.length > 0 ? { posts } : {}),
    ...(victim !== undefined ? { victim } : {}),
    ...(notes !== undefined && notes !== '' ? { notes } : {}),
  };
}
