import { describe, expect, it } from 'vitest';
import { shortestPath, postSpans, GraphInputError } from '../../../../src/core/graph';
import type { EntityId } from '../../../../src/core/model';
import { NetworkBuilder } from './plantedNetwork';

const id = (s: string) => s as EntityId;

function chain() {
  const b = new NetworkBuilder();
  for (const n of ['recruiter', 'agent', 'alt', 'driver', 'victim', 'loner']) b.node(n);
  b.link('recruiter', 'agent', {
    id: 'ra',
    type: 'paid',
    from: '2021-01-05',
    reliability: 'B',
    credibility: 2,
  });
  b.link('recruiter', 'alt', {
    id: 'rx',
    type: 'called',
    from: '2021-02',
    reliability: 'E',
    credibility: 4,
  });
  b.link('agent', 'driver', {
    id: 'ad',
    type: 'employed',
    from: '2021-03',
    to: '2021-09',
    directed: true,
    reliability: 'A',
    credibility: 2,
  });
  b.link('alt', 'driver', { id: 'xd', type: 'called', reliability: 'D', credibility: 3 });
  b.link('victim', 'driver', {
    id: 'vd',
    type: 'transported',
    from: '2021-06-12',
    directed: true,
    reliability: 'A',
    credibility: 1,
  });
  return b.build();
}

describe('shortestPath', () => {
  it('returns each step with its link id, type, direction and dates, on the best-graded shortest path', () => {
    const path = shortestPath(chain(), id('recruiter'), id('victim'))!;
    expect(path.nodes).toEqual(['recruiter', 'agent', 'driver', 'victim']);
    expect(path.steps).toEqual([
      {
        from: 'recruiter',
        to: 'agent',
        linkId: 'ra',
        type: 'paid',
        direction: 'undirected',
        linkFrom: '2021-01-05',
        reliability: 'B',
        credibility: 2,
      },
      {
        from: 'agent',
        to: 'driver',
        linkId: 'ad',
        type: 'employed',
        direction: 'forward',
        linkFrom: '2021-03',
        linkTo: '2021-09',
        reliability: 'A',
        credibility: 2,
      },
      {
        from: 'driver',
        to: 'victim',
        linkId: 'vd',
        type: 'transported',
        direction: 'backward',
        linkFrom: '2021-06-12',
        reliability: 'A',
        credibility: 1,
      },
    ]);
    expect(path.strength).toBeGreaterThan(0);
  });

  it('returns null when there is no path, and a zero-step path from an entity to itself', () => {
    expect(shortestPath(chain(), id('recruiter'), id('loner'))).toBeNull();
    const self = shortestPath(chain(), id('agent'), id('agent'))!;
    expect(self.nodes).toEqual(['agent']);
    expect(self.steps).toEqual([]);
  });

  it('keeps to a time window when asked', () => {
    const within = postSpans([{ agency: 'x', position: 'y', from: '2021-02', to: '2021-12' }]);
    // 'ra' (January 2021) falls outside, so the path must go through 'alt'.
    const path = shortestPath(chain(), id('recruiter'), id('victim'), { within: within! })!;
    expect(path.steps.map((s) => s.linkId)).toEqual(['rx', 'xd', 'vd']);
  });

  it('names an unknown entity', () => {
    expect(() => shortestPath(chain(), id('recruiter'), id('nobody'))).toThrow(GraphInputError);
    expect(() => shortestPath(chain(), id('recruiter'), id('nobody'))).toThrow(/"nobody"/);
  });
});
