import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { vaultDbName } from '../../../../src/core/db';
import { newId, type EntityId } from '../../../../src/core/model';
import {
  createVault,
  deleteVault,
  InvalidVaultInputError,
  listVaults,
  openVault,
  PRODUCTION_KDF,
  VaultExistsError,
  VaultLockedError,
  VaultNotFoundError,
  vaultExists,
  verifySignature,
  WeakPassphraseError,
  WrongPassphraseError,
} from '../../../../src/core/vault';
import {
  ALICE,
  BOB,
  newTestVault,
  PASSPHRASE,
  rawDb,
  rawDump,
  SECOND_PASSPHRASE,
  TEST_KDF,
  uniqueVaultName,
} from '../../../helpers/vaultFixture';

async function sealedSnapshot(vaultName: string): Promise<Map<string, string>> {
  const raw = rawDb(vaultName);
  const out = new Map<string, string>();
  try {
    for (const table of raw.tables) {
      if (table.name === 'keySlots') continue;
      for (const row of (await table.toArray()) as Record<string, unknown>[]) {
        const sealed = row.sealed ?? row.data;
        out.set(
          `${table.name}/${JSON.stringify(row.id ?? row.seq ?? [row.fileId, row.index])}`,
          Buffer.from(sealed as Uint8Array).toString('hex'),
        );
      }
    }
  } finally {
    raw.close();
  }
  return out;
}

describe('vault creation and unlock', () => {
  it('uses real Argon2id (256 MiB, 3 passes) by default, stores the parameters, and unlocks', async () => {
    const name = uniqueVaultName('real-kdf');
    const started = performance.now();
    const vault = await createVault({ name, passphrase: PASSPHRASE, actor: ALICE });
    const createMs = performance.now() - started;
    const slots = await vault.keySlots.list();
    expect(slots).toHaveLength(1);
    expect(slots[0]?.kdf).toEqual({
      memoryKiB: 256 * 1024,
      iterations: 3,
      parallelism: PRODUCTION_KDF.parallelism,
    });
    expect(slots[0]?.actor).toEqual(ALICE);
    const raw = rawDb(name);
    const [slotRow] = await raw.keySlots.toArray();
    raw.close();
    expect(slotRow?.kdf.memoryKiB).toBe(262144);
    expect(slotRow?.kdf.iterations).toBe(3);
    expect(slotRow?.kdf.salt).toHaveLength(16);

    const fingerprint = vault.signing.fingerprint;
    const handle = vault.lock();
    const t0 = performance.now();
    const again = await handle.unlock(PASSPHRASE);
    const unlockMs = performance.now() - t0;
    expect(again.actor).toEqual(ALICE);
    expect(again.signing.fingerprint).toBe(fingerprint);
    // Real Argon2id at 64 MiB takes measurable time; a KDF silently weakened would not.
    expect(unlockMs).toBeGreaterThan(50);
    expect(createMs).toBeGreaterThan(50);
    again.lock();
  });

  it('refuses a wrong passphrase with WrongPassphraseError and changes nothing', async () => {
    const name = uniqueVaultName();
    const vault = await newTestVault(name);
    const before = await sealedSnapshot(name);
    const handle = vault.lock();
    const test = { insecureTestKdf: TEST_KDF };
    await expect(handle.unlock('not the passphrase at all', test)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(handle.unlock('', test)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await sealedSnapshot(name)).toEqual(before);
    const ok = await handle.unlock(PASSPHRASE, test);
    expect(ok.actor).toEqual(ALICE);
    ok.lock();
  });

  it('enforces the passphrase minimum and requires a full identity', async () => {
    await expect(
      createVault({ name: uniqueVaultName(), passphrase: 'password1', actor: ALICE }),
    ).rejects.toBeInstanceOf(WeakPassphraseError);
    await expect(
      createVault({ name: uniqueVaultName(), passphrase: 'aaaaaaaaaaaaaaaaaa', actor: ALICE }),
    ).rejects.toBeInstanceOf(WeakPassphraseError);
    await expect(
      createVault(
        { name: uniqueVaultName(), passphrase: PASSPHRASE, actor: { ...ALICE, badge: ' ' } },
        { insecureTestKdf: TEST_KDF },
      ),
    ).rejects.toThrow(/badge is required/);
    await expect(
      createVault(
        { name: '  ', passphrase: PASSPHRASE, actor: ALICE },
        { insecureTestKdf: TEST_KDF },
      ),
    ).rejects.toBeInstanceOf(InvalidVaultInputError);
  });
});

describe('several vaults in one profile', () => {
  it('lists vaults, says which exist, and keeps them apart', async () => {
    const a = await newTestVault(uniqueVaultName('alpha'));
    const b = await newTestVault(uniqueVaultName('beta'));
    const names = await listVaults();
    expect(names).toEqual(expect.arrayContaining([a.name, b.name]));
    expect(await vaultExists(a.name)).toBe(true);
    expect(await vaultExists('no-such-vault')).toBe(false);
    await expect(openVault('no-such-vault')).rejects.toBeInstanceOf(VaultNotFoundError);
    await expect(newTestVault(a.name)).rejects.toBeInstanceOf(VaultExistsError);

    await openCaseStore(a).create({ reference: 'A-1', title: 'Only in alpha' });
    expect((await openCaseStore(b).list()).cases).toHaveLength(0);
    expect(a.signing.fingerprint).not.toBe(b.signing.fingerprint);

    b.lock();
    await deleteVault(b.name);
    expect(await vaultExists(b.name)).toBe(false);
    expect(await Dexie.exists(vaultDbName(b.name))).toBe(false);
    a.lock();
  });
});

describe('key slots', () => {
  it('adds a second user, removes a slot and changes a passphrase without re-encrypting data', async () => {
    const name = uniqueVaultName('slots');
    const vault = await newTestVault(name);
    const store = openCaseStore(vault);
    const c = await store.create({ reference: 'KS-1', title: 'Key slot case', summary: 'data' });
    const before = await sealedSnapshot(name);

    const bobSlot = await vault.keySlots.add({ passphrase: SECOND_PASSPHRASE, actor: BOB });
    const handle = vault.lock();
    const asBob = await handle.unlock(SECOND_PASSPHRASE, { insecureTestKdf: TEST_KDF });
    expect(asBob.actor).toEqual(BOB);
    expect(asBob.keySlotId).toBe(bobSlot);
    expect((await openCaseStore(asBob).get(c.id)).title).toBe('Key slot case');
    const slots = await asBob.keySlots.list();
    expect(slots.map((s) => s.actor.name).sort()).toEqual([ALICE.name, BOB.name]);
    expect(slots.find((s) => s.current)?.id).toBe(bobSlot);

    // Bob changes his passphrase; the old one stops working, the data stays as it was sealed.
    await expect(
      asBob.keySlots.changePassphrase('wrong current one', PASSPHRASE + '!'),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    const bobNew = 'Tonle Sap, rainy season 2031';
    await asBob.keySlots.changePassphrase(SECOND_PASSPHRASE, bobNew);
    const h2 = asBob.lock();
    await expect(
      h2.unlock(SECOND_PASSPHRASE, { insecureTestKdf: TEST_KDF }),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    const bobAgain = await h2.unlock(bobNew, { insecureTestKdf: TEST_KDF });
    expect((await openCaseStore(bobAgain).get(c.id)).summary).toBe('data');

    // Alice removes Bob's slot.
    const h3 = bobAgain.lock();
    const alice = await h3.unlock(PASSPHRASE, { insecureTestKdf: TEST_KDF });
    await alice.keySlots.remove(bobSlot);
    await expect(alice.keySlots.remove(alice.keySlotId)).rejects.toThrow(/last key slot/);
    const h4 = alice.lock();
    await expect(h4.unlock(bobNew, { insecureTestKdf: TEST_KDF })).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );

    // No row was re-encrypted by any of this: every ciphertext present before is unchanged.
    const after = await sealedSnapshot(name);
    // (The audit chain head and the integrity record move with every change; they are not data.)
    before.delete('vaultMeta/"auditHead"');
    before.delete('vaultMeta/"integrity"');
    expect(before.size).toBeGreaterThan(5);
    for (const [key, sealed] of before) expect(after.get(key), key).toBe(sealed);
    const final = await h4.unlock(PASSPHRASE, { insecureTestKdf: TEST_KDF });
    const audit = await final.db.audit.toArray();
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['keySlot.add', 'keySlot.changePassphrase', 'keySlot.remove']),
    );
    expect((await final.audit.verify()).intact).toBe(true);
    final.lock();
  });
});

describe('lock', () => {
  it('wipes the keys: every use of the unlocked vault throws VaultLockedError', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const c = await store.create({ reference: 'L-1', title: 'Locked' });
    const cases = vault.db.cases;
    const file = await vault.files.put(new Uint8Array([1, 2, 3]), { caseId: c.id });
    vault.lock();
    expect(vault.locked).toBe(true);
    const locked = (fn: () => unknown) => expect(fn).toThrow(VaultLockedError);
    locked(() => vault.db);
    locked(() => vault.actor);
    locked(() => vault.keySlotId);
    locked(() => vault.signing);
    locked(() => vault.unreadableRecords());
    locked(() => vault.blindIndex.phone('+85512345678'));
    locked(() => vault.files.read(file.id));
    await expect(store.get(c.id)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(store.list()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.files.readAll(file.id)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.files.put(new Uint8Array([1]), { caseId: c.id })).rejects.toBeInstanceOf(
      VaultLockedError,
    );
    await expect(vault.settings.get()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.keySlots.list()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.audit.verify()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.exportBackup()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.writeAudited([], () => Promise.resolve(1))).rejects.toBeInstanceOf(
      VaultLockedError,
    );
    // A table reference kept from before the lock cannot read either.
    await expect(cases.toArray()).rejects.toThrow();
  });
});

describe('settings and signing key', () => {
  it('keeps the idle-lock minutes per user in a sealed row, default 10', async () => {
    const vault = await newTestVault();
    expect(await vault.settings.get()).toEqual({ idleLockMinutes: 10 });
    await vault.settings.update({ idleLockMinutes: 3 });
    await expect(vault.settings.update({ idleLockMinutes: 0 })).rejects.toThrow(/1 to 1440/);
    const again = await vault.lock().unlock(PASSPHRASE, { insecureTestKdf: TEST_KDF });
    expect(await again.settings.get()).toEqual({ idleLockMinutes: 3 });
    const raw = rawDb(again.name);
    const stored = (await raw.settings.toArray()) as unknown as Record<string, unknown>[];
    raw.close();
    expect(stored[0]).not.toHaveProperty('idleLockMinutes');
    expect(stored[0]?.sealed).toBeInstanceOf(Uint8Array);
    again.lock();
  });

  it('makes an Ed25519 key at creation and exposes its public key and fingerprint', async () => {
    const vault = await newTestVault();
    const { publicKey, fingerprint } = vault.signing;
    expect(publicKey).toHaveLength(32);
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    const message = new TextEncoder().encode('manifest bytes');
    const signature = vault.signing.sign(message);
    expect(verifySignature(signature, message, publicKey)).toBe(true);
    expect(verifySignature(signature, new TextEncoder().encode('manifest bytez'), publicKey)).toBe(
      false,
    );
    const raw = rawDb(vault.name);
    const meta = (await raw.vaultMeta.toArray()) as unknown as Record<string, unknown>[];
    raw.close();
    for (const row of meta) expect(Object.keys(row).sort()).toEqual(['id', 'sealed', 'v']);
    vault.lock();
  });
});

describe('nothing readable at rest', () => {
  it('a raw scan of every IndexedDB row finds no trace of a marker typed into every record', async () => {
    const marker = 'ZQXMARKER7731';
    const name = uniqueVaultName('scan');
    const vault = await createVault(
      {
        name,
        passphrase: PASSPHRASE,
        actor: { name: `Officer ${marker}`, agency: `Agency ${marker}`, badge: marker },
      },
      { insecureTestKdf: TEST_KDF },
    );
    const store = openCaseStore(vault);
    const c = await store.create({
      reference: `REF-${marker}`,
      title: `Title ${marker}`,
      summary: `Summary ${marker}`,
    });
    await store.update(c.id, { title: `Renamed ${marker}` });
    const now = new Date().toISOString();
    const entityId = newId<EntityId>();
    await vault.db.entities.put({
      id: entityId,
      caseId: c.id,
      kind: 'person',
      names: [{ value: `Name ${marker}`, script: 'latin', primary: true }],
      roles: ['suspect'],
      properties: { phone: '+855 12 345 678', note: marker },
      notes: marker,
      createdAt: now,
      updatedAt: now,
      blind: [vault.blindIndex.name(`Name ${marker}`), vault.blindIndex.phone('+85512345678')],
    });
    await vault.files.put(new TextEncoder().encode(`file contents ${marker} `.repeat(1000)), {
      caseId: c.id,
      label: `photo-${marker}.jpg`,
      mediaType: 'text/plain',
    });
    await vault.keySlots.add({
      passphrase: SECOND_PASSPHRASE,
      actor: { name: `Second ${marker}`, agency: marker, badge: marker },
    });
    const dump = await rawDump(name);
    expect(dump.latin).not.toContain(marker);
    expect(dump.latin).not.toContain('345 678');
    expect(dump.utf16).not.toContain(marker);
    // The scan itself works: the clear case id is there.
    expect(dump.latin).toContain(c.id);
    vault.lock();
  });
});
