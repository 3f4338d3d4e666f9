/**
 * Export checked against the official FollowTheMoney model (@alephdata/followthemoney): a case
 * with every entity kind, every property the forms offer and every link type exports with no
 * violation, and comes back whole.
 */
import { describe, expect, it } from 'vitest';
import { exportFtm, importFtm, validateFtmRecords } from '../../../../src/core/ftm';
import { KIND_PROPERTIES } from '../../../../src/core/entities/properties';
import {
  ENTITY_KINDS,
  LINK_TYPES,
  type CaseId,
  type Entity,
  type EntityId,
  type EntityKind,
  type Link,
  type LinkId,
} from '../../../../src/core/model';

const caseId = 'case-1' as CaseId;
const now = '2024-05-01T00:00:00.000Z';

/** What a user types into each form field. */
const FORM_VALUES: Readonly<Record<string, string>> = {
  birthDate: '1991-04-02',
  nationality: 'Cambodia',
  gender: 'female',
  phone: '+855 12 345 678',
  email: 'dara@example.org',
  jurisdiction: 'kh',
  registrationNumber: 'REG-2291',
  address: 'Street 63, Phnom Penh',
  number: '+66 81 234 5678',
  carrier: 'AIS',
  accountNumber: '0123-456-789',
  iban: 'KH12ACLB0001234567890',
  bankName: 'ACLEDA',
  currency: 'USD',
  model: 'Lexus RX',
  color: 'white',
  full: 'House 12, Route 5, Poipet',
  city: 'Poipet',
  country: 'th',
  type: 'passport',
  issueDate: '2019-01-10',
  expiryDate: '2029-01-09',
  username: 'dara_pich',
  service: 'Telegram',
};

const NAMES: Readonly<Record<EntityKind, string>> = {
  person: 'Dara Pich',
  organization: 'Golden Star Karaoke',
  phone: '+66 81 234 5678',
  bankAccount: 'ACLEDA 0123-456-789',
  vehicle: 'White Lexus',
  address: 'House 12, Route 5',
  identityDocument: 'Passport N0482193',
  onlineAccount: 'dara_pich',
};

function entity(kind: EntityKind, suffix = ''): Entity {
  const properties = Object.fromEntries(
    KIND_PROPERTIES[kind].map((p) => [
      p,
      kind === 'identityDocument' && p === 'number' ? 'N0482193' : (FORM_VALUES[p] ?? `${p} value`),
    ]),
  );
  return {
    id: `e-${kind}${suffix}` as EntityId,
    caseId,
    kind,
    names: [
      { value: `${NAMES[kind]}${suffix}`, script: 'latin', primary: true },
      { value: `${NAMES[kind]}${suffix} alias`, script: 'latin' },
    ],
    roles: kind === 'person' ? ['recruiter', 'official'] : [],
    properties,
    notes: `notes on ${kind}${suffix}`,
    createdAt: now,
    updatedAt: now,
  };
}

const entities: Entity[] = [...ENTITY_KINDS.map((k) => entity(k)), entity('person', ' 2')];
const idOf = (kind: EntityKind, suffix = '') => `e-${kind}${suffix}` as EntityId;

let n = 0;
function link(
  type: Link['type'],
  source: EntityId,
  target: EntityId,
  extra: Partial<Link> = {},
): Link {
  n++;
  return {
    id: `l${n}-${type}` as LinkId,
    caseId,
    type,
    source,
    target,
    directed: true,
    from: '2024-01-02',
    to: '2024-02-03',
    reliability: 'B',
    credibility: 2,
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

const person = idOf('person');
const person2 = idOf('person', ' 2');
/** Every link type between people, and each between the kinds it is drawn between. */
const links: Link[] = [
  ...LINK_TYPES.map((type) =>
    link(type, person, person2, type === 'other' ? { label: 'drove for' } : {}),
  ),
  link('worksFor', person, idOf('organization')),
  link('memberOf', person, idOf('organization')),
  link('paid', idOf('organization'), person, { amount: 1200, currency: 'USD' }),
  link('paid', idOf('bankAccount'), idOf('phone'), { amount: 50, currency: 'THB' }),
  link('called', idOf('phone'), person2),
  link('owns', person, idOf('phone')),
  link('owns', person, idOf('vehicle')),
  link('owns', person, idOf('bankAccount')),
  link('owns', person, idOf('identityDocument')),
  link('owns', person, idOf('onlineAccount')),
  link('associate', person, idOf('address'), { directed: false }),
  link('employed', idOf('organization'), person),
];

describe('FollowTheMoney export against the official model', () => {
  it('writes every kind, form property and link type with no violation', () => {
    const exported = exportFtm({ entities, links });
    expect(exported.skipped).toEqual([]);
    expect(validateFtmRecords(exported.records).map((v) => `${v.id} ${v.message}`)).toEqual([]);
    // A phone travels as FtM has it: a UserAccount with its number, and a passport with its holder.
    const phone = exported.records.find((r) => r.id === idOf('phone'));
    expect(phone?.schema).toBe('UserAccount');
    expect(phone?.properties['username']).toEqual(['+66 81 234 5678']);
    const doc = exported.records.find((r) => r.id === idOf('identityDocument'));
    expect(doc?.schema).toBe('Identification');
    expect(doc?.properties['holder']).toEqual([person]);
    expect(exported.records.find((r) => r.id === person)?.properties['nationality']).toEqual([
      'kh',
    ]);
  });

  it('comes back whole: kinds, names, roles, properties, notes and links', () => {
    const exported = exportFtm({ entities, links });
    const back = importFtm(exported.text, { caseId, now });
    expect(back.report.unmapped).toEqual([]);
    expect(back.report.unresolved).toEqual([]);
    expect(back.report.invalid).toEqual([]);
    for (const original of entities) {
      const got = back.entities.find((e) => e.id === back.entityIds.get(original.id));
      expect(got?.kind).toBe(original.kind);
      expect(got?.names.map((x) => x.value)).toEqual(original.names.map((x) => x.value));
      expect(got?.notes).toBe(original.notes);
      if (original.kind !== 'identityDocument') expect(got?.roles).toEqual(original.roles);
      for (const [key, value] of Object.entries(original.properties)) {
        const want = key === 'nationality' ? 'kh' : value;
        expect([key, got?.properties[key]]).toEqual([key, want]);
      }
    }
    for (const original of links) {
      if (original.target === idOf('identityDocument')) {
        // FtM joins a document to its holder by the `holder` property alone: the link comes
        // back as the holder owning the document, without dates or grading.
        const held = back.links.find(
          (l) => l.target === back.entityIds.get(original.target) && l.type === 'owns',
        );
        expect(held?.source).toBe(back.entityIds.get(original.source));
        continue;
      }
      const got = back.links.find((l) => l.id === back.linkIds.get(original.id));
      expect([original.id, got?.type, got?.label, got?.from, got?.to, got?.amount]).toEqual([
        original.id,
        original.type,
        original.label,
        original.from,
        original.to,
        original.amount,
      ]);
      expect(back.entityIds.get(original.source)).toBe(got?.source);
      expect(back.entityIds.get(original.target)).toBe(got?.target);
    }
  });

  it('leaves out, with the reason, a document without a holder', () => {
    const doc = entities.find((e) => e.kind === 'identityDocument')!;
    const exported = exportFtm({ entities: [doc], links: [] });
    expect(exported.records).toEqual([]);
    expect(exported.skippedEntities).toEqual([
      {
        entityId: doc.id,
        reason:
          'FollowTheMoney requires a holder for every Identification: link the document to its holder',
      },
    ]);
  });

  it('import reports records the model refuses', () => {
    const text = [
      { id: 'p1', schema: 'Person', properties: { name: ['Sok'], birthDate: ['yesterday'] } },
      { id: 'x1', schema: 'Passport', properties: { number: ['N1'] } },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const result = importFtm(text, { caseId, now });
    expect(result.report.invalid.map((v) => [v.id, v.code, v.property])).toEqual([
      ['p1', 'bad-value', 'birthDate'],
      ['x1', 'missing-required', 'holder'],
    ]);
  });
});
