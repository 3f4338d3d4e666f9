import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { newId, type CaseId, type EntityId } from '../../../../src/core/model';
import { RecordDecryptError } from '../../../../src/core/vault';
import { flipSealedByte, newTestVault, rawDb } from '../../../helpers/vaultFixture';

describe('row encryption and tampering', () => {
  it('names an altered row and keeps listing the others', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const a = await store.create({ reference: 'T-1', title: 'First' });
    const b = await store.create({ reference: 'T-2', title: 'Second' });
    const c = await store.create({ reference: 'T-3', title: 'Third' });

    await flipSealedByte(vault.name, 'cases', b.id);

    const listing = await store.list();
    expect(listing.cases.map((x) => x.reference).sort()).toEqual(['T-1', 'T-3']);
    expect(listing.unreadable).toHaveLength(1);
    expect(listing.unreadable[0]).toMatchObject({ table: 'cases', key: b.id });

    const error = await store.get(b.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordDecryptError);
    expect((error as RecordDecryptError).table).toBe('cases');
    expect((error as RecordDecryptError).recordKey).toBe(b.id);
    expect((error as Error).message).toContain(b.id);
    expect((error as Error).message).toContain('cases');

    // Cursor-based reads (filters) step over it too.
    const filtered = await vault.db.cases.filter(() => true).toArray();
    expect(filtered.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());

    // The rest of the vault keeps working, and rewriting the row clears the report.
    await store.update(a.id, { title: 'First, renamed' });
    expect((await store.get(a.id)).title).toBe('First, renamed');
    await vault.db.cases.put({ ...a, id: b.id, reference: 'T-2b' });
    expect(vault.unreadableRecords('cases')).toHaveLength(0);
    expect((await store.get(b.id)).reference).toBe('T-2b');
    vault.lock();
  });

  it('a ciphertext moved to another row fails there, named by that row', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const a = await store.create({ reference: 'S-1', title: 'Alpha' });
    const b = await store.create({ reference: 'S-2', title: 'Beta' });
    const other = await store.create({ reference: 'S-3', title: 'Untouched' });

    const raw = rawDb(vault.name);
    const rowA = (await raw.cases.get(a.id)) as unknown as Record<string, unknown>;
    const rowB = (await raw.cases.get(b.id)) as unknown as Record<string, unknown>;
    await raw.cases.put({ ...rowA, sealed: rowB.sealed } as never);
    await raw.cases.put({ ...rowB, sealed: rowA.sealed } as never);
    raw.close();

    await expect(store.get(a.id)).rejects.toThrow(RecordDecryptError);
    await expect(store.get(b.id)).rejects.toThrow(new RegExp(`cases/"${b.id}"`));
    const listing = await store.list();
    expect(listing.cases.map((x) => x.id)).toEqual([other.id]);
    expect(listing.unreadable.map((r) => r.key).sort()).toEqual([a.id, b.id].sort());
    vault.lock();
  });

  it('rejects a row written in the clear and a clear index edited to move a row', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const home = await store.create({ reference: 'H-1', title: 'Home' });
    const elsewhere = await store.create({ reference: 'H-2', title: 'Elsewhere' });
    const now = new Date().toISOString();
    const entityId = newId<EntityId>();
    await vault.db.entities.put({
      id: entityId,
      caseId: home.id,
      kind: 'person',
      names: [{ value: 'Sok Dara', script: 'latin' }],
      roles: ['suspect'],
      properties: {},
      createdAt: now,
      updatedAt: now,
      blind: [],
    });

    const raw = rawDb(vault.name);
    const stored = (await raw.entities.get(entityId)) as unknown as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['blind', 'caseId', 'id', 'sealed', 'v']);
    // Someone edits the clear caseId to slip the entity into another case.
    await raw.entities.put({ ...stored, caseId: elsewhere.id } as never);
    // And someone plants a plaintext case.
    await raw.cases.put({ id: newId<CaseId>(), reference: 'FAKE', title: 'Planted' } as never);
    raw.close();

    expect(await vault.db.entities.where('caseId').equals(elsewhere.id).toArray()).toEqual([]);
    await expect(vault.db.entities.get(entityId)).rejects.toThrow(/caseId/);
    const listing = await store.list();
    expect(listing.cases.map((c) => c.reference).sort()).toEqual(['H-1', 'H-2']);
    expect(listing.unreadable).toHaveLength(1);
    expect(listing.unreadable[0]?.reason).toMatch(/not sealed/);
    expect(vault.unreadableRecords('entities')[0]).toMatchObject({
      key: entityId,
      caseId: elsewhere.id,
    });
    vault.lock();
  });
});
