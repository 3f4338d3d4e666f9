/**
 * What the Network view draws, as plain data: the case's entities and links read from the
 * vault, how each looks (shape by kind, colour by role or ring, official marking, line style by
 * reliability), the protective pseudonyms of victims, and the filters. Kept free of Cytoscape
 * and React so that the canvas, the node list, the legend and the SVG export agree.
 */
import { readCaseGraph } from '../../../core/cases';
import { victimPseudonyms as storedPseudonyms } from '../../../core/entities';
import { displayName } from '../../../core/graph';
import type {
  CaseId,
  Citation,
  Entity,
  EntityId,
  EntityKind,
  Link,
  LinkType,
  Role,
} from '../../../core/model';
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

/** Months as YYYY-MM, the granularity of the time slider. */
export function monthOf(date: string | undefined): string | undefined {
  if (date === undefined || !/^\d{4}/.test(date)) return undefined;
  return date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-01`;
}

/** Every month from the first to the last dated link, for the time slider's stops. */
export function monthRange(links: readonly Link[]): string[] {
  let first: string | undefined;
  let last: string | undefined;
  for (const link of links)
    for (const d of [monthOf(link.from), monthOf(link.to)])
      if (d !== undefined) {
        if (first === undefined || d < first) first = d;
        if (last === undefined || d > last) last = d;
      }
  if (first === undefined || last === undefined) return [];
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export type Filters = Readonly<{
  kinds: ReadonlySet<EntityKind>;
  /** Empty: every role, including entities with none. */
  roles: ReadonlySet<Role>;
  linkTypes: ReadonlySet<LinkType>;
  /** Inclusive months (YYYY-MM); undated links are always shown, as their time is unknown. */
  from?: string;
  to?: string;
  hidden: ReadonlySet<EntityId>;
}>;

/**
 * Which entities and links pass the filters. A link shows when both its ends show, its type is
 * selected, and its dates overlap the range. While the range is narrowed (the time slider), an
 * entity shows only once one of its links has appeared, so the replay shows the network grow;
 * entities without any link stay visible so that nothing disappears unexplained.
 */
export function visibleElements(
  graph: CaseGraph,
  filters: Filters,
  rangeNarrowed: boolean,
): { entities: Set<EntityId>; links: Set<string> } {
  const entities = new Set<EntityId>();
  for (const e of graph.entities) {
    if (filters.hidden.has(e.id) || !filters.kinds.has(e.kind)) continue;
    if (filters.roles.size > 0 && !e.roles.some((r) => filters.roles.has(r))) continue;
    entities.add(e.id);
  }
  const links = new Set<string>();
  const linked = new Set<EntityId>();
  const everLinked = new Set<EntityId>();
  for (const l of graph.links) {
    everLinked.add(l.source);
    everLinked.add(l.target);
    if (!entities.has(l.source) || !entities.has(l.target) || !filters.linkTypes.has(l.type))
      continue;
    const start = monthOf(l.from) ?? monthOf(l.to);
    const end = monthOf(l.to) ?? monthOf(l.from);
    if (start !== undefined && filters.to !== undefined && start > filters.to) continue;
    if (end !== undefined && filters.from !== undefined && end < filters.from) continue;
    links.add(l.id);
    linked.add(l.source);
    linked.add(l.target);
  }
  if (rangeNarrowed)
    for (const id of [...entities]) if (everLinked.has(id) && !linked.has(id)) entities.delete(id);
  return { entities, links };
}
