import type { EntityId } from '../model';
import { nameKeys } from '../names';
import type { Finding } from './types';

/** Two people named on the same page: a weak link for the investigator to confirm or drop. */
export type CoMention = Readonly<{
  /** The two names as first written on the page (an entity's id when the name is known). */
  a: Readonly<{ name: string; entityId?: EntityId }>;
  b: Readonly<{ name: string; entityId?: EntityId }>;
  /** How often each was named on the page, and the smaller of the two. */
  mentions: number;
  reason: string;
}>;

/**
 * Proposes one pair per two distinct people among a page's name findings. Mentions of one
 * person (the same entity, or names with a common key whatever the order of words and the
 * script) count once, so "Somchai Rakdee" and "RAKDEE Somchai" are not paired with each other.
 */
export function suggestCoMentions(findings: readonly Finding[]): CoMention[] {
  const people: Array<{ name: string; entityId?: EntityId; keys: Set<string>; count: number }> = [];
  for (const f of findings) {
    if (f.kind !== 'name') continue;
    // The normalized form: a short later mention carries its full name's.
    const keys = new Set(nameKeys(f.normalized));
    if (keys.size === 0) continue;
    const same = people.find(
      (p) =>
        (f.entityId !== undefined && p.entityId === f.entityId) ||
        [...keys].some((k) => p.keys.has(k)),
    );
    if (same !== undefined) {
      same.count++;
      for (const k of keys) same.keys.add(k);
      if (same.entityId === undefined && f.entityId !== undefined) same.entityId = f.entityId;
      continue;
    }
    people.push({
      name: f.value,
      keys,
      count: 1,
      ...(f.entityId === undefined ? {} : { entityId: f.entityId }),
    });
  }
  const out: CoMention[] = [];
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      const p = people[i];
      const q = people[j];
      if (p === undefined || q === undefined) continue;
      if (p.entityId !== undefined && p.entityId === q.entityId) continue;
      const side = (x: typeof p): CoMention['a'] =>
        x.entityId === undefined ? { name: x.name } : { name: x.name, entityId: x.entityId };
      out.push({
        a: side(p),
        b: side(q),
        mentions: Math.min(p.count, q.count),
        reason: `"${p.name}" and "${q.name}" are named on the same page`,
      });
    }
  }
  return out;
}
