import { findResolutionCandidates } from '../extract';
import type { CaseId, Entity, EntityId } from '../model';
import { blindTokensByKind } from './blind';
import type { EntityStore } from './store';

/** Two entities of a case that may be one, with every reason found. */
export type DuplicateCandidate = Readonly<{
  a: Entity;
  b: Entity;
  /** 1 for a shared number; the name similarity otherwise. */
  score: number;
  reasons: readonly string[];
}>;

const REASON = {
  phone: 'same phone number',
  document: 'same document or account number',
  name: 'same name, word order ignored',
} as const;

/**
 * Candidates for the same entity: equal blind-index tokens (the same normalised phone,
 * document or account number, or the same name in any word order), and names close after
 * transliteration (findResolutionCandidates). Only entities of one kind are paired.
 */
export async function duplicateCandidates(
  store: EntityStore,
  caseId: CaseId,
): Promise<DuplicateCandidate[]> {
  const entities = await store.listEntities(caseId);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const found = new Map<string, { a: EntityId; b: EntityId; score: number; reasons: string[] }>();
  const add = (x: EntityId, y: EntityId, score: number, reasons: readonly string[]) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}|${b}`;
    const prev = found.get(key);
    if (prev === undefined) found.set(key, { a, b, score, reasons: [...reasons] });
    else {
      prev.score = Math.max(prev.score, score);
      for (const r of reasons) if (!prev.reasons.includes(r)) prev.reasons.push(r);
    }
  };
  const groups = new Map<string, EntityId[]>();
  for (const e of entities) {
    const tokens = blindTokensByKind(store.vault, e);
    for (const what of ['phone', 'document', 'name'] as const)
      for (const token of tokens[what]) {
        const key = `${e.kind}|${what}|${token}`;
        const list = groups.get(key) ?? [];
        for (const other of list) add(other, e.id, what === 'name' ? 0.99 : 1, [REASON[what]]);
        list.push(e.id);
        groups.set(key, list);
      }
  }
  for (const c of findResolutionCandidates(entities)) add(c.a, c.b, c.score, c.reasons);
  return [...found.values()]
    .map((c) => ({ a: byId.get(c.a)!, b: byId.get(c.b)!, score: c.score, reasons: c.reasons }))
    .sort((x, y) => y.score - x.score);
}
