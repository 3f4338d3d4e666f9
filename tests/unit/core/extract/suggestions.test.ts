import { describe, expect, it } from 'vitest';
import { extract, findResolutionCandidates, suggestCoMentions } from '../../../../src/core/extract';
import {
  newId,
  type CaseId,
  type Entity,
  type EntityId,
  type EntityKind,
  type Name,
} from '../../../../src/core/model';

const caseId = newId<CaseId>();
function entity(
  kind: EntityKind,
  names: readonly string[],
  properties: Record<string, string> = {},
): Entity {
  return {
    id: newId<EntityId>(),
    caseId,
    kind,
    names: names.map((value, i): Name => ({ value, script: 'latin', primary: i === 0 })),
    roles: [],
    properties,
    createdAt: '2024-03-12T00:00:00Z',
    updatedAt: '2024-03-12T00:00:00Z',
  };
}

describe('suggestCoMentions', () => {
  it('pairs the distinct people named on one page, counting repeats of one person once', () => {
    const page =
      'Mr Somchai Rakdee met Ms Sok Dara at the border. Later RAKDEE Somchai paid นายวิชัย ใจดี.';
    const pairs = suggestCoMentions(extract(page, { kinds: ['name'] }));
    const names = pairs.map((p) => [p.a.name, p.b.name]);
    expect(names).toEqual([
      ['Somchai Rakdee', 'Sok Dara'],
      ['Somchai Rakdee', 'วิชัย ใจดี'],
      ['Sok Dara', 'วิชัย ใจดี'],
    ]);
    expect(pairs[0]?.reason).toMatch(/same page/u);
  });

  it('treats the same person in two scripts as one', () => {
    const pairs = suggestCoMentions(
      extract('Mr Somchai Rakdee (นายสมชาย รักดี) came alone.', { kinds: ['name'] }),
    );
    expect(pairs).toEqual([]);
  });

  it('proposes nothing for a page with one name or none', () => {
    expect(suggestCoMentions(extract('Mr Chan Dara signed.'))).toEqual([]);
    expect(suggestCoMentions([])).toEqual([]);
  });
});

describe('findResolutionCandidates', () => {
  it('pairs phones with the same number however it was written', () => {
    const a = entity('phone', ['081-234-5678'], { number: '081-234-5678' });
    const b = entity('phone', ['+66 81 234 5678'], { number: '+66812345678' });
    const c = entity('phone', ['012 345 678'], { number: '012 345 678' });
    const found = findResolutionCandidates([a, b, c]);
    expect(found).toHaveLength(1);
    expect(new Set([found[0]?.a, found[0]?.b])).toEqual(new Set([a.id, b.id]));
    expect(found[0]?.reasons).toContain('same phone number +66812345678');
  });

  it('pairs people whose names match across scripts and word order, with reasons', () => {
    const thai = entity('person', ['สมชาย รักดี']);
    const latin = entity('person', ['Rakdee Somchai', 'Big Chai']);
    const other = entity('person', ['Wichai Jaidee']);
    const khmer = entity('person', ['ចាន់ ដារ៉ា']);
    const dara = entity('person', ['Chan Dara']);
    const found = findResolutionCandidates([thai, latin, other, khmer, dara]);
    const pairs = found.map((f) => new Set([f.a, f.b]));
    expect(pairs).toContainEqual(new Set([thai.id, latin.id]));
    expect(pairs).toContainEqual(new Set([khmer.id, dara.id]));
    expect(found).toHaveLength(2);
    const somchai = found.find((f) => f.a === thai.id || f.b === thai.id);
    expect(somchai?.reasons.join(' ')).toMatch(/romanised from Thai/u);
  });

  it('pairs people sharing a passport number and never pairs different kinds', () => {
    const p1 = entity('person', ['Sok Dara'], { passportNumber: 'n0123-4567' });
    const p2 = entity('person', ['Dara S.'], { passportNumber: 'N01234567' });
    const org = entity('organization', ['Sok Dara']);
    const found = findResolutionCandidates([p1, p2, org]);
    expect(found).toHaveLength(1);
    expect(found[0]?.reasons).toContain('same document number N01234567');
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() => findResolutionCandidates([], { minNameScore: 1.5 })).toThrow(/minNameScore/u);
  });
});
