import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import type { BlindToken } from '../../../../src/core/db';
import { newId, type CaseId, type EntityId } from '../../../../src/core/model';
import {
  InvalidVaultInputError,
  normalizeDocumentNumber,
  normalizeName,
  normalizePhone,
  normalizeSha256,
  type UnlockedVault,
} from '../../../../src/core/vault';
import { newTestVault, rawDump } from '../../../helpers/vaultFixture';

describe('normalisers', () => {
  it('phone numbers: spacing, 00 prefix and local form with a region give one E.164 value', () => {
    const forms = ['+855 12 345 678', '00855-12-345-678', '+855 (0)12 345 678'];
    for (const f of forms) expect(normalizePhone(f)).toBe('+85512345678');
    expect(normalizePhone('012 345 678', 'KH')).toBe('+85512345678');
    expect(normalizePhone('081 234 5678', 'TH')).toBe('+66812345678');
    expect(() => normalizePhone('n/a')).toThrow(InvalidVaultInputError);
  });

  it('document numbers ignore case and separators', () => {
    expect(normalizeDocumentNumber(' n0 12-345.678 ')).toBe('N012345678');
    expect(() => normalizeDocumentNumber(' - ')).toThrow(/empty/);
  });

  it('names ignore case, punctuation, Latin accents and order, but keep Thai and Khmer marks', () => {
    expect(normalizeName('SOK,  Dara')).toBe(normalizeName('dara sok'));
    expect(normalizeName('Nguyễn Văn An')).toBe(normalizeName('nguyen van an'));
    expect(normalizeName('ใจดี  สมชาย')).toBe(normalizeName('สมชาย ใจดี'));
    // A Thai vowel sign is part of the spelling: a different name must stay different.
    expect(normalizeName('สมชาย')).not.toBe(normalizeName('สมชาญ'));
    expect(normalizeName('សុខ ដារ៉ា')).toContain('ដារ៉ា');
  });

  it('sha256 digests in any case and spacing; anything else refused', () => {
    const hex = 'AB'.repeat(32);
    expect(normalizeSha256(hex.match(/.{8}/g)!.join(' '))).toBe(hex.toLowerCase());
    expect(() => normalizeSha256('abc')).toThrow(/64 hex digits/);
  });
});

async function addPerson(
  vault: UnlockedVault,
  caseId: CaseId,
  name: string,
  phone: string,
  passport: string,
): Promise<EntityId> {
  const id = newId<EntityId>();
  const now = new Date().toISOString();
  await vault.db.entities.put({
    id,
    caseId,
    kind: 'person',
    names: [{ value: name, script: 'latin', primary: true }],
    roles: ['suspect'],
    properties: { phone, passport },
    createdAt: now,
    updatedAt: now,
    blind: [
      vault.blindIndex.name(name),
      vault.blindIndex.phone(phone),
      vault.blindIndex.document(passport),
    ],
  });
  return id;
}

describe('blind-index look-ups', () => {
  it('finds rows by phone, document number and name without storing them', async () => {
    const vault = await newTestVault();
    const c = await openCaseStore(vault).create({ reference: 'B-1', title: 'Blind' });
    const sok = await addPerson(vault, c.id, 'Sok Dara', '+855 12 345 678', 'N0123456');
    const mali = await addPerson(vault, c.id, 'Mali Chan', '+66 81 234 5678', 'AA998877');

    const find = async (token: BlindToken) =>
      (await vault.db.entities.where('blind').equals(token).toArray()).map((e) => e.id);
    expect(await find(vault.blindIndex.phone('012-345-678', 'KH'))).toEqual([sok]);
    expect(await find(vault.blindIndex.phone('0812345678', 'TH'))).toEqual([mali]);
    expect(await find(vault.blindIndex.document('n0 123 456'))).toEqual([sok]);
    expect(await find(vault.blindIndex.name('DARA sok'))).toEqual([sok]);
    expect(await find(vault.blindIndex.name('Dara Sam'))).toEqual([]);

    // Kinds are separated: the same text as a name and as a document gives different tokens.
    expect(vault.blindIndex.token('name', 'x1')).not.toBe(vault.blindIndex.token('document', 'x1'));
    const dump = await rawDump(vault.name);
    expect(dump.latin).not.toContain('12345678');
    expect(dump.latin).not.toContain('N0123456');
    vault.lock();
  });

  it('tokens depend on the vault key: another vault cannot match them', async () => {
    const a = await newTestVault();
    const b = await newTestVault();
    expect(a.blindIndex.phone('+85512345678')).not.toBe(b.blindIndex.phone('+85512345678'));
    expect(a.blindIndex.phone('+85512345678')).toMatch(/^[0-9a-f]{32}$/);
    a.lock();
    b.lock();
  });
});
