/**
 * What the Network view's filters leave shown, and the months of its time slider: pure, so that
 * the canvas, the node list and the exports agree, and so that it is tested without a DOM.
 */
import {
  ENTITY_KINDS,
  LINK_TYPES,
  type Entity,
  type EntityId,
  type EntityKind,
  type Link,
  type LinkType,
  type Role,
} from '../model';

/** Months as YYYY-MM, the granularity of the time slider. */
export function monthOf(date: string | undefined): string | undefined {
  if (date === undefined || !/^\d{4}/.test(date)) return undefined;
  return date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-01`;
}

/** Every month from the first to the last dated link, for the time slider's stops. */
export function monthRange(links: readonly Pick<Link, 'from' | 'to'>[]): string[] {
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
  // A guard of a century of months: a mistyped year (0024) must not build millions of stops.
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

export type Visible = Readonly<{ entities: ReadonlySet<EntityId>; links: ReadonlySet<string> }>;

/**
 * Which entities and links pass the filters. A link shows when both its ends show, its type is
 * selected, and its dates overlap the range. While the range is narrowed (the time slider), an
 * entity shows only once one of its links has appeared, so the replay shows the network grow;
 * entities without any link stay visible so that nothing disappears unexplained.
 */
export function visibleElements(
  graph: Readonly<{
    entities: readonly Pick<Entity, 'id' | 'kind' | 'roles'>[];
    links: readonly Pick<Link, 'id' | 'source' | 'target' | 'type' | 'from' | 'to'>[];
  }>,
  filters: Filters,
  rangeNarrowed: boolean,
): Visible {
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

/** Everything the analyst has set in the filter panel and the time slider, as one value. */
export type FilterState = Readonly<{
  kinds: ReadonlySet<EntityKind>;
  roles: ReadonlySet<Role>;
  linkTypes: ReadonlySet<LinkType>;
  /** Indexes into the case's months (monthRange), inclusive; null: the whole time. */
  range: readonly [number, number] | null;
  hidden: ReadonlySet<EntityId>;
  /** The replay is moving the end of the range forward. */
  playing: boolean;
}>;

export type FilterAction =
  | Readonly<{ type: 'toggleKind'; kind: EntityKind }>
  | Readonly<{ type: 'toggleRole'; role: Role }>
  | Readonly<{ type: 'toggleLinkType'; linkType: LinkType }>
  | Readonly<{ type: 'hide'; id: EntityId }>
  | Readonly<{ type: 'unhide'; id: EntityId }>
  | Readonly<{ type: 'showHidden' }>
  /** Shows these entities (an entity's neighbours, "expand"): unhidden, kind and role filters off. */
  | Readonly<{ type: 'reveal'; ids: ReadonlySet<EntityId> }>
  | Readonly<{ type: 'setFrom'; index: number; months: number }>
  | Readonly<{ type: 'setTo'; index: number }>
  | Readonly<{ type: 'allTime' }>
  | Readonly<{ type: 'togglePlay' }>
  /** One step of the replay: the end of the range one month on, or the replay stops. */
  | Readonly<{ type: 'tick'; months: number }>;

export const INITIAL_FILTERS: FilterState = {
  kinds: new Set(ENTITY_KINDS),
  roles: new Set(),
  linkTypes: new Set(LINK_TYPES),
  range: null,
  hidden: new Set(),
  playing: false,
};

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

export function filterReducer(state: FilterState, action: FilterAction): FilterState {
  switch (action.type) {
    case 'toggleKind':
      return { ...state, kinds: toggled(state.kinds, action.kind) };
    case 'toggleRole':
      return { ...state, roles: toggled(state.roles, action.role) };
    case 'toggleLinkType':
      return { ...state, linkTypes: toggled(state.linkTypes, action.linkType) };
    case 'hide':
      return { ...state, hidden: new Set(state.hidden).add(action.id) };
    case 'unhide': {
      if (!state.hidden.has(action.id)) return state;
      const hidden = new Set(state.hidden);
      hidden.delete(action.id);
      return { ...state, hidden };
    }
    case 'showHidden':
      return { ...state, hidden: new Set() };
    case 'reveal':
      return {
        ...state,
        hidden: new Set([...state.hidden].filter((id) => !action.ids.has(id))),
        kinds: new Set(ENTITY_KINDS),
        roles: new Set(),
      };
    case 'setFrom': {
      const to = Math.max(action.index, state.range?.[1] ?? action.months - 1);
      return { ...state, range: [action.index, to] };
    }
    case 'setTo': {
      const from = Math.min(action.index, state.range?.[0] ?? 0);
      return { ...state, range: [from, action.index] };
    }
    case 'allTime':
      return { ...state, range: null };
    case 'togglePlay':
      return state.playing
        ? { ...state, playing: false }
        : { ...state, playing: true, range: [0, 0] };
    case 'tick': {
      if (!state.playing) return state;
      const current = state.range ?? [0, 0];
      if (current[1] >= action.months - 1) return { ...state, playing: false, range: current };
      return { ...state, range: [current[0], current[1] + 1] };
    }
  }
}

/** The filters a FilterState means over the case's months. */
export function filtersOf(state: FilterState, months: readonly string[]): Filters {
  const from = state.range !== null ? months[state.range[0]] : undefined;
  const to = state.range !== null ? months[state.range[1]] : undefined;
  return {
    kinds: state.kinds,
    roles: state.roles,
    linkTypes: state.linkTypes,
    hidden: state.hidden,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

/** Whether the time slider leaves months out (and the replay's growing picture applies). */
export function rangeNarrowed(state: FilterState, months: readonly string[]): boolean {
  return state.range !== null && (state.range[0] > 0 || state.range[1] < months.length - 1);
}
