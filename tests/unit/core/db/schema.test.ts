import { describe, expect, it } from 'vitest';
import {
  CASE_OWNED_TABLES,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  SELF_PROTECTED_TABLES,
  VAULT_TABLES,
} from '../../../../src/core/db';
import { newTestVault, rawDb } from '../../../helpers/vaultFixture';

/**
 * Indexed properties stay in the clear. Each must be a primary key, a foreign key holding a
 * random id, or blind-index tokens; a new index on anything else must be argued for here.
 */
const ALLOWED_CLEAR = new Set([
  'id',
  'seq',
  'caseId',
  'evidenceId',
  'pageId',
  'entityId',
  'linkId',
  'fileId',
  'index',
  'source',
  'target',
  'blind',
]);

function keyPaths(spec: string): string[] {
  return spec
    .split(',')
    .map((s) => s.trim().replace(/^[&*+]+/, ''))
    .flatMap((s) => (s.startsWith('[') ? s.slice(1, -1).split('+') : [s]));
}

describe('vault schema', () => {
  it('numbers its versions 1, 2, 3... with a migration file each', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('indexes only ids and blind-index tokens', () => {
    for (const migration of MIGRATIONS) {
      for (const [table, spec] of Object.entries(migration.stores)) {
        for (const path of keyPaths(spec)) {
          expect(ALLOWED_CLEAR.has(path), `${table}.${path}`).toBe(true);
        }
      }
    }
  });

  it('has every table the case model needs, case-owned ones keyed by caseId', () => {
    for (const table of [
      'cases',
      'entities',
      'links',
      'evidence',
      'pages',
      'citations',
      'custody',
      'audit',
      'fileChunks',
      'files',
      'ocrJobs',
      'settings',
      'graphViews',
      'keySlots',
      'vaultMeta',
    ]) {
      expect(VAULT_TABLES).toContain(table);
    }
    const latest = MIGRATIONS[MIGRATIONS.length - 1]!.stores as Record<string, string>;
    for (const table of CASE_OWNED_TABLES) expect(keyPaths(latest[table]!)).toContain('caseId');
    expect(Object.keys(SELF_PROTECTED_TABLES).sort()).toEqual(['fileChunks', 'keySlots']);
  });

  it('stores rows of sealed tables as clear index fields plus one ciphertext', async () => {
    const vault = await newTestVault();
    const raw = rawDb(vault.name);
    try {
      for (const table of raw.tables) {
        if (table.name in SELF_PROTECTED_TABLES) continue;
        for (const row of (await table.toArray()) as Record<string, unknown>[]) {
          for (const field of Object.keys(row)) {
            // `v` is the row's version: a number, bound to the ciphertext by its AAD.
            expect(
              field === 'sealed' || field === 'v' || ALLOWED_CLEAR.has(field),
              `${table.name}.${field}`,
            ).toBe(true);
          }
          expect(row.sealed).toBeInstanceOf(Uint8Array);
        }
      }
    } finally {
      raw.close();
      vault.lock();
    }
  });
});
