import { describe, expect, it } from 'vitest';
import {
  analyzeGraph,
  indexGraph,
  officialExposure,
  pathStrength,
  linkWeight,
} from '../../../../src/core/graph';
import { addRing, NetworkBuilder } from './plantedNetwork';

const POST = [
  { agency: 'Immigration Police', position: 'Border post chief', from: '2019-03', to: '2021-06' },
];

/**
 * The colluding official: direct link to a recruiter, a two-hop route through a driver (not a
 * suspect) to a transporter, a three-hop route to a financier (beyond the default horizon),
 * and a link to a suspect dated years before the official took the post.
 */
function collusion() {
  const b = new NetworkBuilder();
  const ring = addRing(b, 'r', 6, 0.7, 5);
  b.node('official', ['official'], POST);
  b.node('recruiter', ['recruiter']);
  b.node('driver', ['witness']);
  b.node('transporter', ['transporter']);
  b.node('middle', []);
  b.node('financier', ['financier']);
  b.node('old-contact', ['suspect']);
  b.node('victim', ['victim']);
  const direct = b.link('official', 'recruiter', {
    id: 'l-direct',
    type: 'colludedWith',
    from: '2020-02-11',
    reliability: 'B',
    credibility: 2,
  });
  const toDriver = b.link('official', 'driver', {
    id: 'l-driver',
    type: 'called',
    from: '2019-05',
    to: '2020-01',
    reliability: 'A',
    credibility: 1,
  });
  const toTransporter = b.link('driver', 'transporter', {
    id: 'l-transport',
    type: 'employed',
    from: '2020',
    reliability: 'A',
    credibility: 2,
    directed: true,
  });
  b.link('transporter', 'middle', { from: '2020' });
  b.link('middle', 'financier', { from: '2020' });
  b.link('official', 'old-contact', {
    id: 'l-old',
    type: 'family',
    from: '2012',
    to: '2015-12-31',
    reliability: 'A',
    credibility: 1,
  });
  b.link('official', 'victim', { from: '2020' });
  b.link('recruiter', ring[0]!, { from: '2020' });
  return { b, direct, toDriver, toTransporter, ring };
}

describe('officialExposure', () => {
  it('finds the planted suspects within two hops, strongest first, with each step’s link', () => {
    const { b, direct, toDriver, toTransporter, ring } = collusion();
    const [report] = officialExposure(indexGraph(b.build()));
    expect(report!.official).toBe('official');
    expect(report!.timeAware).toBe(true);
    const ids = report!.suspects.map((s) => s.id);
    expect(ids).toContain('recruiter');
    expect(ids).toContain('transporter');
    expect(ids).toContain(ring[0]);
    expect(ids).not.toContain('financier'); // three hops away
    expect(ids).not.toContain('driver'); // a witness, not a suspect
    expect(ids).not.toContain('victim');
    expect(ids).not.toContain('old-contact'); // only link dated before the post

    const recruiter = report!.suspects.find((s) => s.id === 'recruiter')!;
    expect(recruiter.hops).toBe(1);
    expect(recruiter.path.nodes).toEqual(['official', 'recruiter']);
    expect(recruiter.path.steps[0]).toMatchObject({
      linkId: direct,
      type: 'colludedWith',
      linkFrom: '2020-02-11',
    });
    expect(recruiter.path.strength).toBeCloseTo(linkWeight('B', 2));

    const transporter = report!.suspects.find((s) => s.id === 'transporter')!;
    expect(transporter.hops).toBe(2);
    expect(transporter.path.nodes).toEqual(['official', 'driver', 'transporter']);
    expect(transporter.path.steps.map((s) => s.linkId)).toEqual([toDriver, toTransporter]);
    expect(transporter.path.steps[1]).toMatchObject({
      type: 'employed',
      direction: 'forward',
      linkFrom: '2020',
    });
    expect(transporter.path.strength).toBeCloseTo(
      pathStrength([linkWeight('A', 1), linkWeight('A', 2)]),
    );

    const strengths = report!.suspects.map((s) => s.path.strength);
    expect(strengths).toEqual([...strengths].sort((x, y) => y - x));
    expect(report!.suspects[0]!.id).toBe('recruiter'); // B2 direct (0.64) beats A1-A2 chain (0.4)
  });

  it('keeps links outside the post when time-awareness is off, and reaches further with more hops', () => {
    const { b } = collusion();
    const index = indexGraph(b.build());
    const [loose] = officialExposure(index, { timeAware: false });
    expect(loose!.timeAware).toBe(false);
    const old = loose!.suspects.find((s) => s.id === 'old-contact')!;
    expect(old.path.steps[0]!.linkId).toBe('l-old');
    expect(old.path.strength).toBe(1); // A1 direct: the strongest there is
    expect(loose!.suspects[0]!.id).toBe('old-contact');

    const [far] = officialExposure(index, { maxHops: 4 });
    const financier = far!.suspects.find((s) => s.id === 'financier')!;
    expect(financier.hops).toBe(4);
    expect(financier.path.nodes).toEqual([
      'official',
      'driver',
      'transporter',
      'middle',
      'financier',
    ]);
  });

  it('excludes a link dated outside the post even when it is the only route', () => {
    const b = new NetworkBuilder();
    b.node(
      'o',
      ['official'],
      [{ agency: 'Labour Ministry', position: 'Inspector', from: '2018-01-01', to: '2018-12-31' }],
    );
    b.node('x', []);
    b.node('s', ['suspect']);
    b.link('o', 'x', { from: '2018-06' });
    b.link('x', 's', { from: '2019-01-01', to: '2019-03-01' }); // after the post ended
    expect(officialExposure(indexGraph(b.build()))[0]!.suspects).toEqual([]);
    // Undated links are kept: nothing shows they fall outside the post.
    b.link('x', 's', { id: 'undated' });
    const [report] = officialExposure(indexGraph(b.build()));
    expect(report!.suspects.map((s) => s.path.steps.at(-1)!.linkId)).toEqual(['undated']);
  });

  it('keeps a relationship that began before the post and went on into it', () => {
    const b = new NetworkBuilder();
    b.node('o', ['official'], [{ agency: 'Police', position: 'Captain', from: '2020' }]);
    b.node('s', ['suspect']);
    b.link('o', 's', { from: '2017', to: '2021' });
    expect(officialExposure(indexGraph(b.build()))[0]!.suspects.map((s) => s.id)).toEqual(['s']);
  });

  it('prefers the stronger of two routes to the same suspect', () => {
    const b = new NetworkBuilder();
    b.node('o', ['official']);
    b.node('weak', []);
    b.node('strong', []);
    b.node('s', ['suspect']);
    b.link('o', 'weak', { reliability: 'E', credibility: 5 });
    b.link('weak', 's', { reliability: 'E', credibility: 5 });
    b.link('o', 'strong', { reliability: 'A', credibility: 1 });
    b.link('strong', 's', { reliability: 'A', credibility: 2 });
    const [report] = officialExposure(indexGraph(b.build()));
    expect(report!.suspects[0]!.path.nodes).toEqual(['o', 'strong', 's']);
  });

  it('names the link or official whose date it cannot read', () => {
    const b = new NetworkBuilder();
    b.node('o', ['official'], POST);
    b.node('s', ['suspect']);
    b.link('o', 's', { id: 'bad-date', from: 'last spring' });
    expect(() => officialExposure(indexGraph(b.build()))).toThrow(
      /Link "bad-date": Not an ISO date: "last spring"/,
    );
    const c = new NetworkBuilder();
    c.node('o2', ['official'], [{ agency: 'x', position: 'y', from: 'soon' }]);
    expect(() => officialExposure(indexGraph(c.build()))).toThrow(/Posts of official "o2"/);
  });

  it('is part of the full analysis and rejects a nonsensical horizon', () => {
    const { b } = collusion();
    const result = analyzeGraph(b.build());
    expect(result.exposure.map((e) => e.official)).toEqual(['official']);
    expect(() => analyzeGraph(b.build(), { maxHops: 0 })).toThrow(/maxHops/);
  });
});
