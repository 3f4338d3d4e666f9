import type { Entity, Name, Script } from './case';

/** The name shown for a list of names: the primary one, else the first; undefined if none. */
export function primaryName(names: readonly Name[]): string | undefined {
  return (names.find((n) => n.primary === true) ?? names[0])?.value;
}

/**
 * The name shown for an entity everywhere (lists, network, bundles, audit summaries): its
 * primary name, else its first, else its id, so that an entity is never shown blank.
 */
export function displayName(entity: Pick<Entity, 'names' | 'id'>): string {
  return primaryName(entity.names) ?? entity.id;
}

const THAI = /[\u0E00-\u0E7F]/u;
const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/**
 * The writing system of a name, by majority of its letters. On a tie the native script wins
 * over Latin (a Khmer or Thai name is often given beside its transliteration), and Khmer over
 * Thai; a text without letters is 'other'. The one rule for entities, imports and exchange.
 */
export function detectScript(text: string): Script {
  let khmer = 0;
  let thai = 0;
  let latin = 0;
  let other = 0;
  for (const ch of text) {
    if (KHMER.test(ch)) khmer++;
    else if (THAI.test(ch)) thai++;
    else if (LATIN.test(ch)) latin++;
    else if (LETTER.test(ch)) other++;
  }
  const best = Math.max(khmer, thai, latin, other);
  if (best === 0) return 'other';
  if (khmer === best) return 'khmer';
  if (thai === best) return 'thai';
  if (latin === best) return 'latin';
  return 'other';
}
