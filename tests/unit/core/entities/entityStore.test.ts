import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import {
  acceptAllOfKind,
  acceptSuggestion,
  addTypedStatement,
  blindTokensFor,
  confirmCoMention,
  duplicateCandidates,
  EntityStoreError,
  openEntityStore,
  rejectSuggestion,
  suggestionsForCase,
  type EntityInput,
  type EntityStore,
} from '../../../../src/core/entities';
import type { CaseId, EntityId, EvidenceId, PageId } from '../../../../src/core/model';
import { newId } from '../../../../src/core/model';
import type { UnlockedVault } from '../../../../src/core/vault';
import { newTestVault } from '../../../helpers/vaultFixture';

async function setup(): Promise<{ vault: UnlockedVault; store: EntityStore; caseId: CaseId }> {
  const vault = await newTestVault();
  const cases = openCaseStore(vault);
  const created = await cases.create({ reference: 'KH-2026-001', title: 'Poipet ring' });
  return { vault, store: openEntityStore(vault), caseId: created.id };
}

const person = (name: string, extra: Partial<EntityInput> = {}): EntityInput => ({
  kind: 'person',
  names: [{ value: name, script: 'latin', primary: true }],
  roles: [],
  properties: {},
  ...extra,
});

async function actions(vault: UnlockedVault): Promise<string[]> {
  return (await vault.db.audit.toArray()).map((a) => a.action);
}

describe('entity store', () => {
  it('finds an entity by phone number however it was written, via the blind index', async () => {
    const { vault, store, caseId } = await setup();
    const phone = await store.createEntity(caseId, {
      kind: 'phone',
      names: [{ value: '+855 12 345 678', script: 'latin', primary: true }],
      roles: [],
      properties: { number: '+855 12 345 678' },
    });
    const found = await store.findByPhone(caseId, '+85512345678');
    expect(found.map((e) => e.id)).toEqual([phone.id]);
    expect(await store.findByPhone(caseId, '+85512345679')).toEqual([]);
    // The row holds tokens, never the number: the blind index is an HMAC.
    const row = await vault.db.entities.get(phone.id);
    expect(row?.blind).toEqual(blindTokensFor(vault, phone));
    expect(JSON.stringify(row?.blind)).not.toContain('345');
    expect(await actions(vault)).toContain('entity.create');
  });

  it('refuses bad input with a message naming the problem, and stores nothing', async () => {
    const { vault, store, caseId } = await setup();
    await expect(store.createEntity(caseId, person('  '))).rejects.toThrow(/needs a name/);
    const a = await store.createEntity(caseId, person('Sok Dara'));
    const b = await store.createEntity(caseId, person('Chan Vuthy'));
    const base = {
      type: 'paid',
      source: a.id,
      target: b.id,
      directed: true,
      reliability: 'B',
      credibility: 2,
    } as const;
    await expect(store.createLink(caseId, { ...base, amount: 500 })).rejects.toThrow(/currency/);
    await expect(store.createLink(caseId, { ...base, type: 'other' })).rejects.toThrow(/label/);
    await expect(
      store.createLink(caseId, { ...base, from: '2026-05-01', to: '2026-01-01' }),
    ).rejects.toThrow(/before it starts/);
    expect(await vault.db.links.count()).toBe(0);
  });

  it('deletes an entity with its links and their citations, in one audited change', async () => {
    const { vault, store, caseId } = await setup();
    const evidenceId = await addTypedStatement(vault, {
      caseId,
      exhibitRef: 'ST-1',
      statedBy: 'Witness A',
      takenWhere: 'Poipet',
      text: 'Sok Dara paid Chan Vuthy 500 USD.',
    });
    const page = (await vault.db.pages.where('evidenceId').equals(evidenceId).toArray())[0]!;
    const a = await store.createEntity(caseId, person('Sok Dara'));
    const b = await store.createEntity(caseId, person('Chan Vuthy'));
    const link = await store.createLink(caseId, {
      type: 'paid',
      source: a.id,
      target: b.id,
      directed: true,
      amount: 500,
      currency: 'USD',
      reliability: 'B',
      credibility: 2,
    });
    await store.addCitation(caseId, {
      subject: { linkId: link.id },
      evidenceId,
      pageId: page.id,
      pageNumber: 1,
      quote: 'paid Chan Vuthy 500 USD',
      boxes: [],
    });
    await store.addCitation(caseId, {
      subject: { entityId: b.id },
      evidenceId,
      pageId: page.id,
      pageNumber: 1,
      quote: 'Chan Vuthy',
      boxes: [],
    });
    expect(await store.deleteEntity(a.id)).toEqual({ links: 1, citations: 1 });
    expect(await vault.db.links.count()).toBe(0);
    expect((await vault.db.citations.toArray()).map((c) => c.entityId)).toEqual([b.id]);
    expect(await actions(vault)).toContain('entity.delete');
    expect((await vault.audit.verify()).intact).toBe(true);
  });

  it('refuses a citation of a page that is not the evidence item’s', async () => {
    const { store, caseId } = await setup();
    const a = await store.createEntity(caseId, person('Sok Dara'));
    await expect(
      store.addCitation(caseId, {
        subject: { entityId: a.id },
        evidenceId: newId<EvidenceId>(),
        pageId: newId<PageId>(),
        pageNumber: 1,
        quote: 'x',
        boxes: [],
      }),
    ).rejects.toBeInstanceOf(EntityStoreError);
  });
});

describe('merge and undo', () => {
  it('keeps every alias, link and citation on the survivor, and undo puts it all back', async () => {
    const { vault, store, caseId } = await setup();
    const evidenceId = await addTypedStatement(vault, {
      caseId,
      exhibitRef: 'ST-2',
      statedBy: 'Witness B',
      takenWhere: 'Battambang',
      text: 'Sok Dara and Dara Sok are the same broker. សុខ ដារា called Chan Vuthy.',
    });
    const page = (await vault.db.pages.where('evidenceId').equals(evidenceId).toArray())[0]!;
    const survivor = await store.createEntity(
      caseId,
      person('Sok Dara', { roles: ['broker'], properties: { phone: '+85512345678' } }),
    );
    const absorbed = await store.createEntity(caseId, {
      ...person('Dara Sok', { roles: ['recruiter'], notes: 'Seen in Poipet' }),
      names: [
        { value: 'Dara Sok', script: 'latin', primary: true },
        { value: 'សុខ ដារា', script: 'khmer' },
      ],
      properties: { phone: '+85598765432' },
    });
    const other = await store.createEntity(caseId, person('Chan Vuthy'));
    const link = await store.createLink(caseId, {
      type: 'called',
      source: absorbed.id,
      target: other.id,
      directed: true,
      reliability: 'C',
      credibility: 3,
    });
    const citation = await store.addCitation(caseId, {
      subject: { entityId: absorbed.id },
      evidenceId,
      pageId: page.id,
      pageNumber: 1,
      quote: ' សុខ ដារា',
      boxes: [],
    });

    const candidates = await duplicateCandidates(store, caseId);
    const pair = candidates.find(
      (c) =>
        new Set([c.a.id, c.b.id]).has(survivor.id) && new Set([c.a.id, c.b.id]).has(absorbed.id),
    );
    expect(pair?.reasons).toContain('same name, word order ignored');

    const record = await store.merge(survivor.id, absorbed.id);
    const merged = await store.getEntity(survivor.id);
    expect(merged.names.map((n) => n.value)).toEqual(['Sok Dara', 'Dara Sok', 'សុខ ដារា']);
    expect(merged.roles).toEqual(['broker', 'recruiter']);
    expect(JSON.parse(merged.properties['phone']!)).toEqual(['+85512345678', '+85598765432']);
    expect(merged.notes).toBe('Seen in Poipet');
    expect((await vault.db.links.get(link.id))?.source).toBe(survivor.id);
    expect((await vault.db.citations.get(citation.id))?.entityId).toBe(survivor.id);
    expect(await vault.db.entities.get(absorbed.id)).toBeUndefined();
    // Both phone numbers now find the survivor.
    expect((await store.findByPhone(caseId, '+85598765432')).map((e) => e.id)).toEqual([
      survivor.id,
    ]);
    expect((await store.listMerges(caseId)).map((m) => m.id)).toEqual([record.id]);
    expect(await actions(vault)).toContain('entity.merge');

    // An edit after the merge survives the undo.
    await store.updateEntity(survivor.id, { ...merged, roles: [...merged.roles, 'financier'] });
    await store.undoMerge(survivor.id, record.id);

    const back = await store.getEntity(absorbed.id);
    expect(back).toEqual(absorbed);
    const restored = await store.getEntity(survivor.id);
    expect(restored.names.map((n) => n.value)).toEqual(['Sok Dara']);
    expect(restored.roles).toEqual(['broker', 'financier']);
    expect(restored.properties).toEqual({ phone: '+85512345678' });
    expect(restored.notes).toBeUndefined();
    expect((await vault.db.links.get(link.id))?.source).toBe(absorbed.id);
    expect((await vault.db.citations.get(citation.id))?.entityId).toBe(absorbed.id);
    expect((await store.findByPhone(caseId, '+85598765432')).map((e) => e.id)).toEqual([
      absorbed.id,
    ]);
    expect(await store.listMerges(caseId)).toEqual([]);
    expect(await actions(vault)).toContain('entity.unmerge');
    expect((await vault.audit.verify()).intact).toBe(true);
  });

  it('refuses to merge entities of different kinds', async () => {
    const { store, caseId } = await setup();
    const a = await store.createEntity(caseId, person('Sok Dara'));
    const b = await store.createEntity(caseId, { ...person('Sok Dara'), kind: 'organization' });
    await expect(store.merge(a.id, b.id)).rejects.toThrow(/same kind|one kind/);
  });
});

describe('suggestions', () => {
  const TEXT =
    'Statement. Sok Dara called me from 012 345 678 and told me to pay 15,000 THB to account ' +
    '123-456-789 at ACLEDA Bank. Chan Vuthy drove the van.';

  it('turns findings into entities with citations, and remembers rejections', async () => {
    const { vault, store, caseId } = await setup();
    await addTypedStatement(vault, {
      caseId,
      exhibitRef: 'ST-3',
      statedBy: 'Victim V1',
      takenWhere: 'Phnom Penh',
      text: TEXT,
    });
    let pages = await suggestionsForCase(store, caseId);
    expect(pages).toHaveLength(1);
    const kinds = pages[0]!.findings.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['phone', 'account', 'money', 'name']));

    const phone = pages[0]!.findings.find((f) => f.kind === 'phone')!;
    const id = (await acceptSuggestion(store, phone, { newEntity: true })) as EntityId;
    const entity = await store.getEntity(id);
    expect(entity.kind).toBe('phone');
    expect(entity.properties['number']).toBe('+85512345678');
    const citations = await store.listCitations(caseId);
    expect(citations).toHaveLength(1);
    expect(citations[0]).toMatchObject({ entityId: id, pageNumber: 1, quote: phone.value });

    const money = pages[0]!.findings.find((f) => f.kind === 'money')!;
    await rejectSuggestion(store, money);
    const people = await acceptAllOfKind(store, pages, 'name');
    expect(people).toBeGreaterThanOrEqual(2);

    pages = await suggestionsForCase(store, caseId);
    const status = (kind: string) => pages[0]!.findings.find((f) => f.kind === kind)?.status;
    expect(status('phone')).toBe('accepted');
    expect(status('money')).toBe('rejected');
    // The accepted phone is now known by its number: a second sighting attaches to it.
    expect(pages[0]!.findings.find((f) => f.kind === 'phone')!.known.map((e) => e.id)).toEqual([
      id,
    ]);

    const co = pages[0]!.coMentions.find(
      (c) =>
        [c.a.name, c.b.name].includes('Sok Dara') && [c.a.name, c.b.name].includes('Chan Vuthy'),
    );
    expect(co?.a.entityId).toBeDefined();
    expect(co?.b.entityId).toBeDefined();
    const linkId = await confirmCoMention(store, co!);
    const links = await store.listLinks(caseId);
    expect(links.map((l) => [l.id, l.type])).toEqual([[linkId, 'associate']]);
    pages = await suggestionsForCase(store, caseId);
    expect(pages[0]!.coMentions.find((c) => c.key === co!.key)?.status).toBe('accepted');
    expect((await vault.audit.verify()).intact).toBe(true);
  });

  it('refuses a co-mention link before both people are entities', async () => {
    const { vault, store, caseId } = await setup();
    await addTypedStatement(vault, {
      caseId,
      exhibitRef: 'ST-4',
      statedBy: 'W',
      takenWhere: 'X',
      text: TEXT,
    });
    const pages = await suggestionsForCase(store, caseId);
    const co = pages[0]!.coMentions[0]!;
    await expect(confirmCoMention(store, co)).rejects.toThrow(/as a person first/);
    // Rejected before the people exist, it stays rejected once they do.
    await rejectSuggestion(store, co);
    await acceptAllOfKind(store, pages, 'name');
    const again = await suggestionsForCase(store, caseId);
    const same = again[0]!.coMentions.find((c) => c.key === co.key);
    expect(same?.status).toBe('rejected');
    expect(same?.a.entityId).toBeDefined();
  });

  it('refuses a typed statement with a used exhibit reference', async () => {
    const { vault, caseId } = await setup();
    const input = { caseId, exhibitRef: 'ST-5', statedBy: 'W', takenWhere: 'X', text: 'hello' };
    await addTypedStatement(vault, input);
    await expect(addTypedStatement(vault, { ...input, exhibitRef: 'st-5 ' })).rejects.toThrow(
      /already used/,
    );
    await expect(
      addTypedStatement(vault, { ...input, exhibitRef: 'ST-6', text: ' ' }),
    ).rejects.toThrow(/empty/);
    expect(await vault.db.evidence.count()).toBe(1);
  });
});
