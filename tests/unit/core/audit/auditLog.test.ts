import { describe, expect, it } from 'vitest';
import { appendAudit, hashAuditEntry } from '../../../../src/core/audit';
import { openCaseStore } from '../../../../src/core/cases';
import type { AuditRow } from '../../../../src/core/db';
import type { UnlockedVault } from '../../../../src/core/vault';
import { ALICE, flipSealedByte, newTestVault } from '../../../helpers/vaultFixture';

/** A vault with six audit entries: creation, then five case changes. */
async function vaultWithHistory(): Promise<UnlockedVault> {
  const vault = await newTestVault();
  const store = openCaseStore(vault);
  const c = await store.create({ reference: 'AU-1', title: 'Audited' });
  await store.update(c.id, { title: 'Audited, renamed' });
  await store.setStatus(c.id, 'closed');
  await store.softDelete(c.id);
  await store.restore(c.id);
  return vault;
}

async function entries(vault: UnlockedVault): Promise<AuditRow[]> {
  return vault.db.audit.orderBy('seq').toArray();
}

describe('audit log', () => {
  it('chains every change: seq, actor, record, prevHash and hash', async () => {
    const vault = await vaultWithHistory();
    const log = await entries(vault);
    expect(log.map((e) => e.action)).toEqual([
      'vault.create',
      'case.create',
      'case.update',
      'case.status',
      'case.delete',
      'case.restore',
    ]);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const [i, e] of log.entries()) {
      expect(e.actor).toEqual(ALICE);
      const { hash, ...rest } = e;
      expect(hashAuditEntry(rest)).toBe(hash);
      expect(e.prevHash).toBe(i === 0 ? '0'.repeat(64) : log[i - 1]?.hash);
    }
    expect(log[3]?.summary).toMatch(/status open -> closed/);
    expect(await vault.audit.verify()).toEqual({ intact: true, count: 6, lastHash: log[5]?.hash });
    vault.lock();
  });

  it('names an altered entry', async () => {
    const vault = await vaultWithHistory();
    const third = (await entries(vault))[2]!;
    await vault.db.audit.put({ ...third, summary: 'Nothing happened here.' });
    expect(await vault.audit.verify()).toMatchObject({ intact: false, problem: 'altered', seq: 3 });
    vault.lock();
  });

  it('names a removed entry, and one removed with the rest renumbered', async () => {
    const vault = await vaultWithHistory();
    await vault.db.audit.delete(4);
    expect(await vault.audit.verify()).toMatchObject({ intact: false, problem: 'removed', seq: 4 });

    const vault2 = await vaultWithHistory();
    const log = await entries(vault2);
    await vault2.db.transaction('rw', vault2.db.audit, async () => {
      await vault2.db.audit.bulkDelete([3, 4, 5, 6]);
      // Entries 4..6 moved down to close the gap, hashes recomputed for their new position.
      for (const e of log.slice(3)) {
        const { hash: _h, ...rest } = { ...e, seq: e.seq - 1 };
        await vault2.db.audit.put({ ...rest, hash: hashAuditEntry(rest) });
      }
    });
    expect(await vault2.audit.verify()).toMatchObject({
      intact: false,
      problem: 'removed',
      seq: 3,
    });
    vault.lock();
    vault2.lock();
  });

  it('names reordered entries', async () => {
    const vault = await vaultWithHistory();
    const log = await entries(vault);
    const [two, three] = [log[1]!, log[2]!];
    await vault.db.audit.bulkPut([
      { ...three, seq: 2 },
      { ...two, seq: 3 },
    ]);
    const result = await vault.audit.verify();
    expect(result).toMatchObject({ intact: false, problem: 'reordered', seq: 2 });
    vault.lock();
  });

  it('notices entries removed from the end, thanks to the sealed chain head', async () => {
    const vault = await vaultWithHistory();
    await vault.db.audit.bulkDelete([5, 6]);
    expect(await vault.audit.verify()).toMatchObject({
      intact: false,
      problem: 'tailRemoved',
      seq: 5,
    });
    vault.lock();
  });

  it('names an entry whose ciphertext was damaged on disk', async () => {
    const vault = await vaultWithHistory();
    await flipSealedByte(vault.name, 'audit', 2);
    expect(await vault.audit.verify()).toMatchObject({
      intact: false,
      problem: 'unreadable',
      seq: 2,
    });
    vault.lock();
  });

  it('appends only inside a transaction over audit and vaultMeta, and rolls back with the change', async () => {
    const vault = await vaultWithHistory();
    await expect(
      appendAudit(vault.db, ALICE, {
        action: 'case.update',
        table: 'cases',
        recordId: 'x',
        summary: 'outside',
      }),
    ).rejects.toThrow(/inside a read-write transaction/);

    // A change that fails after its entry was appended leaves neither behind.
    await expect(
      vault.writeAudited([vault.db.cases], async (audit) => {
        await audit({ action: 'case.update', table: 'cases', recordId: 'x', summary: 'doomed' });
        throw new Error('validation failed');
      }),
    ).rejects.toThrow('validation failed');
    expect(await vault.db.audit.count()).toBe(6);
    expect((await vault.audit.verify()).intact).toBe(true);
    vault.lock();
  });
});
