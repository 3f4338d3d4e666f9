import { useMemo } from 'react';
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
import { useCaseRead } from '../vault/useVaultRead';

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

const PARTS = ['entities', 'links', 'citations', 'evidence', 'pages'] as const;

/** Everything the People and links view shows of a case, re-read when a write touches it. */
export function useCaseData(caseId: CaseId): { data: CaseData | null; error: string | null } {
  const state = useCaseRead(caseId, PARTS);
  const data = useMemo<CaseData | null>(
    () =>
      state.status === 'ready'
        ? { ...state.data, byId: new Map(state.data.entities.map((e) => [e.id, e])) }
        : null,
    [state],
  );
  return { data, error: state.status === 'error' ? state.message : null };
}

/** The agreed deep link that opens a cited page with the quoted words highlighted. */
export function citationHref(c: Citation): string {
  return `#/evidence/${c.evidenceId}/${c.pageNumber}?citation=${c.id}`;
}

export { errorMessage } from '../vault/useVaultRead';
