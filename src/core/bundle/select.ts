import type { Citation, EntityId, EvidenceId, LinkId, PageId } from '../model';
import { BundleError, type BundleContents, type BundleSelection, type CaseData } from './types';

/**
 * Resolves what the user picked into the records a bundle holds, so that the bundle is closed:
 * every link's ends are in it, every citation's item and page are in it, and every item comes
 * with its full chain of custody.
 *
 * - entityIds: those entities;
 * - linkIds: those links and their end entities;
 * - evidenceIds: those items with all their pages;
 * - citedByLinkIds: those links, their ends, and every item their citations point to.
 *
 * Every included item comes with all its pages, cited or not: a court reads a page in the
 * context of the whole document, and the export screen promises every page.
 *
 * A citation is included when what it supports (entity or link) and the page it points to are
 * both included. Audit entries are those about any included record.
 */
export function selectForBundle(data: CaseData, selection: BundleSelection): BundleContents {
  const caseId = data.case.id;
  const entityById = new Map(data.entities.map((e) => [e.id, e]));
  const linkById = new Map(data.links.map((l) => [l.id, l]));
  const itemById = new Map(data.evidence.map((i) => [i.id, i]));

  const entityIds = new Set<EntityId>();
  const linkIds = new Set<LinkId>();
  const itemIds = new Set<EvidenceId>();
  const pageIds = new Set<PageId>();

  const requireEntity = (id: EntityId): void => {
    const entity = entityById.get(id);
    if (entity === undefined) throw new BundleError(`Selected entity ${id} is not in the case`);
    if (entity.caseId !== caseId)
      throw new BundleError(`Selected entity ${id} belongs to another case (${entity.caseId})`);
    entityIds.add(id);
  };
  const requireLink = (id: LinkId): void => {
    const link = linkById.get(id);
    if (link === undefined) throw new BundleError(`Selected link ${id} is not in the case`);
    if (link.caseId !== caseId)
      throw new BundleError(`Selected link ${id} belongs to another case (${link.caseId})`);
    linkIds.add(id);
    for (const end of [link.source, link.target]) {
      if (!entityById.has(end))
        throw new BundleError(`Link ${id} points to entity ${end}, which is not in the case`);
      entityIds.add(end);
    }
  };

  for (const id of selection.entityIds ?? []) requireEntity(id);
  for (const id of selection.linkIds ?? []) requireLink(id);
  for (const id of selection.evidenceIds ?? []) {
    const item = itemById.get(id);
    if (item === undefined)
      throw new BundleError(`Selected evidence item ${id} is not in the case`);
    if (item.caseId !== caseId)
      throw new BundleError(`Selected evidence item ${id} belongs to another case`);
    itemIds.add(id);
  }
  const citedBy = new Set(selection.citedByLinkIds ?? []);
  for (const id of citedBy) requireLink(id);

  const pagesById = new Map(data.pages.map((p) => [p.id, p]));
  for (const citation of data.citations) {
    if (citation.linkId === undefined || !citedBy.has(citation.linkId)) continue;
    const page = pagesById.get(citation.pageId);
    if (!itemById.has(citation.evidenceId))
      throw new BundleError(
        `Citation ${citation.id} points to evidence item ${citation.evidenceId}, which is not in the case`,
      );
    if (page === undefined || page.evidenceId !== citation.evidenceId)
      throw new BundleError(
        `Citation ${citation.id} points to page ${citation.pageId}, which is not a page of item ${citation.evidenceId}`,
      );
    itemIds.add(citation.evidenceId);
    pageIds.add(citation.pageId);
  }

  if (entityIds.size === 0 && linkIds.size === 0 && itemIds.size === 0)
    throw new BundleError('Nothing is selected: pick people, links or evidence items to export');

  for (const page of data.pages) if (itemIds.has(page.evidenceId)) pageIds.add(page.id);

  const subjectIncluded = (c: Citation): boolean =>
    (c.entityId !== undefined && entityIds.has(c.entityId)) ||
    (c.linkId !== undefined && linkIds.has(c.linkId));

  const citations = data.citations.filter(
    (c) => subjectIncluded(c) && itemIds.has(c.evidenceId) && pageIds.has(c.pageId),
  );
  const evidence = data.evidence.filter((i) => itemIds.has(i.id));
  const custody = data.custody.filter((c) => itemIds.has(c.evidenceId));
  const recordIds = new Set<string>([
    caseId,
    ...entityIds,
    ...linkIds,
    ...itemIds,
    ...pageIds,
    ...citations.map((c) => c.id),
    ...custody.map((c) => c.id),
  ]);

  return {
    case: data.case,
    entities: data.entities.filter((e) => entityIds.has(e.id)),
    links: data.links.filter((l) => linkIds.has(l.id)),
    citations,
    evidence,
    pages: data.pages
      .filter((p) => pageIds.has(p.id))
      .sort((a, b) => a.evidenceId.localeCompare(b.evidenceId) || a.number - b.number),
    custody,
    allPagesOfItems: data.pages.filter((p) => itemIds.has(p.evidenceId)),
    audit: data.audit.filter((a) => recordIds.has(a.recordId)).sort((a, b) => a.seq - b.seq),
  };
}
