import { GAZETTEER, type Place } from './gazetteer';
import { PRIORITY } from './priority';
import type { Candidate } from './types';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

type Pattern = Readonly<{ re: RegExp; place: Place }>;
let patterns: Pattern[] | undefined;

/** One expression per place: Latin spellings with word edges and any case, native ones inside unspaced lines. */
function placePatterns(): Pattern[] {
  return (patterns ??= GAZETTEER.map((place) => {
    const latin = [...place.latin]
      .sort((a, b) => b.length - a.length)
      .map((n) => escape(n).replace(/\\?[' ]/gu, "[ '’-]?"));
    const native = [...place.khmer, ...place.thai].sort((a, b) => b.length - a.length).map(escape);
    const parts = [`(?<![\\p{L}\\p{N}])(?:${latin.join('|')})(?![\\p{L}\\p{N}])`];
    if (native.length > 0) parts.push(`(?:${native.join('|')})`);
    return { re: new RegExp(parts.join('|'), 'giu'), place };
  }));
}

/** Suggested as an address: "KH:Banteay Meanchey:Poipet". */
export const placeKey = (place: Place): string =>
  `${place.country}:${place.province}:${place.name}`;

/**
 * Provinces, districts, towns and border crossings of Cambodia and Thailand from the shipped
 * gazetteer, in Latin, Khmer or Thai. The detail says what it is and where:
 * "crossing, Banteay Meanchey, KH".
 */
export function findPlaces(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { re, place } of placePatterns()) {
    for (const m of text.matchAll(re)) {
      // Latin spellings must start with a capital letter: "trat" in prose is not the province.
      if (/^[a-z]/u.test(m[0])) continue;
      out.push({
        kind: 'place',
        value: m[0],
        normalized: placeKey(place),
        start: m.index,
        end: m.index + m[0].length,
        priority: PRIORITY.place,
        detail: `${place.province}, ${place.country} (${place.type})`,
      });
    }
  }
  return out;
}

export { GAZETTEER, type Place, type PlaceType } from './gazetteer';
