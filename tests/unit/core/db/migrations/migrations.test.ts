import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, VaultDb, vaultDbName } from '../../../../../src/core/db';
import type { CaseId, EntityId } from '../../../../../src/core/model';
import {
  encryptionMiddleware,
  UnreadableRecords,
} from '../../../../../src/core/vault/encryptionMiddleware';
import { KeyRing } from '../../../../../src/core/vault/keys';
import { loadRowCipher } from '../../../../../src/core/vault/rowCipher';
import { uniqueVaultName } from '../../../../helpers/vaultFixture';

/*
 * One test per schema version: rows written through the real encryption middleware by a
 * database at version N-1 are read, decrypted and unchanged, by the database at version N.
 */

const caseId = 'case-1' as CaseId;
const entity = {
  id: 'entity-1' as EntityId,
  caseId,
  kind: 'person' as const,
  names: [{ value: 'Sok Dara', script: 'latin' as const, primary: true }],
  roles: ['victim' as const],
  properties: {},
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  blind: [],
};

async function opened(name: string, ring: KeyRing, upTo: number): Promise<VaultDb> {
  const db = new VaultDb(
    vaultDbName(name),
    [encryptionMiddleware(ring, new UnreadableRecords())],
    MIGRATIONS.filter((m) => m.version <= upTo),
  );
  await db.open();
  return db;
}

describe('schema migrations', () => {
  for (const migration of MIGRATIONS) {
    it(`${String(migration.version).padStart(4, '0')}-${migration.name} reads what version ${migration.version - 1} wrote`, async () => {
      await loadRowCipher();
      const ring = new KeyRing(globalThis.crypto.getRandomValues(new Uint8Array(32)));
      const name = uniqueVaultName('migration');
      const before = migration.version - 1;
      if (before > 0) {
        const old = await opened(name, ring, before);
        expect(old.verno).toBe(before);
        await old.entities.put(entity);
        old.close();
      }
      const db = await opened(name, ring, migration.version);
      expect(db.verno).toBe(migration.version);
      // Every table of this version exists, and rows from the version before read unchanged.
      for (const table of Object.keys(migration.stores))
        expect(db.tables.map((t) => t.name)).toContain(table);
      if (before > 0) expect(await db.entities.get(entity.id)).toEqual(entity);
      else {
        await db.entities.put(entity);
        expect(await db.entities.get(entity.id)).toEqual(entity);
      }
      db.close();
      ring.wipe();
    });
  }
});
