import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import type { PartnerRow } from '../../../../src/core/db';
import {
  addPartner,
  createVictim,
  decideMatch,
  exportFullPackage,
  exportMatchPackage,
  ExchangeError,
  generateMatchKey,
  importPackage,
  incomingFor,
  listPartners,
  ownPublicKey,
  saveVictimRecord,
  setMatchKey,
  victimRecord,
} from '../../../../src/core/exchange';
import { createVault, type UnlockedVault } from '../../../../src/core/vault';
import {
  ALICE,
  BOB,
  newTestVault,
  PASSPHRASE,
  TEST_KDF,
  uniqueVaultName,
} from '../../../helpers/vaultFixture';

async function vaultOf(actor = ALICE): Promise<UnlockedVault> {
  return createVault(
    { name: uniqueVaultName('exchange'), passphrase: PASSPHRASE, actor },
    { insecureTestKdf: TEST_KDF },
  );
}

async function caseIn(vault: UnlockedVault, reference: string) {
  return openCaseStore(vault).create({ reference, title: `Case ${reference}` });
}

/** Two vaults, each with the other as a confirmed partner. */
async function partners(): Promise<{
  a: UnlockedVault;
  b: UnlockedVault;
  bAtA: PartnerRow;
  aAtB: PartnerRow;
}> {
  const a = await vaultOf(ALICE);
  const b = await vaultOf(BOB);
  const bAtA = await addPartner(a, (await ownPublicKey(b)).file, true);
  const aAtB = await addPartner(b, (await ownPublicKey(a)).file, true);
  return { a, b, bAtA, aAtB };
}

async function expectRefused(promise: Promise<unknown>, code: string): Promise<ExchangeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExchangeError);
  expect((error as ExchangeError).code).toBe(code);
  return error as ExchangeError;
}

describe('partner keys', () => {
  it('adds a partner only with a confirmed fingerprint, and not its own key', async () => {
    const a = await vaultOf();
    const b = await vaultOf(BOB);
    const bKey = await ownPublicKey(b);
    expect(bKey.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    await expectRefused(addPartner(a, bKey.file, false), 'notConfirmed');
    expect(await listPartners(a)).toEqual([]);
    await expectRefused(addPartner(a, (await ownPublicKey(a)).file, true), 'ownKey');
    const partner = await addPartner(a, bKey.file, true);
    expect(partner.agency).toBe(BOB.agency);
    expect(partner.fingerprint).toBe(bKey.fingerprint);
    await expectRefused(addPartner(a, bKey.file, true), 'partnerExists');
    await expectRefused(
      addPartner(a, new TextEncoder().encode('{"format":"x"}'), true),
      'badKeyFile',
    );
    // The key pair is made once and kept.
    expect((await ownPublicKey(b)).fingerprint).toBe(bKey.fingerprint);
  });
});

describe('full package', () => {
  it('round trips from vault A to vault B, matching local people with reasons', async () => {
    const { a, b, bAtA } = await partners();
    const caseA = await caseIn(a, 'KH-1');
    const victimA = await createVictim(a, caseA.id, 'Sok Dara');
    await saveVictimRecord(a, victimA.id, {
      names: [
        { value: 'Sok Dara', script: 'latin', primary: true },
        { value: 'សុខ ដារ៉ា', script: 'khmer' },
      ],
      sex: 'female',
      birthDate: '2004-03-12',
      nationality: 'KH',
      documents: [{ type: 'passport', number: 'N0 123-4567', country: 'KH' }],
      identifiedWhere: 'Poipet',
      identifiedBy: 'AHTJP',
      indicators: ['deception', 'debtBondage'],
      indicatorNotes: 'Phone taken on arrival',
      referralStatus: 'referred',
      receivingAgency: 'MoSVY',
    });
    const other = await createVictim(a, caseA.id, 'Chan Bopha');
    await saveVictimRecord(a, other.id, { names: [{ value: 'Chan Bopha', script: 'latin' }] });

    // B knows the same woman under the Thai-side spelling, word order swapped, same passport;
    // and an unrelated person.
    const caseB = await caseIn(b, 'TH-9');
    const localB = await createVictim(b, caseB.id, 'Dara Sok');
    await saveVictimRecord(b, localB.id, {
      names: [{ value: 'Dara Sok', script: 'latin' }],
      birthDate: '2004',
      documents: [{ type: 'passport', number: 'n01234567' }],
    });
    await createVictim(b, caseB.id, 'Somchai Rakdee');

    const exported = await exportFullPackage(a, bAtA.id, [victimA.id, other.id]);
    const text = new TextDecoder().decode(exported.bytes);
    expect(text).not.toContain('Sok Dara');
    for (const secret of ['N0 123-4567', 'Poipet', 'MoSVY', 'debtBondage'])
      expect(text).not.toContain(secret);
    const audit = await a.db.audit.toArray();
    expect(
      audit.some((e) => e.action === 'exchange.export' && e.summary.includes(exported.packageId)),
    ).toBe(true);

    const result = await importPackage(b, exported.bytes);
    if (result.mode !== 'full') throw new Error('expected a full package');
    expect(result.partner.agency).toBe(ALICE.agency);
    expect(result.incoming).toHaveLength(2);
    const sok = result.incoming.find((r) => r.record.names[0]?.value === 'Sok Dara')!;
    // Only exchange fields travel.
    expect(Object.keys(sok.record).sort()).toEqual(
      [
        'birthDate',
        'documents',
        'identifiedBy',
        'identifiedWhere',
        'indicatorNotes',
        'indicators',
        'names',
        'nationality',
        'receivingAgency',
        'referralStatus',
        'sex',
      ].sort(),
    );
    expect(sok.candidates).toHaveLength(1);
    const candidate = sok.candidates[0]!;
    expect(candidate.entityId).toBe(localB.id);
    expect(candidate.score).toBeGreaterThan(0.9);
    expect(candidate.reasons.join(' | ')).toContain('passport number N01234567 in both');
    expect(candidate.reasons.join(' | ')).toContain('same birth year 2004');
    expect(candidate.reasons.join(' | ')).toMatch(
      /same words in a different order|word order differs/,
    );
    const bopha = result.incoming.find((r) => r.record.names[0]?.value === 'Chan Bopha')!;
    expect(bopha.candidates).toEqual([]);

    // Nothing is attached until the user confirms; then with its provenance.
    expect(await incomingFor(b, localB.id)).toEqual([]);
    await decideMatch(b, sok.id, localB.id, 'confirmed');
    const attached = await incomingFor(b, localB.id);
    expect(attached).toHaveLength(1);
    expect(attached[0]!.partnerAgency).toBe(ALICE.agency);
    expect(attached[0]!.caseId).toBe(caseB.id);
    expect(attached[0]!.candidates[0]!.decision).toBe('confirmed');
    // The local record is untouched: never merged.
    const local = await victimRecord(b, localB.id);
    expect(local?.names).toEqual([{ value: 'Dara Sok', script: 'latin' }]);
    // Rejecting detaches it again.
    await decideMatch(b, sok.id, localB.id, 'rejected');
    expect(await incomingFor(b, localB.id)).toEqual([]);

    // Importing the same package twice is refused.
    await expectRefused(importPackage(b, exported.bytes), 'badPackage');
  });

  it('matches names across scripts with a birth date and no document', async () => {
    const { a, b, bAtA } = await partners();
    const caseA = await caseIn(a, 'KH-2');
    const v = await createVictim(a, caseA.id, 'สมชาย รักดี');
    await saveVictimRecord(a, v.id, {
      names: [{ value: 'สมชาย รักดี', script: 'thai' }],
      birthDate: '1999-01-02',
    });
    const caseB = await caseIn(b, 'KH-3');
    const local = await createVictim(b, caseB.id, 'Rakdee Somchai');
    await saveVictimRecord(b, local.id, {
      names: [{ value: 'Rakdee Somchai', script: 'latin' }],
      birthDate: '1999-01-02',
    });
    const result = await importPackage(b, (await exportFullPackage(a, bAtA.id, [v.id])).bytes);
    if (result.mode !== 'full') throw new Error('expected a full package');
    const c = result.incoming[0]!.candidates[0]!;
    expect(c.entityId).toBe(local.id);
    expect(c.reasons.join(' | ')).toContain('romanised from Thai');
    expect(c.reasons.join(' | ')).toContain('same birth date 1999-01-02');
  });

  it('refuses a package from an unknown partner or a changed key', async () => {
    const { b } = await partners();
    const stranger = await vaultOf({ ...ALICE, agency: 'Unknown Unit' });
    await addPartner(stranger, (await ownPublicKey(b)).file, true);
    const strangerPartner = (await listPartners(stranger))[0]!;
    const caseS = await caseIn(stranger, 'X-1');
    const v = await createVictim(stranger, caseS.id, 'Sok Dara');
    await saveVictimRecord(stranger, v.id, { names: [{ value: 'Sok Dara', script: 'latin' }] });
    const fromStranger = await exportFullPackage(stranger, strangerPartner.id, [v.id]);
    const unknown = await expectRefused(importPackage(b, fromStranger.bytes), 'unknownPartner');
    expect(unknown.message).toContain('Unknown Unit');

    // Same agency name as A, different key: A's key "changed".
    const impostor = await vaultOf(ALICE);
    await addPartner(impostor, (await ownPublicKey(b)).file, true);
    const impPartner = (await listPartners(impostor))[0]!;
    const caseI = await caseIn(impostor, 'X-2');
    const vi = await createVictim(impostor, caseI.id, 'Sok Dara');
    await saveVictimRecord(impostor, vi.id, { names: [{ value: 'Sok Dara', script: 'latin' }] });
    const fromImpostor = await exportFullPackage(impostor, impPartner.id, [vi.id]);
    const changed = await expectRefused(importPackage(b, fromImpostor.bytes), 'changedKey');
    expect(changed.message).toContain(ALICE.agency);
    expect(await b.db.table('incomingRecords').count()).toBe(0);
  });

  it('refuses a tampered package, and one made for another agency', async () => {
    const { a, b, bAtA } = await partners();
    const caseA = await caseIn(a, 'KH-4');
    const v = await createVictim(a, caseA.id, 'Sok Dara');
    await saveVictimRecord(a, v.id, { names: [{ value: 'Sok Dara', script: 'latin' }] });
    const { bytes } = await exportFullPackage(a, bAtA.id, [v.id]);
    const outer = JSON.parse(new TextDecoder().decode(bytes)) as {
      body: string;
      signature: string;
    };
    const body = JSON.parse(outer.body) as Record<string, string>;
    // Flip one character of the ciphertext.
    const c = body['ciphertext']!;
    body['ciphertext'] = (c[10] === 'A' ? 'B' : 'A') + c.slice(1);
    body['ciphertext'] = c.slice(0, 10) + (c[10] === 'A' ? 'B' : 'A') + c.slice(11);
    const tampered = new TextEncoder().encode(
      JSON.stringify({ ...outer, body: JSON.stringify(body) }),
    );
    const error = await expectRefused(importPackage(b, tampered), 'badSignature');
    expect(error.message).toContain('altered');
    await expectRefused(importPackage(b, new TextEncoder().encode('not a package')), 'badPackage');

    // C is a partner of A too; a package A made for C is refused by B.
    const c3 = await vaultOf({ ...BOB, agency: 'Third Agency' });
    const cAtA = await addPartner(a, (await ownPublicKey(c3)).file, true);
    const forC = await exportFullPackage(a, cAtA.id, [v.id]);
    await expectRefused(importPackage(b, forC.bytes), 'notForUs');
    expect(await b.db.table('incomingRecords').count()).toBe(0);
  });

  it('refuses to export a victim without a record', async () => {
    const { a, bAtA } = await partners();
    const caseA = await caseIn(a, 'KH-5');
    const v = await createVictim(a, caseA.id, 'No Record');
    await expectRefused(exportFullPackage(a, bAtA.id, [v.id]), 'noRecords');
    await expectRefused(exportFullPackage(a, bAtA.id, []), 'noRecords');
  });
});

describe('match-only package', () => {
  it('reveals only which records match, both ways', async () => {
    const { a, b, bAtA, aAtB } = await partners();
    const keyText = await generateMatchKey(a, bAtA.id);
    await setMatchKey(b, aAtB.id, keyText);

    const caseA = await caseIn(a, 'KH-6');
    const shared = await createVictim(a, caseA.id, 'Sok Dara');
    await saveVictimRecord(a, shared.id, {
      names: [{ value: 'សុខ ដារ៉ា', script: 'khmer' }],
      birthDate: '2004-05-01',
    });
    const onlyA = await createVictim(a, caseA.id, 'Keo Srey Mom');
    await saveVictimRecord(a, onlyA.id, {
      names: [{ value: 'Keo Srey Mom', script: 'latin' }],
      documents: [{ type: 'passport', number: 'N7777777' }],
    });

    const caseB = await caseIn(b, 'TH-6');
    const sharedB = await createVictim(b, caseB.id, 'Sok Dara');
    await saveVictimRecord(b, sharedB.id, {
      names: [{ value: transliterated('សុខ ដារ៉ា'), script: 'latin' }],
      birthDate: '2004',
    });
    const byDoc = await createVictim(b, caseB.id, 'Mom Keo');
    await saveVictimRecord(b, byDoc.id, {
      names: [{ value: 'Mom Keo', script: 'latin' }],
      documents: [{ type: 'passport', number: 'n 777 7777' }],
    });
    const onlyB = await createVictim(b, caseB.id, 'Nopparat Chai');
    await saveVictimRecord(b, onlyB.id, {
      names: [{ value: 'Nopparat Chai', script: 'latin' }],
      birthDate: '2001',
    });

    const pkg = await exportMatchPackage(a, bAtA.id, [shared.id, onlyA.id]);
    const text = new TextDecoder().decode(pkg.bytes);
    for (const secret of ['Sok', 'Dara', 'សុខ', 'N7777777', 'Keo'])
      expect(text).not.toContain(secret);

    const atB = await importPackage(b, pkg.bytes);
    if (atB.mode !== 'match') throw new Error('expected match-only');
    expect(atB.theirCount).toBe(2);
    expect(atB.hits.map((h) => h.person.entityId).sort()).toEqual([sharedB.id, byDoc.id].sort());
    expect(atB.hits.find((h) => h.person.entityId === byDoc.id)?.documents).toBe(1);
    expect(atB.hits.find((h) => h.person.entityId === sharedB.id)?.names).toBeGreaterThan(0);
    // Nothing of A's records is stored at B.
    expect(await b.db.table('incomingRecords').count()).toBe(0);

    const back = await exportMatchPackage(b, aAtB.id, [sharedB.id, byDoc.id, onlyB.id]);
    const atA = await importPackage(a, back.bytes);
    if (atA.mode !== 'match') throw new Error('expected match-only');
    expect(atA.hits.map((h) => h.person.entityId).sort()).toEqual([shared.id, onlyA.id].sort());

    // A different key on one side is named, not silently "no matches".
    await generateMatchKey(b, aAtB.id);
    const mismatched = await exportMatchPackage(b, aAtB.id, [sharedB.id]);
    await expectRefused(importPackage(a, mismatched.bytes), 'matchKeyMismatch');
  });

  it('refuses an export without a shared key, and a malformed key', async () => {
    const { a, bAtA } = await partners();
    const caseA = await caseIn(a, 'KH-7');
    const v = await createVictim(a, caseA.id, 'Sok Dara');
    await saveVictimRecord(a, v.id, { names: [{ value: 'Sok Dara', script: 'latin' }] });
    await expectRefused(exportMatchPackage(a, bAtA.id, [v.id]), 'noMatchKey');
    await expectRefused(setMatchKey(a, bAtA.id, 'ABCD 1234'), 'badMatchKey');
  });
});

describe('victim records', () => {
  it('rejects a bad birth date, naming it, and keeps nothing', async () => {
    const a = await newTestVault();
    const c = await caseIn(a, 'KH-8');
    const v = await createVictim(a, c.id, 'Sok Dara');
    const error = await expectRefused(
      saveVictimRecord(a, v.id, {
        names: [{ value: 'Sok Dara', script: 'latin' }],
        birthDate: '2004-02-30',
      }),
      'invalidRecord',
    );
    expect(error.message).toContain('2004-02-30');
    expect(await a.db.table('victimRecords').count()).toBe(0);
  });
});

import { transliterate } from '../../../../src/core/names';
function transliterated(name: string): string {
  return transliterate(name);
}
