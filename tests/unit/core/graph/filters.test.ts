import { describe, expect, it } from 'vitest';
import {
  filterReducer,
  filtersOf,
  INITIAL_FILTERS,
  monthOf,
  monthRange,
  rangeNarrowed,
  visibleElements,
  type FilterState,
} from '../../../../src/core/graph';
import type { EntityId, EntityKind, LinkId, LinkType, Role } from '../../../../src/core/model';

const e = (id: string, kind: EntityKind = 'person', roles: Role[] = []) => ({
  id: id as EntityId,
  kind,
  roles,
});
const l = (
  id: string,
  source: string,
  target: string,
  dates: Readonly<{ from?: string; to?: string }> = {},
  type: LinkType = 'associate',
) => ({
  id: id as LinkId,
  source: source as EntityId,
  target: target as EntityId,
  type,
  ...dates,
});

describe('months of the time slider', () => {
  it('reads a month from full dates, months and bare years', () => {
    expect(monthOf('2024-03-17')).toBe('2024-03');
    expect(monthOf('2024-03')).toBe('2024-03');
    expect(monthOf('2024')).toBe('2024-01');
    expect(monthOf(undefined)).toBeUndefined();
    expect(monthOf('March')).toBeUndefined();
  });

  it('spans every month from the first to the last dated link, across a year end', () => {
    expect(monthRange([{ from: '2023-11-02' }, { to: '2024-02' }, {}])).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(monthRange([{}, {}])).toEqual([]);
  });
});

describe('visibleElements', () => {
  const graph = {
    entities: [e('a', 'person', ['recruiter']), e('b'), e('p', 'phone'), e('alone')],
    links: [
      l('ab', 'a', 'b', { from: '2024-01', to: '2024-02' }),
      l('ap', 'a', 'p', { from: '2024-05' }, 'called'),
      l('bp', 'b', 'p'),
    ],
  };

  it('hides a kind with its links, and a link type alone', () => {
    const noPhones = visibleElements(
      graph,
      filtersOf({ ...INITIAL_FILTERS, kinds: new Set(['person']) }, []),
      false,
    );
    expect([...noPhones.entities].sort()).toEqual(['a', 'alone', 'b']);
    expect([...noPhones.links]).toEqual(['ab']);
    const noCalls = filterReducer(INITIAL_FILTERS, { type: 'toggleLinkType', linkType: 'called' });
    const shown = visibleElements(graph, filtersOf(noCalls, []), false);
    expect(shown.entities.size).toBe(4);
    expect([...shown.links].sort()).toEqual(['ab', 'bp']);
  });

  it('with a role chosen, shows only entities with that role', () => {
    const recruiters = filterReducer(INITIAL_FILTERS, { type: 'toggleRole', role: 'recruiter' });
    expect([...visibleElements(graph, filtersOf(recruiters, []), false).entities]).toEqual(['a']);
  });

  it('narrowed in time, shows dated links that overlap, undated ones, and entities once linked', () => {
    const months = monthRange(graph.links);
    expect(months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    const march: FilterState = { ...INITIAL_FILTERS, range: [2, 3] };
    expect(rangeNarrowed(march, months)).toBe(true);
    const shown = visibleElements(graph, filtersOf(march, months), true);
    // ab ended in February, ap starts in May; bp is undated and always shown.
    expect([...shown.links]).toEqual(['bp']);
    // a has links but none shown yet; "alone" has no link at all and stays.
    expect([...shown.entities].sort()).toEqual(['alone', 'b', 'p']);
    expect(rangeNarrowed({ ...INITIAL_FILTERS, range: [0, 4] }, months)).toBe(false);
  });
});

describe('filterReducer', () => {
  it('hides, reveals and shows again what the analyst hid', () => {
    let s = filterReducer(INITIAL_FILTERS, { type: 'hide', id: 'a' as EntityId });
    s = filterReducer(s, { type: 'hide', id: 'b' as EntityId });
    s = filterReducer(s, { type: 'toggleKind', kind: 'phone' });
    expect(s.hidden.size).toBe(2);
    s = filterReducer(s, { type: 'reveal', ids: new Set(['a' as EntityId]) });
    expect([...s.hidden]).toEqual(['b']);
    expect(s.kinds.has('phone')).toBe(true);
    expect(filterReducer(s, { type: 'unhide', id: 'b' as EntityId }).hidden.size).toBe(0);
    expect(filterReducer(s, { type: 'showHidden' }).hidden.size).toBe(0);
  });

  it('keeps the range ordered when either end is moved past the other', () => {
    let s = filterReducer(INITIAL_FILTERS, { type: 'setTo', index: 3 });
    expect(s.range).toEqual([0, 3]);
    s = filterReducer(s, { type: 'setFrom', index: 5, months: 8 });
    expect(s.range).toEqual([5, 5]);
    s = filterReducer(s, { type: 'setTo', index: 2 });
    expect(s.range).toEqual([2, 2]);
    expect(filterReducer(s, { type: 'allTime' }).range).toBeNull();
  });

  it('replays from the first month to the last, then stops', () => {
    let s = filterReducer(INITIAL_FILTERS, { type: 'togglePlay' });
    expect(s).toMatchObject({ playing: true, range: [0, 0] });
    const seen: number[] = [];
    for (let i = 0; i < 5 && s.playing; i++) {
      s = filterReducer(s, { type: 'tick', months: 3 });
      seen.push(s.range?.[1] ?? -1);
    }
    expect(seen).toEqual([1, 2, 2]);
    expect(s.playing).toBe(false);
    expect(filterReducer(s, { type: 'tick', months: 3 })).toBe(s);
  });
});
