import { createHash } from 'node:crypto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { VAULT_TABLES, vaultDbName } from '../../../../src/core/db';
import { newId, type EntityId } from '../../../../src/core/model';
import {
  BackupFormatError,
  restoreVault,
  vaultExists,
  WrongPassphraseError,
  type UnlockedVault,
} from '../../../../src/core/vault';
import {
  BOB,
  newTestVault,
  PASSPHRASE,
  SECOND_PASSPHRASE,
  TEST_KDF,
  uniqueVaultName,
} from '../../../helpers/vaultFixture';

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function populatedVault(): Promise<UnlockedVault> {
  const vault = await newTestVault();
  const store = openCaseStore(vault);
  const c = await store.create({ reference: 'BK-1', title: 'Backup case', summary: 'Summary' });
  const c2 = await store.create({ reference: 'BK-2', title: 'Second' });
  await store.setStatus(c2.id, 'closed');
  const now = new Date().toISOString();
  for (let i = 0; i < 600; i++) {
    await vault.db.entities.put({
      id: newId<EntityId>(),
      caseId: c.id,
      kind: 'phone',
      names: [{ value: `Phone ${i}`, script: 'latin' }],
      roles: [],
      properties: { number: `+8551234${String(i).padStart(4, '0')}` },
      createdAt: now,
      updatedAt: now,
      blind: [vault.blindIndex.phone(`+8551234${String(i).padStart(4, '0')}`)],
    });
  }
  const bytes = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => (i * 7) & 0xff);
  await vault.files.put(bytes, { caseId: c.id });
  await vault.settings.update({ idleLockMinutes: 4 });
  await vault.keySlots.add({ passphrase: SECOND_PASSPHRASE, actor: BOB });
  return vault;
}

/** Every decrypted row of every table, keyed by table and primary key. */
async function allRows(vault: UnlockedVault): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const name of VAULT_TABLES) {
    const table = vault.db.table<Record<string, unknown>, unknown>(name);
    const keys = await table.toCollection().primaryKeys();
    const rows = await table.bulkGet(keys);
    rows.forEach((row, i) => {
      // Chunks compared by digest: element-wise deep equality of megabytes is far too slow.
      const value =
        row && row.data instanceof Uint8Array
          ? { ...row, data: createHash('sha256').update(row.data).digest('hex') }
          : row;
      out.set(`${name}/${JSON.stringify(keys[i])}`, value);
    });
  }
  return out;
}

describe('backup and restore', () => {
  it('restores every row into a new vault with the passphrase of any key slot', async () => {
    const vault = await populatedVault();
    const backup = await collect(await vault.exportBackup());
    const original = await allRows(vault);
    expect(original.size).toBeGreaterThan(600);

    const name = uniqueVaultName('restored');
    const restored = await restoreVault(
      new Blob([backup as Uint8Array<ArrayBuffer>]),
      { name, passphrase: SECOND_PASSPHRASE },
      { insecureTestKdf: TEST_KDF },
    );
    expect(restored.actor).toEqual(BOB);
    expect(await vaultExists(name)).toBe(true);

    const copy = await allRows(restored);
    // The restore itself is recorded: one more audit entry, and the chain head that follows it.
    const restoreEntry = [...copy.entries()].find(
      ([, row]) => (row as { action?: string }).action === 'vault.restore',
    );
    expect(restoreEntry).toBeDefined();
    copy.delete(restoreEntry![0]);
    const headKey = 'vaultMeta/"auditHead"';
    expect((copy.get(headKey) as { count: number }).count).toBe(
      (original.get(headKey) as { count: number }).count + 1,
    );
    copy.delete(headKey);
    original.delete(headKey);
    // The integrity record moves with the restore entry too; the restored vault checks clean.
    copy.delete('vaultMeta/"integrity"');
    original.delete('vaultMeta/"integrity"');
    expect(restored.integrity.lastReport).toMatchObject({ ok: true });
    expect(await restored.integrity.check()).toMatchObject({ ok: true });
    expect([...copy.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [key, row] of original) expect(copy.get(key), key).toEqual(row);

    expect(restored.signing.fingerprint).toBe(vault.signing.fingerprint);
    expect((await restored.audit.verify()).intact).toBe(true);
    const fileRow = (await restored.db.files.toArray())[0]!;
    const [restoredFile, originalFile] = [
      await restored.files.readAll(fileRow.id),
      await vault.files.readAll(fileRow.id),
    ];
    expect(restoredFile.length).toBe(2.5 * 1024 * 1024);
    expect(Buffer.from(restoredFile).equals(Buffer.from(originalFile))).toBe(true);
    expect(await restored.settings.get()).toEqual({ idleLockMinutes: 10 }); // Bob's own
    const asAlice = await restored.lock().unlock(PASSPHRASE, { insecureTestKdf: TEST_KDF });
    expect(await asAlice.settings.get()).toEqual({ idleLockMinutes: 4 });
    asAlice.lock();
    vault.lock();
  });

  it('a wrong passphrase restores nothing', async () => {
    const vault = await newTestVault();
    const backup = await collect(await vault.exportBackup());
    const name = uniqueVaultName('nope');
    await expect(
      restoreVault(
        new Blob([backup as Uint8Array<ArrayBuffer>]),
        { name, passphrase: 'wrong wrong wrong' },
        { insecureTestKdf: TEST_KDF },
      ),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await vaultExists(name)).toBe(false);
    expect(await Dexie.exists(vaultDbName(name))).toBe(false);
    vault.lock();
  });

  it('refuses truncated, altered and foreign files, leaving no half-restored vault', async () => {
    const vault = await newTestVault();
    await openCaseStore(vault).create({ reference: 'X-1', title: 'x' });
    const backup = await collect(await vault.exportBackup());
    const attempts: Array<[string, Uint8Array, RegExp]> = [
      ['truncated', backup.slice(0, backup.length - 20), /truncated/],
      ['cut early', backup.slice(0, 400), /truncated/],
      ['altered', backup.map((b, i) => (i === backup.length - 30 ? b ^ 1 : b)), /damaged at part/],
      ['not a backup', new TextEncoder().encode('PK\u0003\u0004 a zip file'), /not a Ringtrace/],
      ['trailing data', new Uint8Array([...backup, 1, 2, 3]), /after its end|damaged/],
    ];
    for (const [label, bytes, message] of attempts) {
      const name = uniqueVaultName(label.replace(/\s/g, '-'));
      const error = await restoreVault(
        new Blob([bytes as Uint8Array<ArrayBuffer>]),
        { name, passphrase: PASSPHRASE },
        { insecureTestKdf: TEST_KDF },
      ).catch((e: unknown) => e);
      expect(error, label).toBeInstanceOf(BackupFormatError);
      expect((error as Error).message, label).toMatch(message);
      expect(await Dexie.exists(vaultDbName(name)), label).toBe(false);
    }
    vault.lock();
  });

  it('the backup file holds no clear ids or values', async () => {
    const vault = await newTestVault();
    const c = await openCaseStore(vault).create({ reference: 'CLR-1', title: 'Marker QQPLAINQQ' });
    const backup = await collect(await vault.exportBackup());
    const text = Buffer.from(backup).toString('latin1');
    expect(text).not.toContain('QQPLAINQQ');
    expect(text).not.toContain(c.id);
    vault.lock();
  });
});
