import { useEffect, useState } from 'react';
import type { EntityId } from '../../../core/model';

const ENTITY_HASH = /^#\/entities\/([0-9a-f-]{36})(?:[?/]|$)/i;

function fromHash(): EntityId | null {
  const match = ENTITY_HASH.exec(window.location.hash);
  return match?.[1] === undefined ? null : (match[1] as EntityId);
}

/**
 * The entity named by the agreed deep link `#/entities/<entityId>` (search results, the
 * network view), followed on every hash change so that back and forward work.
 */
export function useEntityFromHash(): EntityId | null {
  const [id, setId] = useState<EntityId | null>(fromHash);
  useEffect(() => {
    const onChange = (): void => setId(fromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return id;
}
