import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFtm, type FtmEntity, type FtmImport } from '../../../../src/core/ftm';
import type { CaseId } from '../../../../src/core/model';

const caseId = 'case-1' as CaseId;
const fixture = readFileSync(
  new URL('../../../fixtures/ftm/ring.ftm.jsonl', import.meta.url),
  'utf8',
);
const line = (record: unknown) => JSON.stringify(record);

function byFtmId(result: FtmImport, ftmId: string): FtmEntity {
  const id = result.entityIds.get(ftmId);
  const entity = result.entities.find((e) => e.id === id);
  if (entity === undefined) throw new Error(`no entity for ${ftmId}`);
  return entity;
}

describe('importFtm on the ring fixture', () => {
  const result = importFtm(fixture, { caseId, now: '2024-05-01T00:00:00.000Z' });

  it('reports malformed lines by number and imports the rest', () => {
    expect(result.report.malformed).toEqual([
      { line: 16, message: 'entity "broken": property "name" must be a list of strings' },
      { line: 18, message: expect.stringMatching(/^not valid JSON/) as string },
    ]);
    expect(result.report.lines).toBe(42);
    expect(result.report.entities).toBe(15);
    expect(result.entities).toHaveLength(15);
    expect(result.links).toHaveLength(21);
  });

  it('lists unknown schemas and links it cannot resolve instead of dropping them', () => {
    expect(result.report.unmapped).toEqual([{ line: 17, id: 'boat', schema: 'Vessel' }]);
    expect(result.report.unresolved).toEqual([
      {
        line: 40,
        id: 'lu1',
        schema: 'Ownership',
        problems: ['"asset" refers to "boat", a Vessel, which is not imported'],
      },
      {
        line: 41,
        id: 'lu2',
        schema: 'Membership',
        problems: ['"member" refers to "ghost", which is not in the file'],
      },
      { line: 42, id: 'lu3', schema: 'Representation', problems: ['no "client"'] },
    ]);
  });

  it('maps schemata to kinds, names to scripts, and keeps every other property', () => {
    const sokha = byFtmId(result, 'a1');
    expect(sokha).toMatchObject({ caseId, kind: 'person', createdAt: '2024-05-01T00:00:00.000Z' });
    expect(sokha.names).toEqual([
      { value: 'សុខា ចាន់', script: 'khmer', ftmProperty: 'name', primary: true },
      { value: 'Sokha Chan', script: 'latin', ftmProperty: 'alias' },
    ]);
    expect(sokha.properties).toEqual({
      'ftm:id': 'a1',
      'ftm:schema': 'Person',
      topics: 'crime.traffick',
      nationality: 'kh',
      birthDate: '1984',
    });
    expect(byFtmId(result, 'b1').names[0]).toMatchObject({ value: 'สมชาย ใจดี', script: 'thai' });
    expect(byFtmId(result, 'a2').names[1]).toMatchObject({
      value: 'Big Dara',
      ftmProperty: 'weakAlias',
    });
    // Several values are JSON-encoded.
    expect(byFtmId(result, 'broker').properties['nationality']).toBe('["kh","th"]');
    expect(byFtmId(result, 'a4').kind).toBe('organization');
    expect(byFtmId(result, 'immigration').kind).toBe('organization');
    expect(byFtmId(result, 'b4').kind).toBe('organization');
    const account = byFtmId(result, 'acct');
    expect(account.kind).toBe('bankAccount');
    // No name: shown by its IBAN, which stays a property too.
    expect(account.names).toEqual([
      { value: 'KH12ABAA00001234567890', script: 'latin', primary: true, ftmProperty: 'caption' },
    ]);
    expect(account.properties['iban']).toBe('KH12ABAA00001234567890');
    expect(byFtmId(result, 'van').kind).toBe('vehicle');
  });

  it('maps topics to roles and government employment to an official with a post', () => {
    expect(byFtmId(result, 'a1').roles).toEqual(['suspect']);
    expect(byFtmId(result, 'a4').roles).toEqual(['suspect']); // crime.traffick on a company
    expect(byFtmId(result, 'broker').roles).toEqual(['suspect']); // crime.fin
    expect(byFtmId(result, 'pep').roles).toEqual(['official']); // role.pep
    expect(byFtmId(result, 'b4').roles).toEqual([]);
    const official = byFtmId(result, 'official');
    expect(official.roles).toEqual(['official']);
    expect(official.posts).toEqual([
      {
        agency: 'General Department of Immigration',
        position: 'Deputy director, border checkpoint',
        from: '2019-01-01',
        to: '2022-12-31',
      },
    ]);
    // Employment by a company that is not a government body does not make an official.
    expect(byFtmId(result, 'a2').roles).toEqual(['suspect']);
    expect(byFtmId(result, 'a2').posts).toBeUndefined();
  });

  it('turns edge schemata into links between their two ends, with dates and amounts', () => {
    const link = (ftmId: string) => result.links.find((l) => l.id === result.linkIds.get(ftmId))!;
    const payment = link('lo3');
    expect(payment).toMatchObject({
      type: 'paid',
      source: result.entityIds.get('broker'),
      target: result.entityIds.get('official'),
      directed: true,
      from: '2021-03-15',
      to: '2021-03-15',
      amount: 5000,
      currency: 'USD',
      reliability: 'F',
      credibility: 6,
    });
    expect(payment.properties).toEqual({ 'ftm:id': 'lo3', 'ftm:schema': 'Payment' });
    // Employment runs employee -> employer ("works for").
    expect(link('lo1')).toMatchObject({
      type: 'worksFor',
      source: result.entityIds.get('official'),
      target: result.entityIds.get('immigration'),
      from: '2019-01-01',
      to: '2022-12-31',
    });
    expect(link('lo1').properties['role']).toBe('Deputy director, border checkpoint');
    expect(link('la12')).toMatchObject({ type: 'associate', directed: false });
    expect(link('la12').properties['relationship']).toBe("cousin's business partner");
    expect(link('lb13')).toMatchObject({ type: 'family', directed: false });
    expect(link('la14')).toMatchObject({ type: 'worksFor', label: 'director' });
    expect(link('la13')).toMatchObject({ type: 'called', from: '2021-05-02', to: '2021-05-02' });
    expect(link('la13').properties['duration']).toBe('120');
    expect(link('lb23')).toMatchObject({ from: '2021-01', to: '2021-06' });
    expect(link('lx3')).toMatchObject({ type: 'owns', target: result.entityIds.get('acct') });
  });

  it('gives fresh ids and maps every FtM id to one', () => {
    expect(new Set(result.entities.map((e) => e.id)).size).toBe(15);
    expect([...result.entityIds.keys()]).not.toContain('boat');
    expect(result.entityIds.get('a1')).not.toBe('a1');
    expect(result.linkIds.size).toBe(21);
  });
});

describe('importFtm edge cases', () => {
  it('merges fragments of one entity spread over several lines', () => {
    const text = [
      line({ id: 'p', schema: 'Person', properties: { name: ['Sok Dara'] } }),
      line({ id: 'p', schema: 'Person', properties: { alias: ['ដារ៉ា'], topics: ['crime'] } }),
    ].join('\n');
    const { entities, report } = importFtm(text, { caseId });
    expect(entities).toHaveLength(1);
    expect(entities[0]!.names.map((n) => [n.value, n.script])).toEqual([
      ['Sok Dara', 'latin'],
      ['ដារ៉ា', 'khmer'],
    ]);
    expect(entities[0]!.roles).toEqual(['suspect']);
    expect(report.warnings).toEqual([]);
  });

  it('reads judges, civil servants and PEP positions as officials, with time in post', () => {
    const text = [
      line({ id: 'j', schema: 'Person', properties: { name: ['Judge'], topics: ['role.judge'] } }),
      line({ id: 'c', schema: 'Person', properties: { name: ['Clerk'], topics: ['role.civil'] } }),
      line({ id: 'h', schema: 'Person', properties: { name: ['Governor'] } }),
      line({
        id: 'pos',
        schema: 'Position',
        properties: { name: ['Governor of Koh Kong'], topics: ['gov.state'], country: ['kh'] },
      }),
      line({
        id: 'occ',
        schema: 'Occupancy',
        properties: { holder: ['h'], post: ['pos'], startDate: ['2018-06'], endDate: ['2023'] },
      }),
    ].join('\n');
    const result = importFtm(text, { caseId });
    const get = (ftmId: string) =>
      result.entities.find((e) => e.id === result.entityIds.get(ftmId))!;
    expect(get('j').roles).toEqual(['official']);
    expect(get('c').roles).toEqual(['official']);
    expect(get('h').roles).toEqual(['official']);
    expect(get('h').posts).toEqual([
      { agency: 'kh', position: 'Governor of Koh Kong', from: '2018-06', to: '2023' },
    ]);
    expect(result.links[0]).toMatchObject({ type: 'worksFor', label: 'holds post' });
  });

  it('reads an UnknownLink role naming a Ringtrace link type as that type', () => {
    const text = [
      line({ id: 'a', schema: 'Person', properties: { name: ['A'] } }),
      line({ id: 'b', schema: 'Person', properties: { name: ['B'] } }),
      line({
        id: 'l1',
        schema: 'UnknownLink',
        properties: { subject: ['a'], object: ['b'], role: ['recruited'] },
      }),
      line({
        id: 'l2',
        schema: 'UnknownLink',
        properties: { subject: ['a'], object: ['b'], role: ['lent a car to'] },
      }),
      line({ id: 'l3', schema: 'UnknownLink', properties: { subject: ['a', 'b'], object: ['b'] } }),
    ].join('\n');
    const { links, report } = importFtm(text, { caseId });
    expect(links.map((l) => [l.type, l.label])).toEqual([
      ['recruited', undefined],
      ['other', 'lent a car to'],
      ['other', undefined],
    ]);
    expect(report.warnings).toEqual([
      {
        line: 5,
        id: 'l3',
        message: 'has 2 "subject" values; linked the first, all kept in its properties',
      },
    ]);
    expect(links[2]!.properties['subject']).toBe('["a","b"]');
  });

  it('names what is wrong with records that are JSON but not FtM', () => {
    const text = [
      '[1, 2]',
      '{"schema": "Person"}',
      '{"id": "x"}',
      '{"id": "y", "schema": "Person", "properties": []}',
      '',
      '  ',
    ].join('\n');
    const { report, entities } = importFtm(text, { caseId });
    expect(entities).toEqual([]);
    expect(report.lines).toBe(4);
    expect(report.malformed).toEqual([
      { line: 1, message: 'expected a JSON object {id, schema, properties}' },
      { line: 2, message: 'missing "id"' },
      { line: 3, message: 'entity "x" has no "schema"' },
      { line: 4, message: 'entity "y": "properties" must be an object' },
    ]);
  });

  it('keeps a date it cannot read as a property, with a warning, instead of timing with it', () => {
    const text = [
      line({ id: 'a', schema: 'Person', properties: { name: ['A'] } }),
      line({ id: 'b', schema: 'Person', properties: { name: ['B'] } }),
      line({
        id: 'l',
        schema: 'Associate',
        properties: {
          person: ['a'],
          associate: ['b'],
          startDate: ['sometime in 2019'],
          endDate: ['2020-13-01'],
          date: ['2019'],
        },
      }),
    ].join('\n');
    const { links, report } = importFtm(text, { caseId });
    // The event date is still good, so it times the link.
    expect(links[0]).toMatchObject({ from: '2019', to: '2019' });
    expect(links[0]!.properties).toMatchObject({
      startDate: 'sometime in 2019',
      endDate: '2020-13-01',
    });
    expect(links[0]!.properties['date']).toBeUndefined();
    expect(report.warnings.map((w) => w.message)).toEqual([
      'startDate "sometime in 2019" is not a date; kept as a property, not used for timing',
      'endDate "2020-13-01" is not a date; kept as a property, not used for timing',
    ]);
  });

  it('warns when fragments of one id disagree on the schema', () => {
    const text = [
      line({ id: 'x', schema: 'Person', properties: { name: ['X'] } }),
      line({ id: 'x', schema: 'Company', properties: { jurisdiction: ['th'] } }),
    ].join('\n');
    const { entities, report } = importFtm(text, { caseId });
    expect(entities[0]!.kind).toBe('person');
    expect(report.warnings[0]).toMatchObject({
      line: 2,
      id: 'x',
      message: expect.stringMatching(/line 1.*Person.*Company/) as string,
    });
  });
});
