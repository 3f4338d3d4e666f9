import { describe, expect, it } from 'vitest';
import { BundleError, selectForBundle } from '../../../../src/core/bundle';
import { newId, type EntityId, type LinkId } from '../../../../src/core/model';
import { buildCaseFixture } from './caseFixture';

describe('selectForBundle', () => {
  it('"everything cited by these links" brings the links, their ends, cited items and pages', () => {
    const f = buildCaseFixture();
    const picked = selectForBundle(f.data, { citedByLinkIds: [f.ids.colluded] });
    expect(picked.links.map((l) => l.id)).toEqual([f.ids.colluded]);
    expect(picked.entities.map((e) => e.id).sort()).toEqual([f.ids.broker, f.ids.official].sort());
    expect(picked.evidence.map((i) => i.id)).toEqual([f.ids.chat]);
    expect(picked.pages.map((p) => [p.evidenceId, p.number])).toEqual([[f.ids.chat, 1]]);
    expect(picked.citations.map((c) => c.linkId)).toEqual([f.ids.colluded]);
    // The chain of custody of the chat comes whole, and nothing of the other items.
    expect(picked.custody.map((c) => c.evidenceId)).toEqual([f.ids.chat, f.ids.chat]);
  });

  it('brings every page of a cited item, not only the cited page', () => {
    const f = buildCaseFixture();
    const picked = selectForBundle(f.data, { citedByLinkIds: [f.ids.recruitedV1] });
    expect(picked.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(picked.citations).toHaveLength(1);
    expect(picked.allPagesOfItems?.map((p) => p.number).sort()).toEqual([1, 2]);
  });

  it('takes the citations of selected people whose cited page is in the bundle', () => {
    const f = buildCaseFixture();
    const picked = selectForBundle(f.data, {
      entityIds: [f.ids.official],
      evidenceIds: [f.ids.ledger],
    });
    expect(picked.entities.map((e) => e.id)).toEqual([f.ids.official]);
    expect(picked.links).toEqual([]);
    expect(picked.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(picked.citations.map((c) => c.entityId)).toEqual([f.ids.official]);

    // Without the ledger, the official's citation has nothing to point to and stays out.
    expect(selectForBundle(f.data, { entityIds: [f.ids.official] }).citations).toEqual([]);
  });

  it('plain links bring their ends but not unselected evidence', () => {
    const f = buildCaseFixture();
    const picked = selectForBundle(f.data, { linkIds: [f.ids.paidBroker] });
    expect(picked.entities.map((e) => e.id).sort()).toEqual([f.ids.recruiter, f.ids.broker].sort());
    expect(picked.evidence).toEqual([]);
    expect(picked.citations).toEqual([]);
    expect(picked.audit.map((a) => a.seq)).toEqual([2]);
  });

  it('names what is wrong with a selection', () => {
    const f = buildCaseFixture();
    const ghost = newId<EntityId>();
    expect(() => selectForBundle(f.data, { entityIds: [ghost] })).toThrow(
      new BundleError(`Selected entity ${ghost} is not in the case`),
    );
    const ghostLink = newId<LinkId>();
    expect(() => selectForBundle(f.data, { citedByLinkIds: [ghostLink] })).toThrow(ghostLink);
    expect(() => selectForBundle(f.data, {})).toThrow(/Nothing is selected/);
    const foreign = {
      ...f.data.entities[0],
      id: newId<EntityId>(),
      caseId: newId(),
    } as (typeof f.data.entities)[number];
    expect(() =>
      selectForBundle(
        { ...f.data, entities: [...f.data.entities, foreign] },
        { entityIds: [foreign.id] },
      ),
    ).toThrow(/belongs to another case/);
  });
});
