/**
 * What the Network view draws, as plain data: the case's entities and links read from the
 * vault, how each looks (shape by kind, colour by role or ring, official marking, line style by
 * reliability) and the protective pseudonyms of victims; the filters are in core/graph/filters.ts.
 * Kept free of Cytoscape and React so that the canvas, the node list, the legend and the SVG
 * export agree.
 */
import { readCaseGraph } from '../../../core/cases';
import { victimPseudonyms as storedPseudonyms } from '../../../core/entities';
import { displayName } from '../../../core/graph';
import type { CaseId, Citation, Entity, EntityId, EntityKind, Link } from '../../../core/model';
import type { UnlockedVault } from '../../../core/vault';

export type CaseGraph = Readonly<{
  entities: readonly Entity[];
  links: readonly Link[];
  citations: readonly Citation[];
}>;

export async function loadCaseGraph(vault: UnlockedVault, caseId: CaseId): Promise<CaseGraph> {
  return readCaseGraph(vault, caseId);
}

/** Cytoscape shape names for each kind; the legend draws the same shapes. */
export const KIND_SHAPES: Readonly<Record<EntityKind, string>> = {
  person: 'ellipse',
  organization: 'round-rectangle',
  phone: 'diamond',
  bankAccount: 'hexagon',
  vehicle: 'round-triangle',
  address: 'vee',
  identityDocument: 'rectangle',
  onlineAccount: 'octagon',
};

export const OFFICIAL_RING = '#f9a825';

/** Twelve colours that stay apart for the common forms of colour blindness (Okabe-Ito+). */
export const COMMUNITY_COLOURS: readonly string[] = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#332288',
  '#117733',
  '#aa4499',
  '#882255',
  '#44aa99',
  '#999933',
];
/** Small communities beyond the palette share one neutral colour rather than repeat one. */
export const OTHER_COMMUNITY_COLOUR = '#bdbdbd';

export { isVictim, isOfficial } from '../../../core/model';

/** Victims' stored protective pseudonyms (core/entities), the same as in bundles and exports. */
export const victimPseudonyms = storedPseudonyms;

/** The name shown for an entity: the pseudonym of a victim while protection is on. */
export function labelOf(
  entity: Entity,
  protect: boolean,
  pseudonyms: ReadonlyMap<EntityId, string>,
): string {
  if (protect) {
    const pseudonym = pseudonyms.get(entity.id);
    if (pseudonym !== undefined) return pseudonym;
  }
  return displayName(entity);
}
