import type { BlindToken, EntityRow } from '../db';
import {
  extract,
  suggestCoMentions,
  type Finding,
  type FindingKind,
  type OfficialPost as FoundPost,
} from '../extract';
import {
  newId,
  type CaseId,
  type Citation,
  type CitationId,
  type Entity,
  type EntityId,
  type EvidenceId,
  type Link,
  type LinkId,
  type PageId,
} from '../model';
import type { PageRow } from '../db';
import { detectScript, normalizeName } from '../names';
import { entityWriteTables, putEntities } from './write';
import { EntityStoreError } from './errors';
import { boxesForRange } from './quote';
import { displayName, toEntity, type EntityInput, type EntityStore } from './store';
import type { SuggestionKey } from '../model';
/** Branded ids live in core/model/ids.ts; re-exported where they were. */
export type { SuggestionKey };

/** Identifies one suggestion across re-extractions: page, kind and comparable value. */
export type SuggestionStatus = 'open' | 'accepted' | 'rejected';

export type Suggestion = Readonly<{
  key: SuggestionKey;
  caseId: CaseId;
  evidenceId: EvidenceId;
  exhibitRef: string;
  pageId: PageId;
  pageNumber: number;
  kind: FindingKind;
  /** As written on the page (first occurrence), and in comparable form. */
  value: string;
  normalized: string;
  detail?: string;
  /** For a person named with a post: the suggested official role, citing the words. */
  post?: FoundPost;
  start: number;
  end: number;
  /** How often the value appears on the page. */
  occurrences: number;
  /** Entities that already have this value (same number via the blind index, same name). */
  known: readonly Entity[];
  status: SuggestionStatus;
}>;

export type CoMentionSuggestion = Readonly<{
  key: SuggestionKey;
  caseId: CaseId;
  evidenceId: EvidenceId;
  exhibitRef: string;
  pageId: PageId;
  pageNumber: number;
  a: Readonly<{ name: string; entityId?: EntityId }>;
  b: Readonly<{ name: string; entityId?: EntityId }>;
  /** The stretch of text from the first mention of one to the first of the other. */
  start: number;
  end: number;
  reason: string;
  status: SuggestionStatus;
}>;

export type PageSuggestions = Readonly<{
  evidenceId: EvidenceId;
  exhibitRef: string;
  pageId: PageId;
  pageNumber: number;
  findings: readonly Suggestion[];
  coMentions: readonly CoMentionSuggestion[];
}>;

/** Kinds that become an entity of their own when accepted; money and dates only attach. */
export const ENTITY_MAKING_KINDS: readonly FindingKind[] = [
  'phone',
  'email',
  'account',
  'iban',
  'document',
  'handle',
  'name',
  'organization',
  'place',
  'vehicle',
  'wallet',
];

const ACCEPT = 'suggestion.accept';
const REJECT = 'suggestion.reject';

/** Where an accepted finding goes: a new entity, or a citation on an existing entity or link. */
export type AcceptTarget =
  Readonly<{ newEntity: true }> | Readonly<{ entityId: EntityId }> | Readonly<{ linkId: LinkId }>;

/** The entity a finding becomes when accepted as new. */
export function entityInputFor(
  s: Pick<Suggestion, 'kind' | 'value' | 'normalized' | 'detail' | 'post'>,
): EntityInput {
  const name = (value: string) => [{ value, script: detectScript(value), primary: true }];
  switch (s.kind) {
    case 'phone':
      return {
        kind: 'phone',
        names: name(s.normalized),
        roles: [],
        properties: { number: s.normalized },
      };
    case 'email':
      return {
        kind: 'onlineAccount',
        names: name(s.normalized),
        roles: [],
        properties: { email: s.normalized, service: 'email' },
      };
    case 'account':
      return {
        kind: 'bankAccount',
        names: name(s.value.trim()),
        roles: [],
        properties: {
          accountNumber: s.normalized,
          ...(s.detail !== undefined ? { bankName: s.detail } : {}),
        },
      };
    case 'iban':
      return {
        kind: 'bankAccount',
        names: name(s.normalized),
        roles: [],
        properties: { iban: s.normalized },
      };
    case 'document':
      return {
        kind: 'identityDocument',
        names: name(s.normalized),
        roles: [],
        properties: { number: s.normalized, ...(s.detail !== undefined ? { type: s.detail } : {}) },
      };
    case 'handle': {
      const colon = s.normalized.indexOf(':');
      const service = colon > 0 ? s.normalized.slice(0, colon) : '';
      const username = colon > 0 ? s.normalized.slice(colon + 1) : s.normalized;
      return {
        kind: 'onlineAccount',
        names: name(s.normalized),
        roles: [],
        properties: { username, ...(service !== '' ? { service } : {}) },
      };
    }
    case 'name':
      // A post written next to the name suggests an official, with the agency and position.
      if (s.post !== undefined)
        return {
          kind: 'person',
          names: name(s.value.trim()),
          roles: ['official'],
          properties: {},
          posts: [{ agency: s.post.agency ?? '', position: s.post.position }],
        };
      return { kind: 'person', names: name(s.value.trim()), roles: [], properties: {} };
    case 'organization':
      return {
        kind: 'organization',
        names: name(s.value.trim()),
        roles: [],
        properties: s.detail !== undefined ? { type: s.detail } : {},
      };
    case 'place': {
      // normalized is "KH:province:name" from the gazetteer.
      const [country = '', province = '', place = s.value.trim()] = s.normalized.split(':');
      return {
        kind: 'address',
        names: name(place),
        roles: [],
        properties: { country, province, ...(s.detail !== undefined ? { place: s.detail } : {}) },
      };
    }
    case 'vehicle': {
      const colon = s.normalized.indexOf(':');
      return {
        kind: 'vehicle',
        names: name(s.value.trim()),
        roles: [],
        properties: { plate: s.normalized.slice(colon + 1), country: s.normalized.slice(0, colon) },
      };
    }
    case 'wallet': {
      const colon = s.normalized.indexOf(':');
      return {
        kind: 'bankAccount',
        names: name(s.value.trim()),
        roles: [],
        properties: {
          wallet: s.value.trim(),
          network: s.normalized.slice(0, colon),
        },
      };
    }
    case 'money':
    case 'date':
      throw new EntityStoreError(
        `A ${s.kind} is not an entity of its own: attach it to an entity or a link.`,
      );
  }
}

/**
 * Extraction suggestions of a case: every page's findings, with the entities that already
 * carry the same value, and the people named together. Decisions are read back from the audit
 * log (suggestion.accept / suggestion.reject), which keeps them with who decided and when, in
 * the same transaction as what the decision wrote; a rejected suggestion stays rejected.
 */
export type SuggestionsOptions = Readonly<{
  /** Stops between pages; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Pages done of all pages, after each page. */
  onProgress?: (done: number, total: number) => void;
}>;

export async function suggestionsForCase(
  store: EntityStore,
  caseId: CaseId,
  options: SuggestionsOptions = {},
): Promise<PageSuggestions[]> {
  const vault = store.vault;
  const db = vault.db;
  const [pages, evidence, rows, decisions] = await Promise.all([
    db.pages.where('caseId').equals(caseId).toArray(),
    db.evidence.where('caseId').equals(caseId).toArray(),
    db.entities.where('caseId').equals(caseId).toArray() as Promise<EntityRow[]>,
    store.auditOfCase(caseId, 'suggestion.'),
  ]);
  const status = new Map<string, SuggestionStatus>();
  for (const d of decisions.sort((x, y) => x.seq - y.seq))
    status.set(d.recordId, d.action === ACCEPT ? 'accepted' : 'rejected');
  const exhibit = new Map(evidence.map((e) => [e.id, e.exhibitRef]));
  const knownNames = rows.flatMap((r) => r.names.map((n) => ({ entityId: r.id, name: n.value })));
  const entities = new Map(rows.map((r) => [r.id, toEntity(r)]));

  const knownFor = (f: Finding): Entity[] => {
    if (f.kind === 'name')
      return f.entityId !== undefined && entities.has(f.entityId)
        ? [entities.get(f.entityId)!]
        : [];
    let token: BlindToken | undefined;
    try {
      if (f.kind === 'phone') token = vault.blindIndex.phone(f.normalized);
      else if (f.kind === 'document' || f.kind === 'account' || f.kind === 'iban')
        token = vault.blindIndex.document(f.normalized);
    } catch {
      token = undefined;
    }
    if (token !== undefined) return rows.filter((r) => r.blind.includes(token)).map(toEntity);
    if (f.kind === 'email' || f.kind === 'handle') {
      const probe = entityInputFor(f).properties;
      return rows
        .filter((r) =>
          Object.entries(probe).every(([k, v]) => k === 'service' || r.properties[k] === v),
        )
        .map(toEntity);
    }
    return [];
  };

  const out: PageSuggestions[] = [];
  const sorted = [...pages].sort(
    (a, b) =>
      (exhibit.get(a.evidenceId) ?? '').localeCompare(exhibit.get(b.evidenceId) ?? '') ||
      a.number - b.number,
  );
  for (const [index, page] of sorted.entries()) {
    // Extraction is synchronous per page: yield between pages so the UI stays responsive
    // and a cancel is seen.
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    options.signal?.throwIfAborted();
    const findings = extract(page.text, { knownNames });
    const exhibitRef = exhibit.get(page.evidenceId) ?? '';
    const base = {
      caseId,
      evidenceId: page.evidenceId,
      exhibitRef,
      pageId: page.id,
      pageNumber: page.number,
    };
    const byKey = new Map<string, Suggestion>();
    for (const f of findings) {
      const key = `${page.id}|${f.kind}|${f.normalized}` as SuggestionKey;
      const seen = byKey.get(key);
      if (seen !== undefined) {
        byKey.set(key, { ...seen, occurrences: seen.occurrences + 1 });
        continue;
      }
      byKey.set(key, {
        ...base,
        key,
        kind: f.kind,
        value: f.value,
        normalized: f.normalized,
        ...(f.detail !== undefined ? { detail: f.detail } : {}),
        ...(f.post !== undefined ? { post: f.post } : {}),
        start: f.start,
        end: f.end,
        occurrences: 1,
        known: knownFor(f),
        status: status.get(key) ?? 'open',
      });
    }
    const firstOf = (name: string) => findings.find((f) => f.kind === 'name' && f.value === name);
    const coMentions: CoMentionSuggestion[] = suggestCoMentions(findings).map((c) => {
      // Keyed by the names as written, not by entity ids: accepting the names later must not
      // turn a rejected co-mention into a new one.
      const ids = [normalizeName(c.a.name), normalizeName(c.b.name)].sort();
      const key = `${page.id}|coMention|${ids.join('|')}` as SuggestionKey;
      const fa = firstOf(c.a.name);
      const fb = firstOf(c.b.name);
      return {
        ...base,
        key,
        a: c.a,
        b: c.b,
        start: Math.min(fa?.start ?? 0, fb?.start ?? 0),
        end: Math.max(fa?.end ?? 0, fb?.end ?? 0),
        reason: c.reason,
        status: status.get(key) ?? 'open',
      };
    });
    out.push({ ...base, findings: [...byKey.values()], coMentions });
    options.onProgress?.(index + 1, sorted.length);
  }
  return out;
}

function citationFor(
  page: PageRow,
  s: Readonly<{ start: number; end: number }>,
  subject: Readonly<{ entityId: EntityId }> | Readonly<{ linkId: LinkId }>,
): Citation {
  // A quote of a whole paragraph helps nobody: long spans are cut to their first 300 chars.
  const end = Math.min(s.end, s.start + 300);
  return {
    id: newId<CitationId>(),
    caseId: page.caseId,
    ...subject,
    evidenceId: page.evidenceId,
    pageId: page.id,
    pageNumber: page.number,
    quote: page.text.slice(s.start, end),
    boxes: boxesForRange(page.text, page.words, s.start, end),
    createdAt: new Date().toISOString(),
  };
}

async function pageOf(store: EntityStore, pageId: PageId): Promise<PageRow> {
  const page = await store.vault.db.pages.get(pageId);
  if (page === undefined) throw new EntityStoreError('The page of this suggestion is gone.');
  return page;
}

/**
 * Accepts a finding: as a new entity, or attached to an existing entity (a name becomes an
 * alias) or link; either way with a citation of the page, and the decision recorded.
 */
export async function acceptSuggestion(
  store: EntityStore,
  s: Suggestion,
  target: AcceptTarget,
): Promise<EntityId | LinkId> {
  const vault = store.vault;
  const db = vault.db;
  const page = await pageOf(store, s.pageId);
  return vault.writeAudited([...entityWriteTables(db), db.links, db.citations], async (audit) => {
    let subject: { entityId: EntityId } | { linkId: LinkId };
    let what: string;
    if ('newEntity' in target) {
      const at = new Date().toISOString();
      const entity: Entity = {
        ...entityInputFor(s),
        id: newId<EntityId>(),
        caseId: s.caseId,
        createdAt: at,
        updatedAt: at,
      };
      await putEntities(vault, [entity], { mode: 'add' });
      await audit({
        action: 'entity.create',
        table: 'entities',
        recordId: entity.id,
        caseId: s.caseId,
        summary: `Created ${entity.kind} "${displayName(entity)}" from page ${s.pageNumber} of ${s.exhibitRef}.`,
      });
      subject = { entityId: entity.id };
      what = `a new ${entity.kind}`;
    } else if ('entityId' in target) {
      const row = await db.entities.get(target.entityId);
      if (row === undefined || row.caseId !== s.caseId)
        throw new EntityStoreError('The entity to attach to is not in this case.');
      if (s.kind === 'name' && !row.names.some((n) => n.value === s.value.trim())) {
        const names = [...row.names, { value: s.value.trim(), script: detectScript(s.value) }];
        const entity: Entity = { ...toEntity(row), names, updatedAt: new Date().toISOString() };
        await putEntities(vault, [{ ...row, ...entity }]);
      }
      subject = { entityId: row.id };
      what = `"${displayName(row)}"`;
    } else {
      const link: Link | undefined = await db.links.get(target.linkId);
      if (link === undefined || link.caseId !== s.caseId)
        throw new EntityStoreError('The link to attach to is not in this case.');
      subject = { linkId: link.id };
      what = `a ${link.type} link`;
    }
    const citation = citationFor(page, s, subject);
    await db.citations.add(citation);
    await audit({
      action: ACCEPT,
      table: 'citations',
      recordId: s.key,
      caseId: s.caseId,
      summary: `Accepted the ${s.kind} found on page ${s.pageNumber} of ${s.exhibitRef} as ${what}.`,
    });
    return 'entityId' in subject ? subject.entityId : subject.linkId;
  });
}

/** Rejects a suggestion (a finding or a co-mention): it stays rejected on the next extraction. */
export async function rejectSuggestion(
  store: EntityStore,
  s: Pick<Suggestion, 'key' | 'caseId' | 'pageNumber' | 'exhibitRef'> & { kind?: string },
): Promise<void> {
  const vault = store.vault;
  await vault.writeAudited([], async (audit) => {
    await audit({
      action: REJECT,
      table: 'pages',
      recordId: s.key,
      caseId: s.caseId,
      summary: `Rejected the ${s.kind ?? 'co-mention'} suggested on page ${s.pageNumber} of ${s.exhibitRef}.`,
    });
  });
}

/**
 * Accepts every open suggestion of a kind: one that matches exactly one existing entity is
 * attached to it, the others become new entities. One value found on several pages becomes
 * one entity, cited on each page.
 */
export async function acceptAllOfKind(
  store: EntityStore,
  pages: readonly PageSuggestions[],
  kind: FindingKind,
): Promise<number> {
  if (!ENTITY_MAKING_KINDS.includes(kind))
    throw new EntityStoreError(`A ${kind} is not an entity of its own: accept it one by one.`);
  const made = new Map<string, EntityId>();
  let count = 0;
  for (const page of pages)
    for (const s of page.findings) {
      if (s.kind !== kind || s.status !== 'open') continue;
      const prior = made.get(s.normalized);
      const only = s.known.length === 1 ? s.known[0]!.id : undefined;
      const target: AcceptTarget =
        prior !== undefined
          ? { entityId: prior }
          : only !== undefined
            ? { entityId: only }
            : { newEntity: true };
      const id = await acceptSuggestion(store, s, target);
      made.set(s.normalized, id as EntityId);
      count++;
    }
  return count;
}

/** Grade of a link that rests only on two names appearing on one page: to be judged. */
const CO_MENTION_GRADE = { reliability: 'F', credibility: 6 } as const;

/** Confirms a co-mention as an `associate` link between the two people, citing the page. */
export async function confirmCoMention(
  store: EntityStore,
  c: CoMentionSuggestion,
): Promise<LinkId> {
  const a = c.a.entityId;
  const b = c.b.entityId;
  if (a === undefined || b === undefined)
    throw new EntityStoreError(
      `Accept "${a === undefined ? c.a.name : c.b.name}" as a person first; a link joins two entities.`,
    );
  const vault = store.vault;
  const db = vault.db;
  const page = await pageOf(store, c.pageId);
  return vault.writeAudited([db.entities, db.links, db.citations], async (audit) => {
    const [ea, eb] = await Promise.all([db.entities.get(a), db.entities.get(b)]);
    if (ea === undefined || eb === undefined)
      throw new EntityStoreError('One of the two people was deleted.');
    const at = new Date().toISOString();
    const link: Link = {
      id: newId<LinkId>(),
      caseId: c.caseId,
      type: 'associate',
      label: 'named together',
      source: a,
      target: b,
      directed: false,
      ...CO_MENTION_GRADE,
      createdAt: at,
      updatedAt: at,
    };
    await db.links.add(link);
    await db.citations.add(citationFor(page, c, { linkId: link.id }));
    await audit({
      action: 'link.create',
      table: 'links',
      recordId: link.id,
      caseId: c.caseId,
      summary: `Linked "${displayName(ea)}" associate "${displayName(eb)}" (named together on page ${c.pageNumber} of ${c.exhibitRef}).`,
    });
    await audit({
      action: ACCEPT,
      table: 'links',
      recordId: c.key,
      caseId: c.caseId,
      summary: `Confirmed the co-mention on page ${c.pageNumber} of ${c.exhibitRef}.`,
    });
    return link.id;
  });
}
