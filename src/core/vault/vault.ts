import { Dexie, type Table } from 'dexie';
import {
  appendAudit,
  auditTables,
  recentAuditEntries,
  verifyAuditLog,
  type AuditInput,
  type AuditVerification,
} from '../audit';
import { VaultDb, vaultDbName, type AuditRow, type KeySlotRow, type SettingsRow } from '../db';
import { newId, type Actor, type CaseId, type IsoDate, type KeySlotId } from '../model';
import { exportVaultBackup } from './backupExport';
import { loadRowCipher, scrubRowCipherHeap } from './rowCipher';
import { createBlindIndex, type BlindIndex } from './blindIndex';
import { randomBytes, wipe } from './bytes';
import {
  encryptionMiddleware,
  UnreadableRecords,
  VaultIntegrity,
  type UnreadableRecord,
} from './encryptionMiddleware';
import type { IntegrityReport } from './integrity';
import {
  InvalidVaultInputError,
  KeySlotDamagedError,
  VaultExistsError,
  VaultIntegrityError,
  VaultLockedError,
  VaultNotFoundError,
  WeakPassphraseError,
  WrongPassphraseError,
} from './errors';
import { changeFeed, type VaultChanges } from './changes';
import { createFileStore, type FileStore } from './fileStore';
import {
  deriveKeyEncryptionKey,
  EARLIER_KDFS,
  keyCheckOf,
  keySlotProblem,
  newKdfParams,
  PRODUCTION_KDF,
  sameBytes,
  type KdfCost,
} from './kdf';
import { DATA_KEY_BYTES, KeyRing, unwrapDataKey, wrapDataKey } from './keys';
import { assessPassphrase, PASSPHRASE_PROBLEM_TEXT } from './passphrase';
import { checkVaultName, registerVault, unregisterVault, vaultExists } from './registry';
import { newSigningKeyRow, signingKeyFrom, type SigningKey } from './signing';

/**
 * Options a test may pass to create, unlock or restore a vault quickly. Production code never
 * passes them: without them every new key slot uses PRODUCTION_KDF (64 MiB, 3 passes).
 */
export type VaultTestOptions = Readonly<{
  /** Argon2id cost for new key slots. For tests only: weakens every slot made with it. */
  insecureTestKdf?: KdfCost;
}>;

export type CreateVaultInput = Readonly<{
  name: string;
  passphrase: string;
  /** The first user: the actor of every audit and custody entry they make. */
  actor: Actor;
}>;

export type KeySlotInfo = Readonly<{
  id: KeySlotId;
  actor: Actor;
  createdAt: IsoDate;
  kdf: KdfCost;
  /** True for the slot this session was unlocked with. */
  current: boolean;
}>;

export type KeySlotOps = Readonly<{
  list: () => Promise<readonly KeySlotInfo[]>;
  /** Another user of this workstation: own passphrase, own identity, same data. */
  add: (input: Readonly<{ passphrase: string; actor: Actor }>) => Promise<KeySlotId>;
  /** Removes a slot. The last slot cannot be removed: the vault would be lost. */
  remove: (id: KeySlotId) => Promise<void>;
  /** Re-wraps the data key of the current slot; no data is re-encrypted. */
  changePassphrase: (current: string, next: string) => Promise<void>;
}>;

export type UserSettings = Readonly<{
  /** Lock after this many minutes without input (the UI runs the timer). 1 to 1440. */
  idleLockMinutes: number;
}>;

export const DEFAULT_SETTINGS: UserSettings = Object.freeze({ idleLockMinutes: 10 });

export type SettingsOps = Readonly<{
  get: () => Promise<UserSettings>;
  update: (patch: Partial<UserSettings>) => Promise<UserSettings>;
}>;

export type AuditOps = Readonly<{
  verify: () => Promise<AuditVerification>;
  /** The newest entries first, of the whole vault or of one case. */
  recent: (options: Readonly<{ caseId?: CaseId; limit: number }>) => Promise<AuditRow[]>;
}>;

/** The vault-wide commitment: every row removed, added, moved or rolled back shows here. */
export type IntegrityOps = Readonly<{
  /** The result of the check made at unlock (or of the latest check()). */
  readonly lastReport: IntegrityReport;
  /** Checks every stored row against the sealed commitment now. */
  check: () => Promise<IntegrityReport>;
  /**
   * Takes what is stored now as the vault's state: for a user who knows why the reported
   * records changed. Recorded in the audit log with what was reported.
   */
  acceptCurrentState: () => Promise<IntegrityReport>;
}>;

/** Appends an audit entry inside writeAudited's transaction, as the unlocked user. */
export type AuditAppender = (input: AuditInput) => Promise<AuditRow>;

/** A vault that exists but whose keys are not in memory. */
export type VaultHandle = Readonly<{
  name: string;
  /** Throws WrongPassphraseError (and changes nothing) if no key slot opens. */
  unlock: (passphrase: string, options?: VaultTestOptions) => Promise<UnlockedVault>;
}>;

/**
 * An open vault. Everything here throws VaultLockedError after lock(): the keys are wiped and
 * the database is closed, so a stale reference can neither read nor write.
 */
export type UnlockedVault = Readonly<{
  name: string;
  /** The only member that does not throw after lock(). */
  readonly locked: boolean;
  /** The database; every table reads and writes plaintext, IndexedDB holds only ciphertext. */
  readonly db: VaultDb;
  readonly actor: Actor;
  readonly keySlotId: KeySlotId;
  keySlots: KeySlotOps;
  files: FileStore;
  blindIndex: BlindIndex;
  settings: SettingsOps;
  readonly signing: SigningKey;
  audit: AuditOps;
  integrity: IntegrityOps;
  /**
   * Runs `fn` in one read-write transaction over `tables` plus the audit tables, so that a
   * change and its audit entries commit together. Inside, await only Dexie calls.
   */
  writeAudited: <T>(
    tables: readonly Table[],
    fn: (audit: AuditAppender) => Promise<T>,
  ) => Promise<T>;
  /**
   * The whole vault as one encrypted file: header with the KDF parameters and wrapped key
   * slots, body with every row. Restore with restoreVault and any slot's passphrase.
   */
  exportBackup: () => Promise<ReadableStream<Uint8Array>>;
  /** Announces, after each commit, which tables (and cases) the write touched. */
  changes: VaultChanges;
  /** Rows known to fail decryption (seen by a listing or look-up), optionally of one table. */
  unreadableRecords: (table?: string) => readonly UnreadableRecord[];
  /** Wipes the keys, closes the database, and returns the handle to unlock again. */
  lock: () => VaultHandle;
}>;

function checkActor(actor: Actor): Actor {
  const fields = ['name', 'agency', 'badge'] as const;
  for (const field of fields) {
    const value: unknown = actor?.[field];
    if (typeof value !== 'string' || value.trim().length === 0) {
      throw new InvalidVaultInputError(`The user's ${field} is required.`);
    }
  }
  return { name: actor.name.trim(), agency: actor.agency.trim(), badge: actor.badge.trim() };
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string') throw new InvalidVaultInputError('A passphrase is required.');
  const assessment = assessPassphrase(passphrase);
  if (!assessment.acceptable) {
    throw new WeakPassphraseError(assessment.problems.map((p) => PASSPHRASE_PROBLEM_TEXT[p]));
  }
}

async function makeSlot(
  id: KeySlotId,
  passphrase: string,
  dataKey: Uint8Array,
  cost: KdfCost,
): Promise<KeySlotRow> {
  const kdf = newKdfParams(cost);
  const kek = await deriveKeyEncryptionKey(passphrase, kdf);
  try {
    return { ...wrapDataKey(id, kdf, kek, dataKey), check: keyCheckOf(kek) };
  } finally {
    wipe(kek);
  }
}

/**
 * The check at unlock. A vault made before the commitment existed (schema 2) has none: it is
 * computed from what is stored and the upgrade is audited. The audit head of a vault that has
 * had a commitment says so (`integrity: true`), so that deleting the integrity record is
 * reported rather than taken for an old vault.
 */
async function checkOrMigrate(
  db: VaultDb,
  integrity: VaultIntegrity,
  actor: Actor,
): Promise<IntegrityReport> {
  const report = await integrity.check();
  if (report.ok || !report.commitmentMissing) return report;
  const head = await db.vaultMeta.get('auditHead').catch(() => undefined);
  if (head?.id !== 'auditHead' || head.integrity === true) return report;
  await integrity.rebuild();
  await db.transaction('rw', auditTables(db), () =>
    appendAudit(db, actor, {
      action: 'vault.integrityInit',
      table: 'vaultMeta',
      recordId: 'integrity',
      summary: `Upgraded the vault: every row now carries a version, and a sealed commitment over all rows shows any removed, added or rolled-back record.`,
    }),
  );
  return integrity.check();
}

async function assertIntegrity(integrity: VaultIntegrity): Promise<void> {
  const report = await integrity.check();
  if (!report.ok) throw new VaultIntegrityError(report);
}

/**
 * Refuses an export while the vault's integrity check fails, with the reason and what to do.
 * Every export path (bundle, backup, FollowTheMoney, exchange package, network picture) calls
 * it before anything leaves the vault.
 */
export async function assertVaultIntegrity(vault: UnlockedVault): Promise<void> {
  const report = await vault.integrity.check();
  if (!report.ok) throw new VaultIntegrityError(report);
}

/** The costs a stored slot may have: what this app creates, and a test's own cost. */
function allowedCosts(options: VaultTestOptions): KdfCost[] {
  return [
    PRODUCTION_KDF,
    ...EARLIER_KDFS,
    ...(options.insecureTestKdf ? [options.insecureTestKdf] : []),
  ];
}

/**
 * Tries each slot in turn; a workstation has a handful, each costing one Argon2id run. A slot
 * whose stored parameters are not ones the app creates is never run (see keySlotProblem).
 * When no slot opens: KeySlotDamagedError if a slot is damaged (its parameters, or its key
 * check matched and its wrapped key failed), else WrongPassphraseError.
 */
export async function unwrapWithPassphrase(
  slots: readonly KeySlotRow[],
  passphrase: string,
  options: VaultTestOptions = {},
  where: 'vault' | 'backup' = 'vault',
): Promise<{ dataKey: Uint8Array; slot: KeySlotRow }> {
  let damage: string | undefined;
  const allowed = allowedCosts(options);
  for (const slot of slots) {
    const problem = keySlotProblem(slot.kdf, slot.wrappedKey?.length ?? 0, allowed);
    if (problem) {
      damage ??= problem;
      continue;
    }
    const kek = await deriveKeyEncryptionKey(passphrase, slot.kdf);
    const dataKey = unwrapDataKey(slot, kek);
    const checked = slot.check instanceof Uint8Array && sameBytes(slot.check, keyCheckOf(kek));
    wipe(kek);
    if (dataKey) return { dataKey, slot };
    if (checked) damage ??= 'the passphrase is right but its wrapped key fails to open';
  }
  if (damage !== undefined) throw new KeySlotDamagedError(where, damage);
  throw new WrongPassphraseError();
}

export async function createVault(
  input: CreateVaultInput,
  options: VaultTestOptions = {},
): Promise<UnlockedVault> {
  const name = checkVaultName(input.name);
  const actor = checkActor(input.actor);
  checkPassphrase(input.passphrase);
  if ((await vaultExists(name)) || (await Dexie.exists(vaultDbName(name)))) {
    throw new VaultExistsError(name);
  }
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const slotId = newId<KeySlotId>();
  const slot = await makeSlot(
    slotId,
    input.passphrase,
    dataKey,
    options.insecureTestKdf ?? PRODUCTION_KDF,
  );
  const now = new Date().toISOString();
  const vault = await openUnlocked(name, dataKey, slotId, options, async (db) => {
    await db.transaction(
      'rw',
      [db.keySlots, db.actors, db.settings, ...auditTables(db)],
      async () => {
        await db.keySlots.add(slot);
        await db.actors.add({ id: slotId, actor, createdAt: now });
        await db.vaultMeta.add(newSigningKeyRow());
        await db.settings.add({ id: slotId, ...DEFAULT_SETTINGS });
        await appendAudit(db, actor, {
          action: 'vault.create',
          table: 'keySlots',
          recordId: slotId,
          summary: `Created vault "${name}" for ${actor.name} (${actor.agency}, badge ${actor.badge}).`,
        });
      },
    );
  });
  await registerVault(name);
  return vault;
}

export async function openVault(name: string): Promise<VaultHandle> {
  const checked = checkVaultName(name);
  if (!(await vaultExists(checked)) || !(await Dexie.exists(vaultDbName(checked)))) {
    throw new VaultNotFoundError(checked);
  }
  return handleFor(checked);
}

/** Deletes a vault's database and its registry entry. Irreversible: the UI asks first. */
export async function deleteVault(name: string): Promise<void> {
  const checked = checkVaultName(name);
  await Dexie.delete(vaultDbName(checked));
  await unregisterVault(checked);
}

async function readKeySlots(name: string): Promise<KeySlotRow[]> {
  // Key slots are stored in the clear, so a connection without the middleware reads them.
  const raw = new VaultDb(vaultDbName(name));
  try {
    return await raw.keySlots.toArray();
  } finally {
    raw.close();
  }
}

function handleFor(name: string): VaultHandle {
  return Object.freeze({
    name,
    async unlock(passphrase: string, options: VaultTestOptions = {}): Promise<UnlockedVault> {
      if (typeof passphrase !== 'string' || passphrase.length === 0) {
        throw new WrongPassphraseError();
      }
      const slots = await readKeySlots(name);
      if (slots.length === 0) throw new VaultNotFoundError(name);
      const { dataKey, slot } = await unwrapWithPassphrase(slots, passphrase, options);
      return openUnlocked(name, dataKey, slot.id, options);
    },
  });
}

/**
 * Builds the unlocked vault around a data key. `initialise` runs once the encrypted
 * connection is open (vault creation writes its first rows there); it takes ownership of the
 * data key, and wipes it if anything fails.
 */
export async function openUnlocked(
  name: string,
  dataKey: Uint8Array,
  slotId: KeySlotId,
  options: VaultTestOptions,
  initialise?: (db: VaultDb) => Promise<void>,
): Promise<UnlockedVault> {
  await loadRowCipher();
  const ring = new KeyRing(dataKey);
  const unreadable = new UnreadableRecords();
  const integrity = new VaultIntegrity(ring);
  const feed = changeFeed();
  const database = new VaultDb(vaultDbName(name), [
    encryptionMiddleware(ring, unreadable, integrity),
    feed.middleware,
  ]);
  let signing: ReturnType<typeof signingKeyFrom>;
  let actor: Actor;
  let integrityReport: IntegrityReport;
  try {
    await database.open();
    if (initialise) {
      // A new vault commits to its rows from the first one on.
      await integrity.rebuild();
      await initialise(database);
    }
    const actorRow = await database.actors.get(slotId);
    const signingRow = await database.vaultMeta.get('signing');
    if (!actorRow || signingRow?.id !== 'signing') {
      throw new VaultNotFoundError(name);
    }
    actor = actorRow.actor;
    signing = signingKeyFrom(signingRow);
    integrityReport = await checkOrMigrate(database, integrity, actor);
  } catch (error) {
    ring.wipe();
    database.close();
    throw error;
  }

  const newSlotCost = options.insecureTestKdf ?? PRODUCTION_KDF;
  const live = (): VaultDb => {
    if (ring.locked) throw new VaultLockedError();
    return database;
  };
  const writeAudited = async <T>(
    tables: readonly Table[],
    fn: (audit: AuditAppender) => Promise<T>,
  ): Promise<T> => {
    const db = live();
    return db.transaction('rw', [...tables, ...auditTables(db)], () =>
      fn((input) => appendAudit(db, actor, input)),
    );
  };

  const keySlots: KeySlotOps = Object.freeze({
    async list() {
      const db = live();
      const [slots, actors] = await Promise.all([db.keySlots.toArray(), db.actors.toArray()]);
      const owners = new Map(actors.map((a) => [a.id, a]));
      return slots.map((s): KeySlotInfo => {
        const owner = owners.get(s.id);
        return {
          id: s.id,
          actor: owner?.actor ?? { name: '(unknown)', agency: '', badge: '' },
          createdAt: owner?.createdAt ?? '',
          kdf: {
            memoryKiB: s.kdf.memoryKiB,
            iterations: s.kdf.iterations,
            parallelism: s.kdf.parallelism,
          },
          current: s.id === slotId,
        };
      });
    },
    async add(input) {
      const db = live();
      const newActor = checkActor(input.actor);
      checkPassphrase(input.passphrase);
      const id = newId<KeySlotId>();
      // Argon2id runs before the transaction: an IndexedDB transaction cannot wait for it.
      const slot = await makeSlot(id, input.passphrase, ring.dataKey(), newSlotCost);
      await writeAudited([db.keySlots, db.actors, db.settings], async (audit) => {
        await db.keySlots.add(slot);
        await db.actors.add({ id, actor: newActor, createdAt: new Date().toISOString() });
        await db.settings.add({ id, ...DEFAULT_SETTINGS });
        await audit({
          action: 'keySlot.add',
          table: 'keySlots',
          recordId: id,
          summary: `Added a key slot for ${newActor.name} (${newActor.agency}, badge ${newActor.badge}).`,
        });
      });
      return id;
    },
    async remove(id) {
      const db = live();
      await writeAudited([db.keySlots, db.actors, db.settings], async (audit) => {
        const slot = await db.keySlots.get(id);
        if (!slot) throw new InvalidVaultInputError(`No key slot ${id} in this vault.`);
        if ((await db.keySlots.count()) <= 1) {
          throw new InvalidVaultInputError('The last key slot cannot be removed.');
        }
        const owner = await db.actors.get(id);
        await db.keySlots.delete(id);
        await db.actors.delete(id);
        await db.settings.delete(id);
        await audit({
          action: 'keySlot.remove',
          table: 'keySlots',
          recordId: id,
          summary: `Removed the key slot of ${owner?.actor.name ?? 'an unknown user'}.`,
        });
      });
    },
    async changePassphrase(current, next) {
      const db = live();
      checkPassphrase(next);
      const slot = await db.keySlots.get(slotId);
      if (!slot) throw new InvalidVaultInputError('This session’s key slot no longer exists.');
      // The current passphrase is asked again: an unlocked, unattended screen must not be
      // enough to lock the owner out.
      const problem = keySlotProblem(slot.kdf, slot.wrappedKey.length, allowedCosts(options));
      if (problem) throw new KeySlotDamagedError('vault', problem);
      const kek = await deriveKeyEncryptionKey(current, slot.kdf);
      const check = unwrapDataKey(slot, kek);
      wipe(kek);
      if (!check) throw new WrongPassphraseError();
      wipe(check);
      const replacement = await makeSlot(slotId, next, ring.dataKey(), newSlotCost);
      await writeAudited([db.keySlots], async (audit) => {
        await db.keySlots.put(replacement);
        await audit({
          action: 'keySlot.changePassphrase',
          table: 'keySlots',
          recordId: slotId,
          summary: `${actor.name} changed their passphrase.`,
        });
      });
    },
  });

  const settings: SettingsOps = Object.freeze({
    async get() {
      const row = await live().settings.get(slotId);
      return { idleLockMinutes: row?.idleLockMinutes ?? DEFAULT_SETTINGS.idleLockMinutes };
    },
    async update(patch) {
      const db = live();
      const minutes = patch.idleLockMinutes;
      if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)) {
        throw new InvalidVaultInputError(
          'Idle lock minutes must be a whole number from 1 to 1440.',
        );
      }
      return writeAudited([db.settings], async (audit) => {
        const row = await db.settings.get(slotId);
        const next: SettingsRow = {
          id: slotId,
          idleLockMinutes: minutes ?? row?.idleLockMinutes ?? DEFAULT_SETTINGS.idleLockMinutes,
        };
        await db.settings.put(next);
        await audit({
          action: 'settings.update',
          table: 'settings',
          recordId: slotId,
          summary: `Idle lock set to ${next.idleLockMinutes} minutes.`,
        });
        return { idleLockMinutes: next.idleLockMinutes };
      });
    },
  });

  const files = createFileStore(live, ring, () => actor);
  const blindIndex = createBlindIndex(ring);
  const guard = <T>(value: T): T => {
    if (ring.locked) throw new VaultLockedError();
    return value;
  };

  const vault: UnlockedVault = Object.freeze({
    name,
    get locked() {
      return ring.locked;
    },
    get db() {
      return live();
    },
    get actor() {
      return guard(actor);
    },
    get keySlotId() {
      return guard(slotId);
    },
    keySlots,
    files,
    blindIndex,
    settings,
    get signing() {
      return guard(signing.key);
    },
    audit: Object.freeze({
      verify: async () => verifyAuditLog(live(), await integrity.check()),
      recent: async (options: Readonly<{ caseId?: CaseId; limit: number }>) =>
        recentAuditEntries(live(), options),
    }),
    integrity: Object.freeze({
      get lastReport() {
        return guard(integrityReport);
      },
      async check() {
        live();
        integrityReport = await integrity.check();
        return integrityReport;
      },
      async acceptCurrentState() {
        const db = live();
        const before = await integrity.check();
        if (before.ok) return (integrityReport = before);
        await integrity.rebuild();
        await writeAudited([], (audit) =>
          audit({
            action: 'vault.integrityAccept',
            table: 'vaultMeta',
            recordId: 'integrity',
            summary: `${actor.name} accepted the vault's current state after its integrity check reported: ${before.message}`,
          }),
        );
        void db;
        integrityReport = await integrity.check();
        return integrityReport;
      },
    }),
    writeAudited,
    async exportBackup() {
      live();
      await assertIntegrity(integrity);
      // Recorded first, so that the backup itself shows who made it and when.
      await writeAudited([], (audit) =>
        audit({
          action: 'vault.export',
          table: 'keySlots',
          recordId: slotId,
          summary: `${actor.name} exported a backup of the whole vault.`,
        }),
      );
      return exportVaultBackup(name, ring);
    },
    changes: feed.changes,
    unreadableRecords: (table?: string) => guard(unreadable.list(table)),
    lock() {
      // libsodium's heap keeps freed copies of the keys; zero them before the keys themselves.
      scrubRowCipherHeap(ring.heldKeys());
      ring.wipe();
      signing.release();
      database.close();
      return handleFor(name);
    },
  });
  return vault;
}
