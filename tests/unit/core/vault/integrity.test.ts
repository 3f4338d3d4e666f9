/**
 * The red team's attacks on the vault as a whole, by someone who can copy and edit the
 * IndexedDB files but has no passphrase: deleting a row, putting back an older ciphertext of
 * it, wiping or rolling back the audit log. Each must be detected and named on unlock, and
 * every export must refuse while it is.
 */
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import type { VaultTableName } from '../../../../src/core/db';
import { newId, type Brand } from '../../../../src/core/model';
import {
  assertVaultIntegrity,
  openVault,
  VaultIntegrityError,
  type UnlockedVault,
} from '../../../../src/core/vault';
import { newTestVault, PASSPHRASE, rawDb, TEST_KDF } from '../../../helpers/vaultFixture';

type Raw = Record<string, unknown>;
type RecordId = Brand<string, 'RecordId'>;

/** Tables of the record types the red team attacked, with a minimal row for each. */
const RECORD_TABLES = [
  'custody',
  'links',
  'citations',
  'entities',
  'pages',
  'evidence',
] as const satisfies readonly VaultTableName[];

async function withRecords(): Promise<{ vault: UnlockedVault; ids: Record<string, string> }> {
  const vault = await newTestVault();
  const c = await openCaseStore(vault).create({ reference: 'INT-1', title: 'Integrity' });
  const ids: Record<string, string> = {};
  const db = vault.db;
  for (const table of RECORD_TABLES) {
    const id = newId<RecordId>();
    ids[table] = id;
    const row = { id, caseId: c.id, note: `${table} first`, evidenceId: newId(), blind: [] };
    await vault.writeAudited([db.table(table)], async (audit) => {
      await db.table(table).add(row);
      await audit({ action: `${table}.add`, table, recordId: id, summary: `Added ${table}.` });
    });
    // Another record beside it, which must not be reported.
    await db.table(table).add({ ...row, id: newId<RecordId>() });
  }
  return { vault, ids };
}

async function rawRow(vaultName: string, table: string, key: unknown): Promise<Raw> {
  const raw = rawDb(vaultName);
  try {
    const row = (await raw.table(table).get(key as string)) as Raw | undefined;
    if (!row) throw new Error(`no raw row ${table}/${String(key)}`);
    return row;
  } finally {
    raw.close();
  }
}

async function rawPut(vaultName: string, table: string, row: Raw): Promise<void> {
  const raw = rawDb(vaultName);
  try {
    await raw.table(table).put(row);
  } finally {
    raw.close();
  }
}

async function rawDelete(vaultName: string, table: string, keys: unknown[]): Promise<void> {
  const raw = rawDb(vaultName);
  try {
    await raw.table(table).bulkDelete(keys as string[]);
  } finally {
    raw.close();
  }
}

async function relock(vault: UnlockedVault): Promise<UnlockedVault> {
  vault.lock();
  return (await openVault(vault.name)).unlock(PASSPHRASE, { insecureTestKdf: TEST_KDF });
}

async function exportRefusal(vault: UnlockedVault): Promise<VaultIntegrityError> {
  const error = await assertVaultIntegrity(vault).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(VaultIntegrityError);
  const backup = await vault.exportBackup().catch((e: unknown) => e);
  expect(backup).toBeInstanceOf(VaultIntegrityError);
  return error as VaultIntegrityError;
}

describe('vault-wide integrity', () => {
  it('an untouched vault checks clean on unlock and after edits and deletions', async () => {
    const { vault, ids } = await withRecords();
    await vault.db.entities.update(ids.entities as never, { note: 'edited' });
    await vault.db.links.delete(ids.links as never);
    await vault.db.pages.bulkPut([
      { id: 'p-dup', caseId: 'c', evidenceId: 'e', note: 'one' },
      { id: 'p-dup', caseId: 'c', evidenceId: 'e', note: 'two' },
    ] as never);
    await vault.db.citations.where('caseId').equals('nothing').delete();
    expect(await vault.integrity.check()).toMatchObject({ ok: true });
    const again = await relock(vault);
    expect(again.integrity.lastReport).toMatchObject({ ok: true });
    await expect(assertVaultIntegrity(again)).resolves.toBeUndefined();
    again.lock();
  });

  for (const table of RECORD_TABLES) {
    it(`a ${table} row deleted with raw IndexedDB is named on unlock and stops every export`, async () => {
      const { vault, ids } = await withRecords();
      const key = ids[table];
      vault.lock();
      await rawDelete(vault.name, table, [key]);
      const reopened = await relock(vault);
      const report = reopened.integrity.lastReport;
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.problems).toEqual([{ kind: 'removed', table, key, expectedVersion: 1 }]);
      expect(report.message).toContain(`${table}/"${key}" was removed`);
      const refusal = await exportRefusal(reopened);
      expect(refusal.code).toBe('vault.integrityFailed');
      expect(refusal.message).toContain(`${table}/"${key}" was removed`);
      expect(refusal.message).toMatch(/Restore the vault from a backup/);
      reopened.lock();
    });

    it(`a ${table} row rolled back to an older ciphertext is named with its versions`, async () => {
      const { vault, ids } = await withRecords();
      const key = ids[table]!;
      const first = await rawRow(vault.name, table, key);
      expect(first.v).toBe(1);
      const current: unknown = await vault.db.table(table).get(key);
      if (current === null || typeof current !== 'object') throw new Error('no row');
      await vault.db.table(table).put({ ...current, note: `${table} edited` });
      expect((await rawRow(vault.name, table, key)).v).toBe(2);
      vault.lock();
      await rawPut(vault.name, table, first);
      const reopened = await relock(vault);
      // The old ciphertext opens (it is genuine) ...
      expect(await reopened.db.table(table).get(key)).toMatchObject({ note: `${table} first` });
      // ... but is not what the vault last wrote.
      expect(reopened.integrity.lastReport).toMatchObject({
        ok: false,
        problems: [{ kind: 'rolledBack', table, key, expectedVersion: 2, foundVersion: 1 }],
      });
      const refusal = await exportRefusal(reopened);
      expect(refusal.message).toContain(`${table}/"${key}" was rolled back`);
      reopened.lock();
    });
  }

  it('a ciphertext copied over another row, and a row added, are named', async () => {
    const { vault, ids } = await withRecords();
    const source = await rawRow(vault.name, 'entities', ids.entities);
    const target = await rawRow(vault.name, 'links', ids.links);
    vault.lock();
    await rawPut(vault.name, 'links', { ...target, sealed: source.sealed });
    await rawPut(vault.name, 'entities', { ...source, id: 'planted' });
    const reopened = await relock(vault);
    const report = reopened.integrity.lastReport;
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'replaced', table: 'links', key: ids.links }),
        expect.objectContaining({ kind: 'added', table: 'entities', key: 'planted' }),
      ]),
    );
    expect(report.problems).toHaveLength(2);
    reopened.lock();
  });

  it('a deleted audit entry is named by the integrity check and the audit verification', async () => {
    const { vault } = await withRecords();
    vault.lock();
    await rawDelete(vault.name, 'audit', [3]);
    const reopened = await relock(vault);
    expect(reopened.integrity.lastReport).toMatchObject({
      ok: false,
      problems: [{ kind: 'removed', table: 'audit', key: 3 }],
    });
    expect(await reopened.audit.verify()).toMatchObject({ intact: false, seq: 3 });
    await exportRefusal(reopened);
    reopened.lock();
  });

  it('an audit log wiped with its chain head is reported as wiped, not intact', async () => {
    const { vault } = await withRecords();
    vault.lock();
    const raw = rawDb(vault.name);
    await raw.audit.clear();
    await raw.vaultMeta.delete('auditHead');
    raw.close();
    const reopened = await relock(vault);
    const verification = await reopened.audit.verify();
    expect(verification).toMatchObject({ intact: false, problem: 'wiped' });
    expect(reopened.integrity.lastReport.ok).toBe(false);
    await exportRefusal(reopened);
    reopened.lock();
  });

  it('an audit log rolled back to an older copy with its head is reported as rolled back', async () => {
    const { vault } = await withRecords();
    const raw = rawDb(vault.name);
    const oldEntries = (await raw.audit.toArray()) as unknown as Raw[];
    const oldHead = (await raw.vaultMeta.get('auditHead')) as unknown as Raw;
    raw.close();
    const c = await openCaseStore(vault).create({ reference: 'INT-2', title: 'Later' });
    await openCaseStore(vault).update(c.id, { title: 'Later, renamed' });
    vault.lock();
    const raw2 = rawDb(vault.name);
    await raw2.audit.clear();
    await raw2.audit.bulkPut(oldEntries as never);
    await raw2.vaultMeta.put(oldHead as never);
    raw2.close();
    const reopened = await relock(vault);
    const verification = await reopened.audit.verify();
    expect(verification).toMatchObject({ intact: false, problem: 'rolledBack' });
    if (verification.intact) return;
    expect(verification.message).toMatch(/rolled back/);
    expect(reopened.integrity.lastReport).toMatchObject({ ok: false });
    await exportRefusal(reopened);
    reopened.lock();
  });

  it('accepting the current state is audited and lets exports go ahead', async () => {
    const { vault, ids } = await withRecords();
    vault.lock();
    await rawDelete(vault.name, 'custody', [ids.custody]);
    const reopened = await relock(vault);
    expect(reopened.integrity.lastReport.ok).toBe(false);
    expect(await reopened.integrity.acceptCurrentState()).toMatchObject({ ok: true });
    await expect(assertVaultIntegrity(reopened)).resolves.toBeUndefined();
    const last = (await reopened.db.audit.toArray()).at(-1);
    expect(last?.action).toBe('vault.integrityAccept');
    expect(last?.summary).toContain(`custody/"${ids.custody}" was removed`);
    reopened.lock();
  });

  it('a deleted integrity record is reported, not taken for a vault from before it', async () => {
    const { vault } = await withRecords();
    vault.lock();
    await rawDelete(vault.name, 'vaultMeta', ['integrity']);
    const reopened = await relock(vault);
    expect(reopened.integrity.lastReport).toMatchObject({ ok: false, commitmentMissing: true });
    await exportRefusal(reopened);
    reopened.lock();
  });

  it('a vault from before the commitment (schema 2) is upgraded on unlock, audited', async () => {
    const { vault } = await withRecords();
    // What a schema 2 vault looks like: no integrity record, a chain head without the mark.
    const head = await vault.db.vaultMeta.get('auditHead');
    if (head?.id !== 'auditHead') throw new Error('no head');
    await vault.db.vaultMeta.put({ id: 'auditHead', count: head.count, lastHash: head.lastHash });
    vault.lock();
    await rawDelete(vault.name, 'vaultMeta', ['integrity']);
    const reopened = await relock(vault);
    expect(reopened.integrity.lastReport).toMatchObject({ ok: true });
    const last = (await reopened.db.audit.toArray()).at(-1);
    expect(last?.action).toBe('vault.integrityInit');
    expect(await reopened.audit.verify()).toMatchObject({ intact: true });
    reopened.lock();
    // And from then on it is tracked like any other.
    await rawDelete(vault.name, 'entities', [(await rawRowKeys(vault.name, 'entities'))[0]]);
    const third = await relock(reopened);
    expect(third.integrity.lastReport).toMatchObject({ ok: false });
    third.lock();
  });
});

async function rawRowKeys(vaultName: string, table: string): Promise<unknown[]> {
  const raw = rawDb(vaultName);
  try {
    return await raw.table(table).toCollection().primaryKeys();
  } finally {
    raw.close();
  }
}
