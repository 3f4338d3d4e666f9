import { describe, expect, it } from 'vitest';
import { analyzeGraph, displayName, graphInputFromCase } from '../../../../src/core/graph';
import {
  newId,
  type CaseId,
  type Entity,
  type EntityId,
  type Link,
  type LinkId,
} from '../../../../src/core/model';

const caseId = newId<CaseId>();
const now = '2024-01-01T00:00:00Z';

function person(name: string, extra: Partial<Entity> = {}): Entity {
  return {
    id: newId<EntityId>(),
    caseId,
    kind: 'person',
    names: [
      { value: `${name} alias`, script: 'latin' },
      { value: name, script: 'latin', primary: true },
    ],
    roles: [],
    properties: {},
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

describe('graphInputFromCase', () => {
  it('carries what the analysis needs from case entities and links', () => {
    const official = person('Chea Rith', {
      roles: ['official'],
      posts: [{ agency: 'Police', position: 'Chief', from: '2019', to: '2021' }],
    });
    const recruiter = person('Dara', { roles: ['recruiter'] });
    const link: Link = {
      id: newId<LinkId>(),
      caseId,
      type: 'paid',
      source: recruiter.id,
      target: official.id,
      directed: true,
      from: '2020-04-01',
      amount: 500,
      currency: 'USD',
      reliability: 'B',
      credibility: 2,
      createdAt: now,
      updatedAt: now,
    };
    const input = graphInputFromCase([official, recruiter], [link]);
    expect(input.nodes[0]).toEqual({
      id: official.id,
      name: 'Chea Rith',
      kind: 'person',
      roles: ['official'],
      posts: official.posts,
    });
    expect(input.edges[0]).toEqual({
      id: link.id,
      source: recruiter.id,
      target: official.id,
      type: 'paid',
      directed: true,
      from: '2020-04-01',
      reliability: 'B',
      credibility: 2,
    });
    const [exposure] = analyzeGraph(input).exposure;
    expect(exposure!.suspects[0]!.path.steps[0]).toMatchObject({
      linkId: link.id,
      type: 'paid',
      direction: 'backward',
    });
  });

  it('names an entity by its primary name, else its first, else its id', () => {
    expect(displayName(person('Primary'))).toBe('Primary');
    const unnamed = person('x', { names: [] });
    expect(displayName(unnamed)).toBe(unnamed.id);
    expect(displayName(person('x', { names: [{ value: 'Only', script: 'latin' }] }))).toBe('Only');
  });
});
