/**
 * The exchange on an unlocked vault: its key pair, partner agencies, victim records, and the
 * export and import of packages. Every change is written with its audit entry in one
 * transaction; nothing received is merged into local records.
 */
import type { Table } from 'dexie';
import type {
  EntityRow,
  ExchangeKeyRow,
  IncomingRecordId,
  IncomingRecordRow,
  MatchCandidate,
  PartnerId,
  PartnerRow,
  VictimRecordId,
  VictimRecordRow,
} from '../db';
import { readCase } from '../cases/caseData';
import { entityWriteTables, putEntities } from '../entities/write';
import { detectScript, isVictim, newId, type CaseId, type Entity, type EntityId } from '../model';
import { assertVaultIntegrity, type UnlockedVault } from '../vault';
import { ExchangeError } from './errors';
import { findCandidates, localPerson, type LocalPerson } from './matching';
import {
  formatMatchKey,
  identifierKinds,
  keyedHashes,
  newMatchKey,
  parseMatchKey,
  type MatchIdentity,
} from './matchOnly';
import {
  encodePublicKeyFile,
  matchKeyId,
  newExchangeKeyRow,
  openFullPackage,
  ownFingerprint,
  parsePublicKeyFile,
  sealFullPackage,
  sealMatchPackage,
  verifyPackage,
  type PublicKeyFile,
} from './packageFormat';
import { birthYearOf, checkExchangeRecord, shownName } from './records';

type ExchangeTables = Readonly<{
  keys: Table<ExchangeKeyRow, 'exchangeKey'>;
  partners: Table<PartnerRow, PartnerId>;
  victimRecords: Table<VictimRecordRow, VictimRecordId>;
  incoming: Table<IncomingRecordRow, IncomingRecordId>;
}>;

/** The schema-2 tables: declared in migrations/0002-exchange.ts, sealed by the middleware. */
export function exchangeTables(vault: UnlockedVault): ExchangeTables {
  const db = vault.db;
  return {
    keys: db.exchangeKeys,
    partners: db.partners,
    victimRecords: db.victimRecords,
    incoming: db.incomingRecords,
  };
}

/** This vault's exchange key pair, made (and audited) the first time it is needed. */
export async function exchangeKey(vault: UnlockedVault): Promise<ExchangeKeyRow> {
  const t = exchangeTables(vault);
  const existing = await t.keys.get('exchangeKey');
  if (existing) return existing;
  const row = newExchangeKeyRow(vault.actor.agency);
  return vault.writeAudited([t.keys], async (audit) => {
    // Another tab may have made it meanwhile: the first one wins, so the key never changes.
    const raced = await t.keys.get('exchangeKey');
    if (raced) return raced;
    await t.keys.add(row);
    await audit({
      action: 'exchangeKey.create',
      table: 'exchangeKeys',
      recordId: row.id,
      summary: `Created the exchange key pair of ${row.agency} (fingerprint ${ownFingerprint(row)}).`,
    });
    return row;
  });
}

export type OwnPublicKey = Readonly<{ agency: string; fingerprint: string; file: Uint8Array }>;

export async function ownPublicKey(vault: UnlockedVault): Promise<OwnPublicKey> {
  const key = await exchangeKey(vault);
  return { agency: key.agency, fingerprint: ownFingerprint(key), file: encodePublicKeyFile(key) };
}

/** Reads a partner's key file without storing anything, so its fingerprint can be checked. */
export function readPartnerKeyFile(bytes: Uint8Array): PublicKeyFile {
  return parsePublicKeyFile(bytes);
}

export async function listPartners(vault: UnlockedVault): Promise<PartnerRow[]> {
  const rows = await exchangeTables(vault).partners.toArray();
  return rows.sort((a, b) => a.agency.localeCompare(b.agency));
}

/**
 * Adds a partner from its public key file. `confirmed` is the user's statement that the
 * fingerprint was compared with the partner by phone or in person: a key file alone may have
 * been swapped on the way, so without it nothing is stored.
 */
export async function addPartner(
  vault: UnlockedVault,
  bytes: Uint8Array,
  confirmed: boolean,
): Promise<PartnerRow> {
  const file = parsePublicKeyFile(bytes);
  if (!confirmed) {
    throw new ExchangeError(
      'notConfirmed',
      `Confirm the fingerprint ${file.fingerprint} with ${file.agency} by phone or in person first.`,
    );
  }
  const own = await exchangeKey(vault);
  if (file.fingerprint === ownFingerprint(own)) {
    throw new ExchangeError('ownKey', 'This is this vault’s own key file, not a partner’s.');
  }
  const t = exchangeTables(vault);
  const existing = (await t.partners.toArray()).find((p) => p.fingerprint === file.fingerprint);
  if (existing) {
    throw new ExchangeError(
      'partnerExists',
      `${existing.agency} is already a partner with this key.`,
    );
  }
  const now = new Date().toISOString();
  const row: PartnerRow = {
    id: newId<PartnerId>(),
    agency: file.agency,
    x25519PublicKey: file.x25519PublicKey,
    ed25519PublicKey: file.ed25519PublicKey,
    fingerprint: file.fingerprint,
    confirmedBy: vault.actor,
    confirmedAt: now,
    addedAt: now,
  };
  await vault.writeAudited([t.partners], async (audit) => {
    await t.partners.add(row);
    await audit({
      action: 'partner.add',
      table: 'partners',
      recordId: row.id,
      summary: `Added partner agency ${row.agency}, key fingerprint ${row.fingerprint}, confirmed out of band by ${vault.actor.name}.`,
    });
  });
  return row;
}

export async function removePartner(vault: UnlockedVault, id: PartnerId): Promise<void> {
  const t = exchangeTables(vault);
  await vault.writeAudited([t.partners], async (audit) => {
    const row = await t.partners.get(id);
    if (!row) throw new ExchangeError('notFound', 'This partner no longer exists.');
    await t.partners.delete(id);
    await audit({
      action: 'partner.remove',
      table: 'partners',
      recordId: id,
      summary: `Removed partner agency ${row.agency} (key ${row.fingerprint}).`,
    });
  });
}

async function partnerById(vault: UnlockedVault, id: PartnerId): Promise<PartnerRow> {
  const row = await exchangeTables(vault).partners.get(id);
  if (!row) throw new ExchangeError('notFound', 'This partner no longer exists.');
  return row;
}

/** Makes a new shared key for match-only exchanges with a partner; returns it for handing over. */
export async function generateMatchKey(vault: UnlockedVault, id: PartnerId): Promise<string> {
  const key = newMatchKey();
  await storeMatchKey(vault, id, key, 'generated');
  return formatMatchKey(key);
}

/** Stores the shared key a partner generated and handed over out of band. */
export async function setMatchKey(
  vault: UnlockedVault,
  id: PartnerId,
  text: string,
): Promise<void> {
  await storeMatchKey(vault, id, parseMatchKey(text), 'entered');
}

async function storeMatchKey(
  vault: UnlockedVault,
  id: PartnerId,
  key: Uint8Array,
  how: 'generated' | 'entered',
): Promise<void> {
  const t = exchangeTables(vault);
  await vault.writeAudited([t.partners], async (audit) => {
    const row = await t.partners.get(id);
    if (!row) throw new ExchangeError('notFound', 'This partner no longer exists.');
    await t.partners.put({ ...row, matchKey: key });
    await audit({
      action: 'partner.matchKey',
      table: 'partners',
      recordId: id,
      summary: `${how === 'generated' ? 'Generated' : 'Entered'} the shared match-only key with ${row.agency} (key id ${matchKeyId(key)}).`,
    });
  });
}

export async function showMatchKey(vault: UnlockedVault, id: PartnerId): Promise<string | null> {
  const row = await partnerById(vault, id);
  return row.matchKey ? formatMatchKey(row.matchKey) : null;
}

// --- victim records ---

/** A victim as the case shows it (with its pseudonym), with its identification record. */
export type Victim = Readonly<{ entity: Entity; record?: VictimRecordRow }>;

/** The victims of a case (entities with the role victim) with their identification records. */
export async function listVictims(vault: UnlockedVault, caseId: CaseId): Promise<Victim[]> {
  const { entities } = await readCase(vault, caseId, ['entities']);
  const records = await exchangeTables(vault)
    .victimRecords.where('caseId')
    .equals(caseId)
    .toArray();
  const byEntity = new Map(records.map((r) => [r.entityId, r]));
  return entities
    .filter(isVictim)
    .sort((a, b) => shownName(a.names).localeCompare(shownName(b.names)))
    .map((entity) => {
      const record = byEntity.get(entity.id);
      return record ? { entity, record } : { entity };
    });
}

export async function victimRecord(
  vault: UnlockedVault,
  entityId: EntityId,
): Promise<VictimRecordRow | undefined> {
  return exchangeTables(vault).victimRecords.where('entityId').equals(entityId).first();
}

/** Creates or replaces the identification record of a victim entity. */
export async function saveVictimRecord(
  vault: UnlockedVault,
  entityId: EntityId,
  input: unknown,
): Promise<VictimRecordRow> {
  const record = checkExchangeRecord(input);
  const t = exchangeTables(vault);
  return vault.writeAudited([vault.db.entities, t.victimRecords], async (audit) => {
    const entity = await vault.db.entities.get(entityId);
    if (!entity) throw new ExchangeError('notFound', 'This person no longer exists.');
    const existing = await t.victimRecords.where('entityId').equals(entityId).first();
    const now = new Date().toISOString();
    const row: VictimRecordRow = {
      ...record,
      id: existing?.id ?? newId<VictimRecordId>(),
      caseId: entity.caseId,
      entityId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await t.victimRecords.put(row);
    await audit({
      action: existing ? 'victimRecord.update' : 'victimRecord.create',
      table: 'victimRecords',
      recordId: row.id,
      caseId: entity.caseId,
      summary: `${existing ? 'Updated' : 'Created'} the victim-identification record of ${shownName(entity.names)}.`,
    });
    return row;
  });
}

/** Creates a person with the role victim in a case: the start of an identification record. */
export async function createVictim(
  vault: UnlockedVault,
  caseId: CaseId,
  name: string,
): Promise<EntityRow> {
  const value = name.trim();
  if (value === '') throw new ExchangeError('invalidRecord', 'A victim needs a name.');
  const now = new Date().toISOString();
  const victim: Entity = {
    id: newId<EntityId>(),
    caseId,
    kind: 'person',
    names: [{ value, script: detectScript(value), primary: true }],
    roles: ['victim'],
    properties: {},
    createdAt: now,
    updatedAt: now,
  };
  return vault.writeAudited(entityWriteTables(vault.db), async (audit) => {
    const [row] = await putEntities(vault, [victim], { mode: 'add' });
    if (row === undefined) throw new ExchangeError('notFound', 'The victim was not written.');
    await audit({
      action: 'entity.create',
      table: 'entities',
      recordId: row.id,
      caseId,
      summary: `Added victim ${value}.`,
    });
    return row;
  });
}

// --- export ---

/** The pseudonyms of the records' victims, as every reader of their cases sees them. */
async function pseudonymsOf(
  vault: UnlockedVault,
  rows: readonly VictimRecordRow[],
): Promise<Map<EntityId, string>> {
  const out = new Map<EntityId, string>();
  for (const caseId of new Set(rows.map((r) => r.caseId))) {
    const { entities } = await readCase(vault, caseId, ['entities']);
    for (const e of entities) if (e.pseudonym !== undefined) out.set(e.id, e.pseudonym);
  }
  return out;
}

async function recordsFor(
  vault: UnlockedVault,
  entityIds: readonly EntityId[],
): Promise<VictimRecordRow[]> {
  if (entityIds.length === 0) {
    throw new ExchangeError('noRecords', 'Choose at least one victim record to export.');
  }
  const t = exchangeTables(vault);
  const rows = await t.victimRecords
    .where('entityId')
    .anyOf([...entityIds])
    .toArray();
  const missing = entityIds.filter((id) => !rows.some((r) => r.entityId === id));
  if (missing.length > 0) {
    throw new ExchangeError(
      'noRecords',
      `${missing.length} of the chosen victims have no identification record yet.`,
    );
  }
  return rows;
}

export type ExportedPackage = Readonly<{ bytes: Uint8Array; fileName: string; packageId: string }>;

function fileNameFor(partner: PartnerRow, mode: 'full' | 'match', packageId: string): string {
  const slug = partner.agency
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `ringtrace-${mode === 'full' ? 'victims' : 'match'}-${slug || 'partner'}-${packageId.slice(0, 8)}.rtx`;
}

/** Encrypts the chosen victims' exchange fields to a partner, signs, and audits the export. */
export async function exportFullPackage(
  vault: UnlockedVault,
  partnerId: PartnerId,
  entityIds: readonly EntityId[],
): Promise<ExportedPackage> {
  await assertVaultIntegrity(vault);
  const partner = await partnerById(vault, partnerId);
  const rows = await recordsFor(vault, entityIds);
  const key = await exchangeKey(vault);
  const pseudonyms = await pseudonymsOf(vault, rows);
  // checkExchangeRecord keeps only the exchange fields: ids, case and dates stay home (the
  // package format has no field for the pseudonym; the audit entry names it).
  const records = rows.map((r) => checkExchangeRecord(r));
  const { bytes, packageId } = sealFullPackage(key, partner, records);
  await vault.writeAudited([], (audit) =>
    audit({
      action: 'exchange.export',
      table: 'partners',
      recordId: partner.id,
      summary: `Exported ${records.length} victim record(s) to ${partner.agency} (package ${packageId}): ${rows.map((r) => `${pseudonyms.get(r.entityId) ?? '?'} ${shownName(r.names)}`).join(', ')}.`,
    }),
  );
  return { bytes, packageId, fileName: fileNameFor(partner, 'full', packageId) };
}

function identityOf(person: LocalPerson): MatchIdentity {
  const birthYear = birthYearOf({ birthDate: person.birthDate });
  return {
    names: person.names,
    documents: person.documents,
    ...(birthYear === undefined ? {} : { birthYear }),
  };
}

export async function exportMatchPackage(
  vault: UnlockedVault,
  partnerId: PartnerId,
  entityIds: readonly EntityId[],
): Promise<ExportedPackage> {
  await assertVaultIntegrity(vault);
  const partner = await partnerById(vault, partnerId);
  if (!partner.matchKey) {
    throw new ExchangeError(
      'noMatchKey',
      `There is no shared match-only key with ${partner.agency} yet: generate one and hand it over, or enter theirs.`,
    );
  }
  const rows = await recordsFor(vault, entityIds);
  const entities = await vault.db.entities.bulkGet(rows.map((r) => r.entityId));
  const entries = rows.map((record, i) => {
    const entity = entities[i];
    const identity: MatchIdentity = entity
      ? identityOf(localPerson(entity, record))
      : identityOf({ ...localPersonOfRecord(record) });
    // Hashes are sorted, so their order says nothing about which identifier each one is.
    return {
      ref: globalThis.crypto.randomUUID(),
      hashes: keyedHashes(partner.matchKey!, identity).sort(),
    };
  });
  const key = await exchangeKey(vault);
  const { bytes, packageId } = sealMatchPackage(
    key,
    partner,
    matchKeyId(partner.matchKey),
    entries,
  );
  await vault.writeAudited([], (audit) =>
    audit({
      action: 'exchange.exportMatch',
      table: 'partners',
      recordId: partner.id,
      summary: `Exported keyed hashes of ${entries.length} victim record(s) to ${partner.agency} for match-only comparison (package ${packageId}).`,
    }),
  );
  return { bytes, packageId, fileName: fileNameFor(partner, 'match', packageId) };
}

function localPersonOfRecord(record: VictimRecordRow): LocalPerson {
  return {
    entityId: record.entityId,
    caseId: record.caseId,
    name: shownName(record.names),
    names: record.names.map((n) => n.value),
    ...(record.birthDate ? { birthDate: record.birthDate } : {}),
    documents: record.documents.map((d) => d.number),
  };
}

/** Every person in the vault's live cases, with what their victim records add. */
export async function localPeople(vault: UnlockedVault): Promise<LocalPerson[]> {
  const live = new Set(
    (await vault.db.cases.toArray()).filter((c) => c.deletedAt === undefined).map((c) => c.id),
  );
  const records = await exchangeTables(vault).victimRecords.toArray();
  const byEntity = new Map(records.map((r) => [r.entityId, r]));
  const people: LocalPerson[] = [];
  await vault.db.entities.each((e) => {
    if (e.kind === 'person' && live.has(e.caseId)) people.push(localPerson(e, byEntity.get(e.id)));
  });
  return people;
}

// --- import ---

export type MatchOnlyHit = Readonly<{
  person: LocalPerson;
  /** How many of the person's document numbers and name-with-birth-year keys matched. */
  documents: number;
  names: number;
}>;

export type ImportResult =
  | Readonly<{
      mode: 'full';
      partner: PartnerRow;
      packageId: string;
      incoming: IncomingRecordRow[];
    }>
  | Readonly<{
      mode: 'match';
      partner: PartnerRow;
      packageId: string;
      /** How many records the partner sent hashes of. */
      theirCount: number;
      hits: MatchOnlyHit[];
    }>;

/**
 * Imports a package from a partner. The signature is checked against the confirmed partner
 * key before anything is decrypted or stored. A full package's records are kept apart, each
 * with its candidates among local people, for the user to confirm or reject; a match-only
 * package is compared with this vault's people and leaves nothing but an audit entry.
 */
export async function importPackage(
  vault: UnlockedVault,
  bytes: Uint8Array,
): Promise<ImportResult> {
  const own = await exchangeKey(vault);
  const partners = await listPartners(vault);
  const { body, partner } = verifyPackage(bytes, own, partners);
  const t = exchangeTables(vault);
  const people = await localPeople(vault);

  if (body.mode === 'match') {
    if (!partner.matchKey) {
      throw new ExchangeError(
        'noMatchKey',
        `${partner.agency} sent a match-only package, but there is no shared key with them yet. Enter the key they gave you first.`,
      );
    }
    if (body.keyId !== matchKeyId(partner.matchKey)) {
      throw new ExchangeError(
        'matchKeyMismatch',
        `${partner.agency} made this package with a different shared key from the one stored here. Agree on one key with them and try again.`,
      );
    }
    const theirs = new Set(body.entries.flatMap((e) => e.hashes));
    const hits: MatchOnlyHit[] = [];
    for (const person of people) {
      const kinds = identifierKinds(partner.matchKey, identityOf(person), theirs);
      if (kinds.documents + kinds.names > 0) hits.push({ person, ...kinds });
    }
    await vault.writeAudited([], (audit) =>
      audit({
        action: 'exchange.importMatch',
        table: 'partners',
        recordId: partner.id,
        summary: `Compared a match-only package from ${partner.agency} (package ${body.packageId}, ${body.entries.length} record(s)): ${hits.length} local person(s) matched.`,
      }),
    );
    return {
      mode: 'match',
      partner,
      packageId: body.packageId,
      theirCount: body.entries.length,
      hits,
    };
  }

  const records = openFullPackage(body, own);
  const existing = (await t.incoming.toArray()).some((r) => r.packageId === body.packageId);
  if (existing) {
    throw new ExchangeError(
      'badPackage',
      `Package ${body.packageId} from ${partner.agency} was already imported.`,
    );
  }
  const receivedAt = new Date().toISOString();
  const incoming = records.map((record): IncomingRecordRow => ({
    id: newId<IncomingRecordId>(),
    partnerId: partner.id,
    partnerAgency: partner.agency,
    packageId: body.packageId,
    sentAt: body.createdAt,
    receivedAt,
    record,
    candidates: findCandidates(record, people).map((c): MatchCandidate => ({
      entityId: c.person.entityId,
      caseId: c.person.caseId,
      name: c.person.name,
      score: c.score,
      reasons: c.reasons,
      decision: 'pending',
    })),
  }));
  await vault.writeAudited([t.incoming], async (audit) => {
    await t.incoming.bulkAdd(incoming);
    await audit({
      action: 'exchange.import',
      table: 'incomingRecords',
      recordId: body.packageId,
      summary: `Imported ${incoming.length} victim record(s) from ${partner.agency} (package ${body.packageId}); ${incoming.filter((r) => r.candidates.length > 0).length} with possible local matches.`,
    });
  });
  return { mode: 'full', partner, packageId: body.packageId, incoming };
}

export async function listIncoming(vault: UnlockedVault): Promise<IncomingRecordRow[]> {
  const rows = await exchangeTables(vault).incoming.toArray();
  return rows.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/** Records received from partners and attached to a local person, with their provenance. */
export async function incomingFor(
  vault: UnlockedVault,
  entityId: EntityId,
): Promise<IncomingRecordRow[]> {
  return exchangeTables(vault).incoming.where('entityId').equals(entityId).toArray();
}

/**
 * Confirms or rejects one candidate. Confirming attaches the incoming record to that local
 * person (as a record from the partner, kept apart); a record is attached to one person at
 * most, so confirming a second candidate asks to reject the first.
 */
export async function decideMatch(
  vault: UnlockedVault,
  incomingId: IncomingRecordId,
  entityId: EntityId,
  decision: 'confirmed' | 'rejected',
): Promise<IncomingRecordRow> {
  const t = exchangeTables(vault);
  return vault.writeAudited([t.incoming], async (audit) => {
    const row = await t.incoming.get(incomingId);
    if (!row) throw new ExchangeError('notFound', 'This incoming record no longer exists.');
    const candidate = row.candidates.find((c) => c.entityId === entityId);
    if (!candidate) throw new ExchangeError('notFound', 'This candidate is not among the matches.');
    if (decision === 'confirmed' && row.entityId !== undefined && row.entityId !== entityId) {
      throw new ExchangeError(
        'invalidRecord',
        'This record is already attached to another person: reject that match first.',
      );
    }
    const now = new Date().toISOString();
    const candidates = row.candidates.map((c) =>
      c.entityId === entityId ? { ...c, decision, decidedAt: now, decidedBy: vault.actor } : c,
    );
    const attached = decision === 'confirmed';
    const detach = !attached && row.entityId === entityId;
    const next: IncomingRecordRow = {
      ...row,
      candidates,
      ...(attached ? { entityId, caseId: candidate.caseId } : {}),
    };
    const stored = detach ? withoutAttachment(next) : next;
    await t.incoming.put(stored);
    await audit({
      action: attached ? 'exchange.matchConfirm' : 'exchange.matchReject',
      table: 'incomingRecords',
      recordId: row.id,
      caseId: candidate.caseId,
      summary: `${attached ? 'Confirmed' : 'Rejected'} that ${shownName(row.record.names)} from ${row.partnerAgency} (package ${row.packageId}) is ${candidate.name} (score ${candidate.score}).`,
    });
    return stored;
  });
}

function withoutAttachment(row: IncomingRecordRow): IncomingRecordRow {
  const { entityId: _entity, caseId: _case, ...rest } = row;
  return rest;
}

export { ownFingerprint };
