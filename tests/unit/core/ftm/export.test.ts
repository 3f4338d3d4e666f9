import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFtm, importFtm, type FtmImport } from '../../../../src/core/ftm';
import type { CaseId, Entity, EntityId, Link, LinkId } from '../../../../src/core/model';

const caseId = 'case-1' as CaseId;
const now = '2024-05-01T00:00:00.000Z';
const fixture = readFileSync(
  new URL('../../../fixtures/ftm/ring.ftm.jsonl', import.meta.url),
  'utf8',
);

/** The case without what import invents (fresh ids), with ends named by FtM id instead. */
function comparable(result: FtmImport) {
  const ftmOf = new Map([...result.entityIds].map(([ftm, id]) => [id as string, ftm]));
  return {
    entities: result.entities
      .map(({ id: _id, ...rest }) => rest)
      .sort((a, b) => a.properties['ftm:id']!.localeCompare(b.properties['ftm:id']!)),
    links: result.links
      .map(({ id: _id, source, target, ...rest }) => ({
        ...rest,
        source: ftmOf.get(source),
        target: ftmOf.get(target),
      }))
      .sort((a, b) => a.properties['ftm:id']!.localeCompare(b.properties['ftm:id']!)),
  };
}

describe('exportFtm', () => {
  it('import -> export -> import gives the same case', () => {
    const first = importFtm(fixture, { caseId, now });
    const exported = exportFtm(first);
    expect(exported.skipped).toEqual([]);
    const second = importFtm(exported.text, { caseId, now });
    expect(second.report.malformed).toEqual([]);
    expect(second.report.unmapped).toEqual([]);
    expect(second.report.unresolved).toEqual([]);
    expect(second.report.warnings).toEqual([]);
    expect(comparable(second)).toEqual(comparable(first));
    // And the FtM written the second time is byte for byte the first.
    expect(exportFtm(second).text).toBe(exported.text);
  });

  it('writes valid FtM: FtM ids kept, properties as lists of strings, edge ends as ids', () => {
    const first = importFtm(fixture, { caseId, now });
    const records = exportFtm(first)
      .text.trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, unknown> },
      );
    const payment = records.find((r) => r.id === 'lo3')!;
    expect(payment).toEqual({
      id: 'lo3',
      schema: 'Payment',
      properties: {
        payer: ['broker'],
        beneficiary: ['official'],
        date: ['2021-03-15'],
        amount: ['5000'],
        currency: ['USD'],
      },
    });
    const sokha = records.find((r) => r.id === 'a1')!;
    expect(sokha.properties).toMatchObject({
      name: ['សុខា ចាន់'],
      alias: ['Sokha Chan'],
      nationality: ['kh'],
      keywords: ['ringtrace:role:suspect'],
    });
    // The caption name of an account is not written as a name.
    expect(records.find((r) => r.id === 'acct')!.properties['name']).toBeUndefined();
    for (const r of records)
      for (const values of Object.values(r.properties)) {
        expect(Array.isArray(values)).toBe(true);
        expect((values as unknown[]).every((v) => typeof v === 'string')).toBe(true);
      }
  });

  it('exports a native selection so that kinds, roles and link types come back', () => {
    const entity = (
      id: string,
      kind: Entity['kind'],
      name: string,
      roles: Entity['roles'],
    ): Entity => ({
      id: id as EntityId,
      caseId,
      kind,
      names: [
        { value: name, script: 'latin', primary: true },
        { value: `${name} alias`, script: 'latin' },
      ],
      roles,
      properties: kind === 'phone' ? { number: '+85512345678' } : {},
      createdAt: now,
      updatedAt: now,
    });
    const link = (
      id: string,
      type: Link['type'],
      source: string,
      target: string,
      extra: Partial<Link> = {},
    ): Link => ({
      id: id as LinkId,
      caseId,
      type,
      source: source as EntityId,
      target: target as EntityId,
      directed: true,
      reliability: 'B',
      credibility: 2,
      createdAt: now,
      updatedAt: now,
      ...extra,
    });
    const entities = [
      entity('e-rec', 'person', 'Recruiter', ['recruiter']),
      entity('e-vic', 'person', 'Victim', ['victim']),
      entity('e-phone', 'phone', '+85512345678', []),
      entity('e-org', 'organization', 'Agency', []),
      entity('e-out', 'person', 'Not selected', []),
    ];
    const links = [
      link('l1', 'recruited', 'e-rec', 'e-vic', { from: '2022-01', to: '2022-03' }),
      link('l2', 'worksFor', 'e-rec', 'e-org'),
      link('l3', 'associate', 'e-rec', 'e-org', { directed: false }),
      link('l4', 'other', 'e-rec', 'e-phone', { label: 'uses' }),
      link('l5', 'paid', 'e-org', 'e-rec', {
        from: '2022-02-01',
        to: '2022-02-01',
        amount: 300.5,
        currency: 'USD',
      }),
      link('l6', 'family', 'e-rec', 'e-out', { directed: false }),
    ];
    const exported = exportFtm({ entities: entities.slice(0, 4), links });
    expect(exported.skipped).toEqual([
      { linkId: 'l6', reason: 'its target entity is not in the selection' },
    ]);
    expect(exported.records.map((r) => r.schema)).toEqual([
      'Person',
      'Person',
      'UserAccount',
      'Organization',
      'UnknownLink',
      'Employment',
      'UnknownLink',
      'UnknownLink',
      'Payment',
    ]);
    const back = importFtm(exported.text, { caseId, now });
    expect(back.report.unresolved).toEqual([]);
    const get = (id: string) => back.entities.find((e) => e.id === back.entityIds.get(id))!;
    expect(get('e-rec').roles).toEqual(['recruiter']);
    expect(get('e-vic').roles).toEqual(['victim']);
    expect(get('e-phone').kind).toBe('phone');
    expect(get('e-phone').properties['number']).toBe('+85512345678');
    expect(get('e-rec').names.map((n) => [n.value, n.primary === true])).toEqual([
      ['Recruiter', true],
      ['Recruiter alias', false],
    ]);
    const types = links.slice(0, 5).map((l) => {
      const imported = back.links.find((x) => x.id === back.linkIds.get(l.id))!;
      return [imported.type, imported.label, imported.from, imported.to, imported.amount];
    });
    expect(types).toEqual([
      ['recruited', undefined, '2022-01', '2022-03', undefined],
      ['worksFor', undefined, undefined, undefined, undefined],
      ['associate', undefined, undefined, undefined, undefined],
      ['other', 'uses', undefined, undefined, undefined],
      ['paid', undefined, '2022-02-01', '2022-02-01', 300.5],
    ]);
  });
});
