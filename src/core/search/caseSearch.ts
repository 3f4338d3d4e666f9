import { readCase, type CaseSource } from '../cases';
import {
  isVictim,
  primaryName,
  type CaseId,
  type Entity,
  type EntityId,
  type EvidenceId,
  type EvidenceItem,
  type Link,
  type LinkId,
  type Page,
} from '../model';
import {
  entityDocument,
  noteDocument,
  SearchIndex,
  type SearchDocument,
  type SearchKind,
  type SearchOptions,
  type SearchResults,
} from './searchIndex';

/** What a note belongs to, so that a hit can say whose note it is and open it. */
export type NoteOwner =
  | Readonly<{ kind: 'entity'; id: EntityId }>
  | Readonly<{ kind: 'link'; id: LinkId; source: EntityId; target: EntityId }>;

/** The records of one case that search reads, as the decrypting database returns them. */
export type CaseSearchSource = Readonly<{
  pages: ReadonlyArray<Pick<Page, 'id' | 'evidenceId' | 'number' | 'text'>>;
  entities: readonly Entity[];
  links: readonly Link[];
  evidence: ReadonlyArray<Pick<EvidenceItem, 'id' | 'exhibitRef' | 'fileName'>>;
}>;

const keyOf = (kind: SearchKind, id: string): string => `${kind}:${id}`;

/**
 * The search of one open case: a SearchIndex over its page texts, entity names and aliases and
 * the notes of entities and links, plus what a result needs to be shown (exhibit references,
 * entity names, note owners). Built in memory after unlock and never persisted, so it holds
 * nothing the vault does not already protect.
 *
 * `sync` brings it up to date with the case's current records, re-indexing only documents
 * whose text changed, so that following every change of the case stays cheap.
 */
export class CaseSearch {
  readonly caseId: CaseId;
  private readonly index = new SearchIndex();
  /** The text each document was indexed with, to skip unchanged ones on sync. */
  private readonly indexedText = new Map<string, string>();
  private readonly entityNames = new Map<EntityId, string>();
  private readonly pseudonyms = new Map<EntityId, string>();
  private readonly exhibits = new Map<EvidenceId, string>();
  private readonly noteOwners = new Map<string, NoteOwner>();

  constructor(caseId: CaseId) {
    this.caseId = caseId;
  }

  /** Documents indexed. */
  get size(): number {
    return this.index.size;
  }

  sync(source: CaseSearchSource): void {
    const docs: SearchDocument[] = [];
    this.entityNames.clear();
    this.pseudonyms.clear();
    this.exhibits.clear();
    this.noteOwners.clear();
    for (const item of source.evidence) this.exhibits.set(item.id, item.exhibitRef);
    for (const page of source.pages)
      docs.push({
        kind: 'page',
        id: page.id,
        evidenceId: page.evidenceId,
        pageNumber: page.number,
        text: page.text,
      });
    for (const entity of source.entities) {
      this.entityNames.set(entity.id, primaryName(entity.names) ?? '');
      if (isVictim(entity) && entity.pseudonym !== undefined)
        this.pseudonyms.set(entity.id, entity.pseudonym);
      docs.push(entityDocument(entity));
      const note = noteDocument(entity);
      if (note !== undefined) {
        docs.push(note);
        this.noteOwners.set(entity.id, { kind: 'entity', id: entity.id });
      }
    }
    for (const link of source.links) {
      const note = noteDocument(link);
      if (note !== undefined) {
        docs.push(note);
        this.noteOwners.set(link.id, {
          kind: 'link',
          id: link.id,
          source: link.source,
          target: link.target,
        });
      }
    }

    const wanted = new Set<string>();
    for (const doc of docs) {
      const key = keyOf(doc.kind, doc.id);
      wanted.add(key);
      // A page moved to another item or renumbered must be re-put even with the same text.
      const stamp =
        doc.kind === 'page' ? `${doc.evidenceId}#${doc.pageNumber}\n${doc.text}` : doc.text;
      if (this.indexedText.get(key) === stamp) continue;
      this.index.put(doc);
      this.indexedText.set(key, stamp);
    }
    for (const key of [...this.indexedText.keys()]) {
      if (wanted.has(key)) continue;
      const colon = key.indexOf(':');
      this.index.remove(key.slice(0, colon) as SearchKind, key.slice(colon + 1));
      this.indexedText.delete(key);
    }
  }

  search(query: string, options?: SearchOptions): SearchResults {
    return this.index.search(query, options);
  }

  /** The primary name of an entity of the case, or undefined. */
  entityName(id: EntityId): string | undefined {
    return this.entityNames.get(id);
  }

  /** A victim's protective pseudonym (V-001), or undefined for anyone else. */
  pseudonym(id: EntityId): string | undefined {
    return this.pseudonyms.get(id);
  }

  /** The exhibit reference of an evidence item of the case, or undefined. */
  exhibitRef(id: EvidenceId): string | undefined {
    return this.exhibits.get(id);
  }

  noteOwner(id: string): NoteOwner | undefined {
    return this.noteOwners.get(id);
  }
}

/** The parts of a case search reads; a view re-syncs when a write touches one of them. */
export const SEARCH_PARTS = ['pages', 'entities', 'links', 'evidence'] as const;

/** Builds, or brings up to date, the search of a case from the vault. */
export async function syncCaseSearch(
  source: CaseSource,
  caseId: CaseId,
  existing?: CaseSearch,
): Promise<CaseSearch> {
  const search = existing?.caseId === caseId ? existing : new CaseSearch(caseId);
  search.sync(await readCase(source, caseId, SEARCH_PARTS));
  return search;
}
