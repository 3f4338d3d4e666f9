/**
 * When two links join the same two entities, a path (and the exposure report) steps over the
 * cited one before the uncited one, then the better graded, and says how many it passed over.
 */
import { describe, expect, it } from 'vitest';
import { indexGraph, officialExposure, shortestPath } from '../../../../src/core/graph';
import type { EntityId } from '../../../../src/core/model';
import { NetworkBuilder } from './plantedNetwork';

const id = (s: string) => s as EntityId;

function pair(cited: 'both' | 'weaker' | 'none') {
  const b = new NetworkBuilder();
  b.node('official', ['official']);
  b.node('broker');
  b.node('suspect', ['suspect']);
  // Well graded, cited only in "both".
  b.link('official', 'broker', {
    id: 'graded',
    reliability: 'A',
    credibility: 1,
    cited: cited === 'both',
  });
  // Poorly graded, cited in "weaker" and "both".
  b.link('official', 'broker', {
    id: 'poor',
    reliability: 'E',
    credibility: 5,
    cited: cited !== 'none',
  });
  b.link('broker', 'suspect', { id: 'bs', cited: true });
  return b.build();
}

describe('preferred links between the same two entities', () => {
  it('a path takes the cited link over a better-graded uncited one, and says so', () => {
    const path = shortestPath(pair('weaker'), id('official'), id('suspect'))!;
    expect(path.steps.map((s) => s.linkId)).toEqual(['poor', 'bs']);
    expect(path.steps[0]).toMatchObject({ cited: true, passedOver: 1 });
    expect(path.steps[1]!.passedOver).toBeUndefined();
  });

  it('among cited links, and among uncited ones, the better graded wins', () => {
    for (const cited of ['both', 'none'] as const) {
      const path = shortestPath(pair(cited), id('official'), id('suspect'))!;
      expect(path.steps[0]).toMatchObject({ linkId: 'graded', passedOver: 1 });
    }
  });

  it('the exposure report steps over the cited link too', () => {
    const [report] = officialExposure(indexGraph(pair('weaker')), { timeAware: false });
    const suspect = report!.suspects.find((s) => s.id === 'suspect')!;
    expect(suspect.path.steps.map((s) => s.linkId)).toEqual(['poor', 'bs']);
    expect(suspect.path.steps[0]!.passedOver).toBe(1);
  });
});
