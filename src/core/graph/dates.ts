import type { IsoDate, OfficialPost } from '../model';

/**
 * Dates in the case model may be partial (YYYY, YYYY-MM) or full timestamps. A partial date is
 * an interval: "2019" as a start means 2019-01-01, as an end 2019-12-31. Comparing the padded
 * YYYY-MM-DD strings is then enough (day 31 of any month sorts after every real day in it).
 */
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

export function dateStart(date: IsoDate): string {
  const m = PARTIAL.exec(date);
  if (m === null) throw new RangeError(`Not an ISO date: "${date}".`);
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

export function dateEnd(date: IsoDate): string {
  const m = PARTIAL.exec(date);
  if (m === null) throw new RangeError(`Not an ISO date: "${date}".`);
  return `${m[1]}-${m[2] ?? '12'}-${m[3] ?? '31'}`;
}

export function isIsoDate(date: string): boolean {
  return PARTIAL.test(date);
}

/** An interval with open ends where a date is unknown; undefined means unbounded. */
export type Span = Readonly<{ start?: string; end?: string }>;

/** A link's span; a single known date stands for both ends (an event on one day). */
export function linkSpan(from: IsoDate | undefined, to: IsoDate | undefined): Span | undefined {
  if (from === undefined && to === undefined) return undefined;
  return { start: dateStart(from ?? to!), end: dateEnd(to ?? from!) };
}

/** The official's posts as spans; undefined when no post has any date (time in post unknown). */
export function postSpans(posts: readonly OfficialPost[] | undefined): Span[] | undefined {
  const dated = (posts ?? []).filter((p) => p.from !== undefined || p.to !== undefined);
  if (dated.length === 0) return undefined;
  return dated.map((p) => ({
    ...(p.from !== undefined ? { start: dateStart(p.from) } : {}),
    ...(p.to !== undefined ? { end: dateEnd(p.to) } : {}),
  }));
}

/**
 * Whether a link belongs to the official's time in post: its span overlaps one of the posts.
 * Overlap rather than containment, because a relationship that began before the appointment
 * and went on during it is exactly what an anti-corruption unit looks for. Undated links are
 * kept: the filter only removes what the dates show to lie outside.
 */
export function withinPosts(link: Span | undefined, posts: readonly Span[]): boolean {
  if (link === undefined) return true;
  return posts.some(
    (p) =>
      (p.end === undefined || link.start === undefined || link.start <= p.end) &&
      (p.start === undefined || link.end === undefined || link.end >= p.start),
  );
}
