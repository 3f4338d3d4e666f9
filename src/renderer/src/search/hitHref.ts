import type { SearchHit } from '../../../core/search';
import type { CaseSearch } from '../../../core/search';

/**
 * Where a hit opens. A page opens in the evidence viewer at the first matched words
 * (`?highlight=<start>-<end>`, offsets into the page text); an entity, or a note, opens the
 * entity (`#/entities/<entityId>`, and `?link=<linkId>` for a link's note, opened from its
 * source).
 */
export function hitHref(hit: SearchHit, search: CaseSearch): string {
  const doc = hit.document;
  if (doc.kind === 'page') {
    const first = hit.matches[0];
    const highlight = first === undefined ? '' : `?highlight=${first.start}-${first.end}`;
    return `#/evidence/${encodeURIComponent(doc.evidenceId)}/${doc.pageNumber}${highlight}`;
  }
  if (doc.kind === 'entity') return `#/entities/${encodeURIComponent(doc.id)}`;
  const owner = search.noteOwner(doc.id);
  if (owner?.kind === 'link')
    return `#/entities/${encodeURIComponent(owner.source)}?link=${encodeURIComponent(owner.id)}`;
  return `#/entities/${encodeURIComponent(doc.id)}`;
}
