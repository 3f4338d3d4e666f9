import { useEffect, useMemo, useState } from 'react';
import { openEntityStore, type EntityStore } from '../../../core/entities';
import type {
  CaseId,
  Citation,
  Entity,
  EntityId,
  EvidenceItem,
  Link,
  Page,
} from '../../../core/model';
import { useSession } from '../vault/session';
import i18next from 'i18next';
import { errorText } from '../vault/errorText';

export type CaseData = Readonly<{
  entities: readonly Entity[];
  links: readonly Link[];
  citations: readonly Citation[];
  evidence: readonly EvidenceItem[];
  pages: readonly Page[];
  byId: ReadonlyMap<EntityId, Entity>;
}>;

/** The entity store of the open vault; one per vault, so views share nothing stale. */
export function useEntityStore(): EntityStore {
  const { vault } = useSession();
  return useMemo(() => openEntityStore(vault), [vault]);
}

/** Everything the People and links view shows of a case, re-read after every change. */
export function useCaseData(
  store: EntityStore,
  caseId: CaseId,
): { data: CaseData | null; error: string | null } {
  const { revision } = useSession();
  const [data, setData] = useState<CaseData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const db = store.vault.db;
    Promise.all([
      store.listEntities(caseId),
      store.listLinks(caseId),
      store.listCitations(caseId),
      db.evidence.where('caseId').equals(caseId).toArray(),
      db.pages.where('caseId').equals(caseId).toArray(),
    ]).then(
      ([entities, links, citations, evidence, pages]) => {
        if (!live) return;
        setError(null);
        setData({
          entities,
          links,
          citations,
          evidence: [...evidence].sort((a, b) => a.exhibitRef.localeCompare(b.exhibitRef)),
          pages,
          byId: new Map(entities.map((e) => [e.id, e])),
        });
      },
      (e: unknown) => live && setError(errorText(i18next.t, e)),
    );
    return () => {
      live = false;
    };
  }, [store, caseId, revision]);
  return { data, error };
}

/** The agreed deep link that opens a cited page with the quoted words highlighted. */
export function citationHref(c: Citation): string {
  return `#/evidence/${c.evidenceId}/${c.pageNumber}?citation=${c.id}`;
}

export function errorMessage(e: unknown): string {
  return errorText(i18next.t, e);
}
