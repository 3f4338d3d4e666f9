import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { openEntityStore } from '../../../../src/core/entities';
import type { VaultChange } from '../../../../src/core/vault';
import { changeTouches } from '../../../../src/core/vault';
import { newTestVault } from '../../../helpers/vaultFixture';

/** Resolves with the next announcement, so a test waits for the commit rather than sleeping. */
function nextChange(vault: Awaited<ReturnType<typeof newTestVault>>): Promise<VaultChange> {
  return new Promise((resolve) => {
    const stop = vault.changes.subscribe((change) => {
      stop();
      resolve(change);
    });
  });
}

describe('vault change events', () => {
  it('announce, after the commit, the tables and the case a write touched', async () => {
    const vault = await newTestVault();
    const caseId = (await openCaseStore(vault).create({ reference: 'KH-1', title: 'Ring' })).id;
    const announced = nextChange(vault);
    const entity = await openEntityStore(vault).createEntity(caseId, {
      kind: 'person',
      names: [{ value: 'Sok Dara', script: 'latin', primary: true }],
      roles: [],
      properties: {},
    });
    const change = await announced;
    expect([...change.tables]).toEqual(expect.arrayContaining(['entities', 'audit']));
    expect(change.cases).not.toBeNull();
    expect([...(change.cases ?? [])]).toContain(caseId);
    // The announced write is committed: a read after it sees the row.
    expect((await openEntityStore(vault).getEntity(entity.id)).id).toBe(entity.id);
    expect(changeTouches(change, ['entities'], caseId)).toBe(true);
    expect(changeTouches(change, ['pages'], caseId)).toBe(false);
    vault.lock();
  });

  it('say nothing of a transaction that was rolled back', async () => {
    const vault = await newTestVault();
    const seen: VaultChange[] = [];
    const stop = vault.changes.subscribe((c) => seen.push(c));
    await expect(
      vault.writeAudited([vault.db.cases], async () => {
        await vault.db.cases.put({
          id: 'c1' as never,
          reference: 'X',
          title: 'X',
          status: 'open',
          summary: '',
          createdAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
        } as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // A later write is announced, and it is the only one.
    const announced = nextChange(vault);
    await vault.settings.update({ idleLockMinutes: 5 });
    await announced;
    stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.tables.has('settings')).toBe(true);
    expect(seen[0]?.tables.has('cases')).toBe(false);
    vault.lock();
  });

  it('mark a delete as touching every case, since its rows name no case', async () => {
    const vault = await newTestVault();
    const store = openEntityStore(vault);
    const caseId = (await openCaseStore(vault).create({ reference: 'KH-2', title: 'Ring' })).id;
    const entity = await store.createEntity(caseId, {
      kind: 'person',
      names: [{ value: 'Dara', script: 'latin', primary: true }],
      roles: [],
      properties: {},
    });
    const announced = nextChange(vault);
    await store.deleteEntity(entity.id);
    const change = await announced;
    expect(change.cases).toBeNull();
    expect(changeTouches(change, ['entities'], 'another-case' as never)).toBe(true);
    vault.lock();
  });
});
