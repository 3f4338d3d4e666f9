import type { EntityRow, VaultDb } from '../db';
import { isVictim, type CaseId, type Entity, type EntityId } from '../model';
import type { UnlockedVault } from '../vault';
import { blindTokensFor } from './blind';
import { EntityStoreError } from './errors';

/*
 * The one writer of entity rows. Every path that creates or changes entities (the entities
 * store, accepted suggestions, CSV and FollowTheMoney imports, the exchange's new victim)
 * writes through putEntities, so that every row gets its blind-index tokens by one rule and
 * every victim its pseudonym by one rule.
 */

/** A row as stored: the entity, its blind tokens and (for merge survivors) merge records. */
type Stored = EntityRow & Readonly<{ merges?: readonly unknown[] }>;

/** The tables a transaction that writes entities must include (pseudonyms count per case). */
export function entityWriteTables(db: VaultDb): [VaultDb['entities'], VaultDb['cases']] {
  return [db.entities, db.cases];
}

const PSEUDONYM = /^V-(\d{3,})$/;

export function formatPseudonym(n: number): string {
  return `V-${String(n).padStart(3, '0')}`;
}

function pseudonymNumber(pseudonym: string | undefined): number {
  const m = pseudonym === undefined ? null : PSEUDONYM.exec(pseudonym);
  return m === null ? 0 : Number(m[1]);
}

/** Creation order, ties by id: the order in which victims without a pseudonym get one. */
const byCreation = (a: Entity, b: Entity): number =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Victims' pseudonyms for a set of entities: the stored one where there is one; victims
 * recorded before pseudonyms were stored get the next numbers in creation order, the same
 * rule ensureVictimPseudonyms stores them by. Pure, for bundles built from plain data.
 */
export function victimPseudonyms(
  entities: readonly Entity[],
  issued = 0,
): ReadonlyMap<EntityId, string> {
  const out = new Map<EntityId, string>();
  let next = issued;
  for (const e of entities) next = Math.max(next, pseudonymNumber(e.pseudonym));
  for (const e of entities)
    if (isVictim(e) && e.pseudonym !== undefined) out.set(e.id, e.pseudonym);
  for (const e of entities.filter((v) => isVictim(v) && v.pseudonym === undefined).sort(byCreation))
    out.set(e.id, formatPseudonym(++next));
  return out;
}

export type PutEntitiesOptions = Readonly<{
  /** 'add' fails on an existing id (a new entity); 'put' creates or replaces. Default 'put'. */
  mode?: 'add' | 'put';
}>;

/**
 * Writes entities with their blind-index tokens, keeping a stored pseudonym and giving one to
 * each victim that has none yet. Must run inside vault.writeAudited over entityWriteTables
 * (the caller writes the audit entry). Returns the rows as written.
 */
export async function putEntities(
  vault: UnlockedVault,
  entities: readonly (Entity & Readonly<{ merges?: readonly unknown[] }>)[],
  options: PutEntitiesOptions = {},
): Promise<Stored[]> {
  if (entities.length === 0) return [];
  const db = vault.db;
  const before = await db.entities.bulkGet(entities.map((e) => e.id));
  const kept = new Map<EntityId, string>();
  before.forEach((row) => {
    if (row?.pseudonym !== undefined) kept.set(row.id, row.pseudonym);
  });

  // Victims still without one are numbered per case, after what the case has issued.
  const waiting = new Map<CaseId, Entity[]>();
  for (const e of entities)
    if (isVictim(e) && e.pseudonym === undefined && !kept.has(e.id))
      waiting.set(e.caseId, [...(waiting.get(e.caseId) ?? []), e]);
  const given = new Map<EntityId, string>();
  const legacy: Stored[] = [];
  const inBatch = new Set(entities.map((e) => e.id));
  for (const [caseId, victims] of waiting) {
    const theCase = await db.cases.get(caseId);
    if (theCase === undefined) throw new EntityStoreError(`No case ${caseId} in this vault.`);
    let issued = theCase.victimPseudonymsIssued;
    if (issued === undefined) {
      // The case's first stored pseudonym: its victims from before pseudonyms were stored get
      // theirs now, first and in creation order, exactly as withPseudonyms showed them.
      const rows: Stored[] = await db.entities.where('caseId').equals(caseId).toArray();
      issued = rows.reduce((n, r) => Math.max(n, pseudonymNumber(r.pseudonym)), 0);
      for (const row of rows
        .filter((r) => isVictim(r) && r.pseudonym === undefined)
        .sort(byCreation))
        if (!inBatch.has(row.id)) legacy.push({ ...row, pseudonym: formatPseudonym(++issued) });
    }
    victims.sort(byCreation).forEach((v) => given.set(v.id, formatPseudonym(++issued!)));
    await db.cases.put({ ...theCase, victimPseudonymsIssued: issued });
  }
  if (legacy.length > 0) await db.entities.bulkPut(legacy);

  const rows: Stored[] = entities.map((e) => {
    const pseudonym = e.pseudonym ?? kept.get(e.id) ?? given.get(e.id);
    const entity: Entity = pseudonym === undefined ? e : { ...e, pseudonym };
    return { ...entity, blind: blindTokensFor(vault, entity) };
  });
  if (options.mode === 'add') await db.entities.bulkAdd(rows);
  else await db.entities.bulkPut(rows);
  return rows;
}

/**
 * The entities of one case with every victim's pseudonym filled in: the stored one, or for a
 * victim from before pseudonyms were stored, the one the first write will store (same rule).
 * Reading never writes; the one way to read a case (core/cases) returns entities through it.
 */
export function withPseudonyms<E extends Entity>(entities: readonly E[], issued = 0): E[] {
  const pseudonyms = victimPseudonyms(entities, issued);
  return entities.map((e) => {
    const pseudonym = pseudonyms.get(e.id);
    return pseudonym === undefined || e.pseudonym === pseudonym ? e : { ...e, pseudonym };
  });
}
